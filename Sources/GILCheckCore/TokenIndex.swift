import ClangKit

/// The tokens of one function body, sorted by offset: operators libclang 14 has no API for, and
/// lock macros clang could not expand.
struct TokenIndex {
    private let tokens: [Token]
    /// The file the tokens are from.
    let file: String

    init(_ tokens: [Token], file: String) {
        self.tokens = tokens
        self.file = file
    }

    /// Names of lock calls and critical-section macros, recognized in the tokens where clang did
    /// not parse them into the AST: older Python headers lack the 3.13 macros, and a call whose
    /// argument has an unknown type (`static PyMutex m;` before 3.13) is dropped by clang.
    static let lockMarkerNames: Set<String> = Synchronization.acquire.union(Synchronization.release)
        .union(Synchronization.criticalSectionBegin.keys).union(Synchronization.criticalSectionMutexBegin.keys)
        .union(Synchronization.criticalSectionEnd)

    struct Marker {
        var name: String
        var arguments: [String]
        var offset: Int
    }

    private func firstIndex(atOrAfter offset: Int) -> Int {
        tokens.lowerBound(of: offset, by: \.offset)
    }

    /// Whether `offset` lies within these tokens (a macro defined elsewhere in the file does not).
    func covers(_ offset: Int) -> Bool {
        guard let first = tokens.first, let last = tokens.last else { return false }
        return offset >= first.offset && offset <= last.offset
    }

    func token(at offset: Int) -> Token? {
        let i = firstIndex(atOrAfter: offset)
        return i < tokens.count && tokens[i].offset == offset ? tokens[i] : nil
    }

    func lastToken(before end: Int, from start: Int) -> Token? {
        let i = firstIndex(atOrAfter: end) - 1
        return i >= 0 && tokens[i].offset >= start ? tokens[i] : nil
    }

    func tokens(in range: Range<Int>) -> ArraySlice<Token> {
        let a = firstIndex(atOrAfter: range.lowerBound), b = firstIndex(atOrAfter: range.upperBound)
        return tokens[a..<max(a, b)]
    }

    /// Lock-marker macro calls in `range` that lie outside every `excluded` range (outside the
    /// statements clang did parse), with their argument texts.
    func lockMarkers(in range: Range<Int>, excluding excluded: [(Int, Int)], names: Set<String> = lockMarkerNames) -> [Marker] {
        var result: [Marker] = []
        let slice = tokens(in: range)
        var i = slice.startIndex
        while i < slice.endIndex {
            let t = slice[i]
            defer { i += 1 }
            guard t.kind == .identifier, names.contains(t.spelling),
                  !excluded.contains(where: { $0.0 <= t.offset && t.offset < $0.1 }) else { continue }
            var args: [String] = []
            var j = i + 1
            if j < tokens.endIndex, tokens[j].spelling == "(" {
                var depth = 0
                var current = ""
                while j < tokens.endIndex {
                    let s = tokens[j].spelling
                    if s == "(" { depth += 1; if depth == 1 { j += 1; continue } }
                    if s == ")" { depth -= 1; if depth == 0 { break } }
                    if s == "," && depth == 1 { args.append(current); current = ""; j += 1; continue }
                    current += s
                    j += 1
                }
                if !current.isEmpty { args.append(current) }
                i = j
            }
            result.append(Marker(name: t.spelling, arguments: args, offset: t.offset))
        }
        return result
    }
}
