import ClangKit
import Foundation

/// What every file of a run is parsed with: sent once to each worker process.
public struct AnalysisSetup: Sendable, Codable {
    public var headers: PythonHeaders
    /// Names of the project's own lock functions (configuration), recognized in the tokens.
    public var lockNames: [String]
    /// Where shared precompiled headers are written; nil turns them off.
    public var precompiledHeaderDirectory: String?
    /// Parse sources with their data tables blanked (`DataTables`).
    public var blankDataTables: Bool

    init(headers: PythonHeaders, configuration: Configuration, precompiledHeaderDirectory: String?, blankDataTables: Bool = true) {
        self.headers = headers
        lockNames = configuration.lockFunctions.flatMap { [$0.acquire, $0.release] }
        self.precompiledHeaderDirectory = precompiledHeaderDirectory
        self.blankDataTables = blankDataTables
    }
}

/// One file to parse, with the arguments it is parsed with.
public struct FileJob: Sendable, Codable {
    public var path: String
    public var language: Language
    public var arguments: [String]
    /// The preamble a shared precompiled header stands in for, when other files of the run have
    /// the same one (for a file alone, building the header would cost more than it saves).
    public var sharedPreamble: SourcePreamble?
}

/// The facts of one parsed file, as a worker returns them and the cache stores them.
public struct AnalyzedFile: Sendable, Equatable {
    public var facts: UnitFacts
    /// Errors clang reported: the file was analyzed as far as clang could parse it.
    public var parseErrors: [ParseDiagnostic]
    /// Canonical paths of the files the unit included (not the embedded model's).
    public var included: [String]
    /// Whether a shared precompiled header stood in for the file's preamble.
    public var usedPrecompiledHeader: Bool
    /// How many data tables the parse saw blanked (`DataTables`).
    public var blankedDataTables = 0
}

public enum FileOutcome: Sendable, Equatable {
    case analyzed(AnalyzedFile)
    case failed(InputError)
}

/// Parses files and extracts their facts: one per thread or worker process (a libclang index is
/// not thread-safe). The translation unit is disposed as soon as the facts are out.
public final class FileAnalyzer {
    let setup: AnalysisSetup
    let index = Index()
    let unsaved: [Index.UnsavedFile]
    let precompiledHeaders: PrecompiledHeaders?
    let headerTables = HeaderDataTables()

    public init(setup: AnalysisSetup) {
        self.setup = setup
        unsaved = setup.headers.unsavedFiles.map { Index.UnsavedFile(path: $0.path, contents: $0.contents) }
        precompiledHeaders = setup.precompiledHeaderDirectory.map { PrecompiledHeaders(directory: $0) }
    }

    public func analyze(_ job: FileJob) -> FileOutcome {
        // A file with data tables, in itself or in the project headers it includes, is parsed
        // with them blanked, unless that parse reports an error: the blanking may have caused
        // it (a constant expression reading a table), so the file is parsed again whole.
        if setup.blankDataTables, let (blanked, tables) = blankedDataTables(job),
           case .analyzed(var file) = parse(job, unsaved: unsaved + blanked), file.parseErrors.isEmpty {
            file.blankedDataTables = tables
            return .analyzed(file)
        }
        return parse(job, unsaved: unsaved)
    }

    /// The source and the headers it includes with their data tables blanked, those that have
    /// any; nil when none has.
    private func blankedDataTables(_ job: FileJob) -> (files: [Index.UnsavedFile], tables: Int)? {
        guard let source = SourceText.read(job.path) else { return nil }
        var files: [Index.UnsavedFile] = []
        var tables = 0
        if let blanked = DataTables.blank(source, language: job.language) {
            files.append(Index.UnsavedFile(path: job.path, contents: blanked.text))
            tables += blanked.tables
        }
        let headers = headerTables.blanked(includedBy: job.path, source: source, language: job.language,
                                           localDirectories: Self.localDirectories(job))
        files += headers.files.map { Index.UnsavedFile(path: $0.path, contents: $0.text) }
        tables += headers.tables
        return files.isEmpty ? nil : (files, tables)
    }

    private func parse(_ job: FileJob, unsaved: [Index.UnsavedFile]) -> FileOutcome {
        var shared: TranslationUnit?
        if let pch = precompiledHeaders, let preamble = job.sharedPreamble,
           let header = pch.header(for: preamble, job: job, index: index, unsaved: self.unsaved) {
            shared = try? index.parse(path: job.path, arguments: job.arguments + ["-include-pch", header], unsavedFiles: unsaved)
        }
        let tu: TranslationUnit
        do {
            tu = try shared ?? index.parse(path: job.path, arguments: job.arguments, unsavedFiles: unsaved)
        } catch {
            return .failed(InputError(path: job.path, message: "libclang could not parse it (\(error))"))
        }
        let facts = FactsExtractor.extract(from: tu, mainFile: job.path, language: job.language, lockNames: Set(setup.lockNames))
        let included = tu.includedFiles.filter { !$0.hasPrefix(PythonHeaders.virtualRoot) }.map(Engine.canonicalPath)
        let errors = facts.diagnostics.filter { $0.severity != .warning }
        return .analyzed(AnalyzedFile(facts: facts, parseErrors: errors, included: Array(Set(included)).sorted(), usedPrecompiledHeader: shared != nil))
    }

    /// Directories where a header of the project's own could be found: the `-I`/`-iquote` ones,
    /// among them the file's own (`CompileArguments.forFile` adds it), not `-isystem` (installed
    /// headers).
    static func localDirectories(_ job: FileJob) -> [String] {
        var dirs: [String] = []
        var i = 0
        let args = job.arguments
        while i < args.count {
            let a = args[i]
            if (a == "-I" || a == "-iquote"), i + 1 < args.count { dirs.append(args[i + 1]); i += 2; continue }
            if a.hasPrefix("-iquote"), a.count > 7 { dirs.append(String(a.dropFirst(7))) }
            else if a.hasPrefix("-I"), a.count > 2 { dirs.append(String(a.dropFirst(2))) }
            i += 1
        }
        return dirs.map { $0.isEmpty ? "." : $0 }
    }
}

/// Precompiled headers of file preambles, built on first use and shared by every file (and
/// every worker process) with the same preamble and flags.
final class PrecompiledHeaders {
    let directory: String
    /// Key to the header's path, or nil when it could not be built (those files parse normally).
    private var built: [String: String?] = [:]

    init(directory: String) { self.directory = directory }

    /// Files with the same key can share one header.
    static func key(_ preamble: SourcePreamble, job: FileJob) -> String {
        ResultCache.key([job.language.rawValue] + job.arguments + ["\u{1}", preamble.headerText])
    }

    func header(for preamble: SourcePreamble, job: FileJob, index: Index, unsaved: [Index.UnsavedFile]) -> String? {
        let key = Self.key(preamble, job: job)
        if let known = built[key] { return known }
        let path = directory + "/" + key + ".pch"
        if FileManager.default.fileExists(atPath: path) {
            built[key] = path
            return path
        }
        // One process builds each header. Another that needs it meanwhile parses its file
        // normally instead of building it a second time, and looks again for its next file.
        let claim = open(path + ".claim", O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard claim >= 0 else { return nil }
        close(claim)
        built[key] = build(preamble, job: job, key: key, to: path, index: index, unsaved: unsaved) ? path : nil
        return built[key]!
    }

    /// Parses the preamble as a header with the file's flags and saves it; a preamble that does
    /// not parse cleanly is not worth sharing.
    private func build(_ preamble: SourcePreamble, job: FileJob, key: String, to path: String, index: Index,
                       unsaved: [Index.UnsavedFile]) -> Bool {
        let source = directory + "/" + key + ".h"
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: source, contents: Data(preamble.headerText.utf8)) else { return false }
        let headerArguments = job.arguments + ["-x", job.language == .cxx ? "c++-header" : "c-header"]
        guard let tu = try? index.parse(path: source, arguments: headerArguments, unsavedFiles: unsaved),
              !tu.diagnostics.contains(where: { $0.severity == .error || $0.severity == .fatal }),
              tu.save(to: temporary)
        else { return false }
        return rename(temporary, path) == 0
    }
}
