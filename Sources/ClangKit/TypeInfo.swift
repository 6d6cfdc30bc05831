import CClang

/// A C/C++ type, with the questions gilcheck asks of it.
public struct TypeInfo {
    let raw: CXType
    let tu: TranslationUnit

    init(_ raw: CXType, _ tu: TranslationUnit) {
        self.raw = raw
        self.tu = tu
    }

    public var spelling: String { takeString(clang_getTypeSpelling(raw)) }
    public var isConstQualified: Bool { clang_isConstQualifiedType(raw) != 0 }
    public var isValid: Bool { raw.kind != CXType_Invalid }
    /// The type clang gives what it could not type (spelled "<dependent type>"): asked of every
    /// implicit conversion, so by kind rather than by spelling the type out.
    public var isDependent: Bool { raw.kind == CXType_Dependent }
    public var canonical: TypeInfo { TypeInfo(clang_getCanonicalType(raw), tu) }

    public var isPointer: Bool {
        let k = canonical.raw.kind
        return k == CXType_Pointer || k == CXType_BlockPointer || k == CXType_MemberPointer
    }
    public var isArray: Bool {
        let k = canonical.raw.kind
        return k == CXType_ConstantArray || k == CXType_IncompleteArray || k == CXType_VariableArray
            || k == CXType_DependentSizedArray
    }
    public var isAtomic: Bool { canonical.raw.kind == CXType_Atomic }
    public var isRecord: Bool { canonical.raw.kind == CXType_Record }

    /// What a pointer or reference points to.
    public var pointee: TypeInfo { TypeInfo(clang_getPointeeType(canonical.raw), tu) }
    /// The element type of an array (keeping typedef names as written).
    public var element: TypeInfo {
        let e = clang_getArrayElementType(raw)
        if e.kind != CXType_Invalid { return TypeInfo(e, tu) }
        return TypeInfo(clang_getArrayElementType(canonical.raw), tu)
    }
    /// `_Atomic(T)`'s T.
    public var atomicValue: TypeInfo { TypeInfo(clang_Type_getValueType(canonical.raw), tu) }

    /// The name of the type as declared, without qualifiers or `struct`: "PyMethodDef" for
    /// `static PyMethodDef methods[]`'s element, "std::mutex" for a mutex.
    public var declarationName: String {
        let decl = clang_getTypeDeclaration(raw)
        if clang_Cursor_isNull(decl) == 0, clang_getCursorKind(decl) != CXCursor_NoDeclFound {
            let name = takeString(clang_getCursorSpelling(decl))
            if !name.isEmpty { return name }
        }
        return spelling
    }

    /// The declaration of a record, enum or typedef type.
    public var declaration: Cursor? {
        let decl = clang_getTypeDeclaration(raw)
        guard clang_Cursor_isNull(decl) == 0, clang_getCursorKind(decl) != CXCursor_NoDeclFound else { return nil }
        return Cursor(decl, tu)
    }

}
