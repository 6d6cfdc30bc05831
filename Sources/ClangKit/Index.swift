import CClang
import Foundation

/// A libclang index: the context translation units are parsed in. Not thread-safe; use one per
/// worker thread.
public final class Index: @unchecked Sendable {
    let raw: CXIndex

    /// Declarations that come from a precompiled header are left out of the unit's top level:
    /// they are the Python and system headers, which analysis skips anyway, and visiting them
    /// would read them all back from the header.
    public init() {
        raw = clang_createIndex(1, 0)
    }

    deinit { clang_disposeIndex(raw) }

    /// Gives the memory of disposed translation units back to the system once more than `keep`
    /// bytes of it are free. glibc keeps freed memory for reuse, so without this a process stays
    /// as large as the largest unit it parsed; below the limit, keeping it spares the next unit
    /// faulting fresh pages in.
    public static func releaseFreedMemory(keeping keep: Int) { gilcheck_release_freed_memory(keep) }

    /// libclang's version string, e.g. "Debian clang version 14.0.6". Loads libclang.
    public static var version: String { takeString(clang_getClangVersion()) }

    /// The libclang file gilcheck loads, or nil when it is not installed. Loads nothing.
    public static var libraryPath: String? { gilcheck_libclang_path().map { String(cString: $0) } }

    /// Where gilcheck looks for libclang: the library directory of the LLVM it was built against.
    public static var libraryDirectory: String { String(cString: gilcheck_libclang_directory()) }

    /// Which libclang gilcheck loads, without loading it (for cache keys): the file the library
    /// path resolves to, its size and modification time, which an upgrade changes.
    public static var libraryIdentity: String {
        guard let path = libraryPath, let resolved = realpath(path, nil) else { return "no libclang" }
        defer { free(resolved) }
        var info = stat()
        let file = String(cString: resolved)
        guard stat(file, &info) == 0 else { return file }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return "\(file) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// An in-memory file libclang reads instead of the disk (the embedded Python model, a source
    /// with its data tables blanked).
    public struct UnsavedFile: Sendable {
        public var path: String
        public var contents: [UInt8]
        public init(path: String, contents: [UInt8]) {
            self.path = path
            self.contents = contents
        }
        public init(path: String, contents: String) {
            self.init(path: path, contents: Array(contents.utf8))
        }
    }

    public enum ParseError: Error, Equatable, Sendable {
        /// libclang returned no translation unit; the code says why (`CXErrorCode`).
        case failed(code: Int)
    }

    /// Parses one source file. Bodies are never skipped, and missing headers or errors do not stop
    /// the parse. (No detailed preprocessing record: macros are recovered from tokens, which
    /// costs nothing when unused.)
    public func parse(path: String, arguments: [String], unsavedFiles: [UnsavedFile] = []) throws -> TranslationUnit {
        let options = CXTranslationUnit_KeepGoing.rawValue
        var cArgs = arguments.map { strdup($0) }
        defer { cArgs.forEach { free($0) } }
        var files = unsavedFiles.map { file -> CXUnsavedFile in
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: file.contents.count + 1)
            file.contents.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { memcpy(buffer, base, bytes.count) }
            }
            buffer[file.contents.count] = 0
            return CXUnsavedFile(Filename: strdup(file.path), Contents: buffer, Length: UInt(file.contents.count))
        }
        defer {
            for file in files {
                free(UnsafeMutablePointer(mutating: file.Filename))
                UnsafeMutablePointer(mutating: file.Contents).deallocate()
            }
        }
        var tu: CXTranslationUnit?
        let code = cArgs.withUnsafeMutableBufferPointer { argv -> CXErrorCode in
            files.withUnsafeMutableBufferPointer { unsaved in
                argv.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: argv.count) { args in
                    clang_parseTranslationUnit2(
                        raw, path, args, Int32(argv.count), unsaved.baseAddress, UInt32(unsaved.count),
                        options, &tu)
                }
            }
        }
        guard code == CXError_Success, let tu else { throw ParseError.failed(code: Int(code.rawValue)) }
        return TranslationUnit(raw: tu, index: self)
    }
}

func takeString(_ s: CXString) -> String {
    defer { clang_disposeString(s) }
    guard let c = clang_getCString(s) else { return "" }
    return String(cString: c)
}
