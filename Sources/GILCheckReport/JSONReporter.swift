import Foundation
import GILCheckCore

/// `--format json`: a small, versioned document for scripts. Schema version 1:
///
///     {"schema": "gilcheck-findings", "version": 1,
///      "tool": {"name": "gilcheck", "version": "0.1.0"}, "headers": "...",
///      "findings": [{"rule", "level", "message", "file", "line", "column", "symbol",
///                    "function" (optional), "fingerprint",
///                    "notes": [{"file", "line", "column", "message"}]}],
///      "modules": [{"name", "file", "line", "gil": "not-used" | "used" | "undeclared"}],
///      "errors": [{"path", "message"}],
///      "warnings": [{"path", "message"}],
///      "summary": {"findings", "files_analyzed", "by_rule": {RULE: count}}}
///
/// Paths are relative to the source root when inside it; lines and columns are 1-based, columns
/// in bytes as compilers count them. New fields may be added within a version; removing or
/// changing one bumps it.
public struct JSONReporter {
    public static let schemaVersion = 1

    public init() {}

    struct Document: Encodable {
        var schema = "gilcheck-findings"
        var version = JSONReporter.schemaVersion
        var tool: Tool
        var headers: String
        var findings: [FindingEntry]
        var modules: [Module]
        var errors: [ErrorEntry]
        var warnings: [ErrorEntry]
        var summary: Summary
    }
    struct Tool: Encodable {
        var name = "gilcheck"
        var version: String
    }
    struct Position: Encodable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }
    struct FindingEntry: Encodable {
        var rule: String
        var level: String
        var message: String
        var file: String
        var line: Int
        var column: Int
        var symbol: String
        var function: String?
        var fingerprint: String
        var notes: [Position]
    }
    struct Module: Encodable {
        var name: String
        var file: String
        var line: Int
        var gil: String
    }
    struct ErrorEntry: Encodable {
        var path: String
        var message: String
    }
    struct Summary: Encodable {
        var findings: Int
        var filesAnalyzed: Int
        var byRule: [String: Int]
        enum CodingKeys: String, CodingKey { case findings, filesAnalyzed = "files_analyzed", byRule = "by_rule" }
    }

    public func render(_ context: ReportContext) -> String {
        let result = context.result
        let keys = context.stableKeys
        let findings = result.findings.enumerated().map { i, f in
            FindingEntry(
                rule: f.ruleID, level: f.severity.rawValue, message: f.message, file: context.stablePath(f.location.file),
                line: f.location.line, column: f.location.column, symbol: f.symbol, function: f.function,
                fingerprint: keys[i],
                notes: f.notes.map { Position(file: context.stablePath($0.location.file), line: $0.location.line,
                                              column: $0.location.column, message: $0.message) })
        }
        let document = Document(
            tool: Tool(version: context.toolVersion), headers: result.headers.description, findings: findings,
            modules: result.modules.map { Module(name: $0.name, file: context.stablePath($0.location.file), line: $0.location.line, gil: $0.gil.rawValue) },
            errors: result.inputErrors.map { ErrorEntry(path: context.stablePath($0.path), message: $0.message) },
            warnings: result.warnings.map { ErrorEntry(path: context.stablePath($0.path), message: $0.message) },
            summary: Summary(findings: findings.count, filesAnalyzed: result.files.filter(\.analyzed).count,
                             byRule: Dictionary(grouping: result.findings, by: \.ruleID).mapValues(\.count)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }
}
