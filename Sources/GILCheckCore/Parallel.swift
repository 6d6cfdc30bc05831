import Foundation

/// A parallel map over at most `jobs` threads, each with long-lived state of its own (a libclang
/// index, a worker process) that is made once per thread and finished when the work runs out.
/// Results keep the order of the items.
enum Parallel {
    static func map<Item: Sendable, State, T>(_ items: [Item], jobs: Int, state: @Sendable () -> State,
                                              finish: @Sendable (State) -> Void = { _ in },
                                              _ body: @Sendable (inout State, Item) -> T) -> [T] {
        let results = ParallelResults<T>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: min(max(jobs, 1), max(items.count, 1))) { _ in
            var local = state()
            while let i = results.claim() { results.store(body(&local, items[i]), at: i) }
            finish(local)
        }
        return results.values.map { $0! }
    }
}

/// Work distribution and result slots shared by parallel workers.
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
