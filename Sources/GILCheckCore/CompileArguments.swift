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

    /// Flags that make a compiler load or run code, or read its configuration from elsewhere:
    /// never passed on. Each is matched as a prefix (`-fplugin=x.so`, `-B/dir`); written alone,
    /// it takes the next argument as its value. (`-Xclang` is handled on its own.)
    static let refusedFlags = ["-fplugin", "-fpass-plugin", "--config", "-B", "--prefix", "-specs", "--specs",
                               "-Xpreprocessor", "-mllvm", "--gcc-toolchain", "-resource-dir"]
    /// `-f` flags that read or write files (modules, profiles, crash reports) and do not change
    /// how code parses: dropped quietly.
    static let fileFlagPrefixes = ["-fcrash-diagnostics", "-fmodule", "-fprebuilt-module", "-fimplicit-module", "-fprofile",
                                   "-fsanitize", "-fcoverage", "-fxray", "-fembed", "-fdebug-prefix-map", "-fmacro-prefix-map",
                                   "-ffile-prefix-map", "-fsave-optimization-record", "-fproc-stat-report", "-ftime-trace"]
    /// What follows `-Xclang` that loads a plugin (the pair is refused and reported).
    static let refusedFrontendFlags = ["-load", "-plugin", "-add-plugin", "-plugin-arg"]

    /// The flags of a compile_commands.json entry worth passing to the parser: include paths
    /// (made absolute against the entry's directory), macros, language standard and mode. Output,
    /// dependency-file and code-generation flags are dropped quietly; flags that would load code
    /// (plugins, `--config`, `-B`, `-specs=`) and response files outside `root` are returned as
    /// `refused`, for a warning. Response files inside the root are expanded.
    public static func fromDatabase(_ arguments: [String], directory: String, file: String,
                                    root: String) -> (arguments: [String], refused: [String]) {
        var result: [String] = []
        var refused: [String] = []
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : (directory as NSString).appendingPathComponent(p)
        }
        let args = expandResponseFiles(Array(arguments.dropFirst()), directory: directory, root: root, refused: &refused)
        let withValue: Set<String> = ["-I", "-isystem", "-iquote", "-idirafter", "-include", "-D", "-U", "-x", "-std"]
        let dropWithValue: Set<String> = ["-o", "-MF", "-MT", "-MQ", "-arch", "-Xlinker", "-L", "-l", "-target", "--target"]
        let pathLike: Set<String> = ["-I", "-isystem", "-iquote", "-idirafter", "-include"]
        var i = 0
        while i < args.count {
            let a = args[i]
            defer { i += 1 }
            if a == file || absolute(a) == absolute(file) { continue }
            if a == "-Xclang" {
                // Frontend flags are not ours to pass; the ones that load plugins are worth a warning.
                let next = i + 1 < args.count ? args[i + 1] : ""
                if refusedFrontendFlags.contains(where: { next.hasPrefix($0) }) { refused.append("-Xclang " + next.prefix { $0 != "=" }) }
                i += 1
                continue
            }
            if let flag = refusedFlags.first(where: { a.hasPrefix($0) }) {
                refused.append(flag)
                if a == flag { i += 1 }
                continue
            }
            if dropWithValue.contains(a) { i += 1; continue }
            if withValue.contains(a), i + 1 < args.count {
                let v = args[i + 1]
                i += 1
                result += [a, pathLike.contains(a) ? absolute(v) : v]
                continue
            }
            for prefix in ["-I", "-isystem", "-iquote"] where a.hasPrefix(prefix) && a.count > prefix.count {
                result.append(prefix + absolute(String(a.dropFirst(prefix.count))))
            }
            if a.hasPrefix("-I") || a.hasPrefix("-isystem") || a.hasPrefix("-iquote") { continue }
            let fileFlag = Self.fileFlagPrefixes.contains { a.hasPrefix($0) }
            if a.hasPrefix("-D") || a.hasPrefix("-U") || a.hasPrefix("-std=") || a.hasPrefix("-f") && !fileFlag || a == "-ansi" || a.hasPrefix("-m") {
                result.append(a)
            }
        }
        return (result, refused)
    }

    /// `@file` arguments replaced by the file's words, when the file lies inside the source
    /// root (nested up to a few levels); others are refused.
    static func expandResponseFiles(_ arguments: [String], directory: String, root: String, refused: inout [String],
                                    depth: Int = 0) -> [String] {
        var out: [String] = []
        for a in arguments {
            guard a.hasPrefix("@"), a.count > 1 else { out.append(a); continue }
            let name = String(a.dropFirst())
            let path = Engine.canonicalPath(name.hasPrefix("/") ? name : directory + "/" + name)
            guard depth < 4, path.hasPrefix(root + "/"), let data = FileManager.default.contents(atPath: path), !data.contains(0) else {
                refused.append("@file outside the source root")
                continue
            }
            out += expandResponseFiles(ShellWords.split(String(decoding: data, as: UTF8.self)), directory: directory, root: root,
                                       refused: &refused, depth: depth + 1)
        }
        return out
    }
}
