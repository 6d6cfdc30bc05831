import CClang

/// Where something is, after macro expansion: the place the programmer wrote the macro call.
/// Lines and columns are 1-based; columns count bytes, as clang's do.
public struct Location: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(file: String, line: Int, column: Int, offset: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
    }

    init(_ raw: CXSourceLocation, _ tu: TranslationUnit) {
        var file: CXFile?
        var offset: UInt32 = 0
        clang_getExpansionLocation(raw, &file, nil, nil, &offset)
        self.file = tu.path(of: file)
        self.offset = Int(offset)
        if let file, let position = tu.lineAndColumn(of: file, offset: Int(offset)) {
            line = position.line
            column = position.column
        } else {
            var line: UInt32 = 0, column: UInt32 = 0
            clang_getExpansionLocation(raw, nil, &line, &column, nil)
            self.line = Int(line)
            self.column = Int(column)
        }
    }
}

/// A source range of a translation unit (kept opaque: used to ask for tokens).
public struct SourceRange {
    let raw: CXSourceRange
    public let start: Location
    public let end: Location
}
