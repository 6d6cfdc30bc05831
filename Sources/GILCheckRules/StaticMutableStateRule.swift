import GILCheckCore

/// A static (file scope, global, function-local, class member) written without a lock from code
/// that runs in several threads at once.
public struct StaticMutableStateRule: Rule {
    public let id = "static-mutable-state"
    public init() {}

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        let lazyWrites = Set(model.lazyStaticInits.flatMap(\.actWriteLocations))
        var writesByVariable: [String: [(WriteEvent, FunctionFact)]] = [:]
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            for write in flow.writes {
                guard let usr = write.path.staticUSR, let v = model.variables[usr], model.isMutableShared(v),
                      !model.guardsProtectStatic(write.guards, in: flow),
                      !lazyWrites.contains(write.location) else { continue }
                writesByVariable[usr, default: []].append((write, flow.function))
            }
        }
        return writesByVariable.compactMap { usr, writes in
            let sorted = writes.sorted { $0.0.location < $1.0.location }
            guard let (first, function) = sorted.first, let v = model.variables[usr] else { return nil }
            var notes = [Finding.Note("'\(v.name)' is declared here", at: v.location)]
            var seen: Set<SourceLocation> = [first.location]
            for (w, f) in sorted.dropFirst() where !seen.contains(w.location) && notes.count < 4 {
                seen.insert(w.location)
                notes.append(Finding.Note("also written here in '\(f.displayName)' (`\(w.text)`)", at: w.location))
            }
            let message = "\(kind(of: v)) '\(v.name)' is written without synchronization in '\(function.displayName)' "
                + "(`\(first.text)`), which can run in several threads at once under free-threading; "
                + "concurrent writes race and can lose updates or corrupt it. Fix: \(fix(for: v))"
            return Finding(ruleID: id, severity: defaultLevel, message: message, location: first.location, notes: notes,
                           symbol: v.name, function: function.displayName)
        }
    }

    private func kind(of v: VariableFact) -> String {
        switch v.scope {
        case .file: "static"
        case .global: "global"
        case .local: "function-local static"
        case .classMember: "static member"
        }
    }

    private static let scalarTypes: Set<String> = [
        "int", "unsigned int", "long", "unsigned long", "long long", "unsigned long long", "short",
        "unsigned short", "char", "signed char", "unsigned char", "_Bool", "bool", "size_t", "Py_ssize_t",
        "double", "float", "int64_t", "uint64_t", "int32_t", "uint32_t",
    ]

    private func fix(for v: VariableFact) -> String {
        if v.type.isArray {
            return "use a buffer on the stack or `_Thread_local` storage (C11; `thread_local` in C++), "
                + "or hold a `static PyMutex` (PyMutex_Lock/PyMutex_Unlock, CPython 3.13+) while the buffer is filled and read."
        }
        if v.type.isPointer {
            return "create the object once in the module's Py_mod_exec function (or PyInit_*) and only read it afterwards, "
                + "keep it in module state, or hold a `static PyMutex` (CPython 3.13+) around every write and read."
        }
        if Self.scalarTypes.contains(v.type.canonicalBaseName) || Self.scalarTypes.contains(v.type.baseName) {
            return "make it `_Atomic` and update it with atomic_fetch_add / atomic_store (C11; std::atomic in C++), "
                + "or hold a `static PyMutex` (PyMutex_Lock/PyMutex_Unlock, CPython 3.13+) around every access; "
                + "`_Thread_local` if each thread may keep its own value."
        }
        return "hold a `static PyMutex` (PyMutex_Lock/PyMutex_Unlock, CPython 3.13+) around every access, "
            + "make it `_Thread_local` if each thread may keep its own copy, or keep it in module state behind a lock."
    }
}
