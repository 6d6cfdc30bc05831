import GILCheckCore

/// clang-style diagnostics: `path:line:col: warning: message [rule-id]`, then `note:` lines.
public struct TextReporter {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings {
            let suppressed = f.suppression.map { " " + dim("(suppressed: \($0.justification.isEmpty ? "no reason given" : $0.justification))") } ?? ""
            out += "\(bold(f.location.description + ":")) \(label(f.severity)) \(f.message) \(dim("[\(f.ruleID)]"))\(suppressed)\n"
            for n in f.notes {
                out += "\(bold(n.location.description + ":")) \(paint("note:", "1;30")) \(n.message)\n"
            }
        }
        return out
    }

    private func label(_ s: Severity) -> String {
        switch s {
        case .error: paint("error:", "1;31")
        case .warning: paint("warning:", "1;35")
        case .note: paint("note:", "1;30")
        }
    }

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { paint(text, "1") }
    private func dim(_ text: String) -> String { paint(text, "2") }
}
