import Foundation

/// Findings recorded as known (`gilcheck baseline`), by their line-independent fingerprint, so
/// CI can fail on new findings only. Editing other code does not change a fingerprint.
public struct Baseline: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Hashable {
        public var rule: String
        public var file: String
        public var fingerprint: String
        public init(rule: String, file: String, fingerprint: String) {
            self.rule = rule
            self.file = file
            self.fingerprint = fingerprint
        }
    }

    public var version = 1
    public var tool = "gilcheck"
    public var findings: [Entry]

    public init(findings: [Entry]) { self.findings = findings.sorted { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) } }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String), malformed(String)
        public var description: String {
            switch self {
            case .unreadable(let p): "\(p): cannot be read"
            case .malformed(let p): "\(p): not a gilcheck baseline (expected JSON with \"version\": 1 and \"findings\")"
            }
        }
    }

    public static func load(_ path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError.unreadable(path) }
        guard let baseline = try? JSONDecoder().decode(Baseline.self, from: data), baseline.version == 1 else {
            throw LoadError.malformed(path)
        }
        return baseline
    }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    public func contains(rule: String, fingerprint: String) -> Bool {
        lookup.contains("\(rule)|\(fingerprint)")
    }

    private var lookup: Set<String> { Set(findings.map { "\($0.rule)|\($0.fingerprint)" }) }
}
