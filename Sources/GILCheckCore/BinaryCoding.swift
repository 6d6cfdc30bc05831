/// A compact binary format for values that cross processes and sit in the cache by the
/// thousand (a file's facts). Swift's `Codable` encoders spent more time on facts than libclang
/// spent parsing, so these types write themselves field by field instead: integers as varints,
/// each distinct string once per message (later uses are an index), enum cases as a tag.
///
/// A type's `write` and `init(from:)` list its fields in the same order; `BinaryCodingTests`
/// round-trips the whole corpus's facts, so a field added to one and not the other fails there.
protocol BinaryCodable {
    func write(to writer: inout BinaryWriter) throws
    init(from reader: inout BinaryReader) throws
}

enum BinaryCodingError: Error, Equatable {
    case truncated
    case malformed(String)
    /// Nesting past `binaryCodingMaximumDepth`: refused on both sides, so a corrupt or
    /// pathological message cannot exhaust the stack.
    case tooDeep
}

/// Nested expressions and statements allowed in one message. The extractor stops at
/// `FactsExtractor.maximumNesting` (100) plus `TokenExpressionParser.maximumNesting` (32); the
/// limit keeps decoding a corrupt message well inside a thread's stack.
let binaryCodingMaximumDepth = 256

struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    private var stringIndex: [String: Int] = [:]
    private var depth = 0

    /// `leading`: bytes the message starts with (a format's magic).
    init(leading: [UInt8] = []) {
        bytes.reserveCapacity(4096)
        bytes += leading
    }

    mutating func write(_ value: some BinaryCodable) throws { try value.write(to: &self) }

    mutating func writeUnsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A case of an enum, or any small count.
    mutating func writeTag(_ tag: Int) { writeUnsigned(UInt64(tag)) }

    /// A string already written is its index in order of first use; a new one is the next
    /// index followed by its UTF-8 length and bytes.
    mutating func writeString(_ string: String) {
        if let index = stringIndex[string] {
            writeUnsigned(UInt64(index))
            return
        }
        let index = stringIndex.count
        stringIndex[string] = index
        writeUnsigned(UInt64(index))
        var copy = string
        copy.withUTF8 { utf8 in
            writeUnsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Runs `body` one level deeper (expressions and statements).
    mutating func nested(_ body: (inout BinaryWriter) throws -> Void) throws {
        guard depth < binaryCodingMaximumDepth else { throw BinaryCodingError.tooDeep }
        depth += 1
        defer { depth -= 1 }
        try body(&self)
    }
}

struct BinaryReader {
    private let bytes: [UInt8]
    private var position = 0
    private var strings: [String] = []
    private var depth = 0

    /// Reads `bytes` from `start` on (past a format's magic).
    init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        position = start
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func read<T: BinaryCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func readUnsigned() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw BinaryCodingError.truncated }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw BinaryCodingError.malformed("varint too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func readTag() throws -> Int {
        let value = try readUnsigned()
        guard value <= UInt64(Int32.max) else { throw BinaryCodingError.malformed("tag \(value)") }
        return Int(value)
    }

    /// A count of items that follow, each at least a byte: larger than the rest of the message
    /// means the message is corrupt (and must not reserve memory for it).
    mutating func readCount() throws -> Int {
        let count = try readTag()
        guard count <= bytes.count - position else { throw BinaryCodingError.truncated }
        return count
    }

    mutating func readString() throws -> String {
        let index = try readTag()
        if index < strings.count { return strings[index] }
        guard index == strings.count else { throw BinaryCodingError.malformed("string index \(index)") }
        let length = try readCount()
        let string = String(decoding: bytes[position..<(position + length)], as: UTF8.self)
        position += length
        strings.append(string)
        return string
    }

    mutating func nested<T>(_ body: (inout BinaryReader) throws -> T) throws -> T {
        guard depth < binaryCodingMaximumDepth else { throw BinaryCodingError.tooDeep }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }
}

// MARK: Standard types

extension Int: BinaryCodable {
    /// Zigzag, so small negative numbers stay short.
    func write(to writer: inout BinaryWriter) {
        writer.writeUnsigned(UInt64(bitPattern: Int64((self << 1) ^ (self >> (Int.bitWidth - 1)))))
    }

    init(from reader: inout BinaryReader) throws {
        let raw = try reader.readUnsigned()
        self = Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }
}

extension Bool: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.writeTag(self ? 1 : 0) }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = false
        case 1: self = true
        case let tag: throw BinaryCodingError.malformed("bool \(tag)")
        }
    }
}

extension String: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.writeString(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.readString() }
}

extension Optional: BinaryCodable where Wrapped: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        if let value = self {
            writer.writeTag(1)
            try value.write(to: &writer)
        } else {
            writer.writeTag(0)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = nil
        case 1: self = try Wrapped(from: &reader)
        case let tag: throw BinaryCodingError.malformed("optional \(tag)")
        }
    }
}

extension Array: BinaryCodable where Element: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        writer.writeTag(count)
        for element in self { try element.write(to: &writer) }
    }

    init(from reader: inout BinaryReader) throws {
        let count = try reader.readCount()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

extension Dictionary: BinaryCodable where Key == String, Value: BinaryCodable {
    /// Sorted by key, so equal dictionaries are equal bytes.
    func write(to writer: inout BinaryWriter) throws {
        writer.writeTag(count)
        for key in keys.sorted() {
            writer.writeString(key)
            try self[key]!.write(to: &writer)
        }
    }

    init(from reader: inout BinaryReader) throws {
        let count = try reader.readCount()
        self = [:]
        for _ in 0..<count {
            let key = try reader.readString()
            self[key] = try Value(from: &reader)
        }
    }
}

/// Enums whose cases are plain strings (`Language`, `Severity`).
extension BinaryCodable where Self: RawRepresentable, RawValue == String {
    func write(to writer: inout BinaryWriter) { writer.writeString(rawValue) }

    init(from reader: inout BinaryReader) throws {
        let raw = try reader.readString()
        guard let value = Self(rawValue: raw) else { throw BinaryCodingError.malformed("case \(raw)") }
        self = value
    }
}
