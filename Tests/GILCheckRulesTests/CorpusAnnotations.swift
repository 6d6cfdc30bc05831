import Foundation

/// The expectations written inside a corpus file (design.md §5):
/// `// expect: RULE {{'text'}}`, `// expect@+1: RULE`, `// ok: RULE`, `// todo-expect: RULE`,
/// `// expect-no-findings`, and `// gilcheck-args: FLAGS` in the first lines.
struct CorpusAnnotations {
    struct Expectation: Hashable {
        var line: Int
        var rule: String
        var substrings: [String]
    }

    var expected: [Expectation] = []
    var mustNotFire: [(line: Int, rule: String)] = []
    var knownMissing: [(line: Int, rule: String)] = []
    var expectsNoFindings = false
    var compilerArguments: [String] = []

    private static let annotation = try! NSRegularExpression(
        pattern: #"(todo-expect|expect|ok)(@[+-][0-9]+)?:\s*([a-z0-9-]+)((?:\s*\{\{.*?\}\})*)"#)
    private static let substring = try! NSRegularExpression(pattern: #"\{\{(.*?)\}\}"#)

    init(source: String) {
        let lines = source.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            let number = i + 1
            guard let comment = line.range(of: "//") ?? line.range(of: "/*") else { continue }
            let text = String(line[comment.upperBound...])
            if text.contains("expect-no-findings") { expectsNoFindings = true }
            if i < 5, let r = text.range(of: "gilcheck-args:") {
                compilerArguments += text[r.upperBound...].split(separator: " ").map(String.init)
                continue
            }
            let ns = text as NSString
            for m in Self.annotation.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let kind = ns.substring(with: m.range(at: 1))
                let offset = m.range(at: 2).location == NSNotFound ? 0 : Int(ns.substring(with: m.range(at: 2)).dropFirst()) ?? 0
                let rule = ns.substring(with: m.range(at: 3))
                let subs = m.range(at: 4).location == NSNotFound ? "" : ns.substring(with: m.range(at: 4))
                let subsNS = subs as NSString
                let pieces = Self.substring.matches(in: subs, range: NSRange(location: 0, length: subsNS.length))
                    .map { subsNS.substring(with: $0.range(at: 1)) }
                let target = number + offset
                switch kind {
                case "expect": expected.append(Expectation(line: target, rule: rule, substrings: pieces))
                case "ok": mustNotFire.append((target, rule))
                default: knownMissing.append((target, rule))
                }
            }
        }
    }

    var isAnnotated: Bool { expectsNoFindings || !expected.isEmpty || !mustNotFire.isEmpty || !knownMissing.isEmpty }
}
