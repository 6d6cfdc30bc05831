/// Data tables: large initializers written with literals only (Unicode tables, test vectors,
/// compression dictionaries). They are the costliest part of parsing the files that have them
/// (a 100,000-line table of numbers takes clang a second), and nothing in them can race: they
/// name no variable, function or object.
///
/// The parser is given such a table with its first element only; the rest is blanked to spaces,
/// every line break kept, so every location in the file stays where it was. What changes is the
/// table's length (`int t[] = {...}` becomes `int[1]`), which no rule looks at, and its values: a
/// constant expression that reads them (`static_assert(sizeof t == 400)`) fails, and a parse with
/// tables blanked that reports an error is done again whole (`FileAnalyzer`).
enum DataTables {
    /// Initializers shorter than this, in bytes between the braces, are left alone: small tables
    /// cost nothing to parse.
    static let minimumLength = 1024

    struct Blanked: Equatable {
        var text: [UInt8]
        /// How many tables were blanked.
        var tables: Int
    }

    /// The text with its data tables blanked, or nil when it has none.
    static func blank(_ source: [UInt8], language: Language) -> Blanked? {
        guard source.count > minimumLength else { return nil }
        var tables: [Table] = []
        source.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, cxx: language == .cxx)
            while let table = scanner.nextTable() { tables.append(table) }
        }
        guard !tables.isEmpty else { return nil }
        var text = source
        text.withUnsafeMutableBufferPointer { out in
            for table in tables {
                for i in table.firstComma..<table.close where !isLineBreak(out[i]) { out[i] = UInt8(ascii: " ") }
            }
        }
        return Blanked(text: text, tables: tables.count)
    }

    /// An initializer of literals: its closing brace and the comma after its first element.
    struct Table: Equatable {
        var firstComma: Int
        var close: Int
    }

    static func isLineBreak(_ b: UInt8) -> Bool { b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") }

    /// A lexer just good enough to find `= {` outside comments, literals and directives, and to
    /// read an initializer made of literals only.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let cxx: Bool
        var i = 0
        /// Only blanks since the last line break: a `#` here starts a directive.
        var atLineStart = true

        init(bytes: UnsafeBufferPointer<UInt8>, cxx: Bool) {
            self.bytes = bytes
            self.cxx = cxx
        }

        mutating func nextTable() -> Table? {
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                if isLineBreak(c) { atLineStart = true; i += 1; continue }
                if isBlank(c) { i += 1; continue }
                if c == UInt8(ascii: "/"), let end = commentEnd(at: i) { i = end; continue }
                if c == UInt8(ascii: "#"), atLineStart { i = directiveEnd(from: i); continue }
                atLineStart = false
                if c == UInt8(ascii: "\""), let end = literalEnd(at: i) { i = end; continue }
                if c == UInt8(ascii: "'"), let end = literalEnd(at: i) { i = end; continue }
                if isDigit(c) || (c == UInt8(ascii: ".") && i + 1 < n && isDigit(bytes[i + 1])) { i = numberEnd(from: i); continue }
                if isIdentifierStart(c) {
                    let end = identifierEnd(from: i)
                    // A string's prefix (`L"..."`), or a C++ raw string, whose text is skipped whole.
                    if end < n, bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'") {
                        if cxx, bytes[end - 1] == UInt8(ascii: "R"), bytes[end] == UInt8(ascii: "\"") {
                            i = rawStringEnd(at: end) ?? n
                            continue
                        }
                        if let literal = literalEnd(at: end) { i = literal; continue }
                    }
                    i = end
                    continue
                }
                i += 1
                // `=` as an initializer: not part of `==`, `<=`, `+=`...
                guard c == UInt8(ascii: "="), i < n, bytes[i] != UInt8(ascii: "="),
                      i < 2 || !Self.assignmentPrefixes.contains(bytes[i - 2]) else { continue }
                let open = skipBlanksAndComments(from: i)
                guard open < n, bytes[open] == UInt8(ascii: "{") else { continue }
                if let table = table(at: open) {
                    i = table.close + 1
                    return table
                }
            }
            return nil
        }

        private static let assignmentPrefixes: Set<UInt8> = Set("=!<>+-*/%&|^".utf8)

        /// The initializer whose `{` is at `open`, when it is long enough and holds only
        /// literals, signs, commas and braces (no name, no directive, no designator).
        private func table(at open: Int) -> Table? {
            let n = bytes.count
            var depth = 0
            var j = open
            var firstComma: Int?
            while j < n {
                let c = bytes[j]
                if isBlank(c) || isLineBreak(c) { j += 1; continue }
                if c == UInt8(ascii: "/") {
                    guard let end = commentEnd(at: j) else { return nil }
                    j = end
                    continue
                }
                switch c {
                case UInt8(ascii: "{"):
                    depth += 1
                    j += 1
                case UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 {
                        guard let firstComma, j - open - 1 >= minimumLength else { return nil }
                        return Table(firstComma: firstComma, close: j)
                    }
                    j += 1
                case UInt8(ascii: ","):
                    if depth == 1, firstComma == nil { firstComma = j }
                    j += 1
                case UInt8(ascii: "+"), UInt8(ascii: "-"):
                    j += 1
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    guard let end = literalEnd(at: j) else { return nil }
                    j = end
                case _ where isDigit(c) || (c == UInt8(ascii: ".") && j + 1 < n && isDigit(bytes[j + 1])):
                    j = numberEnd(from: j)
                case _ where isIdentifierStart(c):
                    // Only a string's encoding prefix: L, u, U, u8.
                    let end = identifierEnd(from: j)
                    guard end - j <= 2, ["L", "u", "U", "u8"].contains(String(decoding: bytes[j..<end], as: UTF8.self)),
                          end < n, bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'"),
                          let literal = literalEnd(at: end) else { return nil }
                    j = literal
                default:
                    return nil  // a name's punctuation, a designator, a directive, a cast
                }
            }
            return nil
        }

        private func skipBlanksAndComments(from start: Int) -> Int {
            var j = start
            while j < bytes.count {
                if isBlank(bytes[j]) || isLineBreak(bytes[j]) { j += 1; continue }
                if bytes[j] == UInt8(ascii: "/"), let end = commentEnd(at: j) { j = end; continue }
                break
            }
            return j
        }

        /// Past the comment starting at `j`, or nil when none starts there.
        private func commentEnd(at j: Int) -> Int? {
            let n = bytes.count
            guard j + 1 < n else { return nil }
            if bytes[j + 1] == UInt8(ascii: "/") {
                var k = j + 2
                while k < n, !(isLineBreak(bytes[k]) && bytes[k - 1] != UInt8(ascii: "\\")) { k += 1 }
                return k
            }
            if bytes[j + 1] == UInt8(ascii: "*") {
                var k = j + 2
                while k + 1 < n, !(bytes[k] == UInt8(ascii: "*") && bytes[k + 1] == UInt8(ascii: "/")) { k += 1 }
                return min(k + 2, n)
            }
            return nil
        }

        /// The line break ending the directive starting at `j` (lines continued with `\` and
        /// block comments belong to it).
        private func directiveEnd(from j: Int) -> Int {
            var k = j
            while k < bytes.count {
                if bytes[k] == UInt8(ascii: "/"), let end = commentEnd(at: k), bytes[k + 1] == UInt8(ascii: "*") { k = end; continue }
                if isLineBreak(bytes[k]), k == 0 || bytes[k - 1] != UInt8(ascii: "\\") { return k }
                k += 1
            }
            return k
        }

        /// Past the string or character literal whose quote is at `j`; nil when the line ends first.
        private func literalEnd(at j: Int) -> Int? {
            let quote = bytes[j]
            var k = j + 1
            while k < bytes.count {
                let c = bytes[k]
                if c == quote { return k + 1 }
                if c == UInt8(ascii: "\\") { k += 2; continue }
                if isLineBreak(c) { return nil }
                k += 1
            }
            return nil
        }

        /// Past a raw string `R"delim( ... )delim"` whose quote is at `j`.
        private func rawStringEnd(at j: Int) -> Int? {
            guard let paren = bytes[(j + 1)...].prefix(17).firstIndex(of: UInt8(ascii: "(")) else { return nil }
            let closing = [UInt8(ascii: ")")] + Array(bytes[(j + 1)..<paren]) + [UInt8(ascii: "\"")]
            var k = paren + 1
            while k + closing.count <= bytes.count {
                if bytes[k] == closing[0], bytes[k..<(k + closing.count)].elementsEqual(closing) { return k + closing.count }
                k += 1
            }
            return nil
        }

        /// Past a preprocessing number: digits, letters, `.`, exponent signs, digit separators.
        private func numberEnd(from j: Int) -> Int {
            var k = j + 1
            while k < bytes.count {
                let c = bytes[k]
                if isIdentifierPart(c) || c == UInt8(ascii: ".") { k += 1; continue }
                if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                    let e = bytes[k - 1] | 0x20  // lowercase
                    if e == UInt8(ascii: "e") || e == UInt8(ascii: "p") { k += 1; continue }
                }
                if c == UInt8(ascii: "'"), k + 1 < bytes.count, isIdentifierPart(bytes[k + 1]) { k += 2; continue }
                break
            }
            return k
        }

        private func identifierEnd(from j: Int) -> Int {
            var k = j + 1
            while k < bytes.count, isIdentifierPart(bytes[k]) { k += 1 }
            return k
        }
    }

    static func isBlank(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == 0x0B || c == 0x0C
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// Letters, `_`, and bytes of UTF-8 sequences (identifiers may hold them).
    static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") || c == UInt8(ascii: "_") || c >= 0x80
            || c == UInt8(ascii: "$")
    }

    static func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }
}
