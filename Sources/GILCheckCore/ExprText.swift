/// Renders expressions back to compact C text, for messages ("counter++", "self->cache") and to
/// compare two expressions for "the same object" (after casts and parentheses were dropped).
public enum ExprText {
    public static func text(_ e: Expr, limit: Int = 80) -> String {
        var s = render(e)
        if s.count > limit { s = String(s.prefix(limit - 1)) + "…" }
        return s
    }

    /// The full text, without a length limit (for comparing expressions).
    public static func render(_ e: Expr) -> String {
        switch e.kind {
        case .name(let ref): return ref.name
        case .member(let base, let field, let arrow):
            guard let base else { return field }
            return render(base) + (arrow ? "->" : ".") + field
        case .subscript(let b, let i): return "\(render(b))[\(render(i))]"
        case .call(let c) where c.receiver == nil && c.arguments.count == 1 && (c.name == "operator->" || c.name == "operator*"):
            // C++ smart pointers and iterators: `it->second` is operator->(it)->second.
            return (c.name == "operator*" ? "*" : "") + render(c.arguments[0])
        case .call(let c):
            let callee = c.receiver.map { render($0) + "." + c.name } ?? c.name
            return "\(callee)(\(c.arguments.map(render).joined(separator: ", ")))"
        case .unary(let op, let operand, let postfix):
            return postfix ? render(operand) + op : op + render(operand)
        case .binary(let op, let l, let r): return "\(render(l)) \(op) \(render(r))"
        case .assign(let op, let t, let v): return "\(render(t)) \(op) \(render(v))"
        case .conditional(let c, let t, let f): return "\(render(c)) ? \(render(t)) : \(render(f))"
        case .null: return "NULL"
        case .integer(let v): return v.map(String.init) ?? "<constant>"
        case .string(let s): return s
        case .this: return "this"
        case .initList(let items): return "{" + items.map(render).joined(separator: ", ") + "}"
        case .designated(let f, let v): return ".\(f) = \(render(v))"
        case .lambda: return "[]{…}"
        case .other(let items): return items.count == 1 ? render(items[0]) : "…"
        }
    }
}

/// What an lvalue names: a root (a static, a parameter, a local, `this`) and the members and
/// elements below it. `self->cache` is parameter 0 with one `->cache` step.
public struct AccessPath: Hashable, Sendable {
    public enum Root: Hashable, Sendable {
        case staticVariable(usr: String)
        case parameter(index: Int)
        case local(usr: String)
        case this
    }
    public var root: Root
    public var rootName: String
    /// Members and subscripts below the root, rendered ("->cache", ".items", "[]").
    public var steps: [String]
    public var text: String
    /// The storage holds a pointer (an object reference), not a scalar.
    public var isPointer = false
    /// The storage is atomic: plain operators on it are atomic operations.
    public var isAtomic = false

    /// The path an expression designates, or nil when it is not an lvalue gilcheck follows.
    public init?(_ e: Expr) {
        switch e.kind {
        case .name(let ref):
            switch ref.kind {
            case .staticVariable: root = .staticVariable(usr: ref.usr)
            case .parameter(let i): root = .parameter(index: i)
            case .localVariable: root = .local(usr: ref.usr)
            default: return nil
            }
            rootName = ref.name
            steps = []
        case .this:
            root = .this
            rootName = "this"
            steps = []
        case .member(let base, let field, let arrow):
            if let base {
                guard let inner = AccessPath(base) else { return nil }
                self = inner
            } else {
                root = .this
                rootName = "this"
                steps = []
            }
            steps.append((arrow ? "->" : ".") + field)
        case .subscript(let base, _):
            guard let inner = AccessPath(base) else { return nil }
            self = inner
            steps.append("[]")
        case .unary(let op, let operand, _) where op == "*":
            guard let inner = AccessPath(operand) else { return nil }
            self = inner
            steps.append("*")
        default:
            return nil
        }
        text = ExprText.render(e)
        isPointer = e.isPointer
        isAtomic = e.isAtomic
    }

    public var staticUSR: String? {
        if case .staticVariable(let usr) = root { return usr }
        return nil
    }

    /// Whether `other` is this path or a path below it (`self` covers `self->cache`).
    public func covers(_ other: AccessPath) -> Bool {
        root == other.root && other.steps.count >= steps.count && Array(other.steps.prefix(steps.count)) == steps
    }

    /// The same storage, ignoring subscript values.
    public func sameStorage(_ other: AccessPath) -> Bool { root == other.root && steps == other.steps }
}
