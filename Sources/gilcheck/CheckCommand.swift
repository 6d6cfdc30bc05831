import ArgumentParser
import Foundation
import GILCheckCore
import GILCheckReport
import GILCheckRules

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, sarif, json, github, markdown
}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, note, never
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Analyze C/C++ sources (the default command).")

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Output format: text, sarif, json, github, markdown.")
    var format: OutputFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Exit 1 when a finding is at or above this level: error, warning, note, never (default: warning).")
    var failOn: FailOn?

    @Option(help: "Report only findings not recorded in this baseline file (from 'gilcheck baseline').")
    var baseline: String?

    @Flag(help: "Keep suppressed and baselined findings in the report, marked as such (for audits).")
    var includeSuppressed = false

    @Flag(help: "List `gilcheck: ignore[...]` comments that silence nothing.")
    var reportUnusedSuppressions = false

    func run() throws {
        var loadedBaseline: Baseline?
        if let path = baseline {
            do { loadedBaseline = try Baseline.load(path) } catch {
                Diagnostics.error("\(error)")
                throw ExitCode(2)
            }
        }
        let configuration = try analysis.configuration()
        let (analyzed, fullContext) = try analysis.analyze(configuration)
        let triage = FindingTriage(
            knownRules: Set(AllRules.ids), baseline: loadedBaseline, includeSuppressed: includeSuppressed,
            relativePath: { fullContext.stablePath($0) }, source: { fullContext.source($0) })
        let outcome = triage.apply(to: analyzed.findings, files: analyzed.files.map(\.path))
        var result = analyzed
        result.findings = outcome.findings
        let context = ReportContext(result: result, sourceRoot: fullContext.sourceRoot, sources: fullContext.sources)
        for u in outcome.unknownRules {
            Diagnostics.warning("\(Engine.displayPath(u.file)):\(u.line): suppression names unknown rule '\(u.rule)'; 'gilcheck rules' lists them")
        }
        if reportUnusedSuppressions {
            for u in outcome.unused { Diagnostics.warning("\(Engine.displayPath(u.file)):\(u.line): suppression silences nothing") }
        }
        let report: String
        switch format {
        case .text:
            let toTerminal = output == nil && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            report = TextReporter(color: toTerminal).render(result.findings)
        case .sarif: report = SARIFReporter().render(context)
        case .json: report = JSONReporter().render(context)
        case .github: report = GitHubReporter().render(context)
        case .markdown: report = MarkdownReporter().render(context)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(report.utf8)) else {
                Diagnostics.error("cannot write \(output)")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(report.utf8))
        }
        Diagnostics.summary(result, suppressed: outcome.suppressedInSource, baselined: outcome.baselined)

        if !result.inputErrors.isEmpty { throw ExitCode(2) }
        let threshold: Severity? = switch failOn ?? configuration.failOn.flatMap(FailOn.init(rawValue:)) ?? .warning {
        case .never: nil
        case .note: .note
        case .warning: .warning
        case .error: .error
        }
        if let threshold, result.findings.contains(where: { $0.suppression == nil && $0.severity >= threshold }) { throw ExitCode(1) }
    }
}

enum Diagnostics {
    static func error(_ message: String) { write("gilcheck: error: \(message)") }
    static func warning(_ message: String) { write("gilcheck: warning: \(message)") }

    static func summary(_ result: Engine.Result, suppressed: Int = 0, baselined: Int = 0) {
        let reported = result.findings.filter { $0.suppression == nil }
        let counts = Dictionary(grouping: reported, by: \.severity).mapValues(\.count)
        let parts = Severity.allCases.reversed().compactMap { s in counts[s].map { "\($0) \(s.rawValue)\($0 == 1 ? "" : "s")" } }
        let analyzed = result.files.filter(\.analyzed).count
        let n = reported.count
        let files = Set(reported.map(\.location.file)).count
        var line = "gilcheck: \(n) finding\(n == 1 ? "" : "s")"
        if n > 0 { line += " (\(parts.joined(separator: ", "))) in \(files) file\(files == 1 ? "" : "s")" }
        if suppressed > 0 { line += "; \(suppressed) suppressed in the source" }
        if baselined > 0 { line += "; \(baselined) in the baseline" }
        line += "; \(analyzed) file\(analyzed == 1 ? "" : "s") analyzed with \(result.headers.description)"
        let cached = result.statistics.fromCache
        if cached > 0 { line += " (\(cached) unchanged, from the cache)" }
        write(line)
    }

    private static func write(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
