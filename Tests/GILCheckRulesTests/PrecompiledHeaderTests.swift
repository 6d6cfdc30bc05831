import Foundation
@testable import GILCheckCore
import GILCheckRules
import Testing

/// A shared precompiled header changes how fast files parse, never what is found.
struct PrecompiledHeaderTests {
    @Test("same findings with and without", arguments: HeaderConfiguration.all)
    func sameFindingsWithAndWithout(_ headers: HeaderConfiguration) throws {
        let corpus = Repository.root + "/Corpus"
        var options = Analysis.options([corpus], headers: headers, jobs: 2)
        let engine = Engine(rules: AllRules.rules, projectRules: AllRules.projectRules)
        options.precompiledHeaders = true
        let shared = engine.run(options)
        options.precompiledHeaders = false
        let plain = engine.run(options)

        #expect(shared.statistics.withPrecompiledHeader > 20, "the corpus hardly used the shared header: \(shared.statistics)")
        #expect(plain.statistics.withPrecompiledHeader == 0)
        #expect(!plain.findings.isEmpty)
        #expect(shared.findings.count == plain.findings.count)
        for (a, b) in zip(shared.findings, plain.findings) {
            #expect(a == b, "\(a.location) \(a.ruleID) differs from \(b.location) \(b.ruleID)")
        }
        #expect(shared.files.map(\.parseErrors.count) == plain.files.map(\.parseErrors.count))
        #expect(shared.modules == plain.modules)
    }
}
