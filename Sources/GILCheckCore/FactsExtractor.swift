import ClangKit

/// Copies the facts of one parsed translation unit into plain Swift values (`UnitFacts`), in one
/// walk over the declarations outside system headers (the Python headers are passed as system
/// headers, so their thousands of declarations are skipped).
public struct FactsExtractor {
    private let tu: TranslationUnit
    private let language: Language
    private var facts: UnitFacts
    private var variablesByUSR: [String: Int] = [:]
    private var seenFunctions: Set<String> = []
    /// Tokens of the function being converted, sorted by offset, for operators and markers.
    private var tokens: TokenIndex = TokenIndex([], file: "")
    private var currentFunction = ""
    private var parameterIndex: [String: Int] = [:]
    /// Names visible in the function being converted, for macro arguments recovered from tokens:
    /// its parameters and locals over the variables so far (kept apart, and joined only for the
    /// rare recovered macro: a file has hundreds of functions and variables).
    private var localNames: [String: NameRef] = [:]
    private var staticNames: [String: NameRef] = [:]
    private var markerNames = TokenIndex.lockMarkerNames

    /// `lockNames`: project lock helpers (configuration), recognized in the tokens like the
    /// standard lock macros.
    public static func extract(from tu: TranslationUnit, mainFile: String, language: Language,
                               lockNames: Set<String> = []) -> UnitFacts {
        // The main file as clang names it in locations.
        var extractor = FactsExtractor(tu: tu, language: language, mainFile: tu.root.spelling)
        extractor.markerNames = TokenIndex.lockMarkerNames.union(lockNames)
        extractor.walkDeclarations(of: tu.root)
        extractor.facts.diagnostics = tu.diagnostics.compactMap(ParseDiagnostic.init)
        return extractor.facts
    }

    private init(tu: TranslationUnit, language: Language, mainFile: String) {
        self.tu = tu
        self.language = language
        self.facts = UnitFacts(mainFile: mainFile, language: language)
    }

    // MARK: Declarations

    private mutating func walkDeclarations(of parent: Cursor) {
        let children = parent.children
        for (position, cursor) in children.enumerated() {
            // `extern "C"` written by a header macro (PyMODINIT_FUNC) is "in" the system header
            // while the function inside it is not: look inside linkage blocks regardless.
            // libclang 14 shows linkage blocks as unexposed declarations.
            let isLinkageBlock = cursor.kind == .linkageSpec || cursor.kind == .unexposedDecl
            if !isLinkageBlock && cursor.isInSystemHeader { continue }
            switch cursor.kind {
            case .namespace, .linkageSpec, .unexposedDecl, .structDecl, .classDecl, .unionDecl, .classTemplate,
                 .classTemplatePartialSpecialization:
                walkDeclarations(of: cursor)
            case .functionDecl, .cxxMethod, .constructor, .destructor, .conversionFunction, .functionTemplate:
                if cursor.isDefinition { addFunction(cursor) }
            case .varDecl:
                addVariable(cursor, scope: nil)
                if facts.variables.last?.usr == cursor.usr, facts.variables.last?.initializer == nil {
                    recoverDroppedInitializer(of: cursor, before: children.dropFirst(position + 1).first)
                }
            default:
                break
            }
        }
    }

    private mutating func addVariable(_ cursor: Cursor, scope explicitScope: VariableFact.Scope?) {
        let usr = cursor.usr
        let scope: VariableFact.Scope
        if let explicitScope {
            scope = explicitScope
        } else {
            switch cursor.semanticParent?.kind {
            case .structDecl?, .classDecl?, .unionDecl?, .classTemplate?: scope = .classMember
            default:
                // `extern int x;` declares without defining: not ours to analyze unless defined here.
                if cursor.storageClass == .extern && !cursor.isDefinition { return }
                scope = cursor.linkage == .external ? .global : .file
            }
        }
        let initializer = cursor.children.last.flatMap { child -> Expr? in
            isExpression(child.kind) ? convertExpr(child) : nil
        }
        let fact = VariableFact(
            usr: usr, name: cursor.spelling, location: location(cursor), scope: scope,
            type: typeFact(cursor.type, invalid: cursor.isInvalidDeclaration),
            isThreadLocal: cursor.isThreadLocal, initializer: initializer)
        if let existing = variablesByUSR[usr] {
            // A class static declared in the class and defined outside: keep the definition.
            if initializer != nil || facts.variables[existing].initializer == nil {
                var merged = fact
                if case .classMember = facts.variables[existing].scope { merged.scope = .classMember }
                facts.variables[existing] = merged
                let visible = facts.variables.last { $0.name == fact.name && $0.scope != .classMember }
                staticNames[fact.name] = visible.map { NameRef(name: $0.name, usr: $0.usr, kind: .staticVariable) }
            }
        } else {
            variablesByUSR[usr] = facts.variables.count
            facts.variables.append(fact)
            if fact.scope != .classMember { staticNames[fact.name] = NameRef(name: fact.name, usr: usr, kind: .staticVariable) }
        }
        if let initializer { recordFunctionReferences(in: initializer, variable: fact) }
    }

    /// clang drops a whole initializer when one element does not compile (an identifier the
    /// headers lack, such as `Py_mod_gil` before 3.13). The table still tells which functions
    /// are entry points and which run at import, so read it from the tokens: every identifier
    /// may name a function, and `{Py_mod_exec, fn}` / `.tp_new = fn` say which slot.
    private mutating func recoverDroppedInitializer(of cursor: Cursor, before next: Cursor?) {
        let ext = cursor.extent
        let end = next.map { $0.extent.start.file == ext.start.file ? $0.extent.start.offset : ext.end.offset + 65536 }
            ?? ext.end.offset + 65536
        let tokens = tu.tokens(inFile: ext.start.file, from: ext.end.offset, to: end)
        guard tokens.first?.spelling == "=" || tokens.dropFirst().first?.spelling == "=" else { return }
        var depth = 0
        var slot: SlotKey?
        for (i, t) in tokens.enumerated() {
            if t.spelling == "{" { depth += 1; slot = nil }
            if t.spelling == "}" { depth -= 1; slot = nil; if depth == 0 { break } }
            if t.spelling == ";" && depth == 0 { break }
            guard t.kind == .identifier else { continue }
            let previous = i > 0 ? tokens[i - 1].spelling : ""
            let following = i + 1 < tokens.count ? tokens[i + 1].spelling : ""
            if previous == "{", following == ",", let n = Self.slotNumbers[t.spelling] { slot = .number(n); continue }
            if previous == ".", following == "=" { slot = .field(t.spelling); continue }
            facts.functionReferences.append(FunctionReference(
                function: "", name: t.spelling,
                context: .variableInitializer(variable: cursor.usr, typeName: facts.variables.last?.type.baseName ?? "", slot: slot),
                location: location(cursor)))
        }
    }

    /// Slot numbers of the module and type slots the concurrency model distinguishes.
    static let slotNumbers: [String: Int] = [
        "Py_mod_create": 1, "Py_mod_exec": 2, "Py_tp_alloc": 47, "Py_tp_clear": 51, "Py_tp_dealloc": 52,
        "Py_tp_del": 53, "Py_tp_init": 60, "Py_tp_new": 65, "Py_tp_traverse": 71, "Py_tp_free": 74,
        "Py_tp_finalize": 80,
    ]

    /// `_Atomic`, or in C++ a `std::atomic<...>`: asked of every name and member used, so C,
    /// which has no templates, never spells the type out.
    private func isAtomic(_ type: TypeInfo) -> Bool {
        type.isAtomic || (language == .cxx && type.canonical.spelling.containsBytes("atomic<"))
    }

    /// `PyObject *`, `PyTypeObject *`, or a pointer to a struct whose first member is a Python
    /// object header (`PyObject_HEAD`, `PyObject ob_base`, or another such struct).
    static func isPythonObjectPointer(_ type: TypeInfo) -> Bool {
        guard type.isPointer else { return false }
        var record = type.pointee.canonical
        for _ in 0..<4 {
            // C spells the canonical type "struct _object", C++ "_object".
            var name = Substring(record.spelling)
            while let prefix = ["const ", "struct "].first(where: { name.hasPrefix($0) }) { name = name.dropFirst(prefix.count) }
            if ["_object", "PyObject", "_typeobject", "PyVarObject"].contains(name) { return true }
            // C++: `struct MatrixObject : PyObject { ... }` starts with its base class.
            guard record.isRecord, let decl = record.declaration,
                  let first = decl.children.first(where: { $0.kind == .fieldDecl || $0.kind == .other(44) }) else { return false }
            record = first.type.canonical
        }
        return false
    }

    private func typeFact(_ type: TypeInfo, invalid: Bool) -> TypeFact {
        var base = type
        var isArray = false
        var constAll = true
        var level = type
        // Const through every level: the object, each array element, each pointee.
        while true {
            if level.isArray {
                isArray = true
                level = level.element
                continue
            }
            if !level.isConstQualified && !level.canonical.isConstQualified { constAll = false }
            if level.isPointer {
                level = level.pointee
                continue
            }
            break
        }
        while base.isArray { base = base.element }
        let canonical = base.canonical
        let isAtomic = base.isAtomic || canonical.spelling.hasPrefix("std::atomic<")
            || canonical.spelling.hasPrefix("const std::atomic<") || canonical.spelling.hasPrefix("std::__1::atomic<")
        return TypeFact(
            spelling: type.spelling,
            baseName: stripQualifiers(base.declarationName),
            canonicalBaseName: stripQualifiers(canonical.spelling),
            isConstAllLevels: constAll && type.isValid,
            isAtomic: isAtomic,
            isArray: isArray,
            isPointer: base.isPointer,
            isInvalid: invalid || !type.isValid)
    }

    private func stripQualifiers(_ s: String) -> String {
        var s = s
        for prefix in ["const ", "volatile ", "struct ", "class ", "union ", "enum "] {
            while s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
        }
        return s
    }

    private mutating func addFunction(_ cursor: Cursor) {
        let usr = cursor.usr
        guard !seenFunctions.contains(usr) else { return }
        seenFunctions.insert(usr)
        guard let bodyCursor = cursor.children.last(where: { $0.kind == .compoundStmt }) else { return }
        tokens = TokenIndex(bodyCursor.tokens, file: bodyCursor.extent.start.file)
        currentFunction = usr
        let parameters = cursor.kind == .functionTemplate
            ? cursor.children.filter { $0.kind == .parmDecl }
            : cursor.arguments
        parameterIndex = [:]
        localNames = [:]
        for (i, p) in parameters.enumerated() {
            parameterIndex[p.usr] = i
            localNames[p.spelling] = NameRef(name: p.spelling, usr: p.usr, kind: .parameter(index: i))
        }
        let body = convertStmt(bodyCursor)
        var displayName = cursor.spelling
        if let parent = cursor.semanticParent, [.structDecl, .classDecl, .classTemplate].contains(parent.kind) {
            displayName = parent.spelling + "::" + displayName
        }
        facts.functions.append(FunctionFact(
            usr: usr, name: cursor.spelling, displayName: displayName, location: location(cursor),
            hasExternalLinkage: cursor.linkage == .external,
            parameters: parameters.map {
                Parameter(name: $0.spelling, usr: $0.usr, typeSpelling: $0.type.spelling,
                          isPythonObject: Self.isPythonObjectPointer($0.type))
            },
            body: body))
        recordFunctionReferences(inBody: body)
        currentFunction = ""
    }

    // MARK: Function references (entry points)

    private mutating func recordFunctionReferences(in initializer: Expr, variable: VariableFact) {
        func visit(_ e: Expr, slot: SlotKey?) {
            switch e.kind {
            case .name(let ref) where ref.kind == .function:
                facts.functionReferences.append(FunctionReference(
                    function: ref.usr, name: ref.name,
                    context: .variableInitializer(variable: variable.usr, typeName: variable.type.baseName, slot: slot),
                    location: e.location))
            case .initList(let items):
                // `{Py_tp_new, fn}` / `{Py_mod_exec, fn}`: a slot number followed by the function.
                if items.count == 2, case .integer(let n?) = items[0].kind {
                    visit(items[1], slot: .number(n))
                } else {
                    for item in items { visit(item, slot: slot) }
                }
            case .designated(let field, let value):
                visit(value, slot: .field(field))
            default:
                for child in e.children { visit(child, slot: slot) }
            }
        }
        visit(initializer, slot: nil)
    }

    private mutating func recordFunctionReferences(inBody body: Stmt) {
        var refs: [FunctionReference] = []
        let function = currentFunction
        func visitExpr(_ e: Expr, asArgumentOf call: (String, Int)?) {
            switch e.kind {
            case .name(let ref) where ref.kind == .function:
                let context: FunctionReference.Context = call.map { .callArgument(callee: $0.0, index: $0.1, inFunction: function) }
                    ?? .otherUse(inFunction: function)
                refs.append(FunctionReference(function: ref.usr, name: ref.name, context: context, location: e.location))
            case .call(let c):
                if let r = c.receiver { visitExpr(r, asArgumentOf: nil) }
                for (i, a) in c.arguments.enumerated() { visitExpr(a, asArgumentOf: (c.name, i)) }
            case .unary("&", let operand, _):
                visitExpr(operand, asArgumentOf: call)
            case .lambda(let body):
                visitStmt(body)
            default:
                for child in e.children { visitExpr(child, asArgumentOf: nil) }
            }
        }
        func visitStmt(_ s: Stmt) {
            Stmt.visitExpressions(s) { visitExpr($0, asArgumentOf: nil) }
        }
        visitStmt(body)
        facts.functionReferences.append(contentsOf: refs)
    }

    // MARK: Statements

    /// How deep statements and expressions are followed. Deeper code (generated, or hostile) is
    /// kept as an opaque node: the walks over the IR stay within their stacks, and the encoded
    /// facts (a few levels a node) within `binaryCodingMaximumDepth`.
    static let maximumNesting = 100
    private var nesting = 0

    /// `extent`: the cursor's, when the caller has it already (libclang measures the last token
    /// of a range anew on every ask).
    private mutating func convertStmt(_ cursor: Cursor, extent: SourceRange? = nil) -> Stmt {
        if nesting >= Self.maximumNesting { return Stmt(.other([]), at: location(cursor)) }
        nesting += 1
        defer { nesting -= 1 }
        let stmt = convertStmtStructure(cursor, extent: extent ?? cursor.extent)
        guard let macro = assigningMacro(at: cursor), let target = firstDeclaredValue(in: stmt) else { return stmt }
        // `Py_CLEAR(x)` / `Py_SETREF(x, v)` assign x through a temporary pointer in 3.12+: make the
        // assignment visible as a call to the macro with its target.
        let call = Expr(.call(Call(name: macro, usr: "", receiver: nil, arguments: [target])), at: stmt.location)
        return Stmt(.block([Stmt(.expr(call), at: stmt.location), stmt]), at: stmt.location)
    }

    /// The name of a reference-assigning macro whose expansion this statement is.
    private func assigningMacro(at cursor: Cursor) -> String? {
        guard cursor.kind == .doStmt else { return nil }
        let start = cursor.extent.start
        guard start.file == tokens.file, let token = tokens.token(at: start.offset), token.kind == .identifier,
              Synchronization.assigningMacros.contains(token.spelling) else { return nil }
        return token.spelling
    }

    /// The first local declaration's initializer, without `&`: the macro's first argument.
    private func firstDeclaredValue(in stmt: Stmt) -> Expr? {
        switch stmt.kind {
        case .declaration(let decls):
            guard var e = decls.first?.initializer else { return nil }
            if case .unary(_, let operand, _) = e.kind { e = operand }
            return AccessPath(e) == nil ? nil : e
        case .block(let items), .other(let items):
            for item in items { if let e = firstDeclaredValue(in: item) { return e } }
            return nil
        case .loop(_, let body):
            return firstDeclaredValue(in: body)
        default:
            return nil
        }
    }

    private mutating func convertStmtStructure(_ cursor: Cursor, extent ext: SourceRange) -> Stmt {
        let loc = location(cursor)
        // `assert(...)` is compiled out of release builds: what it checks is not what runs.
        if ext.start.file == tokens.file, let first = tokens.token(at: ext.start.offset),
           first.spelling == "assert", first.kind == .identifier {
            return Stmt(.block([]), at: loc)
        }
        let children = cursor.children
        switch cursor.kind {
        case .compoundStmt:
            var stmts: [Stmt] = []
            var covered: [(Int, Int)] = []
            for child in children where child.kind != .nullStmt {
                let childExtent = child.extent
                covered.append((childExtent.start.offset, childExtent.end.offset))
                stmts.append(convertStmt(child, extent: childExtent))
            }
            let opener = criticalSectionOpenedAsBrace(at: ext.start, stmts)
            var markers = tokens.lockMarkers(in: ext.start.offset..<ext.end.offset, excluding: covered, names: markerNames)
            if opener != nil {
                // The block's own opening and closing macros are the begin and end added below.
                markers.removeAll { $0.offset == ext.start.offset }
                if let last = markers.last, Synchronization.criticalSectionEnd.contains(last.name) { markers.removeLast() }
            }
            if !markers.isEmpty {
                // Keep source order: markers sit between statements.
                var merged: [(Int, Stmt)] = zip(covered.map(\.0), stmts).map { ($0, $1) }
                for m in markers {
                    merged.append((m.offset, Stmt(.marker(name: m.name, arguments: m.arguments), at: SourceLocation(
                        file: loc.file, line: loc.line, column: 1, offset: m.offset))))
                }
                merged.sort { $0.0 < $1.0 }
                stmts = merged.map(\.1)
            }
            if let opener {
                // `#define Py_BEGIN_CRITICAL_SECTION(op) {` (the GIL-build form, which
                // pythoncapi_compat.h uses before 3.13): the block is the critical section.
                stmts.insert(Stmt(.marker(name: opener.name, arguments: opener.arguments), at: loc), at: 0)
                stmts.append(Stmt(.marker(name: "Py_END_CRITICAL_SECTION", arguments: []), at: loc))
            }
            return Stmt(.block(stmts), at: loc)
        case .ifStmt:
            let parts = children.filter { $0.kind != .declStmt && $0.kind != .varDecl }
            guard parts.count >= 2 else { return Stmt(.other(children.map { convertStmt($0) }), at: loc) }
            let cond = convertExpr(parts[0])
            let then = convertStmt(parts[1])
            let els = parts.count > 2 ? convertStmt(parts[2]) : nil
            return Stmt(.if(condition: cond, then: then, else: els), at: loc)
        case .whileStmt:
            guard children.count >= 2 else { break }
            return Stmt(.loop(header: [exprStmt(children[0])], body: convertStmt(children[1])), at: loc)
        case .doStmt:
            guard children.count >= 2 else { break }
            return Stmt(.loop(header: [exprStmt(children[1])], body: convertStmt(children[0])), at: loc)
        case .forStmt, .cxxForRangeStmt:
            guard let body = children.last else { break }
            let header = children.dropLast().map { c -> Stmt in
                c.kind == .declStmt || c.kind == .varDecl ? convertStmt(c) : exprStmt(c)
            }
            return Stmt(.loop(header: header, body: convertStmt(body)), at: loc)
        case .switchStmt:
            guard children.count >= 2 else { break }
            return Stmt(.switch(condition: convertExpr(children[0]), body: convertStmt(children.last!)), at: loc)
        case .caseStmt:
            return Stmt(.other(children.dropFirst().map { convertStmt($0) }), at: loc)
        case .defaultStmt:
            return Stmt(.other(children.map { convertStmt($0) }), at: loc)
        case .returnStmt:
            return Stmt(.return(children.first.map { convertExpr($0) }), at: loc)
        case .gotoStmt:
            return Stmt(.goto(label: children.first?.spelling ?? ""), at: loc)
        case .labelStmt:
            return Stmt(.label(name: cursor.spelling, body: children.first.map { convertStmt($0) } ?? Stmt(.block([]), at: loc)), at: loc)
        case .breakStmt:
            return Stmt(.break, at: loc)
        case .continueStmt:
            return Stmt(.continue, at: loc)
        case .declStmt:
            return Stmt(.declaration(children.filter { $0.kind == .varDecl }.map { convertLocalDecl($0) }), at: loc)
        case .varDecl:
            return Stmt(.declaration([convertLocalDecl(cursor)]), at: loc)
        case .nullStmt:
            return Stmt(.block([]), at: loc)
        case .cxxTryStmt, .cxxCatchStmt, .unexposedStmt:
            return Stmt(.other(children.map { convertStmt($0) }), at: loc)
        default:
            if isExpression(cursor.kind) { return exprStmt(cursor) }
        }
        return Stmt(.other(children.map { convertStmt($0) }), at: loc)
    }

    /// A block opened by a critical-section macro that expanded to a bare `{`.
    private func criticalSectionOpenedAsBrace(at start: Location, _ stmts: [Stmt]) -> TokenIndex.Marker? {
        guard start.file == tokens.file, let token = tokens.token(at: start.offset),
              Synchronization.criticalSectionBegin[token.spelling] != nil,
              let marker = tokens.lockMarkers(in: start.offset..<(start.offset + 1), excluding: [], names: markerNames).first else { return nil }
        // The 3.13 expansion calls PyCriticalSection_Begin inside the block itself.
        let expanded = stmts.prefix(3).contains { s in
            if case .expr(let e) = s.kind, case .call(let c) = e.kind { return c.name.hasPrefix("PyCriticalSection") }
            return false
        }
        return expanded ? nil : marker
    }

    private mutating func exprStmt(_ cursor: Cursor) -> Stmt {
        Stmt(.expr(convertExpr(cursor)), at: location(cursor))
    }

    private mutating func convertLocalDecl(_ cursor: Cursor) -> LocalDeclaration {
        let isStatic = cursor.storageClass == .static || cursor.isThreadLocal
        let initCursor = cursor.children.last(where: { isExpression($0.kind) })
        let initializer = initCursor.map { annotatingTarget(convertExpr($0), type: cursor.type, variable: cursor.spelling) }
        if isStatic || cursor.storageClass == .extern {
            if cursor.storageClass != .extern { addVariable(cursor, scope: .local(function: currentFunction)) }
        }
        localNames[cursor.spelling] = NameRef(name: cursor.spelling, usr: cursor.usr, kind: isStatic ? .staticVariable : .localVariable)
        return LocalDeclaration(
            name: cursor.spelling, usr: cursor.usr, typeSpelling: cursor.type.spelling, isStatic: isStatic,
            initializer: initializer, location: location(cursor))
    }

    // MARK: Expressions

    private func isExpression(_ kind: CursorKind) -> Bool {
        switch kind {
        case .unexposedExpr, .declRefExpr, .memberRefExpr, .callExpr, .integerLiteral, .floatingLiteral,
             .stringLiteral, .characterLiteral, .parenExpr, .unaryOperator, .arraySubscriptExpr,
             .binaryOperator, .compoundAssignOperator, .conditionalOperator, .cStyleCastExpr,
             .compoundLiteralExpr, .initListExpr, .stmtExpr, .gnuNullExpr, .cxxStaticCastExpr,
             .cxxReinterpretCastExpr, .cxxConstCastExpr, .cxxFunctionalCastExpr, .cxxBoolLiteralExpr,
             .cxxNullPtrLiteralExpr, .cxxThisExpr, .cxxThrowExpr, .cxxNewExpr, .cxxDeleteExpr,
             .unaryExpr, .lambdaExpr:
            return true
        case .other(let raw):
            return (100..<200).contains(raw)
        default:
            return false
        }
    }

    private mutating func convertExpr(_ cursor: Cursor) -> Expr {
        let loc = location(cursor)
        if nesting >= Self.maximumNesting { return Expr(.other([]), at: loc) }
        nesting += 1
        defer { nesting -= 1 }
        if let call = recoveredMacroCall(cursor) { return Expr(.call(call), at: loc) }
        switch cursor.kind {
        case .parenExpr, .cStyleCastExpr, .cxxStaticCastExpr, .cxxReinterpretCastExpr, .cxxConstCastExpr,
             .cxxFunctionalCastExpr:
            guard let inner = cursor.children.last(where: { isExpression($0.kind) }) else { return Expr(.other([]), at: loc) }
            let converted = convertExpr(inner)
            return cursor.kind == .parenExpr ? converted : annotatingTarget(converted, type: cursor.type, variable: nil)
        case .unexposedExpr:
            let kids = cursor.children
            // A call clang could not type (an argument of unknown type, such as `&m` for a
            // `static PyMutex m` with pre-3.13 headers) is kept only as an unexposed expression.
            if let callee = kids.first, cursor.type.isDependent,
               let function = calleeFunction(callee) {
                return Expr(.call(Call(name: function.spelling, usr: function.usr, receiver: nil,
                                       arguments: kids.dropFirst().map { convertExpr($0) })), at: loc)
            }
            if kids.count == 1, isExpression(kids[0].kind) { return convertExpr(kids[0]) }
            // A designated initializer `.field = value` shows as an unexposed expression whose
            // children are the member reference and the value.
            if kids.count >= 2, kids[0].kind == .memberRef, let value = kids.last {
                return Expr(.designated(field: kids[0].spelling, value: convertExpr(value)), at: loc)
            }
            return Expr(.other(kids.filter { isExpression($0.kind) }.map { convertExpr($0) }), at: loc)
        case .declRefExpr:
            return Expr(.name(nameRef(cursor)), at: loc, isPointer: cursor.type.isPointer, isAtomic: isAtomic(cursor.type))
        case .memberRefExpr:
            let kids = cursor.children.filter { isExpression($0.kind) }
            let base = kids.first.map { convertExpr($0) }
            let arrow = kids.first.map { $0.type.isPointer } ?? false
            if base == nil, language == .cxx, cursor.referenced?.kind == .cxxMethod {
                return Expr(.member(base: nil, field: cursor.spelling, arrow: true), at: loc)
            }
            return Expr(.member(base: base, field: cursor.spelling, arrow: arrow), at: loc, isPointer: cursor.type.isPointer,
                        isAtomic: isAtomic(cursor.type))
        case .callExpr:
            return Expr(.call(convertCall(cursor)), at: loc)
        case .integerLiteral:
            return Expr(.integer(cursor.integerValue), at: loc)
        case .characterLiteral, .cxxBoolLiteralExpr:
            return Expr(.integer(cursor.integerValue), at: loc)
        case .floatingLiteral:
            return Expr(.integer(nil), at: loc)
        case .stringLiteral:
            return Expr(.string(cursor.spelling), at: loc)
        case .gnuNullExpr, .cxxNullPtrLiteralExpr:
            return Expr(.null, at: loc)
        case .cxxThisExpr:
            return Expr(.this, at: loc)
        case .arraySubscriptExpr:
            let kids = cursor.children.filter { isExpression($0.kind) }
            guard kids.count == 2 else { break }
            return Expr(.subscript(base: convertExpr(kids[0]), index: convertExpr(kids[1])), at: loc)
        case .unaryOperator:
            guard let operand = cursor.children.first(where: { isExpression($0.kind) }) else { break }
            let (op, postfix) = unaryOperator(cursor)
            return Expr(.unary(op: op, operand: convertExpr(operand), postfix: postfix), at: loc)
        case .binaryOperator, .compoundAssignOperator:
            let kids = cursor.children.filter { isExpression($0.kind) }
            guard kids.count == 2 else { break }
            let op = binaryOperator(cursor, lhs: kids[0], rhs: kids[1])
            let lhs = convertExpr(kids[0])
            var rhs = convertExpr(kids[1])
            if op == "=" { rhs = annotatingTarget(rhs, type: kids[0].type, variable: ExprText.render(lhs)) }
            if cursor.kind == .compoundAssignOperator || op == "=" {
                return Expr(.assign(op: cursor.kind == .compoundAssignOperator && op == "?" ? "?=" : op, target: lhs, value: rhs), at: loc)
            }
            return Expr(.binary(op: op, lhs: lhs, rhs: rhs), at: loc)
        case .conditionalOperator:
            let kids = cursor.children.filter { isExpression($0.kind) }
            guard kids.count == 3 else { break }
            return Expr(.conditional(condition: convertExpr(kids[0]), then: convertExpr(kids[1]), else: convertExpr(kids[2])), at: loc)
        case .initListExpr:
            let items = cursor.children.filter { isExpression($0.kind) }
            // A data table (thousands of numbers or strings) only matters for the functions and
            // variables it names; tables of Python slots and methods are far below the limit.
            if items.count > Self.fullyConvertedListItems {
                // Only items with an identifier in their text can name anything: one pass over
                // the tokens spares walking thousands of literal items.
                let listFile = cursor.fileRange.file
                let identifiers = tu.identifierOffsets(in: cursor.extent)
                return Expr(.initList(items.compactMap { item in
                    let range = item.fileRange
                    if range.file == listFile,
                       !Self.anyOffset(in: identifiers, within: range.start..<max(range.end, range.start + 1)) {
                        return nil
                    }
                    let names = namesInData(item)
                    return names.isEmpty ? nil : Expr(.other(names), at: loc)
                }), at: loc)
            }
            return Expr(.initList(items.map { convertExpr($0) }), at: loc)
        case .lambdaExpr:
            if let body = cursor.children.last(where: { $0.kind == .compoundStmt }) {
                return Expr(.lambda(body: convertStmt(body)), at: loc)
            }
        case .unaryExpr:
            // sizeof/alignof: operands are not evaluated.
            return Expr(.other([]), at: loc)
        case .stmtExpr:
            if let body = cursor.children.first(where: { $0.kind == .compoundStmt }) {
                return Expr(.lambda(body: convertStmt(body)), at: loc)
            }
        default:
            break
        }
        return Expr(.other(cursor.children.filter { isExpression($0.kind) }.map { convertExpr($0) }), at: loc)
    }

    /// Macros that expand to field accesses, whose names the AST loses (`PyList_GET_ITEM(l, i)`
    /// is `((PyListObject *)l)->ob_item[i]` in 3.13): recovered as calls from the tokens.
    static let recoveredMacros: Set<String> = [
        "PyList_GET_ITEM", "PyList_GET_SIZE", "PyTuple_GET_ITEM", "PyTuple_GET_SIZE", "PySequence_Fast_ITEMS",
        "PySequence_Fast_GET_ITEM", "PySequence_Fast_GET_SIZE", "PyWeakref_GET_OBJECT", "PyCell_GET",
        "PyList_SET_ITEM", "PyTuple_SET_ITEM", "PyTuple_Check", "PyTuple_CheckExact", "PyList_Check",
        "PyList_CheckExact", "PyDict_Check", "PyDict_CheckExact",
    ]

    static let fullyConvertedListItems = 256

    /// Whether the sorted `offsets` have one in `range`.
    private static func anyOffset(in offsets: [Int], within range: Range<Int>) -> Bool {
        let first = offsets.lowerBound(of: range.lowerBound, by: { $0 })
        return first < offsets.count && offsets[first] < range.upperBound
    }

    /// The names an element of a large data table refers to, without converting its literals
    /// (elements that name nothing are left out: past the limit, positions mean nothing).
    private mutating func namesInData(_ cursor: Cursor) -> [Expr] {
        if cursor.kind.isLiteral { return [] }
        switch cursor.kind {
        case .initListExpr, .unexposedExpr, .parenExpr, .cStyleCastExpr, .unaryOperator, .binaryOperator:
            return cursor.children.filter { isExpression($0.kind) }.flatMap { namesInData($0) }
        default:
            return [convertExpr(cursor)]
        }
    }

    /// A call written with one of the `recoveredMacros`, which clang shows as what it expands to.
    private func recoveredMacroCall(_ cursor: Cursor) -> Call? {
        // A recovered macro expands to a call or member access, never to a literal or a brace
        // list; not looking at those keeps large data tables cheap.
        let kind = cursor.kind
        guard !kind.isLiteral, kind != .initListExpr else { return nil }
        // A first look that costs less than the extent: the whole invocation is the cursor, so
        // the cursor's own position, in the file, is the macro's name.
        let at = cursor.fileLocation
        guard at.file == tokens.file, let named = tokens.token(at: at.offset), named.kind == .identifier,
              Self.recoveredMacros.contains(named.spelling) else { return nil }
        let ext = cursor.fileRange
        guard ext.file == tokens.file, let name = tokens.token(at: ext.start),
              name.kind == .identifier, Self.recoveredMacros.contains(name.spelling) else { return nil }
        // The invocation: the name, then balanced parentheses, all inside the cursor's extent.
        let following = tokens.tokens(in: ext.start..<Int.max)
        var invocation: [Token] = []
        var open = 0
        for t in following {
            invocation.append(t)
            if invocation.count == 2, t.spelling != "(" { return nil }
            if t.spelling == "(" { open += 1 }
            if t.spelling == ")" { open -= 1; if open == 0 { break } }
        }
        // The cursor must end where the invocation ends (`PyList_Check(x) && y` does not).
        guard invocation.count >= 3, open == 0, let close = invocation.last,
              close.offset == ext.end || close.offset == tokens.lastToken(before: ext.end, from: ext.start)?.offset
                // Inside another macro's arguments libclang 14 gives the expansion only the
                // position of the macro's name.
                || ext.end == ext.start
        else { return nil }
        var args: [[Token]] = [[]]
        var depth = 0
        for t in invocation[2..<(invocation.count - 1)] {
            if t.spelling == "(" || t.spelling == "[" || t.spelling == "{" { depth += 1 }
            if t.spelling == ")" || t.spelling == "]" || t.spelling == "}" { depth -= 1 }
            if t.spelling == "," && depth == 0 { args.append([]); continue }
            args[args.count - 1].append(t)
        }
        guard depth == 0 else { return nil }
        let loc = location(cursor)
        let scope = staticNames.merging(localNames) { _, local in local }
        return Call(name: name.spelling, usr: "", receiver: nil,
                    arguments: args.filter { !$0.isEmpty }.map { tokens -> Expr in
                        var parser = TokenExpressionParser(tokens: tokens, scope: scope, location: loc)
                        return parser.parse()
                    })
    }

    /// Allocators whose destination decides whether they are used correctly.
    static let trackedAllocators: Set<String> = ["PyObject_Malloc", "PyObject_Calloc", "PyObject_Realloc"]

    /// Records the type `value` (an allocator call, possibly cast) is stored as.
    private func annotatingTarget(_ value: Expr, type: TypeInfo, variable: String?) -> Expr {
        guard case .call(var call) = value.kind, Self.trackedAllocators.contains(call.name) else { return value }
        call.resultTarget = ResultTarget(typeSpelling: type.spelling, isPythonObject: Self.isPythonObjectPointer(type),
                                         variable: variable ?? call.resultTarget?.variable)
        var annotated = value
        annotated.kind = .call(call)
        return annotated
    }

    private func calleeFunction(_ cursor: Cursor) -> Cursor? {
        var c = cursor
        while c.kind == .unexposedExpr, let only = c.children.first { c = only }
        guard c.kind == .declRefExpr, let decl = c.referenced, decl.kind == .functionDecl else { return nil }
        return decl
    }

    /// `PY_SSIZE_T_CLEAN` renames some calls before 3.13 (`PyObject_CallMethod` becomes
    /// `_PyObject_CallMethod_SizeT`): report them by the name that was written.
    static func writtenName(_ name: String) -> String {
        guard name.hasPrefix("_Py"), name.hasSuffix("_SizeT") else { return name }
        return String(name.dropFirst().dropLast(6))
    }

    private mutating func convertCall(_ cursor: Cursor) -> Call {
        let name = Self.writtenName(cursor.spelling)
        let referenced = cursor.referenced
        let args = cursor.arguments
        let kids = cursor.children.filter { isExpression($0.kind) }
        var receiver: Expr?
        // The callee is the first child when there is one more child than arguments.
        if kids.count == args.count + 1 {
            let callee = convertExpr(kids[0])
            if case .member(let base, _, _) = callee.kind { receiver = base }
        }
        let usr = referenced.map { $0.usr } ?? ""
        return Call(name: name, usr: usr, receiver: receiver, arguments: args.map { convertExpr($0) })
    }

    /// What each declaration referenced so far is: a function names the same few variables and
    /// functions many times, and a USR is built anew by every ask.
    /// (In a class: in the struct, the optimizer lost track of the dictionary's uniqueness and
    /// copied it whole on every insertion.)
    private let namesOfDeclarations = DeclarationNames()

    private mutating func nameRef(_ cursor: Cursor) -> NameRef {
        guard let decl = cursor.referenced else {
            return NameRef(name: cursor.spelling, usr: "", kind: .unresolved)
        }
        if let known = namesOfDeclarations.byCursor[decl] { return known }
        let name = declarationName(decl)
        namesOfDeclarations.byCursor[decl] = name
        return name
    }

    private final class DeclarationNames {
        var byCursor: [Cursor: NameRef] = [:]
    }

    private func declarationName(_ decl: Cursor) -> NameRef {
        let kind: NameRef.Kind
        switch decl.kind {
        case .varDecl:
            kind = isStaticStorage(decl) ? .staticVariable : .localVariable
        case .parmDecl:
            kind = .parameter(index: parameterIndex[decl.usr] ?? -1)
        case .functionDecl, .cxxMethod, .functionTemplate:
            kind = .function
        case .enumConstantDecl:
            kind = .enumConstant
        default:
            kind = .other
        }
        return NameRef(name: decl.spelling, usr: decl.usr, kind: kind)
    }

    private func isStaticStorage(_ decl: Cursor) -> Bool {
        if decl.storageClass == .static || decl.storageClass == .extern || decl.isThreadLocal { return true }
        switch decl.semanticParent?.kind {
        case .functionDecl?, .cxxMethod?, .constructor?, .destructor?, .functionTemplate?, .conversionFunction?:
            return false
        case nil:
            return false
        default:
            return true
        }
    }

    // MARK: Operators

    /// Operators are read from the tokens where the expression was written: this function's
    /// tokens, or, for code from a macro body, the macro definition's.
    private func tokens(for range: (file: String, start: Int, end: Int)) -> TokenIndex? {
        if range.file == tokens.file, tokens.covers(range.start) { return tokens }
        guard !range.file.isEmpty, range.end > range.start else { return nil }
        return TokenIndex(tu.tokens(inFile: range.file, from: range.start, to: range.end), file: range.file)
    }

    private func unaryOperator(_ cursor: Cursor) -> (String, Bool) {
        let range = cursor.spellingRange
        if let tokens = tokens(for: range) {
            if let first = tokens.token(at: range.start), first.kind == .punctuation {
                return (first.spelling, false)
            }
            if let last = tokens.lastToken(before: range.end, from: range.start), last.kind == .punctuation,
               last.spelling == "++" || last.spelling == "--" {
                return (last.spelling, true)
            }
        }
        // In a macro body libclang 14 does not say where the operator was written; the types
        // still tell address-of and dereference apart.
        if let operand = cursor.children.first(where: { isExpression($0.kind) }) {
            let result = cursor.type.canonical, inner = operand.type.canonical
            if result.isPointer, result.pointee.canonical.spelling == inner.spelling { return ("&", false) }
            if inner.isPointer, inner.pointee.canonical.spelling == result.spelling { return ("*", false) }
        }
        return ("?", false)
    }

    private func binaryOperator(_ cursor: Cursor, lhs: Cursor, rhs: Cursor) -> String {
        if let op = cursor.binaryOperatorSpelling { return op }
        let left = lhs.spellingRange, right = rhs.spellingRange
        guard left.file == right.file, left.end <= right.start,
              let tokens = tokens(for: (left.file, left.end, max(right.start, left.end + 1))) else { return "?" }
        for token in tokens.tokens(in: left.end..<max(right.start, left.end + 1)) where token.kind == .punctuation {
            if token.spelling == ")" || token.spelling == "(" { continue }
            return token.spelling
        }
        return "?"
    }

    private func location(_ cursor: Cursor) -> SourceLocation {
        let l = cursor.location
        return SourceLocation(file: l.file, line: l.line, column: l.column, offset: l.offset)
    }
}

extension ParseDiagnostic {
    init?(_ d: Diagnostic) {
        let severity: Severity
        switch d.severity {
        case .fatal: severity = .fatal
        case .error: severity = .error
        case .warning: severity = .warning
        default: return nil
        }
        let l = d.location
        self.init(severity: severity, message: d.message,
                  location: l.file.isEmpty ? nil : SourceLocation(file: l.file, line: l.line, column: l.column, offset: l.offset))
    }
}

extension Stmt {
    /// Calls `body` with every top-level expression of every statement in the tree.
    public static func visitExpressions(_ s: Stmt, _ body: (Expr) -> Void) {
        switch s.kind {
        case .block(let items), .other(let items): items.forEach { visitExpressions($0, body) }
        case .expr(let e): body(e)
        case .declaration(let decls): decls.forEach { if let i = $0.initializer { body(i) } }
        case .if(let c, let t, let e):
            body(c)
            visitExpressions(t, body)
            if let e { visitExpressions(e, body) }
        case .loop(let header, let b):
            header.forEach { visitExpressions($0, body) }
            visitExpressions(b, body)
        case .switch(let c, let b):
            body(c)
            visitExpressions(b, body)
        case .return(let e): if let e { body(e) }
        case .label(_, let b): visitExpressions(b, body)
        case .goto, .break, .continue, .marker: break
        }
    }
}
