import ClangKit

public enum GILCheckVersion {
    /// Semantic version of this gilcheck (SARIF `semanticVersion`, cache keys).
    public static let current = "0.1.0"

    /// The libclang gilcheck parses with, e.g. "Debian clang version 14.0.6" (loads it).
    public static var libclang: String { Index.version }

    /// The libclang gilcheck would load, for cache keys: without loading it, which a run
    /// answered from the cache never needs to.
    public static let libclangIdentity = Index.libraryIdentity

    /// Why gilcheck cannot parse at all, when libclang is not where it was at build time.
    public static var libclangMissing: String? {
        Index.libraryPath == nil
            ? "libclang is not installed: gilcheck was built against the one in \(Index.libraryDirectory) (Debian/Ubuntu: install libclang-dev)"
            : nil
    }
}
