import GILCheckCore

/// The registry: every rule gilcheck runs. A new rule is a `<Name>Rule.swift` file, a
/// `Rules/<id>.md` page, corpus cases, and one line here.
public enum AllRules {
    public static let rules: [any Rule] = [
        BorrowedReferenceRule(),
        CAPIWithoutThreadStateRule(),
        CriticalSectionMisuseRule(),
        LazyStaticInitRule(),
        MtUnsafeLibcCallRule(),
        ObjectAllocatorMisuseRule(),
        ObjectFieldRaceRule(),
        PythonCallUnderPyMutexRule(),
        RefcountUniquenessCheckRule(),
        SetItemOnSharedContainerRule(),
        SharedObjectCheckThenActRule(),
        StaticMutableStateRule(),
        UnlockedDictIterationRule(),
        UnlockedSequenceAccessRule(),
        WeakrefBorrowedGetRule(),
    ]

    /// Rules over the whole run, after the others.
    public static let projectRules: [any ProjectRule] = [ModuleGILDeclarationRule()]

    /// Every rule id, unit and project rules alike.
    public static var ids: [String] { (rules.map(\.id) + projectRules.map(\.id)).sorted() }
}
