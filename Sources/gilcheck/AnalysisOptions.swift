import ArgumentParser
import Foundation
import GILCheckCore
import GILCheckReport
import GILCheckRules

/// What to analyze and how: shared by `check` and `baseline`.
struct AnalysisOptions: ParsableArguments {
    @Argument(help: "Files or directories (.c .h .cc .cpp .cxx); default: the current directory. Compiler flags for every file may follow `--`.")
    var paths: [String] = []

    @Option(help: "Report paths relative to this directory (default: the git work tree of the first path, else the working directory).")
    var sourceRoot: String?

    @Option(name: [.customShort("p"), .long], help: "compile_commands.json, or the directory that holds it.")
    var compileCommands: String?

    @Option(help: "Directory with Python.h to parse against (default: discovered 3.13+ headers, else gilcheck's embedded model).")
    var pythonInclude: String?

    @Flag(help: "Parse against gilcheck's embedded model of the CPython C API even when headers are installed.")
    var embeddedHeaders = false

    @Option(help: "Only these rules (comma-separated ids).")
    var select: String?

    @Option(help: "Skip these rules (comma-separated ids).")
    var ignore: String?

    @Option(help: "Files analyzed in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Keep parsed files' facts here between runs (default: $XDG_CACHE_HOME/gilcheck or ~/.cache/gilcheck).")
    var cacheDir: String?

    @Flag(help: "Parse every file, reading and writing no cache.")
    var noCache = false

    @Option(help: "Give up on a file whose parse takes longer than this many seconds; it is reported as not analyzed (0: no limit).")
    var timeoutPerFile: Double = 60

    @Flag(help: .hidden)
    var noPrecompiledHeaders = false

    /// Parse data tables whole (to compare; findings are the same).
    @Flag(help: .hidden)
    var keepDataTables = false

    @Option(help: "Read settings from this pyproject.toml (default: the nearest one above the first path).")
    var config: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(timeoutPerFile >= 0) || !timeoutPerFile.isFinite { throw ValidationError("--timeout-per-file must be a number of seconds, 0 or more") }
        if noCache && cacheDir != nil { throw ValidationError("--no-cache and --cache-dir contradict each other") }
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

    /// This executable, started again as the worker processes that parse files.
    static var executablePath: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }

    static func ids(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The project's configuration; a bad one is a usage error (exit 2).
    func configuration() throws -> Configuration {
        guard let file = config ?? Configuration.nearest(from: paths.first ?? ".") else { return Configuration() }
        do {
            return try Configuration.load(Engine.displayPath(file), knownRules: Set(AllRules.ids))
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// Runs the analysis and reports bad inputs and partial parses on standard error. Flags win
    /// over the configuration.
    func analyze(_ configuration: Configuration) throws -> (Engine.Result, ReportContext) {
        // Workers load libclang; without it, every file would fail the same way.
        if let missing = GILCheckVersion.libclangMissing {
            Diagnostics.error(missing)
            throw ExitCode(2)
        }
        let selected = Set(Self.ids(select).isEmpty ? configuration.select ?? [] : Self.ids(select))
        let ignored = Set(Self.ids(ignore).isEmpty ? configuration.ignore ?? [] : Self.ids(ignore))
        let enabled = { (id: String) in (selected.isEmpty || selected.contains(id)) && !ignored.contains(id) }
        var options = Engine.Options(paths: paths)
        options.compileCommands = compileCommands
        options.pythonInclude = pythonInclude ?? configuration.pythonInclude
        options.extraArguments = configuration.defines.map { "-D" + $0 } + configuration.flags + CompilerPassthrough.arguments
        options.jobs = jobs ?? configuration.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        options.forceEmbeddedHeaders = embeddedHeaders
        let root = sourceRoot ?? ReportContext.defaultSourceRoot(for: paths.first)
        options.sourceRoot = root
        options.workerExecutable = Self.executablePath
        options.timeoutPerFile = timeoutPerFile > 0 ? timeoutPerFile : nil
        options.cacheDirectory = noCache ? nil : cacheDir ?? ResultCache.defaultDirectory()
        options.precompiledHeaders = !noPrecompiledHeaders
        options.blankDataTables = !keepDataTables
        options.configuration = configuration
        let texts = SourceTexts()
        options.sourceTexts = texts
        let engine = Engine(rules: AllRules.rules.filter { enabled($0.id) }, projectRules: AllRules.projectRules.filter { enabled($0.id) },
                            severityOverrides: configuration.levels)
        let result = engine.run(options)
        for e in result.inputErrors { Diagnostics.error("\(e.path): \(e.message)") }
        for w in result.warnings { Diagnostics.warning("\(Engine.displayPath(w.path)): \(w.message)") }
        for file in result.files where !file.parseErrors.isEmpty {
            let first = file.parseErrors[0]
            let more = file.parseErrors.count > 1 ? " (and \(file.parseErrors.count - 1) more)" : ""
            Diagnostics.warning("\(Engine.displayPath(file.path)): clang could not parse all of it: \(first.message)\(more); findings there may be incomplete")
        }
        if let caution = result.headers.versionCaution { Diagnostics.warning(caution) }
        return (result, ReportContext(result: result, sourceRoot: root, sources: texts))
    }
}
