public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One reported problem: where, what, and the related places (the check of a check-then-act,
/// the declaration of the variable, the other writes).
public struct Finding: Sendable, Hashable, Codable {
    public struct Note: Sendable, Hashable, Codable {
        public var location: SourceLocation
        public var message: String
        public init(_ message: String, at location: SourceLocation) {
            self.location = location
            self.message = message
        }
    }

    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]
    /// The variable or object the finding is about ("cache", "self->weights").
    public var symbol: String
    /// The function the finding is in, when there is one.
    public var function: String?
    /// The line-independent identity (`Fingerprints`), once computed for the run.
    public var fingerprint: String?
    /// Why it is not reported, when it is suppressed (kept only with --include-suppressed).
    public var suppression: Suppression?

    public init(ruleID: String, severity: Severity, message: String, location: SourceLocation,
                notes: [Note] = [], symbol: String, function: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.symbol = symbol
        self.function = function
    }

    /// Report order: file, line, column, rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

/// A finding silenced in the source (`// gilcheck: ignore[...]`) or by a baseline file.
public struct Suppression: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case inSource, external }
    public var kind: Kind
    public var justification: String
    public init(kind: Kind, justification: String) {
        self.kind = kind
        self.justification = justification
    }
}

/// A check over one unit's concurrency model. Rules are pure: same facts, same findings.
public protocol Rule: Sendable {
    /// The kebab-case id: the `Rules/` page name, SARIF ruleId and suppression key.
    var id: String { get }
    func check(_ model: ConcurrencyModel) -> [Finding]
}

/// A check over the whole run: every extension module and the findings of the unit rules.
public protocol ProjectRule: Sendable {
    var id: String { get }
    func check(modules: [ExtensionModule], findings: [Finding]) -> [Finding]
}
