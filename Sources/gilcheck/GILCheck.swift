import ArgumentParser
import GILCheckCore

struct GILCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gilcheck",
        abstract: "Find free-threading (PEP 703) hazards in CPython C/C++ extensions.",
        discussion: """
        Exit status: 0 when no finding is at or above --fail-on, 1 when there are such findings,
        2 on usage, configuration or input errors (unreadable or binary files, missing paths).
        """,
        version: GILCheckVersion.current,
        subcommands: [CheckCommand.self, BaselineCommand.self, RulesCommand.self, ExplainCommand.self, VersionCommand.self, FactsCommand.self],
        defaultSubcommand: CheckCommand.self)
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print gilcheck's version.")
    func run() { print("gilcheck \(GILCheckVersion.current) (libclang: \(GILCheckVersion.libclang))") }
}
