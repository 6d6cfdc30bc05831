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

    @Argument(help: "Files or directories (.c .h .cc .cpp .cxx); default: the current directory. Compiler flags for every file may follow `--`.")
    var paths: [String] = []

    @Option(help: "Output format: text, sarif, json, github, markdown.")
    var format: OutputFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Report paths relative to this directory (default: the git work tree of the first path, else the working directory).")
    var sourceRoot: String?

    @Option(name: [.customShort("p"), .long], help: "compile_commands.json, or the directory that holds it.")
    var compileCommands: String?

    @Option(help: "Directory with Python.h to parse against (default: discovered, else gilcheck's embedded model).")
    var pythonInclude: String?

    @Flag(help: "Parse against gilcheck's embedded model of the CPython C API even when headers are installed.")
    var embeddedHeaders = false

    @Option(help: "Only these rules (comma-separated ids).")
    var select: String?

    @Option(help: "Skip these rules (comma-separated ids).")
    var ignore: String?

    @Option(help: "Exit 1 when a finding is at or above this level: error, warning, note, never.")
    var failOn: FailOn = .warning

    @Option(help: "Files analyzed in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for id in Self.ids(select) + Self.ids(ignore) where RuleCatalog.descriptor(id) == nil {
            throw ValidationError("unknown rule '\(id)'; 'gilcheck rules' lists them")
        }
        if let dir = pythonInclude, !FileManager.default.fileExists(atPath: dir + "/Python.h") {
            throw ValidationError("--python-include \(dir): no Python.h there")
        }
        var isDir: ObjCBool = false
        if let root = sourceRoot, !(FileManager.default.fileExists(atPath: root, isDirectory: &isDir) && isDir.boolValue) {
            throw ValidationError("--source-root \(root): not a directory")
        }
    }

    static func ids(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let selected = Set(Self.ids(select)), ignored = Set(Self.ids(ignore))
        let enabled = { (id: String) in (selected.isEmpty || selected.contains(id)) && !ignored.contains(id) }
        let rules = AllRules.rules.filter { enabled($0.id) }
        let projectRules = AllRules.projectRules.filter { enabled($0.id) }
        var options = Engine.Options(paths: paths)
        options.compileCommands = compileCommands
        options.pythonInclude = pythonInclude
        options.extraArguments = CompilerPassthrough.arguments
        options.jobs = jobs
        options.forceEmbeddedHeaders = embeddedHeaders
        let result = Engine(rules: rules, projectRules: projectRules).run(options)

        let context = ReportContext(result: result, sourceRoot: sourceRoot ?? ReportContext.defaultSourceRoot(for: paths.first))
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
        for e in result.inputErrors { Diagnostics.error("\(e.path): \(e.message)") }
        for file in result.files where !file.parseErrors.isEmpty {
            let first = file.parseErrors[0]
            let more = file.parseErrors.count > 1 ? " (and \(file.parseErrors.count - 1) more)" : ""
            Diagnostics.warning("\(Engine.displayPath(file.path)): clang could not parse all of it: \(first.message)\(more); findings there may be incomplete")
        }
        if let caution = result.headers.versionCaution { Diagnostics.warning(caution) }
        Diagnostics.summary(result)

        if !result.inputErrors.isEmpty { throw ExitCode(2) }
        let threshold: Severity? = switch failOn {
        case .never: nil
        case .note: .note
        case .warning: .warning
        case .error: .error
        }
        if let threshold, result.findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
    }
}

enum Diagnostics {
    static func error(_ message: String) { write("gilcheck: error: \(message)") }
    static func warning(_ message: String) { write("gilcheck: warning: \(message)") }

    static func summary(_ result: Engine.Result) {
        let counts = Dictionary(grouping: result.findings, by: \.severity).mapValues(\.count)
        let parts = Severity.allCases.reversed().compactMap { s in counts[s].map { "\($0) \(s.rawValue)\($0 == 1 ? "" : "s")" } }
        let analyzed = result.files.filter(\.analyzed).count
        let n = result.findings.count
        let files = Set(result.findings.map(\.location.file)).count
        var line = "gilcheck: \(n) finding\(n == 1 ? "" : "s")"
        if n > 0 { line += " (\(parts.joined(separator: ", "))) in \(files) file\(files == 1 ? "" : "s")" }
        line += "; \(analyzed) file\(analyzed == 1 ? "" : "s") analyzed with \(result.headers.description)"
        write(line)
    }

    private static func write(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
