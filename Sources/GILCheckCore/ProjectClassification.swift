/// Which functions run concurrently, across every file of a run: one call graph over all
/// translation units, so a helper defined in `util.c` and called from a method in `module.c` is
/// concurrent, and one called only from module init is init-only wherever it is defined.
///
/// - *Entry points* run in many threads at once: functions whose address is taken (method and
///   getset tables, type slots, callbacks), and functions nothing in the run calls (external
///   ones have callers elsewhere; static ones are dead, and analyzed conservatively).
/// - *Init-only* code runs once: `PyInit_*`, `Py_mod_exec`/`Py_mod_create` slot functions, the
///   PyModuleDef teardown hooks, run-once callbacks, and what only they call.
/// - A function all of whose callers hold a lock runs under that lock.
public struct ProjectClassification: Sendable {
    public var roles: [String: ConcurrencyModel.Role] = [:]
    /// Functions in a module's own method table: their first parameter is the module object.
    public var moduleFunctions: Set<String> = []
    /// Object life-cycle slots (tp_new, tp_init, tp_dealloc, ...): the object is not yet, or no
    /// longer, visible to other threads.
    public var lifecycleFunctions: Set<String> = []
    /// Custom allocators (tp_alloc): they allocate the object itself.
    public var allocatorFunctions: Set<String> = []
    /// Parameters that receive module state from their callers, by function USR.
    public var moduleStateParameters: [String: Set<Int>] = [:]
    /// Parameters of static, unreferenced-by-address functions that every caller passes an
    /// object it just created: not yet visible to other threads.
    public var freshParameters: [String: Set<Int>] = [:]
    /// Functions that return only objects they just created (or NULL).
    public var freshReturning: Set<String> = []

    /// One file's facts and walked functions.
    public struct Unit: Sendable {
        public var facts: UnitFacts
        public var flows: [FunctionFlow]
        public init(facts: UnitFacts, flows: [FunctionFlow]) {
            self.facts = facts
            self.flows = flows
        }
    }

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
    static let moduleCreate = 1, moduleExec = 2, allocSlot = 47
    /// PyModuleDef's teardown hooks: they run when the module is cleared or freed (garbage
    /// collection stops the world in the free-threaded build), not alongside other calls.
    static let moduleTeardownFields: Set<String> = ["m_traverse", "m_clear", "m_free"]
    static let moduleDefFields = ["m_base", "m_name", "m_doc", "m_size", "m_methods", "m_slots", "m_traverse", "m_clear", "m_free"]

    static func isModuleDef(_ v: VariableFact) -> Bool { v.type.baseName == "PyModuleDef" || v.type.canonicalBaseName == "PyModuleDef" }
    static func isTypeObject(_ v: VariableFact) -> Bool { v.type.baseName == "PyTypeObject" || v.type.canonicalBaseName == "_typeobject" }

    /// `initFunctions`: functions the project says run only at import (configuration).
    public init(units: [Unit], initFunctions: Set<String> = []) {
        // Every function once, by USR; names resolve calls clang could not (implicit
        // declarations), preferring the caller's own file.
        var functions: [FunctionFact] = []
        var unitOf: [Int] = []
        var byUSR: [String: Int] = [:]
        var byNameInUnit: [Int: [String: Int]] = [:]
        var byNameGlobal: [String: Int] = [:]
        var flowOf: [Int: FunctionFlow] = [:]
        for (u, unit) in units.enumerated() {
            for flow in unit.flows {
                let f = flow.function
                let i: Int
                if let existing = byUSR[f.usr] {
                    i = existing
                } else {
                    i = functions.count
                    functions.append(f)
                    unitOf.append(u)
                    byUSR[f.usr] = i
                    flowOf[i] = flow
                    if f.hasExternalLinkage, byNameGlobal[f.name] == nil { byNameGlobal[f.name] = i }
                }
                if byNameInUnit[u, default: [:]][f.name] == nil { byNameInUnit[u, default: [:]][f.name] = i }
            }
        }
        func resolve(usr: String, name: String, unit: Int) -> Int? {
            if !usr.isEmpty, let i = byUSR[usr] { return i }
            return byNameInUnit[unit]?[name] ?? byNameGlobal[name]
        }

        var entry: Set<Int> = []
        var initRoots: Set<Int> = []
        var referenced: Set<Int> = []
        // PyInit_* runs at import; `main` is a program's start (a tool shipped in the same
        // source tree), not code Python calls.
        for (i, f) in functions.enumerated()
        where f.name.hasPrefix("PyInit_") || f.name == "main" || f.name == "wmain" || initFunctions.contains(f.name) {
            initRoots.insert(i)
        }

        // Method tables of modules: named in a PyModuleDef or passed to PyModule_AddFunctions.
        var moduleTables: Set<String> = []
        for unit in units {
            for v in unit.facts.variables where Self.isModuleDef(v) {
                v.initializer?.forEach { e in
                    if case .name(let ref) = e.kind, ref.kind == .staticVariable { moduleTables.insert(ref.usr) }
                }
            }
            for flow in unit.flows {
                for c in flow.calls where c.call.name == "PyModule_AddFunctions" && c.call.arguments.count > 1 {
                    if case .name(let ref) = c.call.arguments[1].kind { moduleTables.insert(ref.usr) }
                }
            }
        }

        for (u, unit) in units.enumerated() {
            for ref in unit.facts.functionReferences {
                guard let i = resolve(usr: ref.function, name: ref.name, unit: u) else { continue }
                referenced.insert(i)
                switch ref.context {
                case .variableInitializer(let variable, let typeName, let slot):
                    if typeName == "PyModuleDef_Slot", case .number(let n)? = slot, n == Self.moduleCreate || n == Self.moduleExec {
                        initRoots.insert(i)
                        continue
                    }
                    if typeName == "PyModuleDef", case .field(let field)? = slot, Self.moduleTeardownFields.contains(field) {
                        initRoots.insert(i)
                        continue
                    }
                    if moduleTables.contains(variable) { moduleFunctions.insert(functions[i].usr) }
                    if typeName == "PyType_Slot", case .number(let n)? = slot, Self.lifecycleSlotNumbers.contains(n) {
                        lifecycleFunctions.insert(functions[i].usr)
                        if n == Self.allocSlot { allocatorFunctions.insert(functions[i].usr) }
                    }
                    if case .field(let field)? = slot, Self.lifecycleFields.contains(field) {
                        lifecycleFunctions.insert(functions[i].usr)
                        if field == "tp_alloc" { allocatorFunctions.insert(functions[i].usr) }
                    }
                    entry.insert(i)
                case .callArgument(let callee, let index, _):
                    if Synchronization.onceCallbacks[callee] == index { initRoots.insert(i) } else { entry.insert(i) }
                case .otherUse:
                    entry.insert(i)
                }
            }
            // Positional initializers: the field is the position.
            for v in unit.facts.variables {
                guard case .initList(let items)? = v.initializer?.kind else { continue }
                let fields = Self.isModuleDef(v) ? Self.moduleDefFields : Self.isTypeObject(v) ? Self.typeObjectFields : []
                for (pos, item) in items.enumerated() where pos < fields.count {
                    guard case .name(let ref) = item.kind, ref.kind == .function,
                          let i = resolve(usr: ref.usr, name: ref.name, unit: u) else { continue }
                    if Self.moduleTeardownFields.contains(fields[pos]) { initRoots.insert(i) }
                    if Self.lifecycleFields.contains(fields[pos]) { lifecycleFunctions.insert(functions[i].usr) }
                    if fields[pos] == "tp_alloc" { allocatorFunctions.insert(functions[i].usr) }
                }
            }
        }

        // Calls: edges, made under a lock or not.
        var edges: [[(callee: Int, guarded: Bool)]] = Array(repeating: [], count: functions.count)
        for (i, _) in functions.enumerated() {
            guard let flow = flowOf[i] else { continue }
            for c in flow.calls {
                guard let j = resolve(usr: c.call.usr, name: c.call.name, unit: unitOf[i]), j != i else { continue }
                referenced.insert(j)
                edges[i].append((j, c.guards.contains(where: \.excludesOthers)))
            }
        }
        // Nothing in the run calls it: called from elsewhere (external linkage) or dead; an
        // entry point, conservatively. One defined in a header no analyzed file uses is left out.
        var unanalyzed: Set<Int> = []
        for (i, f) in functions.enumerated() where !initRoots.contains(i) && !referenced.contains(i) {
            if f.location.file == units[unitOf[i]].facts.mainFile { entry.insert(i) } else { unanalyzed.insert(i) }
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
        for (i, f) in functions.enumerated() {
            roles[f.usr] = unguarded.contains(i) ? .concurrent : concurrent.contains(i) ? .concurrentUnderLock
                : unanalyzed.contains(i) ? .unreferencedHere : .initOnly
        }
        moduleStateParameters = Self.propagateModuleState(functions: functions, flowOf: flowOf, unitOf: unitOf, resolve: resolve)
        freshReturning = Self.freshReturning(functions: functions, flowOf: flowOf, unitOf: unitOf, resolve: resolve)
        freshParameters = Self.freshParameters(functions: functions, flowOf: flowOf, unitOf: unitOf, resolve: resolve,
                                               addressTaken: entry.union(initRoots), freshReturning: freshReturning)
    }

    /// Parameters every call site fills with a fresh object, followed through calls.
    private static func freshParameters(functions: [FunctionFact], flowOf: [Int: FunctionFlow], unitOf: [Int],
                                        resolve: (String, String, Int) -> Int?, addressTaken: Set<Int>,
                                        freshReturning: Set<String>) -> [String: Set<Int>] {
        // Call sites of each function, with the caller.
        var sites: [Int: [(caller: Int, call: CallEvent)]] = [:]
        for (i, _) in functions.enumerated() {
            guard let flow = flowOf[i] else { continue }
            for c in flow.calls {
                guard let callee = resolve(c.call.usr, c.call.name, unitOf[i]) else { continue }
                sites[callee, default: []].append((i, c))
            }
        }
        var fresh: [String: Set<Int>] = [:]
        func isFresh(_ e: Expr, in caller: Int) -> Bool {
            guard let flow = flowOf[caller], case .name(let ref) = e.kind else { return false }
            switch ref.kind {
            case .localVariable: return isNewObject(flow.localOrigins[ref.usr], freshReturning)
            case .parameter(let k): return fresh[functions[caller].usr]?.contains(k) == true
            default: return false
            }
        }
        for _ in 0..<4 {
            var changed = false
            for (i, f) in functions.enumerated() where !f.hasExternalLinkage && !addressTaken.contains(i) {
                guard let calls = sites[i], !calls.isEmpty else { continue }
                for k in 0..<f.parameters.count where fresh[f.usr]?.contains(k) != true {
                    if calls.allSatisfy({ k < $0.call.call.arguments.count && isFresh($0.call.call.arguments[k], in: $0.caller) }) {
                        fresh[f.usr, default: []].insert(k)
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        return fresh
    }

    static func isNewObject(_ origin: LocalOrigin?, _ freshReturning: Set<String>) -> Bool {
        switch origin {
        case .fresh?: true
        case .callResult(let usr, _)?: freshReturning.contains(usr)
        default: false
        }
    }

    /// Functions whose every returned value is NULL or an object made in the function.
    private static func freshReturning(functions: [FunctionFact], flowOf: [Int: FunctionFlow], unitOf: [Int],
                                       resolve: (String, String, Int) -> Int?) -> Set<String> {
        var result: Set<String> = []
        for _ in 0..<4 {
            var changed = false
            for (i, f) in functions.enumerated() where !result.contains(f.usr) {
                guard let flow = flowOf[i], !flow.returnedValues.isEmpty else { continue }
                let allNew = flow.returnedValues.allSatisfy { e in
                    switch e.kind {
                    case .null, .integer(0): return true
                    case .name(let ref): return ref.kind == .localVariable && isNewObject(flow.localOrigins[ref.usr], result)
                    case .call(let c):
                        return FunctionFlow.createsObject(c.name)
                            || resolve(c.usr, c.name, unitOf[i]).map { result.contains(functions[$0].usr) } == true
                    default: return false
                    }
                }
                let returnsSomething = flow.returnedValues.contains { if case .null = $0.kind { return false }; return true }
                if allNew && returnsSomething {
                    result.insert(f.usr)
                    changed = true
                }
            }
            if !changed { break }
        }
        return result
    }

    /// Which parameters receive module state, followed through calls until nothing changes.
    private static func propagateModuleState(functions: [FunctionFact], flowOf: [Int: FunctionFlow], unitOf: [Int],
                                             resolve: (String, String, Int) -> Int?) -> [String: Set<Int>] {
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
            for (i, _) in functions.enumerated() {
                guard let flow = flowOf[i] else { continue }
                for c in flow.calls {
                    guard let callee = resolve(c.call.usr, c.call.name, unitOf[i]) else { continue }
                    for (k, arg) in c.call.arguments.enumerated() where isModuleState(arg, in: flow) {
                        if result[functions[callee].usr, default: []].insert(k).inserted { changed = true }
                    }
                }
            }
            if !changed { break }
        }
        return result
    }
}
