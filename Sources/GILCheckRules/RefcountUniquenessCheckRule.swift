import GILCheckCore

/// `Py_REFCNT(o) == 1` to decide in-place mutation: on free-threaded CPython a reference count
/// of 1 does not mean no other thread can reach the object.
public struct RefcountUniquenessCheckRule: Rule {
    public let id = "refcount-uniqueness-check"
    public init() {}

    /// Comparisons of Py_REFCNT with these constants decide uniqueness.
    static let uniquenessTests: Set<String> = ["==1", "!=1", "<=1", ">1", "<2", ">=2"]

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows where model.role(of: flow.function) != .initOnly && model.role(of: flow.function) != .unreferencedHere {
            var seen: Set<SourceLocation> = []
            Stmt.visitExpressions(flow.function.body) { top in
                top.forEach { e in
                    guard case .binary(let op, let lhs, let rhs) = e.kind else { return }
                    let (call, constant, flipped): (Expr, Expr, Bool) = Self.refcount(lhs) != nil ? (lhs, rhs, false) : (rhs, lhs, true)
                    guard let object = Self.refcount(call), case .integer(let n?) = constant.kind else { return }
                    let normalized = flipped ? Self.flip(op) : op
                    guard Self.uniquenessTests.contains("\(normalized)\(n)"), seen.insert(e.location).inserted else { return }
                    let name = ExprText.render(object)
                    let message = "Py_REFCNT('\(name)') \(normalized) \(n) in '\(flow.function.displayName)' does not prove "
                        + "'\(name)' is uniquely referenced on free-threaded CPython: other threads can hold references "
                        + "the count does not show yet, so mutating it in place can corrupt an object they are using. "
                        + "Fix: PyUnstable_Object_IsUniquelyReferenced(\(name)) (CPython 3.14+), or always copy; for a "
                        + "temporary argument, PyUnstable_Object_IsUniqueReferencedTemporary (3.14+)."
                    findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: e.location,
                                            symbol: name, function: flow.function.displayName))
                }
            }
        }
        return findings
    }

    static func refcount(_ e: Expr) -> Expr? {
        if case .call(let c) = e.kind, c.name == "Py_REFCNT" || c.name == "_Py_REFCNT", let arg = c.arguments.first { return arg }
        if case .member(let base?, "ob_refcnt", _) = e.kind { return base }
        return nil
    }

    static func flip(_ op: String) -> String {
        switch op {
        case "<": ">"
        case ">": "<"
        case "<=": ">="
        case ">=": "<="
        default: op
        }
    }
}
