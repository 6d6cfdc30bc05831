import GILCheckCore

/// `if (cache == NULL) cache = create();` on a static, outside a lock: two threads can both see
/// it unset and both create it.
public struct LazyStaticInitRule: Rule {
    public let id = "lazy-static-init"
    public init() {}

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        model.lazyStaticInits.map { lazy in
            let name = lazy.check.path.text
            let function = lazy.function.displayName
            let message = "lazy initialization of static '\(name)' in '\(function)' is not thread-safe: "
                + "two threads can both find it unset and both run the initialization "
                + "(`\(lazy.write.text)` at line \(lazy.write.location.line)), leaking an object, running setup twice "
                + "or exposing a half-built value. Fix: create it once in the module's Py_mod_exec function (or PyInit_*), "
                + "or keep it in module state; otherwise guard the check and the write with a `static PyMutex` "
                + "(PyMutex_Lock/PyMutex_Unlock, CPython 3.13+) and re-check under the lock"
                + (model.facts.language == .cxx ? ", or use a function-local `static` initializer or std::call_once." : ".")
            return Finding(
                ruleID: id, severity: defaultLevel, message: message, location: lazy.check.location,
                notes: [Finding.Note("'\(name)' is written here, after the check", at: lazy.write.location),
                        Finding.Note("'\(lazy.variable.name)' is declared here", at: lazy.variable.location)],
                symbol: name, function: function)
        }
    }
}
