import ArgumentParser
import Foundation
import GILCheckCore
import GILCheckReport
import GILCheckRules

/// `gilcheck baseline PATH... --output FILE`: records today's findings so `check --baseline`
/// reports only new ones.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline", abstract: "Record the current findings in a baseline file.")

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "The baseline file to write (JSON).")
    var output: String

    func run() throws {
        let (result, context) = try analysis.analyze(try analysis.configuration())
        let triage = FindingTriage(knownRules: Set(AllRules.ids), baseline: nil, includeSuppressed: false,
                                   relativePath: { context.stablePath($0) }, source: { context.source($0) })
        let kept = triage.apply(to: result.findings, files: result.files.map(\.path)).findings
        let baseline = FindingTriage.baseline(of: kept, relativePath: { context.stablePath($0) })
        guard FileManager.default.createFile(atPath: output, contents: Data(baseline.encoded().utf8)) else {
            Diagnostics.error("cannot write \(output)")
            throw ExitCode(2)
        }
        FileHandle.standardError.write(Data("gilcheck: recorded \(kept.count) finding\(kept.count == 1 ? "" : "s") in \(output)\n".utf8))
        if !result.inputErrors.isEmpty { throw ExitCode(2) }
    }
}
