/// A reference to a declaration from an expression.
public struct NameRef: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case staticVariable      // static storage: file scope, global, local static, class static
        case localVariable
        case parameter(index: Int)
        case function
        case enumConstant
        case unresolved          // no declaration (undeclared name in C, missing header)
        case other
    }
    public var name: String
    public var usr: String
    public var kind: Kind
}

public struct Call: Sendable, Hashable {
    /// The called function's name, or the method's name for member calls (`m.lock()` -> "lock").
    public var name: String
    /// USR of the callee when libclang resolved it; empty for unresolved names.
    public var usr: String
    /// For member calls, the object (`m` in `m.lock()`).
    public var receiver: Expr?
    public var arguments: [Expr]
    /// Where an allocator's result goes: the variable or cast type it is stored as.
    public var resultTarget: ResultTarget? = nil

    public init(name: String, usr: String, receiver: Expr?, arguments: [Expr]) {
        self.name = name
        self.usr = usr
        self.receiver = receiver
        self.arguments = arguments
    }
}

/// The type a call's result is stored as or cast to.
public struct ResultTarget: Sendable, Hashable {
    public var typeSpelling: String
    public var isPythonObject: Bool
    /// The variable it is stored in, when it is.
    public var variable: String?
}

/// An expression, reduced to what the analysis reads. Parentheses and casts are dropped.
public struct Expr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case name(NameRef)
        case member(base: Expr?, field: String, arrow: Bool)  // base nil: implicit `this`
        case `subscript`(base: Expr, index: Expr)
        case call(Call)
        /// Prefix or postfix operator: "&", "*", "!", "-", "~", "++", "--"; "?" when unknown.
        case unary(op: String, operand: Expr, postfix: Bool)
        /// Non-assigning binary operator ("==", "&&", "+", ...); "?" when unknown.
        case binary(op: String, lhs: Expr, rhs: Expr)
        /// "=", "+=", "|=", ... ("?=" when the operator could not be read).
        case assign(op: String, target: Expr, value: Expr)
        case conditional(condition: Expr, then: Expr, else: Expr)
        case null
        case integer(Int?)
        case string(String)
        case this
        case initList([Expr])
        /// A designated initializer entry `.field = value`.
        case designated(field: String, value: Expr)
        case lambda(body: Stmt)
        case other([Expr])
    }
    public var kind: Kind
    public var location: SourceLocation
    /// The value is a pointer (names and members only; false when unknown).
    public var isPointer = false
    /// The value has an atomic type, `_Atomic` or `std::atomic` (names and members only).
    public var isAtomic = false

    public init(_ kind: Kind, at location: SourceLocation, isPointer: Bool = false, isAtomic: Bool = false) {
        self.kind = kind
        self.location = location
        self.isPointer = isPointer
        self.isAtomic = isAtomic
    }

    /// Direct subexpressions, in source order.
    public var children: [Expr] {
        switch kind {
        case .name, .null, .integer, .string, .this, .lambda: []
        case .member(let base, _, _): base.map { [$0] } ?? []
        case .subscript(let b, let i): [b, i]
        case .call(let c): (c.receiver.map { [$0] } ?? []) + c.arguments
        case .unary(_, let e, _): [e]
        case .binary(_, let l, let r): [l, r]
        case .assign(_, let t, let v): [t, v]
        case .conditional(let c, let t, let e): [c, t, e]
        case .initList(let items): items
        case .designated(_, let v): [v]
        case .other(let items): items
        }
    }

    /// Every expression in this tree (pre-order), not entering lambda bodies.
    public func forEach(_ body: (Expr) -> Void) {
        body(self)
        for child in children { child.forEach(body) }
    }
}

/// A statement, reduced to control structure and expressions.
public struct Stmt: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case block([Stmt])
        case expr(Expr)
        case declaration([LocalDeclaration])
        case `if`(condition: Expr, then: Stmt, else: Stmt?)
        /// while, do, for, range-for: `header` holds init/condition/increment expressions.
        case loop(header: [Stmt], body: Stmt)
        case `switch`(condition: Expr, body: Stmt)
        case `return`(Expr?)
        case goto(label: String)
        case label(name: String, body: Stmt)
        case `break`, `continue`
        /// A lock or critical-section macro that clang did not expand (undeclared with older
        /// Python headers), recovered from the tokens: name and argument texts.
        case marker(name: String, arguments: [String])
        case other([Stmt])
    }
    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

public struct LocalDeclaration: Sendable, Hashable {
    public var name: String
    public var usr: String
    public var typeSpelling: String
    public var isStatic: Bool
    public var initializer: Expr?
    public var location: SourceLocation
}
