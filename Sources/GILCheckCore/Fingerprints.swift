/// A finding's identity that survives edits elsewhere in the file: rule, file, enclosing
/// function, the variable or object, and the reported statement with white space removed — no
/// line numbers. Identical keys in one file are told apart by their order.
public enum Fingerprints {
    public static let version = "gilcheck/v1"

    /// Keys for findings in report order, reading each file once through `source`.
    public static func stableKeys(for findings: [Finding], relativePath: (String) -> String,
                                  source: (String) -> SourceText?) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { f in
            let statement = source(f.location.file)?.normalizedLine(f.location.line) ?? ""
            let material = [f.ruleID, relativePath(f.location.file), f.function ?? "", f.symbol, statement]
                .joined(separator: "\u{1F}")
            let base = StableHash.hex(material)
            seen[base, default: 0] += 1
            return "\(base):\(seen[base]!)"
        }
    }
}
