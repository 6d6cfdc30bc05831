import Foundation
import GILCheckCore
import GILCheckRules

/// What every report format draws on: the run's result, the rules, where the repository is, and
/// the source files (each read once).
public final class ReportContext: @unchecked Sendable {
    public let result: Engine.Result
    public let rules: [RuleDescriptor]
    /// Absolute, standardized; findings under it are reported relative to it.
    public let sourceRoot: String
    public let toolVersion: String
    /// The files' texts, shared with the run that read them first.
    public let sources: SourceTexts

    public init(result: Engine.Result, rules: [RuleDescriptor] = RuleCatalog.descriptors, sourceRoot: String,
                toolVersion: String = GILCheckVersion.current, sources: SourceTexts = SourceTexts()) {
        self.result = result
        self.sources = sources
        self.rules = rules
        self.sourceRoot = Self.absolute(sourceRoot)
        self.toolVersion = toolVersion
    }

    /// The default source root: the git work tree holding `path`, else the working directory.
    public static func defaultSourceRoot(for path: String?) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        var dir = absolute(path ?? cwd)
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) || !isDir.boolValue {
            dir = (dir as NSString).deletingLastPathComponent
        }
        while dir != "/" && !dir.isEmpty {
            if FileManager.default.fileExists(atPath: dir + "/.git") { return dir }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return cwd
    }

    static func absolute(_ path: String) -> String { Engine.canonicalPath(path) }

    /// A finding's path relative to the source root, or nil when the file lies outside it.
    public func relativePath(_ path: String) -> String? {
        let full = Self.absolute(path)
        if full == sourceRoot { return nil }
        let prefix = sourceRoot == "/" ? "/" : sourceRoot + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : nil
    }

    /// Relative to the root where possible, else absolute: for keys and human-facing paths.
    public func stablePath(_ path: String) -> String { relativePath(path) ?? Self.absolute(path) }

    public func source(_ path: String) -> SourceText? { sources.text(path) }

    /// Stable fingerprints of the findings, in report order: those the triage gave them (over
    /// every finding of the run, suppressed ones too), else computed here.
    public lazy var stableKeys: [String] = {
        let computed = Fingerprints.stableKeys(for: result.findings, relativePath: { self.stablePath($0) }, source: { self.source($0) })
        return zip(result.findings, computed).map { $0.fingerprint ?? $1 }
    }()

    public func descriptor(_ id: String) -> RuleDescriptor? { rules.first { $0.id == id } }
}
