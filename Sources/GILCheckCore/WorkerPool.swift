import ClangKit
import Foundation

/// Parses files in child processes (gilcheck itself, started as `gilcheck __worker`), so that a
/// crash or a hang inside libclang costs one file instead of the run: the file is reported as
/// not analyzed, the worker is replaced, and the other files go on.
///
/// Protocol: the parent writes one JSON line with the `AnalysisSetup`, then one `FileJob` line per
/// file; the worker answers each job with a 4-byte big-endian length and the `FileOutcome` in the
/// binary facts format (`FactsCoding`).
public final class WorkerPool: @unchecked Sendable {
    let executable: String
    let setup: AnalysisSetup
    /// Seconds a file may take; nil for no limit.
    let timeout: Double?

    public init(executable: String, setup: AnalysisSetup, timeout: Double?) {
        self.executable = executable
        self.setup = setup
        self.timeout = timeout
        // A worker that died must not take the parent with it when the parent writes to it.
        signal(SIGPIPE, SIG_IGN)
    }

    public func analyze(_ jobs: [FileJob], parallelism: Int) -> [FileOutcome] {
        // Each thread drives one worker process, replaced after a crash or a time-out.
        Parallel.map(jobs, jobs: parallelism, state: { WorkerProcess?.none }, finish: { $0?.finish() }) { worker, job in
            if worker == nil { worker = WorkerProcess(executable: executable, setup: setup) }
            guard let current = worker else {
                return .failed(InputError(path: job.path, message: "could not start a parsing process"))
            }
            switch current.run(job, timeout: timeout) {
            case .finished(let outcome):
                return outcome
            case .timedOut:
                current.kill()
                worker = nil
                let limit = timeout.map { String(format: "%g", $0) } ?? "?"
                return .failed(InputError(path: job.path, message: "parsing it took longer than \(limit) s (--timeout-per-file)"))
            case .crashed(let how):
                current.kill()
                worker = nil
                return .failed(InputError(path: job.path, message: "the parser crashed on it (\(how))"))
            }
        }
    }

    /// The worker side: answers jobs until its input closes.
    public static func serve() -> Int32 {
        // Answers go to a private copy of standard output; anything libclang prints goes to
        // standard error instead of corrupting them.
        let answers = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        guard let setupLine = readLine(strippingNewline: true),
              let setup = try? JSONDecoder().decode(AnalysisSetup.self, from: Data(setupLine.utf8)) else { return 2 }
        let analyzer = FileAnalyzer(setup: setup)
        let fault = FaultInjection(ProcessInfo.processInfo.environment["GILCHECK_FAULT_INJECTION"])
        while let line = readLine(strippingNewline: true) {
            guard let job = try? JSONDecoder().decode(FileJob.self, from: Data(line.utf8)) else { return 2 }
            fault?.strike(job.path)
            let outcome = analyzer.analyze(job)
            let unencodable = FileOutcome.failed(InputError(path: job.path, message: "its facts could not be encoded"))
            guard let payload = (try? FactsCoding.encode(outcome)) ?? (try? FactsCoding.encode(unencodable)) else { return 2 }
            var length = UInt32(payload.count).bigEndian
            var message = Data(bytes: &length, count: 4)
            message.append(contentsOf: payload)
            guard writeAll(answers, message) else { return 2 }
            // The unit is disposed: give its memory back once much of it is free, so that a
            // worker holds about what the file it parses needs, not what the largest file it
            // parsed needed. Keeping up to 128 MB halves the page faults of a typical package.
            Index.releaseFreedMemory(keeping: 128 << 20)
        }
        return 0
    }

    static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}

/// A crash or a hang on purpose, for the tests of isolation: `GILCHECK_FAULT_INJECTION` set to
/// `crash:NAME` or `hang:NAME` makes a worker fail that way on files whose path contains NAME
/// (libclang's own crashes cannot be produced at will).
struct FaultInjection {
    enum Kind: String { case crash, hang }
    let kind: Kind
    let pathPart: String

    init?(_ setting: String?) {
        guard let setting, let colon = setting.firstIndex(of: ":"), let kind = Kind(rawValue: String(setting[..<colon])) else { return nil }
        self.kind = kind
        pathPart = String(setting[setting.index(after: colon)...])
        if pathPart.isEmpty { return nil }
    }

    func strike(_ path: String) {
        guard path.contains(pathPart) else { return }
        switch kind {
        case .crash: UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1  // a real fault, as libclang's would be
        case .hang: while true { sleep(60) }
        }
    }
}

/// One child process and the pipes to it.
final class WorkerProcess {
    enum Result {
        case finished(FileOutcome)
        case timedOut
        case crashed(String)
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private static let launchLock = NSLock()

    init?(executable: String, setup: AnalysisSetup) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["__worker"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // A crashing worker is reported by the parent; the Swift runtime's backtrace of it would
        // only cost seconds.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        Self.launchLock.lock()
        defer { Self.launchLock.unlock() }
        do { try process.run() } catch { return nil }
        guard let line = try? JSONEncoder().encode(setup), send(line) else { return nil }
    }

    private func send(_ line: Data) -> Bool {
        WorkerPool.writeAll(input.fileHandleForWriting.fileDescriptor, line + Data("\n".utf8))
    }

    func run(_ job: FileJob, timeout: Double?) -> Result {
        guard let line = try? JSONEncoder().encode(job), send(line) else { return .crashed(exitDescription()) }
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        // No answer: either the time is up or the worker is gone.
        let unanswered = { deadline.map { Date() >= $0 } == true ? Result.timedOut : .crashed(self.exitDescription()) }
        guard let header = read(4, deadline: deadline) else { return unanswered() }
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        guard let payload = read(length, deadline: deadline) else { return unanswered() }
        guard let outcome = try? FactsCoding.decode(FileOutcome.self, from: payload) else {
            return .crashed("unreadable answer")
        }
        return .finished(outcome)
    }

    /// Reads exactly `count` bytes, or nil at end of input or past the deadline.
    private func read(_ count: Int, deadline: Date?) -> [UInt8]? {
        let fd = output.fileHandleForReading.fileDescriptor
        var data: [UInt8] = []
        data.reserveCapacity(count)
        var buffer = [UInt8](repeating: 0, count: min(max(count, 1), 1 << 20))
        while data.count < count {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = deadline.map { max(0, Int32($0.timeIntervalSinceNow * 1000)) } ?? -1
            let ready = poll(&poller, 1, wait)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0, let deadline, Date() < deadline { continue }
            if ready <= 0 { return nil }  // past the deadline (or poll failed)
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, min($0.count, count - data.count)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }  // the worker is gone
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }

    /// How the worker ended, once it has.
    private func exitDescription() -> String {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            let name = String(cString: strsignal(signal))
            return "signal \(signal), \(name)"
        }
        return "exit status \(process.terminationStatus)"
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Closes the worker's input so that it ends, and waits for it.
    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
