/// GitHub code scanning's `primaryLocationLineHash` (github/codeql-action `fingerprints.ts`):
/// for each line, a 64-bit rolling hash (base 37) over the next 100 UTF-16 code units of the
/// file from the line's start, skipping spaces and tabs, with CR and CRLF read as LF, an
/// end-of-file marker (65535) and NULs after it; "<hex>:<n>", n counting earlier equal hashes.
public enum LineHash {
    /// The hashes of the `wanted` lines (1-based) of a file, or of every line when nil. Every
    /// line is hashed either way (a hash counts the equal ones before it); only the wanted ones
    /// are written out. The UTF-8 bytes are read as UTF-16 code units; ASCII, which most sources
    /// are, is the same in both and is read without decoding.
    public static func hashes(ofUTF8 bytes: [UInt8], lines wanted: Set<Int>? = nil) -> [Int: String] {
        if bytes.allSatisfy({ $0 < 0x80 }) { return hashes(units: bytes, lines: wanted) }
        return hashes(units: String(decoding: bytes, as: UTF8.self).utf16, lines: wanted)
    }

    private static func hashes<Units: Sequence>(units: Units, lines wanted: Set<Int>?) -> [Int: String]
    where Units.Element: UnsignedInteger {
        let block = 100
        let mod: UInt64 = 37
        var firstMod: UInt64 = 1
        for _ in 0..<block { firstMod = firstMod &* mod }
        var window = [UInt64](repeating: 0, count: block)
        var lineNumbers = [Int](repeating: -1, count: block)
        var counts: [UInt64: Int] = [:]
        var out: [Int: String] = [:]
        var hash: UInt64 = 0, index = 0, line = 0
        var lineStart = true, previousCR = false

        func outputHash() {
            counts[hash, default: 0] += 1
            let number = lineNumbers[index]
            if wanted?.contains(number) ?? true { out[number] = "\(String(hash, radix: 16)):\(counts[hash]!)" }
            lineNumbers[index] = -1
        }
        func update(_ current: UInt64) {
            let begin = window[index]
            window[index] = current
            hash = mod &* hash &+ current &- firstMod &* begin
            index = (index + 1) % block
        }
        func process(_ unit: UInt64) {
            var current = unit
            if current == 32 || current == 9 || (previousCR && current == 10) {
                previousCR = false
                return
            }
            if current == 13 {
                current = 10
                previousCR = true
            } else {
                previousCR = false
            }
            if lineNumbers[index] != -1 { outputHash() }
            if lineStart {
                lineStart = false
                line += 1
                lineNumbers[index] = line
            }
            if current == 10 { lineStart = true }
            update(current)
        }
        for unit in units { process(UInt64(unit)) }
        process(65535)
        for _ in 0..<block {
            if lineNumbers[index] != -1 { outputHash() }
            update(0)
        }
        return out
    }
}
