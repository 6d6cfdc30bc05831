/// Inline suppressions: `// gilcheck: ignore[rule-id, other-id] reason` (or `/* ... */`) on a
/// finding's line or alone on the line above it, and `gilcheck: ignore-file[rule-id] reason` in
/// a file's first lines.
public struct Suppressions: Sendable {
    public struct Entry: Sendable, Hashable {
        public var rules: [String]
        public var reason: String
        public var line: Int
        public var wholeFile: Bool
        /// The comment stands alone on its line (so it covers the next line).
        public var standsAlone: Bool
    }

    public let file: String
    public let entries: [Entry]
    /// How far from the top an `ignore-file` may stand.
    static let fileDirectiveLines = 40

    public init(file: String, source: SourceText) {
        self.file = file
        var entries: [Entry] = []
        for line in source.lines(containing: "gilcheck:") {
            let text = source.line(line)
            guard let marker = text.range(of: "gilcheck:") else { continue }
            let before = text[..<marker.lowerBound]
            guard before.contains("//") || before.contains("/*") else { continue }
            var rest = text[marker.upperBound...].drop { $0 == " " }
            let wholeFile: Bool
            if rest.hasPrefix("ignore-file[") {
                wholeFile = true
                rest = rest.dropFirst("ignore-file[".count)
            } else if rest.hasPrefix("ignore[") {
                wholeFile = false
                rest = rest.dropFirst("ignore[".count)
            } else {
                continue
            }
            guard let close = rest.firstIndex(of: "]") else { continue }
            let rules = rest[..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var reason = String(rest[rest.index(after: close)...]).trimmingCharacters(in: .whitespaces)
            if reason.hasSuffix("*/") { reason = String(reason.dropLast(2)).trimmingCharacters(in: .whitespaces) }
            let code = before.replacingOccurrences(of: "//", with: "").replacingOccurrences(of: "/*", with: "")
            let alone = code.trimmingCharacters(in: .whitespaces).isEmpty
            if wholeFile && line > Self.fileDirectiveLines { continue }
            entries.append(Entry(rules: rules, reason: reason, line: line, wholeFile: wholeFile, standsAlone: alone))
        }
        self.entries = entries
    }

    /// The entry that silences a finding of `rule` on `line`, if any.
    public func match(rule: String, line: Int) -> Entry? {
        entries.first { e in
            guard e.rules.contains(rule) else { return false }
            return e.wholeFile || e.line == line || (e.standsAlone && e.line == line - 1)
        }
    }
}
