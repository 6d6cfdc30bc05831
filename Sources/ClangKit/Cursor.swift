import CClang

/// A node of the AST (or of the preprocessing record). Holds its translation unit alive.
public struct Cursor {
    let raw: CXCursor
    let tu: TranslationUnit

    init(_ raw: CXCursor, _ tu: TranslationUnit) {
        self.raw = raw
        self.tu = tu
    }

    public var kind: CursorKind { CursorKind(rawValue: Int(clang_getCursorKind(raw).rawValue)) }
    public var isNull: Bool { clang_Cursor_isNull(raw) != 0 }
    public var spelling: String { takeString(clang_getCursorSpelling(raw)) }
    /// Unified symbol resolution: a name for the declaration that is the same across files.
    public var usr: String { takeString(clang_getCursorUSR(raw)) }
    public var type: TypeInfo { TypeInfo(clang_getCursorType(raw), tu) }
    public var location: Location { Location(clang_getCursorLocation(raw), tu) }

    public var extent: SourceRange {
        let range = clang_getCursorExtent(raw)
        return SourceRange(raw: range, start: Location(clang_getRangeStart(range), tu), end: Location(clang_getRangeEnd(range), tu))
    }

    /// Where the text of this cursor was written: for code from a macro argument, inside the
    /// macro call's parentheses; for code from a macro body, in the macro's definition.
    public var spellingRange: (file: String, start: Int, end: Int) {
        let range = clang_getCursorExtent(raw)
        var file: CXFile?
        var start: UInt32 = 0, end: UInt32 = 0
        clang_getSpellingLocation(clang_getRangeStart(range), &file, nil, nil, &start)
        var endFile: CXFile?
        clang_getSpellingLocation(clang_getRangeEnd(range), &endFile, nil, nil, &end)
        return (tu.path(of: file), Int(start), endFile == file ? Int(end) : Int(start))
    }

    /// The extent in file positions: for code from a macro argument, where the argument was
    /// written (even inside another macro's arguments); for a macro body, the expansion site.
    public var fileRange: (file: String, start: Int, end: Int) {
        let range = clang_getCursorExtent(raw)
        var file: CXFile?, endFile: CXFile?
        var start: UInt32 = 0, end: UInt32 = 0
        clang_getFileLocation(clang_getRangeStart(range), &file, nil, nil, &start)
        clang_getFileLocation(clang_getRangeEnd(range), &endFile, nil, nil, &end)
        return (tu.path(of: file), Int(start), endFile == file ? Int(end) : Int(start))
    }

    /// The cursor's position in file terms (as `fileRange` has its start): for code from a
    /// macro argument, where the argument was written; for a macro body, the expansion site.
    public var fileLocation: (file: String, offset: Int) {
        var file: CXFile?
        var offset: UInt32 = 0
        clang_getFileLocation(clang_getCursorLocation(raw), &file, nil, nil, &offset)
        return (tu.path(of: file), Int(offset))
    }

    public var isDefinition: Bool { clang_isCursorDefinition(raw) != 0 }
    public var isInvalidDeclaration: Bool { clang_isInvalidDeclaration(raw) != 0 }
    public var isInSystemHeader: Bool { clang_Location_isInSystemHeader(clang_getCursorLocation(raw)) != 0 }

    /// The declaration a reference or expression refers to (null cursor when none).
    public var referenced: Cursor? {
        let c = clang_getCursorReferenced(raw)
        return clang_Cursor_isNull(c) != 0 ? nil : Cursor(c, tu)
    }

    public var semanticParent: Cursor? {
        let c = clang_getCursorSemanticParent(raw)
        return clang_Cursor_isNull(c) != 0 ? nil : Cursor(c, tu)
    }

    public enum StorageClass: Sendable { case none, extern, `static`, auto, register, other }
    public var storageClass: StorageClass {
        switch clang_Cursor_getStorageClass(raw) {
        case CX_SC_None: .none
        case CX_SC_Extern: .extern
        case CX_SC_Static: .static
        case CX_SC_Auto: .auto
        case CX_SC_Register: .register
        default: .other
        }
    }

    public enum Linkage: Sendable { case none, `internal`, external, unknown }
    public var linkage: Linkage {
        switch clang_getCursorLinkage(raw) {
        case CXLinkage_NoLinkage: .none
        case CXLinkage_Internal, CXLinkage_UniqueExternal: .internal
        case CXLinkage_External: .external
        default: .unknown
        }
    }

    /// Thread-local storage: `_Thread_local`, `thread_local`, `__thread`, `__declspec(thread)`.
    public var isThreadLocal: Bool { clang_getCursorTLSKind(raw) != CXTLS_None }

    /// The value of an integer constant expression (an integer literal spelled through a macro
    /// such as `Py_mod_exec`), or nil.
    public var integerValue: Int? {
        guard let result = clang_Cursor_Evaluate(raw) else { return nil }
        defer { clang_EvalResult_dispose(result) }
        guard clang_EvalResult_getKind(result) == CXEval_Int else { return nil }
        return Int(clang_EvalResult_getAsLongLong(result))
    }

    /// The operator of a binary or compound-assignment expression, where this libclang can say it
    /// (LLVM 17+); callers fall back to tokens otherwise.
    public var binaryOperatorSpelling: String? {
        guard let c = gilcheck_binary_operator_spelling(raw) else { return nil }
        return String(cString: c)
    }

    public var children: [Cursor] {
        final class Box { var items: [CXCursor] = [] }
        let box = Box()
        withExtendedLifetime(box) {
            _ = clang_visitChildren(raw, { child, _, data in
                Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue().items.append(child)
                return CXChildVisit_Continue
            }, Unmanaged.passUnretained(box).toOpaque())
        }
        return box.items.map { Cursor($0, tu) }
    }

    /// Parameters of a function declaration, in order.
    public var arguments: [Cursor] {
        let n = clang_Cursor_getNumArguments(raw)
        guard n > 0 else { return [] }
        return (0..<n).map { Cursor(clang_Cursor_getArgument(raw, UInt32($0)), tu) }
    }

    public var tokens: [Token] { tu.tokens(in: extent) }
}

extension Cursor: Hashable {
    public static func == (a: Cursor, b: Cursor) -> Bool { clang_equalCursors(a.raw, b.raw) != 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(clang_hashCursor(raw)) }
}
