/// A JSON document, written the way Foundation's `JSONEncoder` writes one with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indents, `"key" : value`,
/// keys in code-point order, only quotes, backslashes and control characters escaped.
///
/// SARIF is written with it instead of `JSONEncoder`: a run answered from the cache spent a
/// third of its time encoding the rules' documentation through `Codable`.
indirect enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Members in any order (they are written sorted by key).
    case object([(key: String, value: JSONValue)])

    /// An object of the members that are present (nil values are left out, as `Codable`
    /// leaves out nil optionals).
    static func members(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The document as text, without a final line break.
    var text: String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(to: &out, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let s): Self.writeString(s, to: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            out.append(UInt8(ascii: "\n"))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(depth + 1, &out)
                item.write(to: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.indent(depth, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            out.append(UInt8(ascii: "\n"))
            for (i, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(depth + 1, &out)
                Self.writeString(member.key, to: &out)
                out.append(contentsOf: " : ".utf8)
                member.value.write(to: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.indent(depth, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ depth: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Only ASCII needs escaping: the UTF-8 bytes between escapes are copied in runs.
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            for i in bytes.indices {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x08: out.append(contentsOf: "\\b".utf8)
                case 0x0C: out.append(contentsOf: "\\f".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                default:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
