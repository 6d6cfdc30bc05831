/// How a value is used in a function: only tested against NULL, or used. A borrowed reference
/// only tested for NULL is never dereferenced, so it cannot be used after it is freed.
public enum ExpressionUses {
    public enum Use: Sendable, Equatable { case nullTestOnly, used }

    /// Every expression of a function body with the expressions that contain it (innermost
    /// last), and the statement it is the condition of, if any.
    static func visit(_ body: Stmt, _ visitor: (Expr, [Expr], _ isCondition: Bool) -> Void) {
        func expr(_ e: Expr, _ parents: [Expr], _ isCondition: Bool) {
            visitor(e, parents, isCondition)
            if case .lambda(let b) = e.kind { stmt(b); return }
            for child in e.children { expr(child, parents + [e], false) }
        }
        func stmt(_ s: Stmt) {
            switch s.kind {
            case .block(let items), .other(let items): items.forEach(stmt)
            case .expr(let e): expr(e, [], false)
            case .declaration(let decls):
                for d in decls {
                    guard let i = d.initializer else { continue }
                    // A declaration is an assignment to its variable.
                    let target = Expr(.name(NameRef(name: d.name, usr: d.usr, kind: .localVariable)), at: d.location)
                    let assign = Expr(.assign(op: "=", target: target, value: i), at: d.location)
                    visitor(assign, [], false)
                    expr(i, [assign], false)
                }
            case .if(let c, let t, let e):
                expr(c, [], true)
                stmt(t)
                if let e { stmt(e) }
            case .loop(let header, let b):
                header.forEach(stmt)
                stmt(b)
            case .switch(let c, let b):
                expr(c, [], false)
                stmt(b)
            case .return(let e): if let e { expr(e, [], false) }
            case .label(_, let b): stmt(b)
            case .goto, .break, .continue, .marker: break
            }
        }
        stmt(body)
    }

    /// How the result of the call named `name` at `location` is used in `function`.
    public static func useOfCall(named name: String, at location: SourceLocation, in function: FunctionFact) -> Use {
        var result: Use = .used
        var assignedTo: String?
        var found = false
        visit(function.body) { e, parents, isCondition in
            guard !found, case .call(let c) = e.kind, c.name == name, e.location == location else { return }
            found = true
            switch classify(parents, isCondition) {
            case .nullTest: result = .nullTestOnly
            case .assigned(let usr): assignedTo = usr
            case .other: result = .used
            }
        }
        guard let usr = assignedTo else { return result }
        // Stored in a local: how is the local used?
        var anyUse = false
        visit(function.body) { e, parents, isCondition in
            guard case .name(let ref) = e.kind, ref.usr == usr else { return }
            if let parent = parents.last, case .assign(_, let target, _) = parent.kind, target == e { return }
            switch classify(parents, isCondition) {
            case .nullTest: break
            case .assigned, .other: anyUse = true
            }
        }
        return anyUse ? .used : .nullTestOnly
    }

    private enum Context { case nullTest, assigned(usr: String), other }

    private static func classify(_ parents: [Expr], _ isCondition: Bool) -> Context {
        guard let parent = parents.last else { return isCondition ? .nullTest : .other }
        switch parent.kind {
        case .binary(let op, let l, let r) where op == "==" || op == "!=":
            let other = parents.isEmpty ? nil : (isNull(l) ? l : isNull(r) ? r : nil)
            return other != nil ? .nullTest : .other
        case .binary(let op, _, _) where op == "&&" || op == "||":
            return .nullTest
        case .unary("!", _, _):
            return .nullTest
        case .assign("=", let target, _):
            if case .name(let ref) = target.kind, ref.kind == .localVariable { return .assigned(usr: ref.usr) }
            return .other
        default:
            return .other
        }
    }

    private static func isNull(_ e: Expr) -> Bool {
        switch e.kind {
        case .null: true
        case .integer(0): true
        default: false
        }
    }
}
