import GILCheckCore

/// Check-then-act on a Python object other threads can reach: get-then-set on a shared dict or
/// set, and lazy creation of a field of `self` or of module state, outside a critical section.
public struct SharedObjectCheckThenActRule: Rule {
    public let id = "shared-object-check-then-act"
    public init() {}

    /// Lookups that decide whether to insert, and the container kind they apply to.
    static let lookups: [String: String] = [
        "PyDict_GetItem": "dict", "PyDict_GetItemWithError": "dict", "PyDict_GetItemString": "dict",
        "PyDict_GetItemRef": "dict", "PyDict_GetItemStringRef": "dict", "PyDict_Contains": "dict",
        "PyDict_ContainsString": "dict", "PyMapping_HasKey": "mapping", "PyMapping_HasKeyString": "mapping",
        "PyMapping_HasKeyWithError": "mapping", "PyMapping_HasKeyStringWithError": "mapping",
        "PyMapping_GetOptionalItem": "mapping", "PyMapping_GetOptionalItemString": "mapping", "PySet_Contains": "set",
    ]
    static let inserts: Set<String> = [
        "PyDict_SetItem", "PyDict_SetItemString", "PyObject_SetItem", "PyMapping_SetItemString", "PySet_Add",
    ]

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            findings += getThenSet(flow, model)
            findings += lazyFields(flow, model)
        }
        return findings
    }

    private func describe(_ shared: ConcurrencyModel.SharedObject) -> String {
        switch shared {
        case .staticVariable: "a static, shared by every thread"
        case .moduleObject: "the module object, shared by every thread"
        case .selfObject: "an object other threads can hold"
        case .moduleState: "module state, shared by every thread"
        case .sharedValue(let from): "read from '\(from)', shared by every thread"
        }
    }

    private func getThenSet(_ flow: FunctionFlow, _ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        var reported: Set<String> = []
        for (i, get) in flow.calls.enumerated() {
            guard let containerKind = Self.lookups[get.call.name], get.call.arguments.count >= 2,
                  let container = AccessPath(get.call.arguments[0]),
                  // `PyDict_GetItem(self, k)` on a dict subclass is rare; `self->dict` is the pattern.
                  let shared = model.sharedContainer(container, in: flow) else { continue }
            let key = ExprText.render(get.call.arguments[1])
            guard let set = flow.calls[(i + 1)...].first(where: { c in
                Self.inserts.contains(c.call.name) && c.call.arguments.count >= 2
                    && ExprText.render(c.call.arguments[0]) == container.text
                    && ExprText.render(c.call.arguments[1]) == key
            }) else { continue }
            if model.guardsProtectObject(get.guards, path: container, in: flow)
                && model.guardsProtectObject(set.guards, path: container, in: flow) { continue }
            let reportKey = "\(container.text)|\(key)|\(set.location)"
            guard !reported.contains(reportKey) else { continue }
            reported.insert(reportKey)
            let fix = containerKind == "set"
                ? "call PySet_Add alone (it does nothing when the item is present), or hold "
                    + "Py_BEGIN_CRITICAL_SECTION(\(container.text)) ... Py_END_CRITICAL_SECTION() (CPython 3.13+) around both calls."
                : "use \(model.phrasing.api("PyDict_SetDefaultRef", since: "3.13", backport: true)) to insert only if the key is absent, "
                    + "atomically, or hold Py_BEGIN_CRITICAL_SECTION(\(container.text)) ... Py_END_CRITICAL_SECTION() (3.13+) "
                    + "around the lookup and the insert."
            let message = "check-then-act on shared \(containerKind) '\(container.text)' (\(describe(shared))) in "
                + "'\(flow.function.displayName)': \(get.call.name) here and \(set.call.name) at line \(set.location.line) "
                + "are separate steps, so another thread can insert or remove key '\(key)' between them (duplicated work, "
                + "a lost update or a leaked reference). Fix: \(fix)"
            findings.append(Finding(
                ruleID: id, severity: defaultLevel, message: message, location: get.location,
                notes: [Finding.Note("'\(container.text)' is updated here with \(set.call.name), after the lookup", at: set.location)],
                symbol: container.text, function: flow.function.displayName))
        }
        return findings
    }

    private func lazyFields(_ flow: FunctionFlow, _ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        // Scalar fields (a cached hash or length) recomputed by two threads get the same value;
        // the rule is about object references, which leak or get replaced.
        for check in flow.checks where !check.path.steps.isEmpty && check.path.staticUSR == nil && check.path.isPointer {
            guard let shared = model.sharedObject(check.path, in: flow),
                  !model.guardsProtectObject(check.guards, path: check.path, in: flow),
                  let writeIndex = check.actWrites.first(where: { flow.writes[$0].path.sameStorage(check.path) })
            else { continue }
            let write = flow.writes[writeIndex]
            let owner: String
            switch shared {
            case .moduleState, .moduleObject: owner = flow.function.parameters.first?.name ?? "module"
            default: owner = check.path.rootName
            }
            let createIn: String = {
                switch shared {
                case .moduleState, .moduleObject: return "the module's Py_mod_exec function"
                default: return "tp_new or tp_init, before the object is shared"
                }
            }()
            let message = "lazy initialization of '\(check.path.text)' (\(describe(shared))) in "
                + "'\(flow.function.displayName)' is check-then-act: two threads can both find it unset and both assign it "
                + "(`\(write.text)` at line \(write.location.line)), leaking a reference or replacing one thread's value. "
                + "Fix: hold Py_BEGIN_CRITICAL_SECTION(\(owner)) ... Py_END_CRITICAL_SECTION() (CPython 3.13+) around the "
                + "check and the assignment, or create it in \(createIn)."
            findings.append(Finding(
                ruleID: id, severity: defaultLevel, message: message, location: check.location,
                notes: [Finding.Note("'\(check.path.text)' is assigned here, after the check", at: write.location)],
                symbol: check.path.text, function: flow.function.displayName))
        }
        return findings
    }
}
