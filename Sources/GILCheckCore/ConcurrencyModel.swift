/// What can run concurrently in one translation unit, and under which locks: the layer between
/// the facts and the rules. Which functions are entry points, init-only or always called under
/// a lock is decided over the whole run (`ProjectClassification`).
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
    /// What the whole run decided: roles, module functions, life-cycle slots, fresh objects.
    public let project: ProjectClassification
    public var roles: [String: Role] { project.roles }
    /// Functions in a module's own method table: their first parameter is the module object.
    public var moduleFunctions: Set<String> { project.moduleFunctions }
    /// Object life-cycle slots (tp_new, tp_init, tp_dealloc, ...).
    public var lifecycleFunctions: Set<String> { project.lifecycleFunctions }
    /// Custom allocators (tp_alloc slots).
    public var allocatorFunctions: Set<String> { project.allocatorFunctions }
    /// How fixes name APIs, for the project's minimum Python.
    public var phrasing = FixPhrasing()
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

    /// One file on its own.
    public init(facts: UnitFacts) {
        let unit = ProjectClassification.Unit(facts: facts, flows: facts.functions.map { FunctionFlow($0) })
        self.init(unit: unit, project: ProjectClassification(units: [unit]))
    }

    /// One file of a run classified as a whole.
    public init(unit: ProjectClassification.Unit, project: ProjectClassification) {
        self.facts = unit.facts
        var variables: [String: VariableFact] = [:]
        for v in facts.variables { variables[v.usr] = v }
        self.variables = variables
        self.flows = unit.flows
        self.project = project
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
            if project.moduleStateParameters[flow.function.usr]?.contains(i) == true { return .moduleState }
            if isFresh(path, in: flow) { return nil }
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

    /// Whether a path starts at an object created here, or passed in fresh by every caller.
    public func isFresh(_ path: AccessPath, in flow: FunctionFlow) -> Bool {
        switch canonicalRoot(path, in: flow) {
        case .parameter(let i)?: return project.freshParameters[flow.function.usr]?.contains(i) == true
        case .local(let usr)?: return ProjectClassification.isNewObject(flow.localOrigins[usr], project.freshReturning)
        default: return false
        }
    }

    /// The shared object a container expression reaches: like `sharedObject`, except that the
    /// object `self` itself is not taken for a container (`self->dict` is; `self` rarely is).
    public func sharedContainer(_ path: AccessPath, in flow: FunctionFlow) -> SharedObject? {
        guard let shared = sharedObject(path, in: flow) else { return nil }
        return shared == .selfObject && path.steps.isEmpty ? nil : shared
    }

    private func firstParameterObject(_ flow: FunctionFlow) -> SharedObject? {
        guard let first = flow.function.parameters.first, first.isPythonObject else { return nil }
        if lifecycleFunctions.contains(flow.function.usr) { return nil }
        return moduleFunctions.contains(flow.function.usr) ? .moduleObject : .selfObject
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
}
