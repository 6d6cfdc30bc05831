import GILCheckCore

/// PyDict_Next over a dict other threads can reach, outside a critical section on it: unlike
/// the rest of the dict API, PyDict_Next does not lock the dict.
public struct UnlockedDictIterationRule: Rule {
    public let id = "unlocked-dict-iteration"
    public init() {}

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            for call in flow.calls where call.call.name == "PyDict_Next" {
                guard let dict = call.call.arguments.first.flatMap(AccessPath.init),
                      model.sharedContainer(dict, in: flow) != nil,
                      !model.guardsProtectObject(call.guards, path: dict, in: flow) else { continue }
                let message = "PyDict_Next iterates shared dict '\(dict.text)' in '\(flow.function.displayName)' without a "
                    + "critical section; PyDict_Next does not lock the dict, so another thread can insert or delete while "
                    + "it iterates, and the borrowed keys and values can be freed under it. Fix: hold "
                    + "Py_BEGIN_CRITICAL_SECTION(\(dict.text)) ... Py_END_CRITICAL_SECTION() around the whole loop "
                    + "(CPython 3.13+), or iterate a copy (PyDict_Copy, or PyDict_Items)."
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: call.location,
                                        symbol: dict.text, function: flow.function.displayName))
            }
        }
        return findings
    }
}
