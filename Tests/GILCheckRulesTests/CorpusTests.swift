import Foundation
import GILCheckCore
import GILCheckRules
import Testing

/// Every corpus file is a test case, run against each header configuration: gilcheck's embedded
/// model and the real Python headers found on this machine. Every finding must be expected and
/// every expectation met, in every configuration.
struct CorpusTests {
    @Test("corpus file", arguments: CorpusFile.all, HeaderConfiguration.all)
    func corpusFile(_ file: CorpusFile, _ headers: HeaderConfiguration) throws {
        let source = try String(contentsOfFile: file.path, encoding: .utf8)
        let annotations = CorpusAnnotations(source: source)
        #expect(annotations.isAnnotated, "\(file): no expectations; say `// expect-no-findings` if none are expected")

        let result = Analysis.run([file.path], headers: headers, arguments: annotations.compilerArguments)
        #expect(result.inputErrors.isEmpty, "\(result.inputErrors)")
        let here = Engine.displayPath(file.path)
        let findings = result.findings.filter { $0.location.file == here }
        #expect(findings.count == result.findings.count, "findings outside the file: \(result.findings.map(\.location))")

        var unmatched = findings
        for e in annotations.expected {
            if let i = unmatched.firstIndex(where: { $0.location.line == e.line && $0.ruleID == e.rule }) {
                let f = unmatched.remove(at: i)
                for s in e.substrings {
                    #expect(f.message.contains(s), "\(here):\(e.line): [\(e.rule)] message lacks \(s): \(f.message)")
                }
            } else {
                Issue.record("\(here):\(e.line): expected \(e.rule), not reported [\(headers)]")
            }
        }
        for f in unmatched {
            let known = annotations.knownMissing.contains { $0.line == f.location.line && $0.rule == f.ruleID }
            let hint = known ? " (a todo-expect is now found: make it an expect)" : ""
            Issue.record("\(here):\(f.location.line): unexpected \(f.ruleID)\(hint) [\(headers)]: \(f.message)")
        }
        for ok in annotations.mustNotFire {
            #expect(!findings.contains { $0.location.line == ok.line && $0.ruleID == ok.rule },
                    "\(here):\(ok.line): \(ok.rule) fired on an ok: line [\(headers)]")
        }
    }
}

struct CorpusFile: CustomTestStringConvertible, Sendable {
    var path: String
    var testDescription: String { String(path.dropFirst(Repository.root.count + 1)) }

    static let all: [CorpusFile] = {
        let corpus = Repository.root + "/Corpus"
        let files = (FileManager.default.enumerator(atPath: corpus)?.allObjects as? [String] ?? [])
            .filter { SourceFiles.isSource($0) }
            .sorted()
        return files.map { CorpusFile(path: corpus + "/" + $0) }
    }()
}
