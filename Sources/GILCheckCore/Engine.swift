import ClangKit
import Foundation

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

        public init(paths: [String]) { self.paths = paths }
    }

    /// How one file went.
    public struct FileReport: Sendable {
        public var path: String
        public var analyzed: Bool
        /// Errors clang reported (missing headers, syntax errors): the file was analyzed as far
        /// as clang could parse it.
        public var parseErrors: [ParseDiagnostic]
        /// The analyzed file whose translation unit included this one, if any.
        public var includedBy: String? = nil
    }

    public struct Result: Sendable {
        public var findings: [Finding]
        /// Extension modules defined in the analyzed files.
        public var modules: [ExtensionModule] = []
        public var inputErrors: [InputError]
        public var files: [FileReport]
        public var headers: PythonHeaders
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
        let headers = resolveHeaders(options)
        guard case .analyzed(let unit, _, _) = analyzeFile(path, index: Index(), headers: headers, unsaved: unsavedFiles(headers),
                                                        extra: options.extraArguments, database: nil,
                                                        locks: options.configuration.lockFunctions)
        else { return nil }
        return ConcurrencyModel(unit: unit, project: ProjectClassification(units: [unit], initFunctions: Set(options.configuration.initFunctions)))
    }

    func resolveHeaders(_ options: Options) -> PythonHeaders {
        if options.forceEmbeddedHeaders { return .embedded }
        if let dir = options.pythonInclude { return .explicit(dir) }
        return PythonHeaders.discover()
    }

    func unsavedFiles(_ headers: PythonHeaders) -> [Index.UnsavedFile] {
        headers.unsavedFiles.map { Index.UnsavedFile(path: $0.path, contents: $0.contents) }
    }

    public func run(_ options: Options) -> Result {
        var inputErrors: [InputError] = []
        var databaseArguments: [String: [String]] = [:]
        var paths = options.paths
        if let cc = options.compileCommands {
            switch loadDatabase(cc) {
            case .success(let entries):
                databaseArguments = entries
                if paths.isEmpty { paths = entries.keys.sorted() }
            case .failure(let error):
                inputErrors.append(error)
            }
        }
        if paths.isEmpty { paths = ["."] }
        var collection = SourceFiles.collect(paths)
        inputErrors += collection.errors
        collection.files.removeAll { options.configuration.excludes($0) }

        let headers = resolveHeaders(options)
        let unsaved = unsavedFiles(headers)

        // A file another analyzed file includes (a header, or a .c/.cpp included into a unity
        // build) is analyzed as part of its includer, where its functions' callers are visible:
        // sources first, then the headers nobody included, on their own.
        let files = collection.files
        let sources = files.filter { !SourceFiles.isHeader($0) }
        let databaseArgumentsByFile = databaseArguments
        let analyze = { (paths: [String]) in
            Parallel.map(paths, jobs: max(1, options.jobs)) { (index: Index, path: String) -> FileOutcome in
                let dbArgs = databaseArgumentsByFile[Self.canonicalPath(path)]
                return analyzeFile(path, index: index, headers: headers, unsaved: unsaved,
                                   extra: options.extraArguments, database: dbArgs, locks: options.configuration.lockFunctions)
            }
        }
        var outcomes: [String: FileOutcome] = Dictionary(uniqueKeysWithValues: zip(sources, analyze(sources)))
        var includedBy: [String: String] = [:]
        let canonicalFiles = Dictionary(files.map { (Self.canonicalPath($0), $0) }, uniquingKeysWith: { a, _ in a })
        for path in sources {
            guard case .analyzed(_, _, let included)? = outcomes[path] else { continue }
            for file in included {
                if let analyzed = canonicalFiles[file], analyzed != path, includedBy[analyzed] == nil { includedBy[analyzed] = path }
            }
        }
        // Files that include each other (through include guards) keep one of them as the root.
        for (file, includer) in includedBy.sorted(by: { $0.key < $1.key }) where includedBy[includer] == file && file < includer {
            includedBy[file] = nil
        }
        for path in includedBy.keys { outcomes[path] = nil }
        let standaloneHeaders = files.filter { SourceFiles.isHeader($0) && includedBy[$0] == nil }
        for (path, outcome) in zip(standaloneHeaders, analyze(standaloneHeaders)) { outcomes[path] = outcome }

        // Which functions run concurrently is decided over every file at once; then each file's
        // rules run against that.
        var reports: [FileReport] = []
        var units: [ProjectClassification.Unit] = []
        for path in files {
            switch outcomes[path] {
            case .failed(let error)?:
                inputErrors.append(error)
                reports.append(FileReport(path: path, analyzed: false, parseErrors: []))
            case .analyzed(let unit, let errors, _)?:
                units.append(unit)
                reports.append(FileReport(path: path, analyzed: true, parseErrors: errors))
            case nil:
                reports.append(FileReport(path: path, analyzed: true, parseErrors: [], includedBy: includedBy[path]))
            }
        }
        let project = ProjectClassification(units: units, initFunctions: Set(options.configuration.initFunctions))
        var findings: [String: Finding] = [:]
        var modules: Set<ExtensionModule> = []
        for unit in units {
            var model = ConcurrencyModel(unit: unit, project: project)
            model.phrasing = FixPhrasing(requiresPython: options.configuration.requiresPython)
            for m in ExtensionModule.find(in: model) {
                var m = m
                m.location.file = Self.displayPath(m.location.file)
                modules.insert(m)
            }
            for rule in rules {
                // The same code seen through several includers is one finding.
                for f in rule.check(model).map(Self.normalizingPaths) {
                    let key = "\(f.ruleID)|\(f.location)|\(f.symbol)"
                    if let existing = findings[key], existing.message <= f.message { continue }
                    findings[key] = f
                }
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
        return Result(findings: sorted, modules: sortedModules, inputErrors: inputErrors, files: reports, headers: headers)
    }

    enum FileOutcome: Sendable {
        /// The unit's facts and walked functions, clang's errors, and the canonical paths of
        /// every file it included.
        case analyzed(ProjectClassification.Unit, parseErrors: [ParseDiagnostic], included: [String])
        case failed(InputError)
    }

    func analyzeFile(_ path: String, index: Index, headers: PythonHeaders, unsaved: [Index.UnsavedFile],
                     extra: [String], database: [String]?, locks: [Configuration.LockPair] = []) -> FileOutcome {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failed(InputError(path: path, message: "cannot be read (permission denied?)"))
        }
        let head = (try? handle.read(upToCount: 65536)) ?? Data()
        try? handle.close()
        if head.contains(0) {
            return .failed(InputError(path: path, message: "contains binary data (NUL bytes), not C or C++ source"))
        }
        let language = SourceFiles.language(of: path, head: head)
        let args = CompileArguments.forFile(path, language: language, headers: headers, extra: extra, database: database)
        let tu: TranslationUnit
        do {
            tu = try index.parse(path: path, arguments: args, unsavedFiles: unsaved)
        } catch {
            return .failed(InputError(path: path, message: "libclang could not parse it (\(error))"))
        }
        let lockNames = Set(locks.flatMap { [$0.acquire, $0.release] })
        let facts = FactsExtractor.extract(from: tu, mainFile: path, language: language, lockNames: lockNames)
        let included = tu.includedFiles.filter { !$0.hasPrefix(PythonHeaders.embeddedDirectory) }.map(Self.canonicalPath)
        let errors = facts.diagnostics.filter { $0.severity != .warning }
        let unit = ProjectClassification.Unit(facts: facts, flows: facts.functions.map { FunctionFlow($0, locks: locks) })
        return .analyzed(unit, parseErrors: errors, included: included)
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

    /// Absolute and standardized.
    public static func canonicalPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }

    private func loadDatabase(_ path: String) -> Swift.Result<[String: [String]], InputError> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return .failure(InputError(path: path, message: "compile_commands.json not found"))
        }
        let dir = isDir.boolValue ? path : (path as NSString).deletingLastPathComponent
        let file = dir.isEmpty ? "compile_commands.json" : dir + "/compile_commands.json"
        guard let data = FileManager.default.contents(atPath: file),
              (try? JSONSerialization.jsonObject(with: data)) is [Any] else {
            return .failure(InputError(path: file, message: "not a readable compile_commands.json (expected a JSON array)"))
        }
        do {
            let db = try CompilationDatabase(directory: dir.isEmpty ? "." : dir)
            var result: [String: [String]] = [:]
            for c in db.allCommands {
                let file = c.file.hasPrefix("/") ? c.file : (c.directory as NSString).appendingPathComponent(c.file)
                result[Self.canonicalPath(file)] = CompileArguments.fromDatabase(c.arguments, directory: c.directory, file: c.file)
            }
            return .success(result)
        } catch {
            return .failure(InputError(path: file, message: "libclang could not load it"))
        }
    }
}

/// A parallel map with one long-lived worker state (a libclang index) per thread.
enum Parallel {
    static func map<T: Sendable>(_ items: [String], jobs: Int, _ body: @Sendable (Index, String) -> T) -> [T] {
        let results = ParallelResults<T>(count: items.count)
        let workers = min(jobs, max(items.count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let index = Index()
            while let i = results.claim() {
                results.store(body(index, items[i]), at: i)
            }
        }
        return results.values.map { $0! }
    }
}

/// Work distribution and result slots shared by the workers of `Parallel.map`.
private final class ParallelResults<T>: @unchecked Sendable {
    private(set) var values: [T?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at i: Int) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }
}
