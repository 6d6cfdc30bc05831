import Foundation
import GILCheckCore

/// A rule's page (`Rules/<id>.md`): front matter plus the Markdown explanation. The single source
/// of a rule's level and documentation, for `gilcheck rules`/`explain` and SARIF.
public struct RuleDescriptor: Sendable, Equatable {
    public var id: String
    public var name: String
    public var summary: String
    public var level: Severity
    public var precision: String
    public var tags: [String]
    /// The page without its front matter.
    public var markdown: String

    /// Parses a page; nil when the front matter lacks a required key.
    public init?(page: String) {
        // Only the front matter is split into lines, found as bytes; the explanation is sliced
        // off whole (every run that writes SARIF reads every page).
        let utf8 = page.utf8
        var frontMatter: [Substring] = []
        var start = utf8.startIndex
        var opened = false
        var explanation: String.Index?
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = page[start..<end]
            start = end < utf8.endIndex ? utf8.index(after: end) : end
            if !opened {
                guard line == "---" else { return nil }
                opened = true
            } else if line == "---" {
                explanation = start
                break
            } else {
                frontMatter.append(line)
            }
        }
        guard let explanation else { return nil }
        var fields: [String: String] = [:]
        for line in frontMatter {
            guard let colon = line.firstIndex(of: ":") else { continue }
            var value = line[line.index(after: colon)...]
            if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
            fields[line[..<colon].trimmingCharacters(in: .whitespaces)] = value.trimmingCharacters(in: .whitespaces)
        }
        guard let id = fields["id"], let name = fields["name"], let summary = fields["summary"],
              let levelText = fields["level"], let level = Severity(rawValue: levelText) else { return nil }
        self.id = id
        self.name = name
        self.summary = summary
        self.level = level
        self.precision = fields["precision"] ?? "medium"
        self.tags = (fields["tags"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.markdown = Self.trimmed(page[explanation...]) + "\n"
    }

    /// Without leading and trailing white space and newlines (Foundation's trimming is slow on
    /// a whole page, and every run reads every page).
    private static func trimmed(_ text: Substring) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// The text of a `## Heading` section.
    public func section(_ heading: String) -> String? {
        let marker = "## \(heading)\n"
        guard let start = markdown.firstByteOffset(of: marker) else { return nil }
        let body = start + marker.utf8.count
        let end = markdown.firstByteOffset(of: "\n## ", from: body) ?? markdown.utf8.count
        let utf8 = markdown.utf8
        return Self.trimmed(markdown[utf8.index(utf8.startIndex, offsetBy: body)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// Fenced code blocks whose info string is exactly `lang tag` ("c bad", "c good").
    public func codeBlocks(tagged tag: String) -> [(language: String, code: String)] {
        var blocks: [(String, String)] = []
        var current: (String, [String])?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = current {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    blocks.append((open.0, open.1.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current?.1.append(String(line))
                }
            } else if line.hasPrefix("```") {
                let info = line.dropFirst(3).split(separator: " ")
                if info.count == 2, info[1] == tag { current = (String(info[0]), []) }
            }
        }
        return blocks
    }
}

public enum RuleCatalog {
    /// Every rule's page, sorted by id.
    public static let descriptors: [RuleDescriptor] = RulePages.all.compactMap(RuleDescriptor.init).sorted { $0.id < $1.id }

    public static func descriptor(_ id: String) -> RuleDescriptor? { descriptors.first { $0.id == id } }
}

extension Rule {
    /// The level the rule's page gives its findings.
    public var defaultLevel: Severity { RuleCatalog.descriptor(id)?.level ?? .warning }
}
