import Foundation
@testable import GILCheckReport
import Testing

/// SARIF's JSON writer lays documents out exactly as JSONEncoder does with the options SARIF
/// was written with before: the same bytes, so uploads and golden files do not change.
struct JSONValueTests {
    struct Inner: Encodable {
        var text: String
        var count: Int?
    }

    struct Document: Encodable {
        var name: String
        var flag: Bool
        var number: Int
        var empty: [String]
        var emptyObject: [String: String]
        var items: [Inner]
        var keys: [String: String]
        var missing: String?
    }

    static let awkward = "a/b \"quoted\" back\\slash\ttab\nline\r\u{8}\u{c}\u{1}\u{1f}\u{7f} é ü 漢 \u{2028} 🙂"

    @Test func sameBytesAsJSONEncoder() throws {
        let keys = ["b": "1", "B": "2", "a10": "3", "a9": "4", "_x": "5", "$s": "6", "%R%": "7", "aB": "8", "ab": "9"]
        let document = Document(name: Self.awkward, flag: true, number: -42, empty: [], emptyObject: [:],
                                items: [Inner(text: "x", count: 3), Inner(text: Self.awkward, count: nil)], keys: keys, missing: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(document), as: UTF8.self)

        let value = JSONValue.members([
            "name": .string(document.name), "flag": .bool(document.flag), "number": .int(document.number),
            "empty": .array([]), "emptyObject": .object([]),
            "items": .array(document.items.map { .members(["text": .string($0.text), "count": $0.count.map(JSONValue.int)]) }),
            "keys": .object(keys.map { ($0.key, .string($0.value)) }),
            "missing": document.missing.map(JSONValue.string),
        ])
        #expect(value.text == expected)
    }
}
