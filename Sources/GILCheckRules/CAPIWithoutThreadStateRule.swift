import GILCheckCore

/// The Python C API used between Py_BEGIN_ALLOW_THREADS and Py_END_ALLOW_THREADS, where the
/// thread has no attached thread state.
public struct CAPIWithoutThreadStateRule: Rule {
    public let id = "c-api-without-thread-state"
    public init() {}

    /// C API usable without an attached thread state.
    static func allowedDetached(_ name: String) -> Bool {
        ["PyMem_Raw", "PyThread_", "PyGILState_", "PyEval_RestoreThread", "PyEval_SaveThread", "PyOS_", "Py_FatalError",
         "PyMutex_", "_PyMutex_", "_Py_atomic_", "PyEval_AcquireThread", "PyEval_ReleaseThread", "Py_IsInitialized"]
            .contains { name.hasPrefix($0) }
    }

    static func isCAPI(_ name: String) -> Bool {
        (name.hasPrefix("Py") || name.hasPrefix("_Py")) && !allowedDetached(name)
    }

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows {
            // Uses of the C API (calls, or Python object header fields) by region; a lambda
            // defined in the region runs elsewhere (another thread), so its body does not count.
            var regions = GuardRegions()
            func note(_ name: String, _ location: SourceLocation, _ guards: [Guard], _ frame: Int) {
                guard let g = guards.last(where: { $0.kind == .detached }), g.frame == frame else { return }
                regions.add(name, at: location, in: g)
            }
            for call in flow.calls where Self.isCAPI(call.call.name) { note(call.call.name, call.location, call.guards, call.frame) }
            for read in flow.objectFieldReads { note("reading '\(read.field)' of a Python object", read.location, read.guards, read.frame) }
            for (g, calls) in regions.regions {
                guard let first = calls.first else { continue }
                let opened = g.location.map { " (line \($0.line))" } ?? ""
                let what = first.name.hasPrefix("reading") ? first.name.prefix(1).uppercased() + first.name.dropFirst() : "\(first.name) called"
                let message = "\(what) between Py_BEGIN_ALLOW_THREADS\(opened) and Py_END_ALLOW_THREADS in "
                    + "'\(flow.function.displayName)': the thread has no attached thread state there, and free-threaded "
                    + "CPython still requires one for the C API and for touching Python objects; this crashes or corrupts "
                    + "the interpreter. Fix: move it after Py_END_ALLOW_THREADS (copy what the blocking code needs into C "
                    + "variables first), or wrap it in Py_BLOCK_THREADS ... Py_UNBLOCK_THREADS."
                var notes = g.location.map { [Finding.Note("the thread state is released here", at: $0)] } ?? []
                for other in calls.dropFirst().prefix(3) {
                    notes.append(Finding.Note("\(other.name) also runs without a thread state here", at: other.location))
                }
                findings.append(Finding(ruleID: self.id, severity: defaultLevel, message: message, location: first.location,
                                        notes: notes, symbol: first.name, function: flow.function.displayName))
            }
        }
        return findings
    }
}
