/// A lock held at some point of a function.
public struct Guard: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case mutex          // PyMutex, pthread, C11, Windows, std::mutex, 3.14 mutex critical sections
        case criticalSection
        /// `Py_BEGIN_CRITICAL_SECTION_MUTEX(&m)` (3.14): a critical section on a mutex, which
        /// protects whatever that mutex protects.
        case criticalSectionOnMutex
        /// A reader-writer lock taken for reading: other readers run alongside.
        case sharedLock
        case once           // inside a run-once callback (std::call_once lambda)
        /// Not a lock: the thread state is detached (`Py_BEGIN_ALLOW_THREADS`,
        /// `PyEval_SaveThread`) and the C API must not be used.
        case detached
    }
    public var kind: Kind
    /// The lock (mutex) or the locked objects (critical section), as written.
    public var objects: [String]
    /// The locked objects as paths, where they are plain lvalues.
    public var paths: [AccessPath]
    /// Held by a C++ object (lock_guard) until the end of the block that declares it.
    public var isScoped = false
    /// The call that took it ("PyMutex_Lock", "Py_BEGIN_CRITICAL_SECTION", "PyEval_SaveThread").
    public var api = ""
    /// Where it was taken.
    public var location: SourceLocation? = nil
    /// Unique within the function: tells two holds of the same lock apart.
    public var id = 0
    /// Loop/switch nesting and lambda nesting where it was taken: a `break` in a deeper loop, or
    /// a `return` in a lambda, does not leave it.
    public var loopDepth = 0
    public var frame = 0

    /// Whether it keeps other threads out (a detached thread state or a read lock does not
    /// protect writes).
    public var excludesOthers: Bool {
        switch kind {
        case .mutex, .criticalSection, .criticalSectionOnMutex, .once: true
        case .sharedLock, .detached: false
        }
    }
}

/// A `return`, `goto`, `break` or `continue`, with the locks held where it leaves.
public struct ExitEvent: Sendable {
    public enum Kind: String, Sendable { case `return`, goto, `break`, `continue` }
    public var kind: Kind
    public var label: String?
    public var location: SourceLocation
    public var guards: [Guard]
    public var loopDepth: Int
    public var frame: Int
}

/// A write to memory that may be shared.
public struct WriteEvent: Sendable {
    public var path: AccessPath
    /// The expression that writes, as written ("counter++", "snprintf(buf, …)").
    public var text: String
    public var location: SourceLocation
    public var guards: [Guard]
    /// Reads the old value to compute the new one (`++`, `+=`), or swaps a reference and drops
    /// the old one (Py_SETREF, Py_XSETREF, Py_CLEAR).
    public var isReadModifyWrite = false
}

public struct CallEvent: Sendable {
    public var call: Call
    public var location: SourceLocation
    public var guards: [Guard]
    /// Writes recorded before this call (orders calls against writes).
    public var order: Int
    /// Lambda nesting: a lambda's body may run elsewhere, later.
    public var frame = 0
    /// Containers whose size bounds an enclosing loop (`for (i = 0; i < PyList_GET_SIZE(l); i++)`).
    public var loopBounds: Set<String> = []
    /// Lvalues (as written) last assigned a new object before this call, for the fill macros.
    public var freshLvalues: Set<String> = []
}

/// A read of a Python object's header fields (`ob_type`, `ob_refcnt`, ...) written out directly.
public struct ObjectFieldRead: Sendable {
    public var field: String
    public var location: SourceLocation
    public var guards: [Guard]
    public var frame: Int
}

/// An `if` that tests whether `path` is set (non-NULL, non-zero), and the writes on the path
/// where it was found unset: the raw material of check-then-act findings.
public struct CheckEvent: Sendable {
    public var path: AccessPath
    public var location: SourceLocation
    public var guards: [Guard]
    /// Indices into `FunctionFlow.writes` executed where the value was found unset.
    public var actWrites: Range<Int>
}

/// Where a local pointer came from, for deciding whether what it points to is shared.
public enum LocalOrigin: Hashable, Sendable {
    /// A copy of a parameter (`MyObject *obj = (MyObject *)self;`).
    case parameter(index: Int)
    /// The module's state (`st = PyModule_GetState(module)`, `get_module_state(m)`).
    case moduleState
    /// A value read from shared storage (`PyObject *cache = st->cache;`): the path it came from.
    case sharedValue(AccessPath)
    /// A new object made here (`PyDict_New()`), not yet visible to other threads.
    case fresh
    /// `PySequence_Fast(obj, msg)`: a list or tuple view of `obj` (the object, when it is a
    /// plain lvalue).
    case fastSequence(of: AccessPath?)
    /// The result of a call to a function of the project, which may return a new object.
    case callResult(usr: String, name: String)
}

/// One function walked in execution order with the locks held at each point: its writes, calls
/// and checks. Branches are walked separately; after an `if`, the lock state is the state of the
/// branches that fall through (an early `return` inside a locked region does not unlock the rest).
public struct FunctionFlow: Sendable {
    public let function: FunctionFact
    public private(set) var writes: [WriteEvent] = []
    public private(set) var calls: [CallEvent] = []
    public private(set) var checks: [CheckEvent] = []
    /// Checks made while a lock was held (for double-checked locking): path and write order.
    public private(set) var guardedChecks: [(path: AccessPath, order: Int)] = []
    public private(set) var localOrigins: [String: LocalOrigin] = [:]
    public private(set) var exits: [ExitEvent] = []
    /// Labels with the locks held where they stand.
    public private(set) var labels: [String: [Guard]] = [:]
    /// Critical sections opened while another was open: (inner, outer).
    public private(set) var nestedCriticalSections: [(inner: Guard, outer: Guard)] = []

    public private(set) var objectFieldReads: [ObjectFieldRead] = []
    /// What the function returns.
    public private(set) var returnedValues: [Expr] = []

    private var guards: [Guard] = []
    private var loopBounds: [Set<String>] = []
    /// Lvalues whose latest assignment, in walk order, was a new object (`buf->list = PyList_New(1)`).
    private var freshLvalues: Set<String> = []
    static let fillMacros: Set<String> = ["PyList_SET_ITEM", "PyTuple_SET_ITEM"]
    private var nextGuardID = 1
    private var loopDepth = 0
    private var frame = 0
    private var localNames: [String: NameRef] = [:]
    /// Early-exit checks (`if (x) return x;`) waiting for the end of their block.
    private var pendingChecks: [[CheckEvent]] = []

    /// Project helpers that take and release a lock (configuration).
    private let customLocks: [Configuration.LockPair]

    public init(_ function: FunctionFact, locks: [Configuration.LockPair] = []) {
        self.function = function
        self.customLocks = locks
        for (i, p) in function.parameters.enumerated() {
            localNames[p.name] = NameRef(name: p.name, usr: p.usr, kind: .parameter(index: i))
        }
        _ = walk(function.body)
    }

    // MARK: Statements

    /// Walks a statement; returns whether it always leaves its block (return, goto, break, continue).
    private mutating func walk(_ s: Stmt) -> Bool {
        switch s.kind {
        case .block(let items):
            let outer = guards
            pendingChecks.append([])
            var exits = false
            for item in items where walk(item) { exits = true }
            for var check in pendingChecks.removeLast() {
                check.actWrites = check.actWrites.lowerBound..<writes.count
                checks.append(check)
            }
            // Scoped (RAII) locks end with their block; explicit lock calls carry on.
            guards = guards.filter { g in outer.contains(g) || !g.isScoped }
            return exits
        case .expr(let e):
            visit(e)
        case .declaration(let decls):
            for d in decls { declare(d) }
        case .if(let condition, let then, let els):
            visit(condition)
            let tested = Self.tests(in: condition)
            let before = guards
            let start = writes.count
            let thenExits = walk(then)
            let afterThen = guards
            let thenEnd = writes.count
            guards = before
            let elseExits = els.map { walk($0) } ?? false
            let afterElse = guards
            let elseEnd = writes.count
            switch (thenExits, elseExits) {
            case (true, false): guards = afterElse
            case (false, true): guards = afterThen
            case (true, true): guards = before
            case (false, false): guards = afterThen == afterElse ? afterThen : afterThen.filter { afterElse.contains($0) }
            }
            for (path, whenUnset, location) in tested {
                if before.isEmpty == false { guardedChecks.append((path, start)) }
                if whenUnset {
                    checks.append(CheckEvent(path: path, location: location, guards: before, actWrites: start..<thenEnd))
                } else {
                    if els != nil {
                        checks.append(CheckEvent(path: path, location: location, guards: before, actWrites: thenEnd..<elseEnd))
                    }
                    if thenExits && !pendingChecks.isEmpty {
                        pendingChecks[pendingChecks.count - 1].append(
                            CheckEvent(path: path, location: location, guards: before, actWrites: elseEnd..<elseEnd))
                    }
                }
            }
            return thenExits && elseExits
        case .loop(let header, let body):
            let firstHeaderCall = calls.count
            for h in header { _ = walk(h) }
            let bounds = Set(calls[firstHeaderCall...].filter { Self.sizeCalls.contains($0.call.name) }
                .compactMap { $0.call.arguments.first.map(ExprText.render) })
            let before = guards
            loopDepth += 1
            loopBounds.append(bounds)
            _ = walk(body)
            loopBounds.removeLast()
            loopDepth -= 1
            guards = before
        case .switch(let condition, let body):
            visit(condition)
            let before = guards
            loopDepth += 1
            _ = walk(body)
            loopDepth -= 1
            guards = before
        case .return(let e):
            if let e {
                visit(e)
                returnedValues.append(e)
            }
            exit(.return, nil, s.location)
            return true
        case .goto(let label):
            exit(.goto, label, s.location)
            return true
        case .break:
            exit(.break, nil, s.location)
            return true
        case .continue:
            exit(.continue, nil, s.location)
            return true
        case .label(let name, let body):
            labels[name] = guards
            return walk(body)
        case .marker(let name, let arguments):
            applyLockEffect(name: name, objects: arguments.map { markerObject($0) }, receiver: nil, at: s.location)
        case .other(let items):
            for item in items { _ = walk(item) }
        }
        return false
    }

    private mutating func declare(_ d: LocalDeclaration) {
        let ref = NameRef(name: d.name, usr: d.usr, kind: d.isStatic ? .staticVariable : .localVariable)
        localNames[d.name] = ref
        if let initializer = d.initializer {
            visit(initializer)
            noteAssignment(to: d.name, value: initializer)
            if !d.isStatic, let origin = origin(of: initializer) { localOrigins[d.usr] = origin }
        }
        // `std::lock_guard<std::mutex> g(m);` holds m to the end of the block.
        if Synchronization.type(d.typeSpelling, mentionsAnyOf: Synchronization.scopedCriticalSectionTypes) {
            let args = initializerArguments(d.initializer)
            push(.criticalSection, args.map { ExprText.render($0) }, args.compactMap(AccessPath.init),
                 api: d.typeSpelling, scoped: true, at: d.location)
        } else if Synchronization.type(d.typeSpelling, mentionsAnyOf: Synchronization.scopedSharedLockTypes) {
            let args = initializerArguments(d.initializer)
            push(.sharedLock, args.map { ExprText.render($0) }, [], api: d.typeSpelling, scoped: true, at: d.location)
        } else if Synchronization.type(d.typeSpelling, mentionsAnyOf: Synchronization.scopedLockTypes) {
            let args = initializerArguments(d.initializer)
            push(.mutex, args.map { ExprText.render($0) }, [], api: d.typeSpelling, scoped: true, at: d.location)
        }
    }

    private func initializerArguments(_ e: Expr?) -> [Expr] {
        guard let e else { return [] }
        if case .call(let c) = e.kind { return c.arguments }
        if case .initList(let items) = e.kind { return items }
        return [e]
    }

    // MARK: Expressions

    private mutating func visit(_ e: Expr) {
        switch e.kind {
        case .assign(let op, let target, let value):
            visitSubexpressions(ofTarget: target)
            visit(value)
            if op == "=" { noteAssignment(to: ExprText.render(target), value: value) }
            if let path = AccessPath(target) {
                record(path, ExprText.text(e), e.location, readModifyWrite: op != "=")
                if case .local(let usr) = path.root, path.steps.isEmpty, let origin = origin(of: value),
                   origin != .sharedValue(path), !Self.refers(origin, to: usr) {
                    // A local assigned several times keeps the first origin that is not "new".
                    localOrigins[usr] = localOrigins[usr].map { Self.isNew($0) ? origin : $0 } ?? origin
                }
            }
        case .unary(let op, let operand, _) where op == "++" || op == "--":
            visitSubexpressions(ofTarget: operand)
            if let path = AccessPath(operand) { record(path, ExprText.text(e), e.location, readModifyWrite: true) }
        case .call(let call):
            visitCall(call, e)
        case .lambda(let body):
            frame += 1
            _ = walk(body)
            frame -= 1
        case .member(let base, let field, _) where Self.objectHeaderFields.contains(field):
            objectFieldReads.append(ObjectFieldRead(field: field, location: e.location, guards: guards, frame: frame))
            if let base { visit(base) }
        default:
            for child in e.children { visit(child) }
        }
    }

    private mutating func visitSubexpressions(ofTarget target: Expr) {
        switch target.kind {
        case .subscript(let base, let index):
            visitSubexpressions(ofTarget: base)
            visit(index)
        case .member(let base?, _, _):
            visitSubexpressions(ofTarget: base)
        case .call, .assign:
            visit(target)
        default:
            break
        }
    }

    private mutating func visitCall(_ call: Call, _ e: Expr) {
        let name = call.name
        if Synchronization.isAtomicCall(name) {
            // Atomic accesses: the pointed-to memory is not a plain write. Other arguments
            // (values to store) are still visited.
            for arg in call.arguments {
                if case .unary("&", _, _) = arg.kind { continue }
                visit(arg)
            }
            recordCall(call, at: e.location)
            return
        }
        if name == "call_once" || name == "std::call_once" {
            // std::call_once(flag, [&]{ ... }): the lambda runs once, under the flag's lock.
            for arg in call.arguments {
                if case .lambda(let body) = arg.kind {
                    push(.once, ["call_once"], [], api: name, at: e.location)
                    frame += 1
                    _ = walk(body)
                    frame -= 1
                    guards.removeLast()
                } else {
                    visit(arg)
                }
            }
            recordCall(call, at: e.location)
            return
        }
        if let receiver = call.receiver { visit(receiver) }
        for arg in call.arguments { visit(arg) }
        recordCall(call, at: e.location)

        if let (first, variadic) = Synchronization.writesThroughArguments[name] {
            var written = variadic ? Array(call.arguments.dropFirst(first)) : Array(call.arguments.dropFirst(first).prefix(1))
            // PyArg_Parse*: the format string tells inputs (`O!`'s type) from outputs.
            if name.hasPrefix("PyArg_Parse"), first >= 1, case .string(let format)? = call.arguments[safe: first - (name.hasSuffix("Keywords") ? 2 : 1)]?.kind,
               let outputs = ArgumentFormat.writtenArguments(format: format) {
                written = written.enumerated().filter { $0.offset >= outputs.count || outputs[$0.offset] }.map(\.element)
            }
            for arg in written {
                var target = arg
                if case .unary("&", let operand, _) = arg.kind { target = operand }
                if case .binary("+", let lhs, _) = target.kind { target = lhs }
                if let path = AccessPath(target) { record(path, ExprText.text(e), e.location) }
            }
        }
        if Synchronization.assigningMacros.contains(name), let first = call.arguments.first,
           let path = AccessPath(first) {
            record(path, ExprText.text(e), e.location, readModifyWrite: true)
        }
        let objects = call.arguments.map { arg in (text: ExprText.render(arg), path: AccessPath(arg)) }
        applyLockEffect(name: name, objects: objects, receiver: call.receiver, at: e.location)
    }

    private mutating func push(_ kind: Guard.Kind, _ objects: [String], _ paths: [AccessPath], api: String,
                               scoped: Bool = false, at location: SourceLocation?) {
        let g = Guard(kind: kind, objects: objects, paths: paths, isScoped: scoped, api: api, location: location,
                      id: nextGuardID, loopDepth: loopDepth, frame: frame)
        nextGuardID += 1
        if kind == .criticalSection, let outer = guards.last(where: { $0.kind == .criticalSection && $0.frame == frame }) {
            nestedCriticalSections.append((g, outer))
        }
        guards.append(g)
    }

    private mutating func exit(_ kind: ExitEvent.Kind, _ label: String?, _ location: SourceLocation) {
        exits.append(ExitEvent(kind: kind, label: label, location: location, guards: guards, loopDepth: loopDepth, frame: frame))
    }

    /// Updates the held locks for a call or marker named `name`.
    private mutating func applyLockEffect(name: String, objects: [(text: String, path: AccessPath?)], receiver: Expr?,
                                          at location: SourceLocation? = nil) {
        if let receiver {
            let text = ExprText.render(receiver)
            if Synchronization.memberAcquire.contains(name) {
                push(.mutex, [text], [], api: name, at: location)
            } else if Synchronization.memberAcquireShared.contains(name) {
                push(.sharedLock, [text], [], api: name, at: location)
            } else if Synchronization.memberRelease.contains(name) {
                release(object: text)
            }
            return
        }
        if let pair = customLocks.first(where: { $0.acquire == name }) {
            push(.mutex, [pair.acquire], [], api: name, at: location)
        } else if let pair = customLocks.first(where: { $0.release == name }) {
            if let i = guards.lastIndex(where: { $0.kind == .mutex && $0.objects == [pair.acquire] }) { guards.remove(at: i) }
        } else if Synchronization.acquire.contains(name) {
            push(.mutex, [objects.first?.text ?? name], [], api: name, at: location)
        } else if Synchronization.acquireShared.contains(name) {
            push(.sharedLock, [objects.first?.text ?? name], [], api: name, at: location)
        } else if Synchronization.release.contains(name) {
            release(object: objects.first?.text)
        } else if let (first, count) = Synchronization.criticalSectionBegin[name] {
            let locked = objects.dropFirst(first).prefix(count)
            push(.criticalSection, locked.map(\.text), locked.compactMap(\.path), api: name, at: location)
        } else if let index = Synchronization.criticalSectionMutexBegin[name] {
            let lock = objects.count > index ? objects[index].text : name
            push(.criticalSectionOnMutex, [lock], [], api: name, at: location)
        } else if name == "PyEval_SaveThread" {
            push(.detached, [], [], api: name, at: location)
        } else if name == "PyEval_RestoreThread" {
            if let i = guards.lastIndex(where: { $0.kind == .detached }) { guards.remove(at: i) }
        } else if Synchronization.criticalSectionEnd.contains(name) {
            if let i = guards.lastIndex(where: { $0.kind == .criticalSection || $0.kind == .criticalSectionOnMutex }) {
                guards.remove(at: i)
            }
        }
    }

    /// Releases the lock named `object`, else the most recent plain or shared lock.
    private mutating func release(object: String?) {
        let isLock: (Guard) -> Bool = { ($0.kind == .mutex || $0.kind == .sharedLock) && !$0.isScoped }
        if let object, let i = guards.lastIndex(where: { isLock($0) && $0.objects.first == object }) {
            guards.remove(at: i)
        } else if let i = guards.lastIndex(where: isLock) {
            guards.remove(at: i)
        }
    }

    /// A critical-section macro argument recovered from tokens ("(PyObject*)self" -> self).
    private func markerObject(_ text: String) -> (text: String, path: AccessPath?) {
        var t = Substring(text)
        while t.hasPrefix("("), let close = t.firstIndex(of: ")") {
            let inner = t[t.index(after: t.startIndex)..<close]
            if inner.contains("*") || inner.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                t = t[t.index(after: close)...]
            } else {
                break
            }
        }
        if t.hasSuffix(")"), t.hasPrefix("_PyObject_CAST("), let open = t.firstIndex(of: "(") {
            t = t[t.index(after: open)..<t.index(before: t.endIndex)]
        }
        let name = String(t)
        guard let ref = localNames[name] else { return (name, nil) }
        return (name, AccessPath(Expr(.name(ref), at: function.location)))
    }

    private mutating func record(_ path: AccessPath, _ text: String, _ location: SourceLocation, readModifyWrite: Bool = false) {
        writes.append(WriteEvent(path: path, text: text, location: location, guards: guards, isReadModifyWrite: readModifyWrite))
    }

    /// Calls that return a new object nobody else holds yet.
    static func createsObject(_ name: String) -> Bool {
        name.hasSuffix("_New") || name.hasPrefix("PyObject_New") || name.hasPrefix("PyObject_GC_New")
            || name.hasSuffix("FromString") || ["Py_BuildValue", "PyTuple_Pack", "PyList_AsTuple", "PySequence_List",
                                               "PyDict_Copy", "PyList_GetSlice", "PyTuple_GetSlice",
                                               "PyFrozenSet_New", "PySet_New", "PyDict_Items", "PyDict_Keys", "PyDict_Values",
                                               "PyMapping_Items", "PyMapping_Keys", "PyMapping_Values"].contains(name)
    }

    private static func isNew(_ origin: LocalOrigin) -> Bool {
        switch origin {
        case .fresh, .callResult: true
        default: false
        }
    }

    private static func refers(_ origin: LocalOrigin, to usr: String) -> Bool {
        if case .sharedValue(let p) = origin, p.root == .local(usr: usr) { return true }
        return false
    }

    private func origin(of value: Expr) -> LocalOrigin? {
        switch value.kind {
        case .name(let ref):
            if case .parameter(let i) = ref.kind { return .parameter(index: i) }
            if case .localVariable = ref.kind, let o = localOrigins[ref.usr] { return o }
            if case .staticVariable = ref.kind, let p = AccessPath(value) { return .sharedValue(p) }
            return nil
        case .member, .subscript:
            return AccessPath(value).map { .sharedValue($0) }
        case .call(let c):
            if Synchronization.returnsModuleState(c.name) { return .moduleState }
            if c.name == "PySequence_Fast", let first = c.arguments.first { return .fastSequence(of: AccessPath(first)) }
            if Self.createsObject(c.name) { return .fresh }
            return .callResult(usr: c.usr, name: c.name)
        case .conditional(_, let t, _):
            return origin(of: t)
        case .initList(let items) where items.count == 1:
            return origin(of: items[0])
        case .assign("=", _, let inner):
            // `ret = list = PyList_New(n)`
            return origin(of: inner)
        default:
            return nil
        }
    }

    static let sizeCalls: Set<String> = ["PyList_GET_SIZE", "PyList_Size", "PySequence_Fast_GET_SIZE", "PyTuple_GET_SIZE", "PySequence_Size", "PySequence_Length"]
    /// PyObject and PyVarObject header fields: reading them needs an attached thread state.
    static let objectHeaderFields: Set<String> = ["ob_type", "ob_refcnt", "ob_size", "ob_ref_local", "ob_ref_shared", "ob_tid", "ob_base"]

    private mutating func recordCall(_ call: Call, at location: SourceLocation) {
        calls.append(CallEvent(call: call, location: location, guards: guards, order: writes.count, frame: frame,
                               loopBounds: loopBounds.reduce(into: Set<String>()) { $0.formUnion($1) },
                               freshLvalues: Self.fillMacros.contains(call.name) ? freshLvalues : []))
    }

    private mutating func noteAssignment(to target: String, value: Expr) {
        if case .call(let c) = value.kind, Self.createsObject(c.name) {
            freshLvalues.insert(target)
        } else {
            freshLvalues.remove(target)
        }
    }

    // MARK: Conditions

    /// The "is it set?" tests in a condition: the path tested, whether the then-branch runs when
    /// it is unset (NULL, 0, -1, negative), and where the test is.
    static func tests(in condition: Expr) -> [(AccessPath, Bool, SourceLocation)] {
        func isUnsetConstant(_ e: Expr) -> Bool {
            switch e.kind {
            case .null: return true
            case .integer(let v): return v == 0 || v == -1
            case .unary("-", let inner, _): if case .integer(1) = inner.kind { return true }; return false
            default: return false
            }
        }
        switch condition.kind {
        case .binary(let op, let lhs, let rhs):
            switch op {
            case "==", "!=":
                let whenUnset = op == "=="
                if isUnsetConstant(rhs), let p = AccessPath(lhs) { return [(p, whenUnset, lhs.location)] }
                if isUnsetConstant(lhs), let p = AccessPath(rhs) { return [(p, whenUnset, rhs.location)] }
                return []
            case "<", "<=":
                if case .integer(0) = rhs.kind, let p = AccessPath(lhs) { return [(p, true, lhs.location)] }
                return []
            case "&&":
                return tests(in: lhs) + tests(in: rhs)
            case "||":
                return (tests(in: lhs) + tests(in: rhs)).filter { $0.1 }
            default:
                return []
            }
        case .unary("!", let operand, _):
            if let p = AccessPath(operand) { return [(p, true, operand.location)] }
            return []
        default:
            if let p = AccessPath(condition) { return [(p, false, condition.location)] }
            return []
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
