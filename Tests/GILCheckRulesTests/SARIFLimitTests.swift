import GILCheckCore
@testable import GILCheckReport
import Testing

/// GitHub rejects a SARIF run with more than 25,000 results: past that, a run carries the most
/// severe ones.
struct SARIFLimitTests {
    @Test func aRunKeepsTheMostSevereFindingsGitHubAccepts() {
        let n = SARIFReporter.uploadLimit + 10
        let findings = (0..<n).map { i in
            Finding(ruleID: "static-mutable-state", severity: i >= n - 20 ? .error : .warning, message: "m",
                    location: SourceLocation(file: "a.c", line: i + 1, column: 1), symbol: "x")
        }
        let kept = SARIFReporter.uploadable(findings)
        #expect(kept.count == SARIFReporter.uploadLimit)
        #expect(kept == kept.sorted(), "report order")
        #expect(Set(kept).isSuperset(of: (n - 20)..<n), "every error")
        #expect(Array(kept.prefix(5)) == [0, 1, 2, 3, 4], "then the first warnings")
        #expect(SARIFReporter.uploadable(Array(findings.prefix(100))) == Array(0..<100))
    }
}
