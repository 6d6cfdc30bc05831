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

    @Test("only files that share a preamble share a precompiled header")
    func aFileAloneParsesNormally() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["a", "b"] {
            try "#include <Python.h>\nstatic int n_\(name);\nint \(name)(void) { return n_\(name)++; }\n"
                .write(toFile: "\(dir)/\(name).c", atomically: true, encoding: .utf8)
        }
        try "#define PY_SSIZE_T_CLEAN\n#include <Python.h>\nint c(void) { return 0; }\n".write(toFile: dir + "/c.c", atomically: true, encoding: .utf8)
        let engine = Engine(rules: AllRules.rules, projectRules: AllRules.projectRules)
        var options = Analysis.options([dir + "/a.c"], headers: .embedded)
        options.precompiledHeaders = true
        #expect(engine.run(options).statistics.withPrecompiledHeader == 0)
        options.paths = [dir]
        let both = engine.run(options)
        #expect(both.statistics.parsed == 3)
        #expect(both.statistics.withPrecompiledHeader == 2, "a.c and b.c share theirs; c.c's is its own")
    }
}
