import GILCheckCore

/// `--format github`: GitHub Actions workflow commands, which annotate the pull request's diff:
/// `::warning file=PATH,line=L,col=C,title=gilcheck RULE::MESSAGE`, notes folded into the message.
public struct GitHubReporter {
    public init() {}

    public func render(_ context: ReportContext) -> String {
        var out = ""
        for f in context.result.findings {
            let command = f.severity == .note ? "notice" : f.severity.rawValue
            let file = context.stablePath(f.location.file)
            var message = f.message
            for n in f.notes {
                message += "\n\(context.stablePath(n.location.file)):\(n.location.line): \(n.message)"
            }
            out += "::\(command) file=\(property(file)),line=\(f.location.line),col=\(f.location.column),"
                + "title=\(property("gilcheck \(f.ruleID)"))::\(data(message))\n"
        }
        for e in context.result.inputErrors {
            out += "::error file=\(property(context.stablePath(e.path))),title=gilcheck::\(data(e.message))\n"
        }
        for w in context.result.warnings {
            out += "::warning file=\(property(context.stablePath(w.path))),title=gilcheck::\(data(w.message))\n"
        }
        return out
    }

    /// Escaping of workflow command data and properties (actions/toolkit `command.ts`).
    private func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
