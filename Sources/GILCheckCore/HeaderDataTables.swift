import Foundation

/// The data tables of the project's own headers (`DataTables`), blanked for the parses of one
/// worker. A table in a header costs every file that includes it: Brotli's 470 KB dictionary
/// header is most of the parse of each encoder source that includes it, and the table is copied
/// into each file's facts again.
///
/// The headers are found from the text, before the parse: the `#include "..."` lines of the
/// source and, in turn, of each header found, resolved as clang resolves them (the including
/// file's directory, then the `-iquote` and `-I` directories). What this misses (an include
/// written with a macro, or with `<...>` for a project header) is parsed whole, as before, and
/// a header found that clang does not include after all changes nothing. Headers in the system
/// directories are never looked at.
final class HeaderDataTables {
    private struct Header {
        var includes: [String]
        var blanked: DataTables.Blanked?
    }

    /// What each header holds, by language and canonical path (nil: unreadable). Files do not
    /// change during a run, and a worker parses many files that share headers.
    private var headers: [String: Header?] = [:]

    /// The blanked headers the source at `path` (with text `source`) includes, directly or not,
    /// and how many tables they hold.
    func blanked(includedBy path: String, source: [UInt8], language: Language,
                 localDirectories: [String]) -> (files: [(path: String, text: [UInt8])], tables: Int) {
        var files: [(path: String, text: [UInt8])] = []
        var tables = 0
        var visited: Set<String> = [Engine.canonicalPath(path)]
        var pending: [(includer: String, names: [String])] = [(path, SourceFiles.quotedIncludes(in: source))]
        while let (includer, names) = pending.popLast() {
            let includerDirectory = (includer as NSString).deletingLastPathComponent
            for name in names {
                guard let header = Self.resolve(name, from: includerDirectory, localDirectories: localDirectories),
                      visited.insert(header).inserted, let content = scan(header, language: language) else { continue }
                if let blanked = content.blanked {
                    files.append((header, blanked.text))
                    tables += blanked.tables
                }
                pending.append((header, content.includes))
            }
        }
        return (files, tables)
    }

    /// Where clang finds `#include "name"`: the including file's directory first, then the
    /// project's include directories.
    static func resolve(_ name: String, from directory: String, localDirectories: [String]) -> String? {
        if name.hasPrefix("/") { return isRegularFile(name) ? Engine.canonicalPath(name) : nil }
        for base in [directory] + localDirectories {
            let candidate = (base.isEmpty ? "." : base) + "/" + name
            if isRegularFile(candidate) { return Engine.canonicalPath(candidate) }
        }
        return nil
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private func scan(_ header: String, language: Language) -> Header? {
        let key = language.rawValue + ":" + header
        if let known = headers[key] { return known }
        let content = SourceText.read(header).map { bytes -> Header in
            // A header with a NUL byte is not C: clang reports it as it is.
            let blanked = bytes.contains(0) ? nil : DataTables.blank(bytes, language: language)
            return Header(includes: SourceFiles.quotedIncludes(in: bytes), blanked: blanked)
        }
        headers[key] = content
        return content
    }
}
