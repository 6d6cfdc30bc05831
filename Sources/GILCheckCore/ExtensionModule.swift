/// An extension module defined in a file (a `PyModuleDef`), and what it declares about the GIL.
public struct ExtensionModule: Sendable, Hashable, Codable {
    public enum GILDeclaration: String, Sendable, Codable {
        /// `{Py_mod_gil, Py_MOD_GIL_NOT_USED}` or `PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED)`.
        case notUsed = "not-used"
        /// `Py_MOD_GIL_USED`: importing it re-enables the GIL.
        case used
        /// Nothing: free-threaded CPython re-enables the GIL on import, with a warning.
        case undeclared
    }

    public var name: String
    public var location: SourceLocation
    public var gil: GILDeclaration

    /// The modules a unit defines.
    public static func find(in model: ConcurrencyModel) -> [ExtensionModule] {
        let facts = model.facts
        // Single-phase init declares with a call; one call covers the file's modules.
        var calledDeclaration: GILDeclaration?
        for flow in model.flows {
            for c in flow.calls where c.call.name == "PyUnstable_Module_SetGIL" && c.call.arguments.count == 2 {
                calledDeclaration = gil(c.call.arguments[1]) ?? calledDeclaration
            }
        }
        return facts.variables.compactMap { v -> ExtensionModule? in
            guard ProjectClassification.isModuleDef(v), case .initList(let items)? = v.initializer?.kind else { return nil }
            var name = v.name
            var slots: String?
            for (i, item) in items.enumerated() {
                switch item.kind {
                case .designated("m_name", let value): if case .string(let s) = value.kind { name = unquote(s) }
                case .designated("m_slots", let value): slots = slotsVariable(value)
                case .string(let s) where i == 1: name = unquote(s)
                default: if i == 5 { slots = slotsVariable(item) ?? slots }
                }
            }
            var declaration = calledDeclaration ?? .undeclared
            if let slots, let table = facts.variables.first(where: { $0.usr == slots }),
               case .initList(let entries)? = table.initializer?.kind {
                for entry in entries {
                    if case .initList(let pair) = entry.kind, pair.count == 2, case .integer(4) = pair[0].kind,
                       let value = gil(pair[1]) {
                        declaration = value
                    }
                }
            }
            return ExtensionModule(name: name, location: v.location, gil: declaration)
        }
    }

    private static func gil(_ e: Expr) -> GILDeclaration? {
        switch e.kind {
        case .integer(1): .notUsed
        case .integer(0), .null: .used
        default: nil
        }
    }

    private static func slotsVariable(_ e: Expr) -> String? {
        if case .name(let ref) = e.kind, ref.kind == .staticVariable { return ref.usr }
        return nil
    }

    private static func unquote(_ s: String) -> String {
        s.count >= 2 && s.hasPrefix("\"") && s.hasSuffix("\"") ? String(s.dropFirst().dropLast()) : s
    }
}
