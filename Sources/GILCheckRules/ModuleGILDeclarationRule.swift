import GILCheckCore

/// Extension modules that do not declare free-threading support (the GIL comes back on import),
/// and modules that declare it while findings remain.
public struct ModuleGILDeclarationRule: ProjectRule {
    public let id = "module-gil-declaration"
    public init() {}

    public func check(modules: [ExtensionModule], findings: [Finding]) -> [Finding] {
        modules.compactMap { module in
            let remaining = findings.filter { $0.location.file == module.location.file && $0.ruleID != id }
            switch module.gil {
            case .undeclared:
                let message = "extension module '\(module.name)' does not declare free-threading support; importing it on "
                    + "free-threaded CPython re-enables the GIL for the whole process (with a RuntimeWarning). Fix: once its "
                    + "code is thread-safe, add {Py_mod_gil, Py_MOD_GIL_NOT_USED} to its PyModuleDef_Slot array (CPython "
                    + "3.13+; guard it with #ifdef Py_GIL_DISABLED or #if PY_VERSION_HEX >= 0x030D0000), or call "
                    + "PyUnstable_Module_SetGIL(module, Py_MOD_GIL_NOT_USED) in single-phase init."
                return Finding(ruleID: id, severity: level, message: message, location: module.location, symbol: module.name)
            case .used:
                let message = "extension module '\(module.name)' declares Py_MOD_GIL_USED: it keeps the GIL, and importing it "
                    + "on free-threaded CPython re-enables the GIL for the whole process. Fix: make it thread-safe and "
                    + "declare Py_MOD_GIL_NOT_USED (CPython 3.13+)."
                return Finding(ruleID: id, severity: .note, message: message, location: module.location, symbol: module.name)
            case .notUsed:
                guard !remaining.isEmpty else { return nil }
                let message = "extension module '\(module.name)' declares Py_MOD_GIL_NOT_USED, but \(remaining.count) other "
                    + "finding\(remaining.count == 1 ? "" : "s") remain in its file: the declaration promises the code is safe "
                    + "without the GIL, and free-threaded CPython will run it that way. Fix the findings first, or keep the GIL "
                    + "(drop the declaration) until they are fixed."
                let notes = remaining.prefix(3).map { Finding.Note("[\($0.ruleID)] \($0.symbol)", at: $0.location) }
                return Finding(ruleID: id, severity: .error, message: message, location: module.location, notes: Array(notes),
                               symbol: module.name)
            }
        }
    }

    var level: Severity { RuleCatalog.descriptor(id)?.level ?? .warning }
}
