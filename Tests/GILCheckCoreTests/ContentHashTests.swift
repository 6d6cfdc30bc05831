@testable import GILCheckCore
import Testing

/// The content hash of the result cache: every byte of every lane and of the tail counts.
struct ContentHashTests {
    static let bytes: [UInt8] = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    @Test func everyPrefixHashesDifferently() {
        let hashes = (0...Self.bytes.count).map { ResultCache.hash128(Array(Self.bytes.prefix($0))) }
        #expect(Set(hashes).count == hashes.count)
        #expect(hashes.allSatisfy { $0.count == 32 })
    }

    @Test func everyBitCounts() {
        let original = ResultCache.hash128(Self.bytes)
        var seen: Set<String> = [original]
        for i in Self.bytes.indices {
            for bit in 0..<8 {
                var flipped = Self.bytes
                flipped[i] ^= UInt8(1 << bit)
                seen.insert(ResultCache.hash128(flipped))
            }
        }
        #expect(seen.count == 1 + Self.bytes.count * 8)
    }

    @Test func sameBytesSameHash() {
        #expect(ResultCache.hash128(Self.bytes) == ResultCache.hash128(Array(Self.bytes)))
        #expect(ResultCache.hash128([]) == ResultCache.hash128([]))
        #expect(ResultCache.hash128([]) != ResultCache.hash128([0]))
    }
}
