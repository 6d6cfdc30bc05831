import Foundation

/// Turns paths into parsed facts for a run: reads each file once, refuses what is not source,
/// answers from the result cache where it can, and parses the rest in parallel, in worker
/// processes or in this one.
final class FileParser: @unchecked Sendable {
    let setup: AnalysisSetup
    let options: Engine.Options
    let databaseArguments: [String: [String]]
    let cache: ResultCache?
    let texts: SourceTexts
    private let pool: WorkerPool?
    private(set) var parsed = 0
    private(set) var fromCache = 0

    init(setup: AnalysisSetup, options: Engine.Options, databaseArguments: [String: [String]]) {
        self.setup = setup
        self.options = options
        self.databaseArguments = databaseArguments
        cache = options.cacheDirectory.map(ResultCache.init)
        texts = options.sourceTexts ?? SourceTexts()
        pool = options.workerExecutable.map { WorkerPool(executable: $0, setup: setup, timeout: options.timeoutPerFile) }
    }

    /// A file ready to parse, or the reason it cannot be.
    private enum Prepared {
        /// `includes`: the names of its `#include "..."` lines, read while the text is at hand.
        case job(FileJob, cacheKey: String?, size: Int, includes: [String])
        case done(FileOutcome)
    }

    private var prepared: [String: Prepared] = [:]

    /// A file that must be parsed: neither refused nor answered from the cache.
    private typealias Pending = (path: String, job: FileJob, key: String?, size: Int)

    /// Reads the files of the run: their jobs and cache keys.
    func prepare(_ paths: [String]) {
        for path in paths where prepared[path] == nil { prepared[path] = read(path) }
    }

    /// The key of a whole run's result: every file's key and the other settings. Nil when some
    /// file cannot have one (unreadable, binary) or there is no cache.
    func runKey(settings: String) -> String? {
        guard cache != nil else { return nil }
        var material = [settings]
        for (path, p) in prepared.sorted(by: { $0.key < $1.key }) {
            guard case .job(_, let key?, _, _) = p else { return nil }
            material += [path, key]
        }
        return "run-" + ResultCache.key(material)
    }

    func parse(_ paths: [String]) -> [String: FileOutcome] {
        var outcomes: [String: FileOutcome] = [:]
        var pending: [Pending] = []
        for path in paths {
            switch prepared[path] ?? read(path) {
            case .done(let outcome):
                outcomes[path] = outcome
            case .job(let job, let key, let size, _):
                if let key, let file = cache?.load(key) {
                    outcomes[path] = .analyzed(file)
                    fromCache += 1
                } else {
                    pending.append((path, job, key, size))
                }
            }
        }
        if setup.precompiledHeaderDirectory != nil { assignSharedPreambles(&pending) }
        // Largest first, so that no worker starts a long file while the others run out of work.
        pending.sort { ($0.size, $1.path) > ($1.size, $0.path) }
        let jobs = pending.map(\.job)
        let results = pool?.analyze(jobs, parallelism: options.jobs) ?? Self.analyzeInProcess(jobs, setup: setup, parallelism: options.jobs)
        parsed += jobs.count
        for (p, outcome) in zip(pending, results) {
            outcomes[p.path] = outcome
            if let cache, let key = p.key, case .analyzed(let file) = outcome { cache.store(file, key: key) }
        }
        return outcomes
    }

    /// Gives each file to parse the preamble it shares with others. A precompiled header pays
    /// only where files share it: alone, a file would parse its headers twice (once to build it).
    /// (The preamble is found here, not when files are prepared: a run answered from the cache
    /// never needs it.)
    private func assignSharedPreambles(_ pending: inout [Pending]) {
        var sharing: [String: [Int]] = [:]
        for i in pending.indices {
            guard let text = texts.text(pending[i].path)?.bytes,
                  let preamble = SourcePreamble.detect(in: text, localDirectories: FileAnalyzer.localDirectories(pending[i].job))
            else { continue }
            pending[i].job.sharedPreamble = preamble
            sharing[PrecompiledHeaders.key(preamble, job: pending[i].job), default: []].append(i)
        }
        for group in sharing.values where group.count == 1 { pending[group[0]].job.sharedPreamble = nil }
    }

    /// The `#include "..."` names of a prepared source (none for a header, or a file not read).
    func quotedIncludes(of path: String) -> [String] {
        guard case .job(_, _, _, let includes)? = prepared[path] else { return [] }
        return includes
    }

    private func read(_ path: String) -> Prepared {
        guard let data = texts.text(path)?.bytes else {
            return .done(.failed(InputError(path: path, message: Self.unreadableReason(path))))
        }
        let head = data.prefix(SourceFiles.headLength)
        if head.contains(0) {
            return .done(.failed(InputError(path: path, message: "contains binary data (NUL bytes), not C or C++ source")))
        }
        let language = SourceFiles.language(of: path, head: head)
        let arguments = CompileArguments.forFile(path, language: language, headers: setup.headers, extra: options.extraArguments,
                                                 database: databaseArguments[Engine.canonicalPath(path)])
        let job = FileJob(path: path, language: language, arguments: arguments)
        let includes = SourceFiles.isHeader(path) ? [] : SourceFiles.quotedIncludes(in: data)
        return .job(job, cacheKey: cache?.key(for: job, content: data, setup: setup), size: data.count, includes: includes)
    }

    /// Why `SourceText.read` found nothing to read, in the system's words where it has them
    /// (a permission, a symbolic link loop, an I/O error).
    static func unreadableReason(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "cannot be read (\(String(cString: strerror(errno))))" }
        if (info.st_mode & S_IFMT) != S_IFREG { return "is not a regular file (a device, a socket or a pipe)" }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "cannot be read (\(String(cString: strerror(errno))))" }
        close(fd)
        return "cannot be read"
    }

    /// Without worker processes: one analyzer (one libclang index) per thread.
    static func analyzeInProcess(_ jobs: [FileJob], setup: AnalysisSetup, parallelism: Int) -> [FileOutcome] {
        Parallel.map(jobs, jobs: parallelism, state: { FileAnalyzer(setup: setup) }) { analyzer, job in analyzer.analyze(job) }
    }
}
