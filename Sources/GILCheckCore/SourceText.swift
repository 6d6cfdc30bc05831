import Foundation

/// The text of a source file, for what reports need beyond clang's byte positions: UTF-16
/// columns, the normalized text of a line, GitHub's line hashes.
public final class SourceText: @unchecked Sendable {
    public let bytes: [UInt8]
    /// Byte offsets where each line starts (line 1 at index 0), computed on first use: most
    /// files are only scanned for suppression comments. Lines end at `\n`, `\r\n` or a lone
    /// `\r`, as clang and GitHub count them.
    private var lineStarts: [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let known = computedLineStarts { return known }
        var starts = [0]
        for i in bytes.indices where Self.endsLine(bytes, at: i) { starts.append(i + 1) }
        computedLineStarts = starts
        return starts
    }
    private var computedLineStarts: [Int]?
    private let lock = NSLock()

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public convenience init?(path: String) {
        guard let bytes = Self.read(path) else { return nil }
        self.init(bytes: bytes)
    }

    /// A regular file's bytes, read straight into an array (no `Data` copy), or nil when it
    /// cannot be read or is not a regular file (a directory, or a FIFO that would block).
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var room = Int(info.st_size) + 1  // a byte more than the size, to see the end
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
                count = 0
                while count < room {
                    let n = Foundation.read(fd, buffer.baseAddress! + count, room - count)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failed = true }
                    if n <= 0 { break }
                    count += n
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if chunk.count < room { return bytes }  // the end of the file
            room = 1 << 16  // it grew while being read
        }
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of a line, without its line break.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        let starts = lineStarts  // one locked read
        guard line >= 1, line <= starts.count else { return [] }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    public func line(_ line: Int) -> String { String(decoding: lineBytes(line), as: UTF8.self) }

    /// clang's 1-based byte column, as a 1-based column in UTF-16 code units (SARIF's default
    /// `columnKind`, and what GitHub uses).
    public func utf16Column(line: Int, byteColumn: Int) -> Int {
        let bytes = lineBytes(line)
        let prefix = bytes.prefix(max(0, byteColumn - 1))
        return String(decoding: prefix, as: UTF8.self).utf16.count + 1
    }

    /// Whether the byte at `i` ends a line: `\n`, or a `\r` not followed by `\n`.
    @inline(__always)
    static func endsLine<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int) -> Bool where Bytes.Index == Int {
        let b = bytes[i]
        if b == UInt8(ascii: "\n") { return true }
        return b == UInt8(ascii: "\r") && (i + 1 == bytes.count || bytes[i + 1] != UInt8(ascii: "\n"))
    }

    /// The 1-based numbers of the lines that contain `marker` (ASCII). Every analyzed file is
    /// searched for suppression comments, generated tables of 100,000 lines among them: the
    /// marker is found with `firstOffset(of:)`, and lines are counted only up to a match.
    public func lines(containing marker: String) -> [Int] {
        let needle = Array(marker.utf8)
        guard !needle.isEmpty else { return [] }
        var result: [Int] = []
        bytes.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { needle in
                var line = 1, counted = 0, from = 0
                while let at = text.firstOffset(of: needle, from: from) {
                    for i in counted..<at where Self.endsLine(text, at: i) { line += 1 }
                    counted = at
                    from = at + 1
                    if result.last != line { result.append(line) }
                }
            }
        }
        return result
    }

    /// The line with all white space removed: what a statement looks like however it is indented
    /// or wrapped.
    public func normalizedLine(_ line: Int) -> String {
        String(self.line(line).unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }
}

/// The texts of a run's files, each read once: when the files are prepared (to hash them and
/// find their includes), then by the report (suppression comments, snippets, line hashes).
public final class SourceTexts: @unchecked Sendable {
    private var texts: [String: SourceText?] = [:]
    private let lock = NSLock()

    public init() {}

    /// The file's text, or nil when it cannot be read (see `SourceText.read`).
    public func text(_ path: String) -> SourceText? {
        lock.lock()
        defer { lock.unlock() }
        if let known = texts[path] { return known }
        let text = SourceText(path: path)
        texts[path] = text
        return text
    }
}

/// A small, stable 64-bit hash (FNV-1a), for fingerprints that must not change between runs or
/// machines (Swift's `Hasher` is seeded per process).
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 { fnv1a(text.utf8) }

    public static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    public static func hex(_ text: String) -> String { padded(fnv1a(text)) }

    /// 16 hex digits.
    static func padded(_ value: UInt64) -> String {
        let h = String(value, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}
