import Foundation

/// Facts of files parsed before, so an unchanged file costs a read and a hash instead of a parse.
///
/// An entry is found by a key over everything the parse depends on: gilcheck's and libclang's
/// versions, the file's path and content, its arguments, the Python header set and the lock names.
/// It stays valid while every file the parse included has the content it had (checked by digest,
/// each file once per run). Only per-file facts are cached: which functions run concurrently is
/// decided over the whole project on every run, so one changed file is seen by all the others.
public final class ResultCache: @unchecked Sendable {
    public let directory: String
    /// Bump when the facts' shape or meaning changes.
    static let formatVersion = "4"

    private let lock = NSLock()
    private var digests: [String: String] = [:]

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/gilcheck`, else `~/.cache/gilcheck`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/gilcheck" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.cache/gilcheck"
    }

    struct Entry {
        var key: String
        /// Each included file's digest when the entry was written.
        var included: [String: String]
        var file: AnalyzedFile
    }

    /// The key of a file's result: everything its facts depend on except what it includes.
    public func key(for job: FileJob, content: [UInt8], setup: AnalysisSetup) -> String {
        let contentDigest = Self.digest(content)
        // The whole-run entry checks this file's digest again: it is known now.
        remember(contentDigest, of: Engine.canonicalPath(job.path))
        var material = ["gilcheck \(GILCheckVersion.current) facts \(Self.formatVersion)", GILCheckVersion.libclangIdentity,
                        job.path, job.language.rawValue, contentDigest]
        material += job.arguments
        // The Python headers' exact release: a shared precompiled header hides them from `included`.
        let release = setup.headers.source == .embedded ? "" : currentDigest(of: setup.headers.includeDirectory + "/patchlevel.h")
        material += ["\u{1}", setup.headers.includeDirectory, setup.headers.version ?? "", "\(setup.headers.source)", release]
        material += setup.lockNames.sorted()
        material.append(setup.blankDataTables ? "data tables blanked" : "data tables whole")
        return Self.key(material)
    }

    public func load(_ key: String) -> AnalyzedFile? {
        guard let bytes = SourceText.read(path(of: key)),
              let entry = try? FactsCoding.decode(Entry.self, from: bytes), entry.key == key else { return nil }
        for (file, digest) in entry.included where currentDigest(of: file) != digest { return nil }
        return entry.file
    }

    /// Writes atomically (a temporary file renamed into place), so concurrent runs and a killed
    /// run never leave a torn entry. A cache that cannot be written only costs speed.
    public func store(_ file: AnalyzedFile, key: String) {
        var included: [String: String] = [:]
        for path in file.included { included[path] = currentDigest(of: path) }
        guard let bytes = try? FactsCoding.encode(Entry(key: key, included: included, file: file)) else { return }
        write(Data(bytes), to: path(of: key))
    }

    /// A whole run's result: valid while every file it read has the content it had. One small
    /// value per run, so it keeps `Codable` (a binary property list) instead of a hand-written
    /// format.
    struct RunEntry: Codable {
        var key: String
        /// Each file's path and digest, all separated by NUL bytes (no path holds one): a run
        /// depends on hundreds of files, and one string decodes many times faster than a
        /// dictionary of them.
        var dependencies: String
        var result: Engine.Result
    }

    func loadRun(_ key: String) -> Engine.Result? {
        guard let data = FileManager.default.contents(atPath: path(of: key)),
              let entry = try? PropertyListDecoder().decode(RunEntry.self, from: data), entry.key == key else { return nil }
        let parts = entry.dependencies.utf8.split(separator: 0, omittingEmptySubsequences: false)
        guard parts.count % 2 == 0 else { return nil }
        for i in stride(from: 0, to: parts.count, by: 2) {
            guard let file = String(parts[i]), let digest = String(parts[i + 1]), currentDigest(of: file) == digest else { return nil }
        }
        return entry.result
    }

    func storeRun(_ result: Engine.Result, key: String, dependencies: Set<String>) {
        let list = dependencies.sorted().flatMap { [$0, currentDigest(of: $0)] }.joined(separator: "\u{0}")
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        guard let data = try? encoder.encode(RunEntry(key: key, dependencies: list, result: result)) else { return }
        write(data, to: path(of: key))
    }

    private func write(_ data: Data, to target: String) {
        let dir = (target as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temporary = target + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, target) != 0 { unlink(temporary) }
    }

    private func path(of key: String) -> String {
        "\(directory)/v\(Self.formatVersion)/\(key.prefix(2))/\(key)"
    }

    /// A file's digest, read once per run (headers are shared by many files); a file that
    /// cannot be read has the digest "absent", which holds while it stays so.
    private func currentDigest(of path: String) -> String {
        lock.lock()
        if let known = digests[path] { lock.unlock(); return known }
        lock.unlock()
        let digest = SourceText.read(path).map(Self.digest) ?? "absent"
        lock.lock()
        digests[path] = digest
        lock.unlock()
        return digest
    }

    private func remember(_ digest: String, of path: String) {
        lock.lock()
        digests[path] = digest
        lock.unlock()
    }

    /// A key made of parts (none containing NUL): their 128-bit hash.
    static func key(_ parts: [String]) -> String {
        hash128(Array(parts.joined(separator: "\u{0}").utf8))
    }

    /// The length and a 128-bit hash of the content.
    static func digest(_ bytes: [UInt8]) -> String {
        "\(bytes.count)-" + hash128(bytes)
    }

    /// 32 hex digits. Four independent lanes of eight bytes each per step, in the manner of
    /// xxHash64, so that the processor works on them at once: a run answered from the cache
    /// hashes every file it depends on (megabytes, with generated tables), and one lane was a
    /// seventh of such a run.
    static func hash128(_ bytes: [UInt8]) -> String {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let x = lane &+ word &* prime2
            return (x << 31 | x >> 33) &* prime1
        }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
        bytes.withUnsafeBytes { raw in
            let blocks = raw.count / 32
            for i in 0..<blocks {
                let o = i * 32
                lanes.0 = round(lanes.0, raw.loadUnaligned(fromByteOffset: o, as: UInt64.self))
                lanes.1 = round(lanes.1, raw.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self))
                lanes.2 = round(lanes.2, raw.loadUnaligned(fromByteOffset: o + 16, as: UInt64.self))
                lanes.3 = round(lanes.3, raw.loadUnaligned(fromByteOffset: o + 24, as: UInt64.self))
            }
            // The last 0-31 bytes, eight at a time into the lanes in turn, the length last.
            var tail: [UInt64] = []
            var word: UInt64 = 0
            for (k, i) in ((blocks * 32)..<raw.count).enumerated() {
                word |= UInt64(raw[i]) << (8 * UInt64(k % 8))
                if k % 8 == 7 { tail.append(word); word = 0 }
            }
            tail.append(word ^ 0xFF ^ UInt64(raw.count) << 8)
            for (k, w) in tail.enumerated() {
                switch k % 4 {
                case 0: lanes.0 = round(lanes.0, w)
                case 1: lanes.1 = round(lanes.1, w)
                case 2: lanes.2 = round(lanes.2, w)
                default: lanes.3 = round(lanes.3, w)
                }
            }
        }
        func finish(_ x: UInt64) -> String {
            var h = x
            h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD; h ^= h >> 33; h = h &* 0xC4CE_B9FE_1A85_EC53; h ^= h >> 33
            return StableHash.padded(h)
        }
        let a = round(round(lanes.0, lanes.2), lanes.1 ^ lanes.3)
        let b = round(round(lanes.1, lanes.3), lanes.0 &+ lanes.2)
        return finish(a) + finish(b ^ a)
    }
}
