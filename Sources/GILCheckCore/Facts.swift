/// Plain facts about one translation unit, copied out of libclang so the unit can be disposed and
/// rules never see libclang. Function bodies are kept as a small statement/expression tree
/// (`Stmt`, `Expr`): enough shape for flow-sensitive questions (what runs under a lock, what is
/// checked before it is written) without clang's thousand node kinds.
public struct UnitFacts: Sendable, Equatable {
    /// The main file of the unit, as passed to the parser.
    public var mainFile: String
    public var language: Language
    public var variables: [VariableFact]
    public var functions: [FunctionFact]
    /// Functions used as values (stored in tables, passed as callbacks), outside bodies too.
    public var functionReferences: [FunctionReference]
    public var diagnostics: [ParseDiagnostic]

    public init(mainFile: String, language: Language, variables: [VariableFact] = [], functions: [FunctionFact] = [],
                functionReferences: [FunctionReference] = [], diagnostics: [ParseDiagnostic] = []) {
        self.mainFile = mainFile
        self.language = language
        self.variables = variables
        self.functions = functions
        self.functionReferences = functionReferences
        self.diagnostics = diagnostics
    }
}

public enum Language: String, Sendable, Codable { case c, cxx }

public struct ParseDiagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable { case warning, error, fatal }
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
}

/// A variable with static storage duration: file scope, global, function-local `static`, or a C++
/// static data member.
public struct VariableFact: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        case file            // `static` at file or namespace scope
        case global          // external linkage
        case local(function: String)  // function-local static; the function's USR
        case classMember
    }
    public var usr: String
    public var name: String
    public var location: SourceLocation
    public var scope: Scope
    public var type: TypeFact
    public var isThreadLocal: Bool
    public var initializer: Expr?
}

/// What gilcheck needs to know of a variable's type.
public struct TypeFact: Sendable, Hashable {
    /// As written, e.g. "PyMethodDef[4]", "const char *const[3]".
    public var spelling: String
    /// The declared name of the innermost element type, without qualifiers: "PyMethodDef",
    /// "PyTypeObject", "mutex".
    public var baseName: String
    /// Canonical spelling of that element type: "struct PyMethodDef", "std::mutex".
    public var canonicalBaseName: String
    public var isConstAllLevels: Bool
    public var isAtomic: Bool
    public var isArray: Bool
    public var isPointer: Bool
    /// clang could not resolve it (e.g. `PyMutex` with headers older than 3.13).
    public var isInvalid: Bool

    public init(spelling: String, baseName: String, canonicalBaseName: String, isConstAllLevels: Bool = false,
                isAtomic: Bool = false, isArray: Bool = false, isPointer: Bool = false, isInvalid: Bool = false) {
        self.spelling = spelling
        self.baseName = baseName
        self.canonicalBaseName = canonicalBaseName
        self.isConstAllLevels = isConstAllLevels
        self.isAtomic = isAtomic
        self.isArray = isArray
        self.isPointer = isPointer
        self.isInvalid = isInvalid
    }
}

public struct Parameter: Sendable, Hashable {
    public var name: String
    public var usr: String
    public var typeSpelling: String
    /// Points to a Python object: `PyObject *`, or a struct that starts with `PyObject_HEAD`.
    public var isPythonObject: Bool
}

public struct FunctionFact: Sendable, Equatable {
    public var usr: String
    public var name: String
    /// Qualified for C++ methods ("Cache::get"); equal to `name` in C.
    public var displayName: String
    public var location: SourceLocation
    public var hasExternalLinkage: Bool
    public var parameters: [Parameter]
    public var body: Stmt
}

/// A function used as a value: in a table initializer, a callback argument, an assignment.
public struct FunctionReference: Sendable, Hashable {
    public enum Context: Sendable, Hashable {
        /// In the initializer of a static variable (method tables, type objects, slot arrays).
        case variableInitializer(variable: String, typeName: String, slot: SlotKey?)
        /// As an argument of a call (callbacks: pthread_once, Py_AtExit, PyCapsule_New, ...).
        case callArgument(callee: String, index: Int, inFunction: String)
        /// Anywhere else in a function body (assigned to a field, returned, ...).
        case otherUse(inFunction: String)
    }
    public var function: String   // USR
    public var name: String
    public var context: Context
    public var location: SourceLocation
}

/// Which slot of a type or module table a function was put in.
public enum SlotKey: Sendable, Hashable {
    /// `{Py_tp_new, fn}` style entries: the slot number (`Py_tp_new` = 65, `Py_mod_exec` = 2).
    case number(Int)
    /// A designated or positional field of a struct initializer: "tp_new", "m_methods".
    case field(String)
}
