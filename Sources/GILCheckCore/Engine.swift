import ClangKit
import Foundation
import Synchronization

/// Runs the analysis: files in parallel (one libclang index per worker), facts extracted and the
/// translation unit disposed at once, then the rules; findings deduplicated and sorted.
public struct Engine: Sendable {
    public struct Options: Sendable {
        public var paths: [String]
        public var compileCommands: String?
        public var pythonInclude: String?
        public var extraArguments: [String] = []
        public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        /// Use the embedded model even when Python headers are installed (tests).
        public var forceEmbeddedHeaders = false
        /// The project's configuration: excluded files, init functions, lock helpers.
        public var configuration = Configuration()
        /// Parse in child processes started from this executable, so that a crash or a hang in
        /// libclang costs one file; nil parses in this process (library use, tests).
        public var workerExecutable: String?
        /// Seconds one file's parse may take in a worker process; nil for no limit.
        public var timeoutPerFile: Double? = 60
        /// Where parsed files' facts are kept between runs; nil for no cache.
        public var cacheDirectory: String?
        /// The project's root: compile_commands.json entries outside it are skipped (default:
        /// the working directory).
        public var sourceRoot: String?
        /// Share one precompiled header among files with the same preamble and flags.
        public var precompiledHeaders = true
        /// Parse sources with their data tables blanked (`DataTables`).
        public var blankDataTables = true
        /// Where the files' texts are kept once read, for the report to use; nil keeps them for
        /// this run only. (Only for one run: a text is read once and never again.)
        public var sourceTexts: SourceTexts?

        public init(paths: [String]) { self.paths = paths }
    }

    /// How one file went.
    public struct FileReport: Sendable, Codable {
        public var path: String
        public var analyzed: Bool
        /// Errors clang reported (missing headers, syntax errors): the file was analyzed as far
        /// as clang could parse it.
        public var parseErrors: [ParseDiagnostic]
        /// The analyzed file whose translation unit included this one, if any.
        public var includedBy: String? = nil
    }

    public struct Result: Sendable, Codable {
        public var findings: [Finding]
        /// Extension modules defined in the analyzed files.
        public var modules: [ExtensionModule] = []
        public var inputErrors: [InputError]
        /// Inputs used only in part (a compile_commands.json with refused flags or bad entries).
        public var warnings: [InputError] = []
        public var files: [FileReport]
        public var headers: PythonHeaders
        public var statistics = Statistics()
    }

    /// How the files were read: for the summary and for tests of the cache and the headers.
    public struct Statistics: Sendable, Equatable, Codable {
        public var parsed = 0
        public var fromCache = 0
        public var withPrecompiledHeader = 0
        /// Files parsed with data tables blanked.
        public var withDataTablesBlanked = 0
    }

    public let rules: [any Rule]
    /// Rules over the whole run's findings and modules, run after `rules`.
    public let projectRules: [any ProjectRule]
    /// Levels that replace the rules' own (configuration).
    public let severityOverrides: [String: Severity]

    public init(rules: [any Rule], projectRules: [any ProjectRule] = [], severityOverrides: [String: Severity] = [:]) {
        self.rules = rules
        self.projectRules = projectRules
        self.severityOverrides = severityOverrides
    }

    /// The concurrency model of one file on its own (for `gilcheck facts`), parsed exactly as a
    /// run parses it.
    public func model(of path: String, _ options: Options) -> ConcurrencyModel? {
        var options = options
        options.cacheDirectory = nil
        let parser = FileParser(setup: AnalysisSetup(headers: resolveHeaders(options), configuration: options.configuration,
                                                     precompiledHeaderDirectory: nil, blankDataTables: options.blankDataTables),
                                options: options, databaseArguments: [:])
        guard case .analyzed(let file)? = parser.parse([path])[path],
              let unit = Self.units([file], locks: options.configuration.lockFunctions, jobs: 1).first
        else { return nil }
        return ConcurrencyModel(unit: unit, project: ProjectClassification(units: [unit], initFunctions: Set(options.configuration.initFunctions)))
    }

    func resolveHeaders(_ options: Options) -> PythonHeaders {
        if options.forceEmbeddedHeaders { return .embedded }
        if let dir = options.pythonInclude { return .explicit(dir) }
        return PythonHeaders.discover()
    }

    public func run(_ options: Options) -> Result {
        var inputErrors: [InputError] = []
        var warnings: [InputError] = []
        var databaseArguments: [String: [String]] = [:]
        var paths = options.paths
        if let cc = options.compileCommands {
            switch CompileCommands.load(cc, sourceRoot: options.sourceRoot ?? FileManager.default.currentDirectoryPath) {
            case .success(let db):
                databaseArguments = db.arguments
                warnings = db.warnings
                if paths.isEmpty { paths = db.arguments.keys.sorted() }
            case .failure(let error):
                inputErrors.append(error)
            }
        }
        if paths.isEmpty { paths = ["."] }
        var collection = SourceFiles.collect(paths)
        inputErrors += collection.errors
        collection.files.removeAll { options.configuration.excludes($0) }

        let headers = resolveHeaders(options)
        let temporary = options.precompiledHeaders ? Self.makeTemporaryDirectory() : nil
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let parser = FileParser(
            setup: AnalysisSetup(headers: headers, configuration: options.configuration, precompiledHeaderDirectory: temporary,
                                 blankDataTables: options.blankDataTables),
            options: options, databaseArguments: databaseArguments)
        parser.prepare(collection.files)

        // Nothing changed since a run with the same options: its result stands.
        let runKey = inputErrors.isEmpty && warnings.isEmpty ? parser.runKey(settings: settingsFingerprint(options)) : nil
        if let runKey, var cached = parser.cache?.loadRun(runKey) {
            cached.statistics = Statistics(parsed: 0, fromCache: collection.files.count, withPrecompiledHeader: 0)
            return cached
        }

        // A file another analyzed file includes (a header, or a .c/.cpp included into a unity
        // build) is analyzed as part of its includer, where its functions' callers are visible:
        // first the sources no other source seems to include, then the ones their parses did not
        // include after all, then the headers nobody included, on their own.
        let files = collection.files
        let sources = files.filter { !SourceFiles.isHeader($0) }
        let seeminglyIncluded = SourceFiles.sourcesIncludedByOthers(sources, quotedIncludes: parser.quotedIncludes(of:))
        var outcomes = parser.parse(sources.filter { !seeminglyIncluded.contains($0) })
        var includedBy = Self.includers(of: files, outcomes: outcomes, order: sources)
        outcomes.merge(parser.parse(sources.filter { seeminglyIncluded.contains($0) && includedBy[$0] == nil })) { a, _ in a }
        includedBy = Self.includers(of: files, outcomes: outcomes, order: sources)
        for path in includedBy.keys { outcomes[path] = nil }
        outcomes.merge(parser.parse(files.filter { SourceFiles.isHeader($0) && includedBy[$0] == nil })) { a, _ in a }

        // Which functions run concurrently is decided over every file at once; then each file's
        // rules run against that.
        var reports: [FileReport] = []
        var analyzed: [AnalyzedFile] = []
        for path in files {
            switch outcomes[path] {
            case .failed(let error)?:
                inputErrors.append(error)
                reports.append(FileReport(path: path, analyzed: false, parseErrors: []))
            case .analyzed(let file)?:
                analyzed.append(file)
                reports.append(FileReport(path: path, analyzed: true, parseErrors: file.parseErrors))
            case nil:
                reports.append(FileReport(path: path, analyzed: true, parseErrors: [], includedBy: includedBy[path]))
            }
        }
        let units = Self.units(analyzed, locks: options.configuration.lockFunctions, jobs: options.jobs)
        let project = ProjectClassification(units: units, initFunctions: Set(options.configuration.initFunctions))
        let phrasing = FixPhrasing(requiresPython: options.configuration.requiresPython)
        let perUnit = Parallel.map(units, jobs: options.jobs, state: {}) { [rules] _, unit -> ([ExtensionModule], [Finding]) in
            var model = ConcurrencyModel(unit: unit, project: project)
            model.phrasing = phrasing
            let modules = ExtensionModule.find(in: model).map { m -> ExtensionModule in
                var m = m
                m.location.file = Self.displayPath(m.location.file)
                return m
            }
            return (modules, rules.flatMap { $0.check(model) }.map(Self.normalizingPaths))
        }
        var findings: [String: Finding] = [:]
        var modules: Set<ExtensionModule> = []
        for (unitModules, unitFindings) in perUnit {
            modules.formUnion(unitModules)
            // The same code seen through several includers is one finding (the same one
            // whatever the order: the least message stays).
            for f in unitFindings {
                let key = "\(f.ruleID)|\(f.location)|\(f.symbol)"
                if let existing = findings[key], existing.message <= f.message { continue }
                findings[key] = f
            }
        }
        let sortedModules = modules.sorted { $0.location < $1.location }
        var all = findings.values.sorted(by: Finding.reportOrder)
        for rule in projectRules { all += rule.check(modules: sortedModules, findings: all) }
        let sorted = all.map { f -> Finding in
            var f = f
            f.severity = severityOverrides[f.ruleID] ?? f.severity
            return f
        }.sorted(by: Finding.reportOrder)
        let statistics = Statistics(parsed: parser.parsed, fromCache: parser.fromCache,
                                    withPrecompiledHeader: analyzed.filter(\.usedPrecompiledHeader).count,
                                    withDataTablesBlanked: analyzed.filter { $0.blankedDataTables > 0 }.count)
        let result = Result(findings: sorted, modules: sortedModules, inputErrors: inputErrors, warnings: warnings, files: reports,
                            headers: headers, statistics: statistics)
        if let runKey, result.inputErrors.isEmpty {
            parser.cache?.storeRun(result, key: runKey, dependencies: Set(analyzed.flatMap(\.included)).union(files.map(Self.canonicalPath)))
        }
        return result
    }

    /// Everything besides the files that decides a run's result.
    func settingsFingerprint(_ options: Options) -> String {
        let c = options.configuration
        return ([FileManager.default.currentDirectoryPath, rules.map(\.id).joined(separator: ","),
                 projectRules.map(\.id).joined(separator: ","),
                 severityOverrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ","),
                 c.initFunctions.joined(separator: ","), c.lockFunctions.map { "\($0.acquire)/\($0.release)" }.joined(separator: ","),
                 c.requiresPython ?? ""] + options.paths).joined(separator: "\u{0}")
    }

    /// Which analyzed file's parse included each file, from the parses so far (files that
    /// include each other through include guards keep one of them as the root).
    static func includers(of files: [String], outcomes: [String: FileOutcome], order: [String]) -> [String: String] {
        var includedBy: [String: String] = [:]
        let canonicalFiles = Dictionary(files.map { (canonicalPath($0), $0) }, uniquingKeysWith: { a, _ in a })
        for path in order {
            guard case .analyzed(let file)? = outcomes[path] else { continue }
            for included in file.included {
                if let other = canonicalFiles[included], other != path, includedBy[other] == nil { includedBy[other] = path }
            }
        }
        for (file, includer) in includedBy.sorted(by: { $0.key < $1.key }) where includedBy[includer] == file && file < includer {
            includedBy[file] = nil
        }
        return includedBy
    }

    /// The units the project is classified over: facts and each function's flow (in parallel;
    /// flows are recomputed rather than cached, so they always match this gilcheck's rules).
    static func units(_ files: [AnalyzedFile], locks: [Configuration.LockPair], jobs: Int) -> [ProjectClassification.Unit] {
        Parallel.map(files, jobs: jobs, state: {}) { _, file in
            ProjectClassification.Unit(facts: file.facts, flows: file.facts.functions.map { FunctionFlow($0, locks: locks) })
        }
    }

    static func makeTemporaryDirectory() -> String? {
        let path = NSTemporaryDirectory() + "gilcheck-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        return (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil ? path : nil
    }

    static func normalizingPaths(_ f: Finding) -> Finding {
        var f = f
        f.location.file = displayPath(f.location.file)
        f.notes = f.notes.map { n in
            var n = n
            n.location.file = displayPath(n.location.file)
            return n
        }
        return f
    }

    /// Paths as users expect them: relative to the working directory when inside it.
    public static func displayPath(_ path: String) -> String {
        let standardized = canonicalPath(path)
        let cwd = FileManager.default.currentDirectoryPath
        if standardized.hasPrefix(cwd + "/") { return String(standardized.dropFirst(cwd.count + 1)) }
        return standardized
    }

    /// Absolute and standardized. Remembered: the same paths are asked for many times a run,
    /// and standardizing resolves symbolic links on disk.
    public static func canonicalPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let known = canonicalPaths.withLock({ $0[absolute] }) { return known }
        let canonical = (absolute as NSString).standardizingPath
        canonicalPaths.withLock { $0[absolute] = canonical }
        return canonical
    }

    private static let canonicalPaths = Mutex<[String: String]>([:])
}
