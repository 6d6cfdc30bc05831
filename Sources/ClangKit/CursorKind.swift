/// The cursor kinds gilcheck's extractor distinguishes (libclang's `CXCursorKind` values, which are
/// stable across libclang releases). Anything else is `.other`.
public enum CursorKind: Hashable, Sendable {
    // Declarations
    case structDecl, unionDecl, classDecl, enumDecl, fieldDecl, enumConstantDecl
    case functionDecl, varDecl, parmDecl, typedefDecl, cxxMethod, namespace, linkageSpec
    case constructor, destructor, conversionFunction, functionTemplate, classTemplate
    case classTemplatePartialSpecialization, typeAliasDecl, unexposedDecl
    // References
    case typeRef, templateRef, namespaceRef, memberRef, labelRef, overloadedDeclRef
    // Expressions
    case unexposedExpr, declRefExpr, memberRefExpr, callExpr, integerLiteral, floatingLiteral
    case stringLiteral, characterLiteral, parenExpr, unaryOperator, arraySubscriptExpr
    case binaryOperator, compoundAssignOperator, conditionalOperator, cStyleCastExpr
    case compoundLiteralExpr, initListExpr, stmtExpr, gnuNullExpr, cxxStaticCastExpr
    case cxxReinterpretCastExpr, cxxConstCastExpr, cxxFunctionalCastExpr, cxxBoolLiteralExpr
    case cxxNullPtrLiteralExpr, cxxThisExpr, cxxThrowExpr, cxxNewExpr, cxxDeleteExpr
    case unaryExpr, lambdaExpr
    // Statements
    case unexposedStmt, labelStmt, compoundStmt, caseStmt, defaultStmt, ifStmt, switchStmt
    case whileStmt, doStmt, forStmt, gotoStmt, continueStmt, breakStmt, returnStmt
    case cxxCatchStmt, cxxTryStmt, cxxForRangeStmt, nullStmt, declStmt
    // Preprocessing
    case macroDefinition, macroExpansion, inclusionDirective
    case other(Int)

    private static let mapping: [Int: CursorKind] = [
        1: .unexposedDecl, 2: .structDecl, 3: .unionDecl, 4: .classDecl, 5: .enumDecl,
        6: .fieldDecl, 7: .enumConstantDecl, 8: .functionDecl, 9: .varDecl, 10: .parmDecl,
        20: .typedefDecl, 21: .cxxMethod, 22: .namespace, 23: .linkageSpec, 24: .constructor,
        25: .destructor, 26: .conversionFunction, 30: .functionTemplate, 31: .classTemplate,
        32: .classTemplatePartialSpecialization, 36: .typeAliasDecl,
        43: .typeRef, 45: .templateRef, 46: .namespaceRef, 47: .memberRef, 48: .labelRef,
        49: .overloadedDeclRef,
        100: .unexposedExpr, 101: .declRefExpr, 102: .memberRefExpr, 103: .callExpr,
        106: .integerLiteral, 107: .floatingLiteral, 109: .stringLiteral, 110: .characterLiteral,
        111: .parenExpr, 112: .unaryOperator, 113: .arraySubscriptExpr, 114: .binaryOperator,
        115: .compoundAssignOperator, 116: .conditionalOperator, 117: .cStyleCastExpr,
        118: .compoundLiteralExpr, 119: .initListExpr, 121: .stmtExpr, 123: .gnuNullExpr,
        124: .cxxStaticCastExpr, 126: .cxxReinterpretCastExpr, 127: .cxxConstCastExpr,
        128: .cxxFunctionalCastExpr, 130: .cxxBoolLiteralExpr, 131: .cxxNullPtrLiteralExpr,
        132: .cxxThisExpr, 133: .cxxThrowExpr, 134: .cxxNewExpr, 135: .cxxDeleteExpr,
        136: .unaryExpr, 144: .lambdaExpr,
        200: .unexposedStmt, 201: .labelStmt, 202: .compoundStmt, 203: .caseStmt,
        204: .defaultStmt, 205: .ifStmt, 206: .switchStmt, 207: .whileStmt, 208: .doStmt,
        209: .forStmt, 210: .gotoStmt, 212: .continueStmt, 213: .breakStmt, 214: .returnStmt,
        223: .cxxCatchStmt, 224: .cxxTryStmt, 225: .cxxForRangeStmt, 230: .nullStmt,
        231: .declStmt,
        501: .macroDefinition, 502: .macroExpansion, 503: .inclusionDirective,
    ]

    /// `mapping` as an array indexed by raw value: the extractor asks every cursor's kind, often
    /// more than once, and an index costs less than a hash.
    private static let byRawValue: [CursorKind?] = {
        var table = [CursorKind?](repeating: nil, count: mapping.keys.max()! + 1)
        for (raw, kind) in mapping { table[raw] = kind }
        return table
    }()

    init(rawValue: Int) {
        let table = Self.byRawValue
        self = rawValue >= 0 && rawValue < table.count ? table[rawValue] ?? .other(rawValue) : .other(rawValue)
    }

    public var isLiteral: Bool {
        switch self {
        case .integerLiteral, .floatingLiteral, .characterLiteral, .stringLiteral, .cxxBoolLiteralExpr: true
        default: false
        }
    }

    public var isFunctionLike: Bool {
        switch self {
        case .functionDecl, .cxxMethod, .constructor, .destructor, .conversionFunction, .functionTemplate: true
        default: false
        }
    }
}
