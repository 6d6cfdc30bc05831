import GILCheckCore

/// The sequence macros that read a list's items without locking it, on a list other threads
/// may hold: PySequence_Fast_ITEMS / GET_ITEM, and PyList_GET_ITEM loops bounded by
/// PyList_GET_SIZE.
public struct UnlockedSequenceAccessRule: Rule {
    public let id = "unlocked-sequence-access"
    public init() {}

    /// A PyList_GET_ITEM of a loop over a possibly shared list (also used by borrowed-reference,
    /// which then leaves the call to this rule).
    public struct ListLoopAccess {
        public var location: SourceLocation
        public var list: AccessPath
        public var flow: FunctionFlow
    }

    /// A list may be shared when it is reachable from shared storage or came in as an argument.
    static func maybeShared(_ path: AccessPath, in flow: FunctionFlow, _ model: ConcurrencyModel) -> Bool {
        if model.isFresh(path, in: flow) { return false }
        if model.sharedObject(path, in: flow) != nil { return model.sharedContainer(path, in: flow) != nil }
        switch path.root {
        case .parameter: return true
        case .local(let usr):
            if case .parameter? = flow.localOrigins[usr] { return true }
            return false
        default: return false
        }
    }

    /// `PyTuple_Check(obj)` in the function: the code handles tuples, which cannot change.
    static func isCheckedTuple(_ path: AccessPath, in flow: FunctionFlow) -> Bool {
        flow.calls.contains { c in
            (c.call.name == "PyTuple_Check" || c.call.name == "PyTuple_CheckExact")
                && c.call.arguments.first.map(ExprText.render) == path.text
        }
    }

    public static func listLoopAccesses(_ model: ConcurrencyModel) -> [ListLoopAccess] {
        var result: [ListLoopAccess] = []
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            for call in flow.calls where call.call.name == "PyList_GET_ITEM" {
                guard let list = call.call.arguments.first.flatMap(AccessPath.init), call.loopBounds.contains(list.text),
                      maybeShared(list, in: flow, model),
                      !model.guardsProtectObject(call.guards, path: list, in: flow) else { continue }
                result.append(ListLoopAccess(location: call.location, list: list, flow: flow))
            }
        }
        return result
    }

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for access in Self.listLoopAccesses(model) {
            let name = access.list.text
            let message = "PyList_GET_ITEM reads list '\(name)' in a loop bounded by PyList_GET_SIZE in "
                + "'\(access.flow.function.displayName)' without locking it; another thread holding the list can "
                + "shrink it or replace items during the loop (out-of-bounds reads, freed items). Fix: hold "
                + "Py_BEGIN_CRITICAL_SECTION(\(name)) ... Py_END_CRITICAL_SECTION() around the loop (CPython 3.13+), "
                + "or take each item with \(model.phrasing.api("PyList_GetItemRef", since: "3.13", backport: true))."
            findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: access.location,
                                    symbol: name, function: access.flow.function.displayName))
        }
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            for call in flow.calls where call.call.name == "PySequence_Fast_ITEMS" || call.call.name == "PySequence_Fast_GET_ITEM" {
                guard case .name(let ref)? = call.call.arguments.first?.kind,
                      case .fastSequence(let source?)? = flow.localOrigins[ref.usr],
                      !Self.isCheckedTuple(source, in: flow),
                      Self.maybeShared(source, in: flow, model),
                      !model.guardsProtectObject(call.guards, path: source, in: flow) else { continue }
                let message = "\(call.call.name) reads the items of PySequence_Fast('\(source.text)') in "
                    + "'\(flow.function.displayName)' without locking '\(source.text)'; when it is a list another thread "
                    + "holds, PySequence_Fast returns that same list, and its items can change or be freed while they are "
                    + "read. Fix: hold Py_BEGIN_CRITICAL_SECTION(\(source.text)) ... Py_END_CRITICAL_SECTION() on the "
                    + "original object around the access (CPython 3.13+; NumPy's NPY_BEGIN_CRITICAL_SECTION_SEQUENCE_FAST "
                    + "does this), or copy it first with PySequence_Tuple."
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: call.location,
                                        symbol: source.text, function: flow.function.displayName))
            }
        }
        return findings
    }
}
