import Foundation

/// The lines at the top of a file that a shared precompiled header can stand in for: comments,
/// `#define`/`#undef`, and system `#include <...>` lines, up to and including the include of
/// `Python.h`. Files with the same preamble and flags parse the same headers in the same state,
/// so one precompiled header serves them all.
///
/// Anything else before `Python.h` makes reuse unsound or unprovable, and the file is parsed
/// normally: conditionals (`#if`), code, `#pragma`, and includes of the project's own headers
/// (a precompiled header would hide their functions from the analysis).
public struct SourcePreamble: Sendable, Equatable, Codable {
    /// The directives, comments removed and continuation lines joined, in order.
    public var directives: [String]

    /// The text of the header that is precompiled: the directives, one per line.
    public var headerText: String { directives.joined(separator: "\n") + "\n" }

    /// The preamble of `text`, or nil when the file has none that may be shared. `localDirectories`
    /// are the directories a quoted or angled include could find a project header in: the file's
    /// own directory and the `-I`/`-iquote` directories of its flags.
    public static func detect(in text: [UInt8], localDirectories: [String],
                              exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> SourcePreamble? {
        let head = text.prefix(SourceFiles.headLength)
        var directives: [String] = []
        var inComment = false
        var pending = ""  // a directive continued with a backslash
        // Line by line, only as far as the preamble goes (most files leave it within a few
        // dozen lines): lines end at "\n", and a "\r" before it is part of the ending.
        var next = head.startIndex
        while next < head.endIndex {
            let end = head[next...].firstIndex(of: UInt8(ascii: "\n")) ?? head.endIndex
            var lineBytes = head[next..<end]
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
            next = end < head.endIndex ? end + 1 : end
            var line = String(decoding: lineBytes, as: UTF8.self)
            guard let stripped = stripComments(line, inComment: &inComment) else { return nil }
            line = stripped
            if line.hasSuffix("\\") {
                pending += String(line.dropLast()) + " "
                continue
            }
            line = (pending + line).trimmingCharacters(in: .whitespaces)
            pending = ""
            if line.isEmpty { continue }
            guard line.hasPrefix("#") else { return nil }
            let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
            let keyword = body.prefix { $0.isLetter }
            switch keyword {
            case "define", "undef":
                directives.append("#" + body)
            case "include":
                guard let target = includeTarget(body.dropFirst("include".count)) else { return nil }
                let name = target.name
                // Only system headers: a project header's functions must stay in the analysis, and
                // a Python.h of the project's own would be found before the installed one.
                guard !localDirectories.contains(where: { exists($0 + "/" + name) }) else { return nil }
                if name == "Python.h" {
                    directives.append("#include <Python.h>")
                    return SourcePreamble(directives: directives)
                }
                guard !target.quoted else { return nil }
                directives.append("#include <\(name)>")
            default:
                return nil
            }
        }
        return nil
    }

    private static func includeTarget(_ rest: Substring) -> (name: String, quoted: Bool)? {
        let s = rest.trimmingCharacters(in: .whitespaces)
        guard let open = s.first, open == "<" || open == "\"" else { return nil }
        let close: Character = open == "<" ? ">" : "\""
        let inner = s.dropFirst()
        guard let end = inner.firstIndex(of: close), inner[inner.index(after: end)...].trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        let name = String(inner[..<end])
        return name.isEmpty ? nil : (name, open == "\"")
    }

    /// The line without comments (string literals kept whole, since they may hold `//`); nil for
    /// what the scanner does not handle: character literals and unterminated strings.
    private static func stripComments(_ line: String, inComment: inout Bool) -> String? {
        var out = ""
        var chars = Substring(line)
        while !chars.isEmpty {
            if inComment {
                guard let end = chars.range(of: "*/") else { return out }
                chars = chars[end.upperBound...]
                inComment = false
                out += " "
                continue
            }
            if chars.hasPrefix("//") { return out }
            if chars.hasPrefix("/*") {
                inComment = true
                chars = chars.dropFirst(2)
                continue
            }
            let c = chars.removeFirst()
            if c == "'" { return nil }
            out.append(c)
            if c == "\"" {
                var closed = false
                while let d = chars.first {
                    chars.removeFirst()
                    out.append(d)
                    if d == "\\", let escaped = chars.first { chars.removeFirst(); out.append(escaped); continue }
                    if d == "\"" { closed = true; break }
                }
                if !closed { return nil }
            }
        }
        return out
    }
}
