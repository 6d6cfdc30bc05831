/// What can run concurrently in one translation unit, and under which locks: the layer between
/// the facts and the rules.
///
/// - *Entry points* run in many threads at once: functions whose address is taken (method and
///   getset tables, type slots, callbacks), functions with external linkage (callers elsewhere),
///   and static functions nobody references (conservatively).
/// - *Init-only* code runs once under the import lock: `PyInit_*`, `Py_mod_exec`/`Py_mod_create`
///   slot functions, run-once callbacks, and what only they call.
/// - A function all of whose callers hold a lock runs under that lock.
public struct ConcurrencyModel: Sendable {
    public enum Role: Sendable, Equatable {
        case initOnly
        /// Reachable from an entry point only through calls made while holding a lock.
        case concurrentUnderLock
        case concurrent
        /// Defined in an included header and not used by this file: analyzed where it is used.
        case unreferencedHere
    }

    public let facts: UnitFacts
    public let variables: [String: VariableFact]
    public let flows: [FunctionFlow]
    public let roles: [String: Role]
    /// Functions in a module's own method table: their first parameter is the module object.
    public let moduleFunctions: Set<String>
    /// Object life-cycle slots (tp_new, tp_init, tp_dealloc, tp_traverse, tp_clear, ...): the
    /// object is not yet, or no longer, visible to other threads.
    public let lifecycleFunctions: Set<String>
    /// Parameters that receive module state from their callers (`helper(st)` with
    /// `st = PyModule_GetState(m)`), by function USR.
    public let moduleStateParameters: [String: Set<Int>]
    /// Check-then-act sequences on statics (lazy initialization), found once for every rule.
    public private(set) var lazyStaticInits: [LazyInit] = []

    public struct LazyInit: Sendable {
        public var variable: VariableFact
        public var check: CheckEvent
        public var write: WriteEvent
        public var function: FunctionFact
        /// Every write in the act region to the same storage (not also reported as plain writes).
        public var actWriteLocations: [SourceLocation]
    }

    public init(facts: UnitFacts) {
        self.facts = facts
        var variables: [String: VariableFact] = [:]
        for v in facts.variables { variables[v.usr] = v }
        self.variables = variables
        let flows = facts.functions.map(FunctionFlow.init)
        self.flows = flows
        let (roles, modules, lifecycle) = Self.classify(facts: facts, flows: flows, variables: variables)
        self.roles = roles
        self.moduleFunctions = modules
        self.lifecycleFunctions = lifecycle
        self.moduleStateParameters = Self.propagateModuleState(facts: facts, flows: flows)
        self.lazyStaticInits = findLazyStaticInits()
    }

    public func role(of function: FunctionFact) -> Role { roles[function.usr] ?? .concurrent }

    /// Whether a static variable can hold shared mutable state at all.
    public func isMutableShared(_ v: VariableFact) -> Bool {
        !v.isThreadLocal && !v.type.isConstAllLevels && !StaticTypes.isExempt(v.type)
    }

    // MARK: Locks

    /// Whether the locks held protect a static variable. A mutex (or a run-once callback) does;
    /// a critical section does only when it locks an object every thread locks the same: a
    /// static, or the module object. A critical section on `self` does not.
    public func guardsProtectStatic(_ guards: [Guard], in flow: FunctionFlow) -> Bool {
        guards.contains { g in
            switch g.kind {
            case .mutex, .once, .criticalSectionOnMutex: return true
            case .sharedLock, .detached: return false
            case .criticalSection:
                return g.paths.contains { p in
                    if p.staticUSR != nil { return true }
                    return moduleFunctions.contains(flow.function.usr) && canonicalRoot(p, in: flow) == .parameter(index: 0)
                }
            }
        }
    }

    /// Whether the locks held protect an object reached through `path`: any mutex, or a critical
    /// section on the object or on an object that contains it (`self` for `self->cache`).
    public func guardsProtectObject(_ guards: [Guard], path: AccessPath, in flow: FunctionFlow) -> Bool {
        let root = canonicalRoot(path, in: flow)
        // Module state belongs to the module: a critical section on the module object (the first
        // parameter of a module-level function) covers it; one on `self` does not.
        let viaModuleState: Bool = {
            guard moduleFunctions.contains(flow.function.usr) else { return false }
            return sharedObject(path, in: flow) == .moduleState
        }()
        return guards.contains { g in
            switch g.kind {
            case .mutex, .once, .criticalSectionOnMutex: return true
            case .sharedLock, .detached: return false
            case .criticalSection:
                return g.paths.contains { p in
                    if p.covers(path) { return true }
                    let lockedRoot = canonicalRoot(p, in: flow)
                    if p.steps.isEmpty && lockedRoot == root && root != nil { return true }
                    return viaModuleState && lockedRoot == .parameter(index: 0) && p.steps.isEmpty
                } || g.objects.contains(path.text)
            }
        }
    }

    /// The root a path really starts from: locals copied from a parameter count as it.
    public func canonicalRoot(_ path: AccessPath, in flow: FunctionFlow) -> AccessPath.Root? {
        if case .local(let usr) = path.root, case .parameter(let i)? = flow.localOrigins[usr] {
            return .parameter(index: i)
        }
        return path.root
    }

    /// What kind of shared object a path reaches in a concurrent function, if any.
    public enum SharedObject: Sendable, Equatable {
        case staticVariable(String)   // the variable's name
        case moduleObject
        case selfObject
        case moduleState
        case sharedValue(String)      // a local holding a value read from shared storage
    }

    public func sharedObject(_ path: AccessPath, in flow: FunctionFlow) -> SharedObject? {
        sharedObject(path, in: flow, depth: 0)
    }

    /// `depth` bounds chains of locals copied from locals (`p = q->next; q = p->prev;`).
    private func sharedObject(_ path: AccessPath, in flow: FunctionFlow, depth: Int) -> SharedObject? {
        guard depth < 8 else { return nil }
        switch path.root {
        case .staticVariable(let usr):
            guard let v = variables[usr], !v.isThreadLocal else { return nil }
            return .staticVariable(v.name)
        case .parameter(let i):
            if moduleStateParameters[flow.function.usr]?.contains(i) == true { return .moduleState }
            return i == 0 ? firstParameterObject(flow) : nil
        case .local(let usr):
            switch flow.localOrigins[usr] {
            case .parameter(0)?: return firstParameterObject(flow)
            case .moduleState?: return .moduleState
            case .sharedValue(let p)?:
                return sharedObject(p, in: flow, depth: depth + 1) == nil ? nil : .sharedValue(p.text)
            default: return nil
            }
        case .this:
            return nil
        }
    }

    private func firstParameterObject(_ flow: FunctionFlow) -> SharedObject? {
        guard let first = flow.function.parameters.first, first.isPythonObject else { return nil }
        if lifecycleFunctions.contains(flow.function.usr) { return nil }
        return moduleFunctions.contains(flow.function.usr) ? .moduleObject : .selfObject
    }

    /// Which parameters receive module state, followed through calls until nothing changes.
    private static func propagateModuleState(facts: UnitFacts, flows: [FunctionFlow]) -> [String: Set<Int>] {
        var byName: [String: String] = [:]
        var known: Set<String> = []
        for f in facts.functions {
            known.insert(f.usr)
            if byName[f.name] == nil { byName[f.name] = f.usr }
        }
        var result: [String: Set<Int>] = [:]
        func isModuleState(_ e: Expr, in flow: FunctionFlow) -> Bool {
            switch e.kind {
            case .name(let ref):
                switch ref.kind {
                case .localVariable: return flow.localOrigins[ref.usr] == .moduleState
                case .parameter(let i): return result[flow.function.usr]?.contains(i) == true
                default: return false
                }
            case .call(let c):
                return Synchronization.returnsModuleState(c.name)
            default:
                return false
            }
        }
        for _ in 0..<4 {
            var changed = false
            for flow in flows {
                for c in flow.calls {
                    let callee = known.contains(c.call.usr) ? c.call.usr : byName[c.call.name]
                    guard let callee else { continue }
                    for (i, arg) in c.call.arguments.enumerated() where isModuleState(arg, in: flow) {
                        if result[callee, default: []].insert(i).inserted { changed = true }
                    }
                }
            }
            if !changed { break }
        }
        return result
    }

    // MARK: Lazy initialization of statics

    private func findLazyStaticInits() -> [LazyInit] {
        var result: [LazyInit] = []
        for flow in flows where role(of: flow.function) == .concurrent {
            for check in flow.checks {
                guard let usr = check.path.staticUSR, let v = variables[usr], isMutableShared(v),
                      !guardsProtectStatic(check.guards, in: flow) else { continue }
                let acts = check.actWrites.filter { flow.writes[$0].path.sameStorage(check.path) }
                guard let first = acts.first else { continue }
                let write = flow.writes[first]
                // Double-checked locking: the value is checked again under the lock that the
                // write holds, so only one thread creates it.
                if guardsProtectStatic(write.guards, in: flow),
                   flow.guardedChecks.contains(where: {
                       $0.path.sameStorage(check.path) && (check.actWrites.lowerBound...first).contains($0.order)
                   }) {
                    continue
                }
                result.append(LazyInit(variable: v, check: check, write: write, function: flow.function,
                                       actWriteLocations: acts.map { flow.writes[$0].location }))
            }
        }
        return result
    }

    // MARK: Roles

    /// PyType_Slot numbers and PyTypeObject fields of the object life cycle.
    static let lifecycleSlotNumbers: Set<Int> = [47, 51, 52, 53, 60, 65, 71, 74, 80]
    static let lifecycleFields: Set<String> = [
        "tp_new", "tp_init", "tp_dealloc", "tp_traverse", "tp_clear", "tp_finalize", "tp_free", "tp_alloc", "tp_del",
    ]
    /// PyTypeObject's fields in declaration order, for positional initializers.
    static let typeObjectFields = [
        "ob_base", "tp_name", "tp_basicsize", "tp_itemsize", "tp_dealloc", "tp_vectorcall_offset",
        "tp_getattr", "tp_setattr", "tp_as_async", "tp_repr", "tp_as_number", "tp_as_sequence",
        "tp_as_mapping", "tp_hash", "tp_call", "tp_str", "tp_getattro", "tp_setattro", "tp_as_buffer",
        "tp_flags", "tp_doc", "tp_traverse", "tp_clear", "tp_richcompare", "tp_weaklistoffset", "tp_iter",
        "tp_iternext", "tp_methods", "tp_members", "tp_getset", "tp_base", "tp_dict", "tp_descr_get",
        "tp_descr_set", "tp_dictoffset", "tp_init", "tp_alloc", "tp_new", "tp_free", "tp_is_gc", "tp_bases",
        "tp_mro", "tp_cache", "tp_subclasses", "tp_weaklist", "tp_del", "tp_version_tag", "tp_finalize",
        "tp_vectorcall",
    ]
    static let moduleCreate = 1, moduleExec = 2
    /// PyModuleDef's teardown hooks: they run when the module is cleared or freed (garbage
    /// collection stops the world in the free-threaded build), not alongside other calls.
    static let moduleTeardownFields: Set<String> = ["m_traverse", "m_clear", "m_free"]
    static let moduleDefFields = ["m_base", "m_name", "m_doc", "m_size", "m_methods", "m_slots", "m_traverse", "m_clear", "m_free"]

    private static func classify(facts: UnitFacts, flows: [FunctionFlow], variables: [String: VariableFact])
        -> (roles: [String: Role], modules: Set<String>, lifecycle: Set<String>) {
        var byUSR: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (i, f) in facts.functions.enumerated() {
            byUSR[f.usr] = i
            if byName[f.name] == nil { byName[f.name] = i }
        }
        func resolve(usr: String, name: String) -> Int? {
            if !usr.isEmpty, let i = byUSR[usr] { return i }
            return byName[name]
        }

        var entry: Set<Int> = []
        var initRoots: Set<Int> = []
        var referenced: Set<Int> = []
        var lifecycle: Set<String> = []
        var unanalyzed: Set<Int> = []

        for f in facts.functions where f.name.hasPrefix("PyInit_") {
            initRoots.insert(byUSR[f.usr]!)
        }
        // Method tables of modules: named in a PyModuleDef or passed to PyModule_AddFunctions.
        var moduleTables: Set<String> = []
        for v in facts.variables where v.type.baseName == "PyModuleDef" || v.type.canonicalBaseName == "PyModuleDef" {
            v.initializer?.forEach { e in
                if case .name(let ref) = e.kind, ref.kind == .staticVariable { moduleTables.insert(ref.usr) }
            }
        }
        for flow in flows {
            for c in flow.calls where c.call.name == "PyModule_AddFunctions" && c.call.arguments.count > 1 {
                if case .name(let ref) = c.call.arguments[1].kind { moduleTables.insert(ref.usr) }
            }
        }
        var modules: Set<String> = []

        for ref in facts.functionReferences {
            guard let i = resolve(usr: ref.function, name: ref.name) else { continue }
            referenced.insert(i)
            switch ref.context {
            case .variableInitializer(let variable, let typeName, let slot):
                if typeName == "PyModuleDef_Slot", case .number(let n)? = slot, n == moduleCreate || n == moduleExec {
                    initRoots.insert(i)
                    continue
                }
                if typeName == "PyModuleDef", case .field(let field)? = slot, moduleTeardownFields.contains(field) {
                    initRoots.insert(i)
                    continue
                }
                if moduleTables.contains(variable) { modules.insert(facts.functions[i].usr) }
                if typeName == "PyType_Slot", case .number(let n)? = slot, lifecycleSlotNumbers.contains(n) {
                    lifecycle.insert(facts.functions[i].usr)
                }
                if case .field(let field)? = slot, lifecycleFields.contains(field) {
                    lifecycle.insert(facts.functions[i].usr)
                }
                entry.insert(i)
            case .callArgument(let callee, let index, _):
                if Synchronization.onceCallbacks[callee] == index {
                    initRoots.insert(i)
                } else {
                    entry.insert(i)
                }
            case .otherUse:
                entry.insert(i)
            }
        }
        // Positional PyModuleDef initializers: the teardown hooks by position.
        for v in facts.variables where v.type.baseName == "PyModuleDef" || v.type.canonicalBaseName == "PyModuleDef" {
            guard case .initList(let items)? = v.initializer?.kind else { continue }
            for (pos, item) in items.enumerated() where pos < moduleDefFields.count && moduleTeardownFields.contains(moduleDefFields[pos]) {
                if case .name(let ref) = item.kind, ref.kind == .function, let i = resolve(usr: ref.usr, name: ref.name) {
                    initRoots.insert(i)
                    entry.remove(i)
                }
            }
        }
        // Positional PyTypeObject initializers: the field is the position.
        for v in facts.variables where v.type.baseName == "PyTypeObject" || v.type.canonicalBaseName == "_typeobject" {
            guard case .initList(let items)? = v.initializer?.kind else { continue }
            for (pos, item) in items.enumerated() where pos < typeObjectFields.count {
                if case .name(let ref) = item.kind, ref.kind == .function,
                   lifecycleFields.contains(typeObjectFields[pos]), let i = resolve(usr: ref.usr, name: ref.name) {
                    lifecycle.insert(facts.functions[i].usr)
                }
            }
        }

        // Calls: edges, guarded or not.
        var edges: [[(callee: Int, guarded: Bool)]] = Array(repeating: [], count: facts.functions.count)
        for (i, flow) in flows.enumerated() {
            for c in flow.calls {
                guard let j = resolve(usr: c.call.usr, name: c.call.name), j != i else { continue }
                referenced.insert(j)
                edges[i].append((j, c.guards.contains(where: \.excludesOthers)))
            }
        }
        // A function nothing here references is called from elsewhere (external linkage) or
        // dead; treat it as an entry point, conservatively. One defined in an included header is
        // left to the files that use it.
        for (i, f) in facts.functions.enumerated() where !initRoots.contains(i) && !referenced.contains(i) {
            if f.location.file == facts.mainFile { entry.insert(i) } else { unanalyzed.insert(i) }
        }
        entry.subtract(initRoots)

        func reach(from roots: Set<Int>, followGuarded: Bool) -> Set<Int> {
            var seen = roots
            var stack = Array(roots)
            while let i = stack.popLast() {
                for e in edges[i] where (followGuarded || !e.guarded) && !seen.contains(e.callee) {
                    seen.insert(e.callee)
                    stack.append(e.callee)
                }
            }
            return seen
        }
        let concurrent = reach(from: entry, followGuarded: true)
        let unguarded = reach(from: entry, followGuarded: false)
        var roles: [String: Role] = [:]
        for (i, f) in facts.functions.enumerated() {
            roles[f.usr] = unguarded.contains(i) ? .concurrent : concurrent.contains(i) ? .concurrentUnderLock
                : unanalyzed.contains(i) ? .unreferencedHere : .initOnly
        }
        return (roles, modules, lifecycle)
    }
}
