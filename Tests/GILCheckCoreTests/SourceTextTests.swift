@testable import GILCheckCore
import Testing

struct SourceTextTests {
    @Test func linesContainingAMarkerCountEveryKindOfLineBreak() {
        // Lines end at \n, \r\n and a lone \r, as clang counts them.
        let text = "gilcheck: a\nx\r\ny gilcheck: b gilcheck: c\rz\n\ngilcheck"
        #expect(SourceText(bytes: Array(text.utf8)).lines(containing: "gilcheck:") == [1, 3])
        #expect(SourceText(bytes: Array((text + ":").utf8)).lines(containing: "gilcheck:") == [1, 3, 6])
        #expect(SourceText(bytes: Array("gilcheck".utf8)).lines(containing: "gilcheck:") == [])
        #expect(SourceText(bytes: []).lines(containing: "gilcheck:") == [])
    }
}

struct ByteSearchTests {
    @Test func containsBytes() {
        #expect("std::lock_guard<std::mutex>".containsBytes("lock_guard"))
        #expect("const std::atomic<int>".containsBytes("atomic<"))
        #expect("std::atomic<int>".containsBytes("std::atomic<int>"))
        #expect(!"std::atomic".containsBytes("atomic<"))
        #expect(!"ato".containsBytes("atomic<"))
        #expect("".containsBytes(""))
        #expect("état verrouillé".containsBytes("verrouillé"))
    }
}
