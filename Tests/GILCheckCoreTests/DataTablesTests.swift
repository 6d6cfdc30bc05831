@testable import GILCheckCore
import Testing

/// Which initializers the parser is given blanked, and that every location stays put.
struct DataTablesTests {
    /// `count` items of `item(i)`, ten a line: comfortably past the minimum length.
    static func items(_ count: Int = 4000, _ item: (Int) -> String = { String($0 * 7919 % 65536) }) -> String {
        stride(from: 0, to: count, by: 10).map { row in
            (row..<min(row + 10, count)).map(item).joined(separator: ", ")
        }.joined(separator: ",\n    ")
    }

    static func blank(_ text: String, _ language: Language = .c) -> String? {
        DataTables.blank(Array(text.utf8), language: language).map { String(decoding: $0.text, as: UTF8.self) }
    }

    @Test func aTableKeepsItsFirstElementAndEveryLineBreak() throws {
        let before = "#include <stdint.h>\nstatic const uint16_t weights[] = {\n    "
        let after = "\n};\nint after(void) { return weights[1]; }\n"
        let text = before + Self.items() + after
        let blanked = try #require(Self.blank(text))
        #expect(blanked.utf8.count == text.utf8.count)
        #expect(blanked.hasPrefix(before + "0"))
        #expect(blanked.hasSuffix(after))
        let lineBreaks = { (s: String) in s.utf8.indices.filter { s.utf8[$0] == UInt8(ascii: "\n") }.map { s.utf8.distance(from: s.utf8.startIndex, to: $0) } }
        #expect(lineBreaks(blanked) == lineBreaks(text))
        let inside = blanked.dropFirst(before.utf8.count + 1).dropLast(after.utf8.count)
        #expect(inside.allSatisfy { $0 == " " || $0 == "\n" })
    }

    @Test func structElementsStringsAndCommentsInside() throws {
        // Braces, commas and quotes inside literals and comments are not the table's.
        let rows = Self.items(2000) { i in
            i % 50 == 0 ? "{\(i).5e-3, -\(i), \"}, {\\\"\", 'x'} /* }, { */" : "{\(i).5e-3, -\(i), u8\"s\(i)\", L'y'}"
        }
        let text = "static const struct row rows[] = {\n    \(rows),\n};\nint tail;\n"
        let blanked = try #require(Self.blank(text))
        #expect(blanked.hasPrefix("static const struct row rows[] = {\n    {0.5e-3, -0, \"}, {\\\"\", 'x'} /* }, { */ "))
        #expect(blanked.hasSuffix("\n};\nint tail;\n"))
    }

    static let leftWholeCases: KeyValuePairs<String, String> = [
        "a name": "static void *handlers[] = {\n    \(items()), NULL\n};\n",
        "a function": "static const cb table[] = {\n    \(items()), on_event\n};\n",
        "a designator": "static const int t[] = {\n    [0] = \(items())\n};\n",
        "a cast": "static const int t[] = {\n    (int)\(items())\n};\n",
        "a directive": "static const int t[] = {\n    \(items()),\n#ifdef EXTRA\n 1,\n#endif\n};\n",
        "too short": "static const int t[] = {\n    \(items(100))\n};\n",
        "one element": "static const char t[] = {\n    \"\(String(repeating: "x", count: 20000))\"\n};\n",
        "in a comment": "/* static const int t[] = {\n    \(items())\n}; */\n",
        "in a macro": "#define TABLE = { \\\n    \(items().replacingOccurrences(of: "\n", with: " \\\n"))\\\n}\n",
        "a comparison": "int f(void) { return x == {\n    \(items())\n}; }\n",
    ]

    @Test("initializers left whole", arguments: leftWholeCases.map(\.key))
    func leftWhole(_ reason: String) throws {
        let text = try #require(Self.leftWholeCases.first { $0.key == reason }?.value)
        #expect(Self.blank(text) == nil)
    }

    @Test func cxxDigitSeparatorsAndRawStrings() throws {
        // `1'000` is a number, not the start of a character literal; a raw string's quote does not
        // end it (read as a plain string, `/*` would start a comment that hides the table).
        let raw = "const char *doc = R\"x(\" /*)x\";\n"
        let text = raw + "constexpr long big[] = {\n    1'000, \(Self.items())\n};\n"
        let blanked = try #require(Self.blank(text, .cxx))
        #expect(blanked.hasPrefix(raw + "constexpr long big[] = {\n    1'000 "))
        #expect(DataTables.blank(Array(text.utf8), language: .cxx)?.tables == 1)
    }

    @Test func everyTableOfAFileIsCounted() throws {
        let table = { (name: String) in "static const int \(name)[] = {\n    \(Self.items())\n};\n" }
        let text = table("a") + "static PyMethodDef methods[] = {{\"f\", f, METH_NOARGS, NULL}, {NULL}};\n" + table("b")
        let blanked = try #require(DataTables.blank(Array(text.utf8), language: .c))
        #expect(blanked.tables == 2)
        #expect(String(decoding: blanked.text, as: UTF8.self).contains("{{\"f\", f, METH_NOARGS, NULL}, {NULL}}"))
    }
}
