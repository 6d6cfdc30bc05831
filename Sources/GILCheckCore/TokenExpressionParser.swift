import ClangKit

/// Reads a simple C expression from tokens — the argument of a macro whose expansion the AST
/// does not show by name: names (resolved in the function's scope), casts, `&`, `*`, members,
/// subscripts, calls and literals. Anything else becomes an opaque expression.
struct TokenExpressionParser {
    let tokens: [Token]
    let scope: [String: NameRef]
    let location: SourceLocation
    private var i = 0
    /// Deeper operators or parentheses become an opaque expression: the parser recurses, and
    /// the facts must stay shallow enough to encode (`binaryCodingMaximumDepth`).
    static let maximumNesting = 32
    private var nesting = 0

    init(tokens: [Token], scope: [String: NameRef], location: SourceLocation) {
        self.tokens = tokens
        self.scope = scope
        self.location = location
    }

    mutating func parse() -> Expr {
        let e = unary()
        return i == tokens.count ? e : Expr(.other([e]), at: location)
    }

    private var current: Token? { i < tokens.count ? tokens[i] : nil }

    private mutating func unary() -> Expr {
        guard let t = current, nesting < Self.maximumNesting else {
            i = tokens.count
            return Expr(.other([]), at: location)
        }
        nesting += 1
        defer { nesting -= 1 }
        if t.kind == .punctuation, ["&", "*", "!", "-"].contains(t.spelling) {
            i += 1
            return Expr(.unary(op: t.spelling, operand: unary(), postfix: false), at: location)
        }
        if t.spelling == "(", isCast() {
            skipParenthesized()
            return unary()
        }
        return postfix(primary())
    }

    /// `(Type *)` or `(struct X *)`: a parenthesized run of type words and stars followed by more.
    private func isCast() -> Bool {
        var j = i + 1
        var sawType = false
        while j < tokens.count, tokens[j].spelling != ")" {
            let t = tokens[j]
            guard t.kind == .identifier || t.kind == .keyword || t.spelling == "*" else { return false }
            if t.kind == .identifier, let ref = scope[t.spelling], ref.kind != .unresolved { return false }
            sawType = true
            j += 1
        }
        return sawType && j + 1 < tokens.count
    }

    private mutating func skipParenthesized() {
        var depth = 0
        while let t = current {
            i += 1
            if t.spelling == "(" { depth += 1 }
            if t.spelling == ")" { depth -= 1; if depth == 0 { return } }
        }
    }

    private mutating func primary() -> Expr {
        guard let t = current else { return Expr(.other([]), at: location) }
        i += 1
        switch t.kind {
        case .identifier:
            if t.spelling == "NULL" { return Expr(.null, at: location) }
            let ref = scope[t.spelling] ?? NameRef(name: t.spelling, usr: "", kind: .unresolved)
            return Expr(.name(ref), at: location)
        case .literal:
            if let v = Int(t.spelling) { return Expr(.integer(v), at: location) }
            if t.spelling.hasPrefix("\"") { return Expr(.string(t.spelling), at: location) }
            return Expr(.integer(nil), at: location)
        default:
            if t.spelling == "(" {
                let inner = unary()
                if current?.spelling == ")" { i += 1 }
                return inner
            }
            return Expr(.other([]), at: location)
        }
    }

    private mutating func postfix(_ base: Expr) -> Expr {
        var e = base
        while let t = current {
            if (t.spelling == "->" || t.spelling == "."), i + 1 < tokens.count, tokens[i + 1].kind == .identifier {
                e = Expr(.member(base: e, field: tokens[i + 1].spelling, arrow: t.spelling == "->"), at: location)
                i += 2
            } else if t.spelling == "[" {
                i += 1
                let index = unary()
                while let c = current, c.spelling != "]" { i += 1 }
                i += 1
                e = Expr(.subscript(base: e, index: index), at: location)
            } else if t.spelling == "(", case .name(let ref) = e.kind {
                i += 1
                var args: [Expr] = []
                while let c = current, c.spelling != ")" {
                    args.append(unary())
                    if current?.spelling == "," { i += 1 } else if current?.spelling != ")" { i += 1 }
                }
                i += 1
                e = Expr(.call(Call(name: ref.name, usr: ref.usr, receiver: nil, arguments: args)), at: location)
            } else {
                break
            }
        }
        return e
    }
}
