import GILCheckCore

/// PyList_SET_ITEM / PyTuple_SET_ITEM on a container this function did not create: the
/// macros neither lock nor release the old item; they exist to fill new objects.
public struct SetItemOnSharedContainerRule: Rule {
    public let id = "set-item-on-shared-container"
    public init() {}

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            for call in flow.calls where call.call.name == "PyList_SET_ITEM" || call.call.name == "PyTuple_SET_ITEM" {
                guard let target = call.call.arguments.first else { continue }
                let path = AccessPath(target)
                if call.freshLvalues.contains(ExprText.render(target)) { continue }
                if let path, model.isFresh(path, in: flow) { continue }
                if let path, model.guardsProtectObject(call.guards, path: path, in: flow) { continue }
                let name = ExprText.render(target)
                let isList = call.call.name == "PyList_SET_ITEM"
                let message = "\(call.call.name) on '\(name)' in '\(flow.function.displayName)', a \(isList ? "list" : "tuple") "
                    + "this function did not create; the macro neither locks it nor releases the item it replaces, so "
                    + "another thread reading it can see a half-updated container. It is meant for filling a new object. "
                    + "Fix: " + (isList
                        ? "PyList_SetItem (locks the list and releases the old item), or build a new list."
                        : "build a new tuple; a tuple other code can see must not change.")
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: call.location,
                                        symbol: name, function: flow.function.displayName))
            }
        }
        return findings
    }
}
