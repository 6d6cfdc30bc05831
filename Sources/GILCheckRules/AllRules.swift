import GILCheckCore

/// The registry: every rule gilcheck runs. A new rule is a `<Name>Rule.swift` file, a
/// `Rules/<id>.md` page, corpus cases, and one line here.
public enum AllRules {
    public static let rules: [any Rule] = [
        LazyStaticInitRule(),
        SharedObjectCheckThenActRule(),
        StaticMutableStateRule(),
    ]
}
