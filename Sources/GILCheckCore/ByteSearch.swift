import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// The first offset at or after `start` where `needle` occurs: `memchr` finds its first
    /// byte, `memcmp` the rest. (Files are searched whole for suppression comments, type
    /// names for every declaration: no byte-by-byte loop, no Foundation.)
    func firstOffset(of needle: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first else { return start <= count ? start : nil }
        guard count >= needle.count, let base = baseAddress else { return nil }
        let last = count - needle.count  // the last offset a match can start at
        var from = start
        while from <= last, let hit = memchr(base + from, Int32(first), last + 1 - from) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return at }
            from = at + 1
        }
        return nil
    }
}

extension String {
    /// Whether `needle` occurs in the string, compared byte for byte (UTF-8). Foundation's
    /// `contains` goes through NSString, and the standard library's generic `firstRange(of:)`
    /// is slower still.
    func containsBytes(_ needle: String) -> Bool {
        firstByteOffset(of: needle) != nil
    }

    /// The UTF-8 offset at or after `start` where `needle` occurs, compared byte for byte.
    public func firstByteOffset(of needle: String, from start: Int = 0) -> Int? {
        var haystack = self, needle = needle
        return haystack.withUTF8 { text in needle.withUTF8 { text.firstOffset(of: $0, from: start) } }
    }
}
