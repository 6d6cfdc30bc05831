import ArgumentParser
import Foundation
import GILCheckCore

/// `gilcheck facts FILE`: what the analysis sees in a file (roles, writes, checks and the locks
/// held at each), for rule authors and for reports of wrong findings.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts", abstract: "Print the concurrency facts gilcheck derives from a file (for debugging rules).")

    @Argument(help: "A C or C++ source file.")
    var file: String

    @Option(help: "Directory with Python.h to parse against.")
    var pythonInclude: String?

    @Flag(help: "Parse against the embedded model of the CPython C API.")
    var embeddedHeaders = false

    func run() throws {
        var options = Engine.Options(paths: [file])
        options.pythonInclude = pythonInclude
        options.forceEmbeddedHeaders = embeddedHeaders
        options.extraArguments = CompilerPassthrough.arguments
        guard let model = Engine(rules: []).model(of: file, options) else {
            throw ValidationError("cannot analyze \(file)")
        }
        func guards(_ g: [Guard]) -> String {
            g.isEmpty ? "" : " under " + g.map { "\($0.kind)(\($0.objects.joined(separator: ", ")))" }.joined(separator: " + ")
        }
        for d in model.facts.diagnostics where d.severity != .warning {
            print("diagnostic: \(d.severity.rawValue): \(d.message) \(d.location.map(\.description) ?? "")")
        }
        for v in model.facts.variables {
            print("variable \(v.name) [\(v.scope)] type '\(v.type.spelling)' base \(v.type.baseName)"
                + (model.isMutableShared(v) ? " mutable-shared" : " exempt") + (v.isThreadLocal ? " thread-local" : ""))
        }
        for flow in model.flows {
            let f = flow.function
            var tags = ["\(model.role(of: f))"]
            if model.moduleFunctions.contains(f.usr) { tags.append("module-function") }
            if model.lifecycleFunctions.contains(f.usr) { tags.append("lifecycle") }
            print("function \(f.displayName) [\(tags.joined(separator: ", "))] at \(f.location)")
            for w in flow.writes { print("  write \(w.path.text) `\(w.text)` line \(w.location.line)\(guards(w.guards))") }
            for c in flow.checks {
                print("  check \(c.path.text) line \(c.location.line)\(guards(c.guards)), act writes \(c.actWrites)")
            }
            for c in flow.calls { print("  call \(c.call.name) line \(c.location.line)\(guards(c.guards))") }
        }
    }
}
