import GILCheckCore

/// A borrowed reference taken from a container other threads can reach, and used: another
/// thread can remove the item and free it while it is in use.
public struct BorrowedReferenceRule: Rule {
    public let id = "borrowed-reference"
    public init() {}

    /// Borrowing APIs: the argument holding the container, the replacement, and its version.
    static let apis: [String: (container: Int, replacement: String, since: String, kind: String)] = [
        "PyDict_GetItem": (0, "PyDict_GetItemRef", "3.13", "dict"),
        "PyDict_GetItemWithError": (0, "PyDict_GetItemRef", "3.13", "dict"),
        "PyDict_GetItemString": (0, "PyDict_GetItemStringRef", "3.13", "dict"),
        "PyDict_SetDefault": (0, "PyDict_SetDefaultRef", "3.13", "dict"),
        "PyList_GetItem": (0, "PyList_GetItemRef", "3.13", "list"),
        "PyList_GET_ITEM": (0, "PyList_GetItemRef", "3.13", "list"),
        "PyCell_GET": (0, "PyCell_Get", "all versions", "cell"),
        "PyImport_AddModule": (-1, "PyImport_AddModuleRef", "3.13", "sys.modules"),
    ]

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        let sequenceLoops = Set(UnlockedSequenceAccessRule.listLoopAccesses(model).map(\.location))
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            for call in flow.calls {
                guard let api = Self.apis[call.call.name] else { continue }
                let what: String
                if api.container < 0 {
                    what = "sys.modules (shared by every thread)"
                } else {
                    guard call.call.arguments.count > api.container,
                          let container = AccessPath(call.call.arguments[api.container]),
                          model.sharedContainer(container, in: flow) != nil,
                          !model.guardsProtectObject(call.guards, path: container, in: flow) else { continue }
                    if sequenceLoops.contains(call.location) { continue }
                    what = "shared \(api.kind) '\(container.text)'"
                }
                guard ExpressionUses.useOfCall(named: call.call.name, at: call.location, in: flow.function) == .used else { continue }
                let replacement = api.since == "3.13"
                    ? model.phrasing.api(api.replacement, since: api.since, backport: true) : api.replacement
                let message = "\(call.call.name) returns a borrowed reference into \(what) in '\(flow.function.displayName)'; "
                    + "another thread can remove the item and free it while the reference is still in use "
                    + "(even an immediate Py_INCREF races). Fix: \(replacement) returns a strong reference; release it with Py_DECREF"
                    + (api.container >= 0 ? ", or hold a critical section on the \(api.kind) while the reference is used." : ".")
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: call.location,
                                        symbol: api.container < 0 ? "sys.modules" : ExprText.render(call.call.arguments[api.container]),
                                        function: flow.function.displayName))
            }
        }
        return findings
    }
}
