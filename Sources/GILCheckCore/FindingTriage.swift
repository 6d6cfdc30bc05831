import Foundation

/// After analysis, before reporting: gives every finding its fingerprint, then applies inline
/// suppressions and the baseline. Suppressed findings are dropped unless kept for an audit.
public struct FindingTriage {
    public struct Outcome: Sendable {
        public var findings: [Finding]
        public var suppressedInSource = 0
        public var baselined = 0
        /// Suppression comments that name rules gilcheck does not have: (file, line, rule).
        public var unknownRules: [(file: String, line: Int, rule: String)] = []
        /// Suppression comments that silenced nothing: (file, line).
        public var unused: [(file: String, line: Int)] = []
    }

    public var knownRules: Set<String>
    public var baseline: Baseline?
    public var includeSuppressed = false
    /// Paths as fingerprints and baselines record them (relative to the source root).
    public var relativePath: (String) -> String
    public var source: (String) -> SourceText?

    public init(knownRules: Set<String>, baseline: Baseline?, includeSuppressed: Bool,
                relativePath: @escaping (String) -> String, source: @escaping (String) -> SourceText?) {
        self.knownRules = knownRules
        self.baseline = baseline
        self.includeSuppressed = includeSuppressed
        self.relativePath = relativePath
        self.source = source
    }

    /// `files`: every analyzed file, whose suppression comments are checked even without findings.
    public func apply(to findings: [Finding], files: [String]) -> Outcome {
        let keys = Fingerprints.stableKeys(for: findings, relativePath: relativePath, source: source)
        var suppressions: [String: Suppressions] = [:]
        for file in Set(files + findings.map(\.location.file)) {
            if let text = source(file) { suppressions[file] = Suppressions(file: file, source: text) }
        }
        let known = Set((baseline?.findings ?? []).map { "\($0.rule)|\($0.fingerprint)" })
        var outcome = Outcome(findings: [])
        var used: Set<String> = []
        for (f, key) in zip(findings, keys) {
            var f = f
            f.fingerprint = key
            if let entry = suppressions[f.location.file]?.match(rule: f.ruleID, line: f.location.line) {
                used.insert("\(f.location.file)|\(entry.line)")
                f.suppression = Suppression(kind: .inSource, justification: entry.reason)
                outcome.suppressedInSource += 1
            } else if known.contains("\(f.ruleID)|\(key)") {
                f.suppression = Suppression(kind: .external, justification: "recorded in the baseline")
                outcome.baselined += 1
            }
            if f.suppression == nil || includeSuppressed { outcome.findings.append(f) }
        }
        for (file, s) in suppressions.sorted(by: { $0.key < $1.key }) {
            for e in s.entries {
                for rule in e.rules where !knownRules.contains(rule) { outcome.unknownRules.append((file, e.line, rule)) }
                if !used.contains("\(file)|\(e.line)") { outcome.unused.append((file, e.line)) }
            }
        }
        return outcome
    }

    /// A baseline of these findings (fingerprints already given by `apply`).
    public static func baseline(of findings: [Finding], relativePath: (String) -> String) -> Baseline {
        Baseline(findings: findings.compactMap { f in
            f.fingerprint.map { Baseline.Entry(rule: f.ruleID, file: relativePath(f.location.file), fingerprint: $0) }
        })
    }
}
