public enum GILCheckVersion {
    /// Semantic version of this gilcheck (SARIF `semanticVersion`, cache keys).
    public static let current = "0.1.0"
}
