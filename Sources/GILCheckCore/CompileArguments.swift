import Foundation

/// The compiler arguments a file is parsed with.
public enum CompileArguments {
    /// Always on: the free-threaded view of the headers, every error reported, no warnings (they
    /// are the compiler's business), and C constructs newer clangs reject kept parseable.
    static let base = [
        "-DPy_GIL_DISABLED=1", "-ferror-limit=0", "-w",
        "-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
        "-Wno-error=incompatible-function-pointer-types", "-Wno-error=int-conversion",
    ]

    public static func forFile(_ path: String, language: Language, headers: PythonHeaders, extra: [String],
                               database: [String]? = nil) -> [String] {
        var args: [String] = []
        if let database {
            args += database
        } else {
            args += language == .cxx ? ["-x", "c++", "-std=c++17"] : ["-x", "c"]
        }
        args += base
        let dir = (path as NSString).deletingLastPathComponent
        args += ["-I", dir.isEmpty ? "." : dir]
        args += headers.arguments
        args += extra
        return args
    }

    /// The flags of a compile_commands.json entry worth passing to the parser: include paths
    /// (made absolute against the entry's directory), macros, language standard and mode. Output,
    /// dependency-file and code-generation flags are dropped.
    public static func fromDatabase(_ arguments: [String], directory: String, file: String) -> [String] {
        var result: [String] = []
        var i = 1  // argument 0 is the compiler
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : (directory as NSString).appendingPathComponent(p)
        }
        let withValue: Set<String> = ["-I", "-isystem", "-iquote", "-idirafter", "-include", "-D", "-U", "-x", "-std"]
        let dropWithValue: Set<String> = ["-o", "-MF", "-MT", "-MQ", "-arch", "-Xclang", "-Xlinker", "-L", "-l"]
        while i < arguments.count {
            let a = arguments[i]
            defer { i += 1 }
            if a == file || absolute(a) == absolute(file) { continue }
            if dropWithValue.contains(a) { i += 1; continue }
            if withValue.contains(a), i + 1 < arguments.count {
                let v = arguments[i + 1]
                i += 1
                let pathLike: Set<String> = ["-I", "-isystem", "-iquote", "-idirafter", "-include"]
                result += [a, pathLike.contains(a) ? absolute(v) : v]
                continue
            }
            for prefix in ["-I", "-isystem", "-iquote"] where a.hasPrefix(prefix) && a.count > prefix.count {
                result.append(prefix + absolute(String(a.dropFirst(prefix.count))))
            }
            if a.hasPrefix("-I") || a.hasPrefix("-isystem") || a.hasPrefix("-iquote") { continue }
            if a.hasPrefix("-D") || a.hasPrefix("-U") || a.hasPrefix("-std=") || a.hasPrefix("-f") && !a.hasPrefix("-fplugin")
                && !a.hasPrefix("-fpass-plugin") || a == "-ansi" || a.hasPrefix("-m") && !a.hasPrefix("-mllvm") {
                result.append(a)
            }
        }
        return result
    }
}
