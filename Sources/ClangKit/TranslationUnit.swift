import CClang

/// A parsed translation unit. Cursors, tokens and locations obtained from it stay valid while it
/// is alive (they hold a reference to it); the unit is disposed when the last reference goes.
public final class TranslationUnit {
    let raw: CXTranslationUnit
    let index: Index
    private var pathCache: [UnsafeMutableRawPointer: String] = [:]

    init(raw: CXTranslationUnit, index: Index) {
        self.raw = raw
        self.index = index
    }

    deinit { clang_disposeTranslationUnit(raw) }

    public var root: Cursor { Cursor(clang_getTranslationUnitCursor(raw), self) }

    public var diagnostics: [Diagnostic] {
        let count = clang_getNumDiagnostics(raw)
        return (0..<count).map { i in
            let d = clang_getDiagnostic(raw, i)
            defer { clang_disposeDiagnostic(d) }
            let location = Location(clang_getDiagnosticLocation(d), self)
            let severity: Diagnostic.Severity
            switch clang_getDiagnosticSeverity(d) {
            case CXDiagnostic_Fatal: severity = .fatal
            case CXDiagnostic_Error: severity = .error
            case CXDiagnostic_Warning: severity = .warning
            case CXDiagnostic_Note: severity = .note
            default: severity = .ignored
            }
            return Diagnostic(severity: severity, message: takeString(clang_getDiagnosticSpelling(d)), location: location)
        }
    }

    /// Writes the unit as a precompiled header that later parses load with `-include-pch`.
    /// Returns false when libclang could not (errors in the unit, or an unwritable path).
    public func save(to path: String) -> Bool {
        clang_saveTranslationUnit(raw, path, UInt32(CXSaveTranslationUnit_None.rawValue)) == 0
    }

    /// The files the unit included, as (includer is nil for the main file) paths.
    public var includedFiles: [String] {
        final class Box { var paths: [String] = [] }
        let box = Box()
        withExtendedLifetime(box) {
            clang_getInclusions(raw, { file, _, _, data in
                let box = Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue()
                box.paths.append(takeString(clang_getFileName(file)))
            }, Unmanaged.passUnretained(box).toOpaque())
        }
        return box.paths
    }

    /// The tokens of a source range (for operators libclang exposes no API for, and macro arguments).
    public func tokens(in range: SourceRange) -> [Token] {
        withTokens(in: range) { tokens in
            tokens.map { t in
                let kind: Token.Kind
                switch clang_getTokenKind(t) {
                case CXToken_Punctuation: kind = .punctuation
                case CXToken_Keyword: kind = .keyword
                case CXToken_Identifier: kind = .identifier
                case CXToken_Literal: kind = .literal
                default: kind = .comment
                }
                return Token(kind: kind, spelling: takeString(clang_getTokenSpelling(raw, t)), offset: offset(of: t))
            }
        }
    }

    /// The offsets of the identifiers among the tokens of a source range, in order, without
    /// their spellings: a cheap test of which parts of a large data table name anything.
    public func identifierOffsets(in range: SourceRange) -> [Int] {
        withTokens(in: range) { tokens in
            tokens.lazy.filter { clang_getTokenKind($0) == CXToken_Identifier }.map(offset(of:))
        }
    }

    /// Runs `body` over the raw tokens of a range, which libclang owns until they are disposed.
    private func withTokens<T>(in range: SourceRange, _ body: (UnsafeMutableBufferPointer<CXToken>) -> [T]) -> [T] {
        var tokens: UnsafeMutablePointer<CXToken>?
        var count: UInt32 = 0
        clang_tokenize(raw, range.raw, &tokens, &count)
        guard let tokens, count > 0 else { return [] }
        defer { clang_disposeTokens(raw, tokens, count) }
        return body(UnsafeMutableBufferPointer(start: tokens, count: Int(count)))
    }

    private func offset(of token: CXToken) -> Int {
        var offset: UInt32 = 0
        clang_getFileLocation(clang_getTokenLocation(raw, token), nil, nil, nil, &offset)
        return Int(offset)
    }

    /// The tokens of a byte range of one of the unit's files.
    public func tokens(inFile path: String, from start: Int, to end: Int) -> [Token] {
        guard end > start, let file = clang_getFile(raw, path) else { return [] }
        let range = clang_getRange(clang_getLocationForOffset(raw, file, UInt32(start)),
                                   clang_getLocationForOffset(raw, file, UInt32(end)))
        let location = Location(file: path, line: 0, column: 0, offset: start)
        return tokens(in: SourceRange(raw: range, start: location, end: location))
    }

    func path(of file: CXFile?) -> String {
        guard let file else { return "" }
        if let cached = pathCache[file] { return cached }
        let path = takeString(clang_getFileName(file))
        pathCache[file] = path
        return path
    }

    /// Where each line of a file starts, from the text clang parsed (nil when it has none).
    private var lineStartsCache: [UnsafeMutableRawPointer: [Int]?] = [:]
    private var lastLineStarts: (file: UnsafeMutableRawPointer?, starts: [Int]?) = (nil, nil)

    /// The 1-based line and byte column of an offset in one of the unit's files, as clang counts
    /// them (a line ends at `\n`, `\r\n` or a lone `\r`). Computed here from the file's line
    /// starts, because libclang works the line out anew for every location it is asked for.
    func lineAndColumn(of file: CXFile, offset: Int) -> (line: Int, column: Int)? {
        guard offset >= 0 else { return nil }
        // Most locations asked one after the other are in the same file.
        if file == lastLineStarts.file, let starts = lastLineStarts.starts {
            let line = starts.lowerBound(above: offset)
            return (line, offset - starts[line - 1] + 1)
        }
        let starts: [Int]
        if let known = lineStartsCache[file] {
            guard let known else { return nil }
            starts = known
        } else {
            var size = 0
            let computed = clang_getFileContents(raw, file, &size).map { Self.lineStarts(UnsafeRawPointer($0), count: size) }
            lineStartsCache[file] = computed
            guard let computed else { return nil }
            starts = computed
        }
        lastLineStarts = (file, starts)
        let line = starts.lowerBound(above: offset)
        return (line, offset - starts[line - 1] + 1)
    }

    private static func lineStarts(_ text: UnsafeRawPointer, count: Int) -> [Int] {
        let bytes = text.assumingMemoryBound(to: UInt8.self)
        var starts = [0]
        var i = 0
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") || (b == UInt8(ascii: "\r") && (i + 1 == count || bytes[i + 1] != UInt8(ascii: "\n"))) {
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }
}

extension Array where Element == Int {
    /// How many of the sorted elements are at most `value`: the 1-based line of an offset, for
    /// line starts.
    func lowerBound(above value: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case punctuation, keyword, identifier, literal, comment }
    public var kind: Kind
    public var spelling: String
    /// Byte offset in its file.
    public var offset: Int
}

public struct Diagnostic: Sendable {
    public enum Severity: Int, Comparable, Sendable {
        case ignored, note, warning, error, fatal
        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }
    public var severity: Severity
    public var message: String
    public var location: Location
}
