import Foundation

extension String {
    /// Whether `needle` occurs in the string, compared byte for byte (UTF-8). For the extractor
    /// and the lock tracking, which ask it of every name and declaration: Foundation's
    /// `contains` goes through NSString, the standard library's generic `firstRange(of:)`
    /// is slower still.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { part in
                guard let first = part.first else { return true }
                guard text.count >= part.count, let base = text.baseAddress else { return false }
                let last = text.count - part.count
                var from = 0
                while from <= last, let hit = memchr(base + from, Int32(first), last + 1 - from) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, part.baseAddress!, part.count) == 0 { return true }
                    from = at + 1
                }
                return false
            }
        }
    }
}
