import Foundation
import GILCheckCore
import GILCheckRules
import Testing

/// Rule pages are the single source of each rule's documentation: every rule has one, the
/// embedded copy is current, and the page's examples do what they say.
struct RulePageTests {
    static let pageFiles: [String] = {
        let dir = Repository.root + "/Rules"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix("_") && $0 != "README.md" }.sorted()
    }()

    @Test func everyRuleHasAPageAndEveryPageARule() {
        let ruleIDs = Set(AllRules.ids)
        let pageIDs = Set(Self.pageFiles.map { String($0.dropLast(3)) })
        #expect(ruleIDs == pageIDs)
        #expect(Set(RuleCatalog.descriptors.map(\.id)) == ruleIDs)
    }

    @Test func embeddedPagesAreCurrent() throws {
        let onDisk = try Self.pageFiles.map { try String(contentsOfFile: Repository.root + "/Rules/" + $0, encoding: .utf8) }
        let embedded = RuleCatalog.descriptors.map(\.id).compactMap { id in onDisk.first { $0.contains("\nid: \(id)") } }
        #expect(onDisk.count == embedded.count)
        for page in onDisk {
            let d = try #require(RuleDescriptor(page: page))
            #expect(RuleCatalog.descriptor(d.id) == d, "Rules/\(d.id).md changed: run Scripts/embed-resources.py")
        }
    }

    @Test("page", arguments: RuleCatalog.descriptors.map(\.id))
    func pageFormat(_ id: String) throws {
        let d = try #require(RuleCatalog.descriptor(id))
        #expect(d.summary.count < 120, "summary is \(d.summary.count) characters")
        #expect(d.name.first?.isUppercase == true && !d.name.contains("-"))
        #expect(["very-high", "high", "medium", "low"].contains(d.precision))
        for section in ["What it does", "Why is this bad?", "Example", "Use instead", "Known limitations", "References"] {
            #expect(d.section(section) != nil, "\(id): missing section '## \(section)'")
        }
        #expect(!d.codeBlocks(tagged: "bad").isEmpty, "\(id): no ```c bad example")
        #expect(!d.codeBlocks(tagged: "good").isEmpty, "\(id): no ```c good example")
    }

    @Test("examples", arguments: RuleCatalog.descriptors.map(\.id), HeaderConfiguration.all)
    func examples(_ id: String, _ headers: HeaderConfiguration) throws {
        let d = try #require(RuleCatalog.descriptor(id))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gilcheck-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (i, block) in d.codeBlocks(tagged: "bad").enumerated() {
            let file = dir.appendingPathComponent("bad\(i).\(block.language == "cpp" ? "cpp" : "c")").path
            try block.code.write(toFile: file, atomically: true, encoding: .utf8)
            let findings = Analysis.run([file], headers: headers).findings
            #expect(findings.contains { $0.ruleID == id }, "\(id): bad example \(i) does not trigger the rule [\(headers)]")
        }
        for (i, block) in d.codeBlocks(tagged: "good").enumerated() {
            let file = dir.appendingPathComponent("good\(i).\(block.language == "cpp" ? "cpp" : "c")").path
            try block.code.write(toFile: file, atomically: true, encoding: .utf8)
            let findings = Analysis.run([file], headers: headers).findings
            #expect(findings.isEmpty, "\(id): good example \(i) triggers \(findings.map(\.ruleID)) [\(headers)]")
        }
    }
}
