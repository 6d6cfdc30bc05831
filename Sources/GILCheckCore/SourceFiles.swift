import Foundation

/// Finds the C/C++ sources under the paths a user names.
public enum SourceFiles {
    public static let cExtensions: Set<String> = ["c", "h"]
    public static let cxxExtensions: Set<String> = ["cc", "cpp", "cxx", "c++", "hpp", "hh", "hxx"]
    /// Directories never entered: build output, VCS and virtual environments.
    static let skippedDirectories: Set<String> = [".git", ".hg", ".svn", ".build", "build", "node_modules", ".tox", ".venv", "venv", "__pycache__", ".eggs"]

    /// How much of a file's start tells what it is: binary or text, a C or a C++ header, and its
    /// preamble of includes.
    static let headLength = 65536

    public static func isSource(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return cExtensions.contains(ext) || cxxExtensions.contains(ext)
    }

    public static func isHeader(_ path: String) -> Bool {
        ["h", "hh", "hpp", "hxx"].contains((path as NSString).pathExtension.lowercased())
    }

    /// The sources that another of `sources` seems to `#include "..."` (a unity build), given
    /// the `quotedIncludes` of each. It only orders the work: a file is skipped only when a parse
    /// really included it.
    static func sourcesIncludedByOthers(_ sources: [String], quotedIncludes: (String) -> [String]) -> Set<String> {
        let known = Set(sources.map(Engine.canonicalPath))
        var included: Set<String> = []
        for path in sources {
            let dir = (Engine.canonicalPath(path) as NSString).deletingLastPathComponent
            for name in quotedIncludes(path) where !isHeader(name) && isSource(name) {
                let candidate = Engine.canonicalPath(dir + "/" + name)
                if known.contains(candidate) { included.insert(candidate) }
            }
        }
        return Set(sources.filter { included.contains(Engine.canonicalPath($0)) })
    }

    /// The names of the `#include "..."` lines of a text, found from its `#` bytes with `memchr`
    /// (sources of 100,000 lines are common: generated tables).
    static func quotedIncludes(in bytes: [UInt8]) -> [String] {
        let directive = Array("include".utf8)
        var names: [String] = []
        func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            let count = text.count
            var from = 0
            while from < count, let hit = memchr(base + from, Int32(UInt8(ascii: "#")), count - from) {
                let hash = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                from = hash + 1
                // Only blanks between the start of the line and the `#`.
                var k = hash - 1
                while k >= 0, isBlank(text[k]) { k -= 1 }
                guard k < 0 || text[k] == UInt8(ascii: "\n") || text[k] == UInt8(ascii: "\r") else { continue }
                // Then blanks, `include`, blanks, `"name"`.
                var j = hash + 1
                while j < count, isBlank(text[j]) { j += 1 }
                guard j + directive.count <= count, UnsafeBufferPointer(rebasing: text[j..<(j + directive.count)]).elementsEqual(directive) else { continue }
                j += directive.count
                while j < count, isBlank(text[j]) { j += 1 }
                guard j < count, text[j] == UInt8(ascii: "\"") else { continue }
                let start = j + 1
                var end = start
                while end < count, text[end] != UInt8(ascii: "\""), text[end] != UInt8(ascii: "\n") { end += 1 }
                if end < count, text[end] == UInt8(ascii: "\"") {
                    names.append(String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self))
                }
            }
        }
        return names
    }

    public static func language(of path: String) -> Language {
        cxxExtensions.contains((path as NSString).pathExtension.lowercased()) ? .cxx : .c
    }

    /// A `.h` file is C unless its text says C++ (namespaces, templates, classes, `std::`, the
    /// C++ standard headers): a C++ header parsed as C fails on its first `#include <cstdlib>`.
    public static func language(of path: String, head: ArraySlice<UInt8>) -> Language {
        let language = language(of: path)
        guard language == .c, (path as NSString).pathExtension.lowercased() == "h" else { return language }
        let text = String(decoding: head, as: UTF8.self)
        return cxxMarkers.contains { text.range(of: $0, options: .regularExpression) != nil } ? .cxx : .c
    }

    private static let cxxMarkers = [
        #"(?m)^\s*namespace\s+\w*\s*\{"#, #"(?m)^\s*template\s*<"#, #"std::"#,
        #"(?m)^\s*class\s+\w+[^;]*\{"#, #"#\s*include\s*<(cstd\w*|climits|cstring|cmath|string|vector|map|memory|mutex|atomic|utility|algorithm|iostream)>"#,
    ]

    public struct Collection: Sendable {
        public var files: [String] = []
        public var errors: [InputError] = []
    }

    /// Files named directly are taken whatever their extension; directories are walked for
    /// sources (sorted, so runs are deterministic), not following symbolic links to directories.
    public static func collect(_ paths: [String]) -> Collection {
        var result = Collection()
        var seen: Set<String> = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                result.errors.append(InputError(path: path, message: "no such file or directory"))
                continue
            }
            if !isDir.boolValue {
                if seen.insert(path).inserted { result.files.append(path) }
                continue
            }
            var found: [String] = []
            walk(path, into: &found, depth: 0)
            if found.isEmpty {
                result.errors.append(InputError(path: path, message: "no C or C++ sources (.c .h .cc .cpp .cxx) in this directory"))
            }
            for f in found.sorted() where seen.insert(f).inserted { result.files.append(f) }
        }
        return result
    }

    private static func walk(_ dir: String, into found: inout [String], depth: Int) {
        guard depth < 64, let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for entry in entries.sorted() {
            let full = dir == "." ? entry : (dir.hasSuffix("/") ? dir + entry : dir + "/" + entry)
            guard let attrs = try? FileManager.default.attributesOfItem(atPath: full),
                  let type = attrs[.type] as? FileAttributeType else { continue }
            if type == .typeDirectory {
                if !skippedDirectories.contains(entry) { walk(full, into: &found, depth: depth + 1) }
            } else if (type == .typeRegular || type == .typeSymbolicLink) && isSource(full) {
                found.append(full)
            }
        }
    }
}

/// A problem with an input that stopped it from being analyzed.
public struct InputError: Error, Sendable, Hashable, Codable {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
