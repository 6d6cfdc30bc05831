import ArgumentParser
import GILCheckCore
import GILCheckRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules.")

    func run() {
        let rows = RuleCatalog.descriptors.map { [$0.id, $0.level.rawValue, $0.summary] }
        let idWidth = max(4, rows.map { $0[0].count }.max() ?? 0)
        print("RULE".padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  LEVEL    SUMMARY")
        for row in rows {
            print(row[0].padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + row[1].padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + row[2])
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a rule's page.")

    @Argument(help: "The rule id, e.g. lazy-static-init.")
    var rule: String

    func run() throws {
        guard let d = RuleCatalog.descriptor(rule) else {
            throw ValidationError("unknown rule '\(rule)'; 'gilcheck rules' lists them")
        }
        print("# \(d.id) (\(d.name))\n\n\(d.summary)\n\nLevel: \(d.level.rawValue). Precision: \(d.precision).\n")
        print(d.markdown, terminator: "")
    }
}
