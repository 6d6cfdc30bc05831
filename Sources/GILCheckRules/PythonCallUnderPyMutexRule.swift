import GILCheckCore

/// Code that can run arbitrary Python while a plain PyMutex is held: a PyMutex is not released
/// when the thread blocks, so a `__del__` or callback that blocks or re-enters can deadlock.
public struct PythonCallUnderPyMutexRule: Rule {
    public let id = "python-call-under-pymutex"
    public init() {}

    static let mutexAPIs: Set<String> = ["PyMutex_Lock", "_PyMutex_Lock"]

    static func runsPython(_ name: String) -> Bool {
        if ["Py_DECREF", "Py_XDECREF", "Py_CLEAR", "Py_SETREF", "Py_XSETREF", "_Py_DECREF", "Py_DecRef", "Py_XDecRef"].contains(name) { return true }
        if name.hasPrefix("PyErr_") { return name != "PyErr_Occurred" }
        return ["PyObject_Call", "PyObject_Vectorcall", "PyObject_GetAttr", "PyObject_SetAttr", "PyObject_DelAttr",
                "PyImport_", "PyObject_Repr", "PyObject_Str", "PyObject_RichCompare", "PyObject_Hash",
                "PyObject_GetItem", "PyObject_SetItem", "PyObject_DelItem"].contains { name.hasPrefix($0) }
    }

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows {
            // One finding per held lock: the first call, with the others as notes.
            var regions = GuardRegions()
            for call in flow.calls where Self.runsPython(call.call.name) {
                guard let g = call.guards.last(where: { $0.kind == .mutex && Self.mutexAPIs.contains($0.api) }) else { continue }
                regions.add(call.call.name, at: call.location, in: g)
            }
            for (g, calls) in regions.regions {
                guard let first = calls.first else { continue }
                let lock = (g.objects.first ?? "mutex").replacingOccurrences(of: "&", with: "")
                let message = "\(first.name) runs while PyMutex '\(lock)' is held in '\(flow.function.displayName)': it can "
                    + "run arbitrary Python code (a __del__, a weakref callback, an exception's repr) that blocks or takes "
                    + "this lock again, and a PyMutex is not released while its thread blocks, so this can deadlock. Fix: "
                    + "keep only C state under the lock and do this after PyMutex_Unlock, or use "
                    + "Py_BEGIN_CRITICAL_SECTION_MUTEX(&\(lock)) (CPython 3.14+), which is released while the thread blocks."
                var notes = g.location.map { [Finding.Note("'\(lock)' is locked here", at: $0)] } ?? []
                for other in calls.dropFirst().prefix(3) {
                    notes.append(Finding.Note("\(other.name) also runs under the lock here", at: other.location))
                }
                findings.append(Finding(ruleID: self.id, severity: defaultLevel, message: message, location: first.location,
                                        notes: notes, symbol: lock, function: flow.function.displayName))
            }
        }
        return findings
    }
}
