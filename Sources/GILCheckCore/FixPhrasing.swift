/// How a fix names an API: for a project whose minimum Python (`[project] requires-python`)
/// already has it, just the name; otherwise with the version that added it and, where
/// pythoncapi-compat provides one, its backport.
public struct FixPhrasing: Sendable, Equatable {
    /// The oldest Python the project supports, when known: (3, 9) for ">=3.9".
    public var minimum: (major: Int, minor: Int)?

    public init(minimum: (major: Int, minor: Int)? = nil) { self.minimum = minimum }

    /// Reads the lower bound of a `requires-python` specifier (">=3.9", ">3.8,<4", "~=3.10").
    public init(requiresPython: String?) {
        self.init()
        guard let spec = requiresPython else { return }
        for clause in spec.split(separator: ",") {
            let c = clause.trimmingCharacters(in: .whitespaces)
            guard let op = [">=", "~=", "==", ">"].first(where: { c.hasPrefix($0) }) else { continue }
            let parts = c.dropFirst(op.count).trimmingCharacters(in: .whitespaces).split(separator: ".")
            guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1].prefix { $0.isNumber }) else { continue }
            minimum = op == ">" && parts.count == 2 ? (major, minor + 1) : (major, minor)
        }
    }

    public static func == (a: FixPhrasing, b: FixPhrasing) -> Bool { a.minimum?.major == b.minimum?.major && a.minimum?.minor == b.minimum?.minor }

    /// "PyDict_GetItemRef (CPython 3.13+; pythoncapi-compat backports it to older Pythons)", or
    /// just "PyDict_GetItemRef" when every supported Python has it.
    public func api(_ name: String, since version: String, backport: Bool = false) -> String {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        if let minimum, parts.count == 2, (minimum.major, minimum.minor) >= (parts[0], parts[1]) { return name }
        return "\(name) (CPython \(version)+" + (backport ? "; pythoncapi-compat backports it to older Pythons)" : ")")
    }
}
