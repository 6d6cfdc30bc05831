import Foundation
import GILCheckCore
import GILCheckRules

/// SARIF 2.1.0 for GitHub code scanning: one run, every rule with its page as help, results
/// relative to `%SRCROOT%`, UTF-16 columns, related locations for notes, and fingerprints.
public struct SARIFReporter {
    public static let informationUri = "https://github.com/gilcheck/gilcheck"
    /// GitHub shows at most this many results of a run; it rejects more than 25,000.
    static let displayLimit = 5000, uploadLimit = 25000

    public init() {}

    public func render(_ context: ReportContext) -> String {
        let rules = context.rules
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var lineHashes: [String: [Int: String]] = [:]
        let keys = context.stableKeys
        let withSuppressions = context.result.findings.contains { $0.suppression != nil }

        let findings = context.result.findings
        let uploaded = Self.uploadable(findings)
        var hashedLines: [String: Set<Int>] = [:]
        for i in uploaded { hashedLines[findings[i].location.file, default: []].insert(findings[i].location.line) }
        let results = uploaded.map { i -> SARIF.Result in
            let f = findings[i]
            let related = f.notes.enumerated().map { j, note in
                SARIF.Location(id: j + 1, physicalLocation: physicalLocation(note.location, symbol: nil, context),
                               message: SARIF.Text(text: note.message))
            }
            let links = f.notes.enumerated().map { j, note in "[\(escapeLink(note.message))](\(j + 1))" }
            let text = links.isEmpty ? f.message : f.message + " See: " + links.joined(separator: "; ") + "."
            var fingerprints = [Fingerprints.version: keys[i]]
            if context.relativePath(f.location.file) != nil {
                if lineHashes[f.location.file] == nil, let source = context.source(f.location.file) {
                    lineHashes[f.location.file] = LineHash.hashes(ofUTF8: source.bytes, lines: hashedLines[f.location.file])
                }
                if let hash = lineHashes[f.location.file]?[f.location.line] {
                    fingerprints["primaryLocationLineHash"] = hash
                }
            }
            return SARIF.Result(
                ruleId: f.ruleID, ruleIndex: ruleIndex[f.ruleID] ?? 0, level: f.severity.rawValue,
                message: SARIF.Text(text: text),
                locations: [SARIF.Location(id: nil, physicalLocation: physicalLocation(f.location, symbol: f.symbol, context), message: nil)],
                relatedLocations: related.isEmpty ? nil : related,
                partialFingerprints: fingerprints,
                suppressions: withSuppressions
                    ? f.suppression.map { [SARIF.SuppressionEntry(kind: $0.kind.rawValue, justification: $0.justification)] } ?? []
                    : nil)
        }

        let run = SARIF.Run(
            tool: SARIF.Tool(driver: SARIF.Driver(
                name: "gilcheck", semanticVersion: context.toolVersion, informationUri: Self.informationUri,
                rules: rules.map(descriptor))),
            invocations: [SARIF.Invocation(
                executionSuccessful: context.result.inputErrors.isEmpty,
                toolExecutionNotifications: notifications(context))],
            originalUriBaseIds: ["%SRCROOT%": SARIF.ArtifactLocation(uri: fileURI(context.sourceRoot, directory: true), uriBaseId: nil)],
            artifacts: context.result.files.map { SARIF.Artifact(location: artifact($0.path, context)) }
                .sorted { ($0.location.uriBaseId ?? "", $0.location.uri) < ($1.location.uriBaseId ?? "", $1.location.uri) },
            results: results)
        return SARIF.Log(runs: [run]).json.text + "\n"
    }

    /// The indices of the findings a run can carry, in report order: all of them, or past
    /// GitHub's limit the most severe (errors, then warnings, then notes, each in report
    /// order); an upload with more is rejected whole.
    static func uploadable(_ findings: [Finding]) -> [Int] {
        guard findings.count > uploadLimit else { return Array(findings.indices) }
        let bySeverity = findings.indices.sorted { (findings[$1].severity, $0) < (findings[$0].severity, $1) }
        return bySeverity.prefix(uploadLimit).sorted()
    }

    private func descriptor(_ d: RuleDescriptor) -> SARIF.ReportingDescriptor {
        let what = d.section("What it does") ?? d.summary
        return SARIF.ReportingDescriptor(
            id: d.id, name: d.name,
            shortDescription: SARIF.Text(text: d.summary),
            fullDescription: SARIF.Text(text: plainText(firstParagraph(what))),
            help: SARIF.TextAndMarkdown(text: plainText(d.markdown), markdown: d.markdown),
            defaultConfiguration: SARIF.Configuration(level: d.level.rawValue),
            properties: SARIF.RuleProperties(
                tags: d.tags, precision: d.precision,
                problemSeverity: d.level == .note ? "recommendation" : d.level.rawValue))
    }

    private func notifications(_ context: ReportContext) -> [SARIF.Notification] {
        var notes: [SARIF.Notification] = [
            SARIF.Notification(level: "note", message: SARIF.Text(text: "Parsed with \(context.result.headers.description)."), locations: nil),
        ]
        if let caution = context.result.headers.versionCaution {
            notes.append(SARIF.Notification(level: "note", message: SARIF.Text(text: caution.prefix(1).uppercased() + caution.dropFirst() + "."), locations: nil))
        }
        // About a whole file: its path is the location.
        func aboutFile(_ e: InputError, level: String, ending: String) -> SARIF.Notification {
            SARIF.Notification(
                level: level, message: SARIF.Text(text: "\(context.stablePath(e.path)): \(e.message)\(ending)"),
                locations: [SARIF.Location(id: nil, physicalLocation: SARIF.PhysicalLocation(artifactLocation: artifact(e.path, context), region: nil), message: nil)])
        }
        notes += context.result.inputErrors.map { aboutFile($0, level: "error", ending: "; not analyzed.") }
        notes += context.result.warnings.map { aboutFile($0, level: "warning", ending: ".") }
        for file in context.result.files where !file.parseErrors.isEmpty {
            let first = file.parseErrors[0]
            let more = file.parseErrors.count > 1 ? " (and \(file.parseErrors.count - 1) more)" : ""
            let location = first.location.map { physicalLocation($0, symbol: nil, context) }
                ?? SARIF.PhysicalLocation(artifactLocation: artifact(file.path, context), region: nil)
            notes.append(SARIF.Notification(
                level: "warning",
                message: SARIF.Text(text: "\(context.stablePath(file.path)): clang could not parse all of it: \(first.message)\(more); findings there may be incomplete."),
                locations: [SARIF.Location(id: nil, physicalLocation: location, message: nil)]))
        }
        let n = context.result.findings.count
        if n > Self.uploadLimit {
            notes.append(SARIF.Notification(
                level: "warning",
                message: SARIF.Text(text: "\(n) findings: this run carries the \(Self.uploadLimit) most severe, the most GitHub code "
                    + "scanning accepts in a run (it rejects the upload otherwise), and leaves out \(n - Self.uploadLimit); the text "
                    + "and JSON formats list them all. Narrow the run with --select or analyze fewer paths per upload category."),
                locations: nil))
        } else if n > Self.displayLimit {
            notes.append(SARIF.Notification(
                level: "warning",
                message: SARIF.Text(text: "\(n) results: GitHub code scanning shows only the first \(Self.displayLimit) of a run"
                    + "; narrow the run with --select or analyze fewer paths per upload category."),
                locations: nil))
        }
        return notes
    }

    // MARK: Locations

    private func physicalLocation(_ l: SourceLocation, symbol: String?, _ context: ReportContext) -> SARIF.PhysicalLocation {
        var region = SARIF.Region(startLine: max(1, l.line))
        if let source = context.source(l.file), l.line >= 1, l.line <= source.lineCount {
            let start = source.utf16Column(line: l.line, byteColumn: l.column)
            region.startColumn = start
            region.endLine = l.line
            region.endColumn = start + tokenLength(source.line(l.line), byteColumn: l.column, symbol: symbol)
        }
        return SARIF.PhysicalLocation(artifactLocation: artifact(l.file, context), region: region)
    }

    /// How many UTF-16 units the reported text spans: the symbol when it is written there, else
    /// the identifier (or single character) at the column.
    private func tokenLength(_ line: String, byteColumn: Int, symbol: String?) -> Int {
        let bytes = Array(line.utf8)
        let start = min(max(0, byteColumn - 1), bytes.count)
        let rest = String(decoding: bytes[start...], as: UTF8.self)
        if let symbol, !symbol.isEmpty, rest.hasPrefix(symbol) { return symbol.utf16.count }
        let identifier = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        if !identifier.isEmpty { return identifier.utf16.count }
        return rest.first.map { String($0).utf16.count } ?? 1
    }

    private func artifact(_ path: String, _ context: ReportContext) -> SARIF.ArtifactLocation {
        if let relative = context.relativePath(path) {
            return SARIF.ArtifactLocation(uri: encodePath(relative), uriBaseId: "%SRCROOT%")
        }
        return SARIF.ArtifactLocation(uri: fileURI(ReportContext.absolute(path), directory: false), uriBaseId: nil)
    }

    private func fileURI(_ path: String, directory: Bool) -> String {
        "file://" + encodePath(path) + (directory && !path.hasSuffix("/") ? "/" : "")
    }

    private func encodePath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    // MARK: Text

    private func escapeLink(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[")
            .replacingOccurrences(of: "]", with: "\\]")
    }

    private func firstParagraph(_ markdown: String) -> String {
        markdown.split(separator: "\n\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? markdown
    }

    /// Markdown without code fences' info strings and emphasis markers, for `text` fields.
    /// Done on bytes: String operations, Foundation's or the standard library's, were a fifth
    /// of a run answered from the cache.
    private func plainText(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { plainText($0) }
    }

    private func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let star = UInt8(ascii: "*"), tick = UInt8(ascii: "`"), newline = UInt8(ascii: "\n")
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count, bytes[i] == tick, bytes[i + 1] == tick, bytes[i + 2] == tick {
                out += [tick, tick, tick]
                while i < bytes.count, bytes[i] != newline { i += 1 }
                continue
            }
            while i < bytes.count, bytes[i] != newline {
                if bytes[i] == star, i + 1 < bytes.count, bytes[i + 1] == star { i += 2; continue }
                out.append(bytes[i])
                i += 1
            }
            if i < bytes.count { out.append(newline); i += 1 }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
