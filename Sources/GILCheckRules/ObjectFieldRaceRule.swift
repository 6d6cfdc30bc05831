import GILCheckCore

/// A read-modify-write of a field of `self` in a method, getter or slot without a critical
/// section on `self`: two threads calling it on the same object lose updates, or release the
/// same old reference twice.
public struct ObjectFieldRaceRule: Rule {
    public let id = "object-field-race"
    public init() {}

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            var reported: Set<String> = []
            for write in flow.writes where write.isReadModifyWrite && !write.path.steps.isEmpty && !write.path.isAtomic {
                guard model.sharedObject(write.path, in: flow) == .selfObject,
                      !model.guardsProtectObject(write.guards, path: write.path, in: flow),
                      reported.insert(write.path.text).inserted else { continue }
                let owner = write.path.rootName
                let swap = write.text.hasPrefix("Py_")
                let message = "read-modify-write of '\(write.path.text)' (`\(write.text)`) in '\(flow.function.displayName)' "
                    + "without a critical section on '\(owner)': two threads calling it on the same object "
                    + (swap ? "can both release the old reference (a double free) or lose one new value. "
                        : "read the same old value and one update is lost. ")
                    + "Fix: hold Py_BEGIN_CRITICAL_SECTION(\(owner)) ... Py_END_CRITICAL_SECTION() (CPython 3.13+) around "
                    + "the update and the reads that depend on it"
                    + (swap ? "." : ", or make the field atomic (_Py_atomic_add_ssize in CPython 3.13+ headers, or C11 atomics).")
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: write.location,
                                        symbol: write.path.text, function: flow.function.displayName))
            }
        }
        return findings
    }
}
