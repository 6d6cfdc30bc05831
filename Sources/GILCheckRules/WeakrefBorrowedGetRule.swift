import GILCheckCore

/// PyWeakref_GetObject / PyWeakref_GET_OBJECT: a borrowed reference to an object another thread
/// can destroy at any moment; deprecated in 3.13 and removed in 3.15.
public struct WeakrefBorrowedGetRule: Rule {
    public let id = "weakref-borrowed-get"
    public init() {}

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        model.flows.flatMap { flow in
            flow.calls.filter { $0.call.name == "PyWeakref_GetObject" || $0.call.name == "PyWeakref_GET_OBJECT" }.map { call in
                let ref = call.call.arguments.first.map { ExprText.render($0) } ?? "ref"
                let message = "\(call.call.name)('\(ref)') returns a borrowed reference to the referent, which another thread "
                    + "can destroy before the caller takes its own reference; the API is deprecated in CPython 3.13 and removed "
                    + "in 3.15. Fix: \(model.phrasing.api("PyWeakref_GetRef(\(ref), &obj)", since: "3.13", backport: true)) returns a "
                    + "strong reference (or NULL when the referent is gone); release it with Py_DECREF."
                return Finding(ruleID: id, severity: defaultLevel, message: message, location: call.location, symbol: ref,
                               function: flow.function.displayName)
            }
        }
    }
}
