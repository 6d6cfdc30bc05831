import ClangKit

public enum GILCheckVersion {
    /// Semantic version of this gilcheck (SARIF `semanticVersion`, cache keys).
    public static let current = "0.1.0"

    /// The libclang gilcheck parses with, e.g. "Debian clang version 14.0.6".
    public static var libclang: String { Index.version }
}
