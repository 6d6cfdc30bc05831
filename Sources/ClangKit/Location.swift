import CClang

/// Where something is, after macro expansion: the place the programmer wrote the macro call.
/// Lines and columns are 1-based; columns count bytes, as clang's do.
public struct Location: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var offset: Int
    public var isInSystemHeader: Bool

    public init(file: String, line: Int, column: Int, offset: Int, isInSystemHeader: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
        self.isInSystemHeader = isInSystemHeader
    }

    init(_ raw: CXSourceLocation, _ tu: TranslationUnit) {
        var file: CXFile?
        var line: UInt32 = 0, column: UInt32 = 0, offset: UInt32 = 0
        clang_getExpansionLocation(raw, &file, &line, &column, &offset)
        self.file = tu.path(of: file)
        self.line = Int(line)
        self.column = Int(column)
        self.offset = Int(offset)
        self.isInSystemHeader = clang_Location_isInSystemHeader(raw) != 0
    }
}

/// A source range of a translation unit (kept opaque: used to ask for tokens).
public struct SourceRange {
    let raw: CXSourceRange
    public let start: Location
    public let end: Location
}
