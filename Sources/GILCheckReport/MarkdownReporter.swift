import GILCheckCore

/// `--format markdown`: a pre-release audit summary (fits `$GITHUB_STEP_SUMMARY`): each
/// extension module and whether it declares free-threading support, findings per rule, and the
/// top findings with their locations.
public struct MarkdownReporter {
    /// How many findings the summary lists in full.
    public var topCount = 20

    public init() {}

    public func render(_ context: ReportContext) -> String {
        let result = context.result
        var out = "# gilcheck free-threading audit\n\n"
        let analyzed = result.files.filter(\.analyzed).count
        out += "\(result.findings.count) finding\(result.findings.count == 1 ? "" : "s") in \(analyzed) analyzed file\(analyzed == 1 ? "" : "s")"
        out += " (gilcheck \(context.toolVersion); \(result.headers.description)).\n\n"

        out += "## Extension modules\n\n"
        if result.modules.isEmpty {
            out += "No `PyModuleDef` found in the analyzed files.\n\n"
        } else {
            out += "| Module | Defined in | Declares free-threading support |\n|---|---|---|\n"
            for m in result.modules {
                let status: String
                switch m.gil {
                case .notUsed:
                    status = result.findings.isEmpty ? "yes (`Py_MOD_GIL_NOT_USED`)"
                        : "yes (`Py_MOD_GIL_NOT_USED`), but findings remain: review them before shipping"
                case .used: status = "no: `Py_MOD_GIL_USED` (importing it re-enables the GIL)"
                case .undeclared: status = "no: free-threaded CPython re-enables the GIL on import"
                }
                out += "| `\(cell(m.name))` | `\(cell(context.stablePath(m.location.file))):\(m.location.line)` | \(status) |\n"
            }
            out += "\n"
        }

        out += "## Findings by rule\n\n| Rule | Level | Findings | What it finds |\n|---|---|---|---|\n"
        let counts = Dictionary(grouping: result.findings, by: \.ruleID).mapValues(\.count)
        for d in context.rules {
            out += "| `\(d.id)` | \(d.level.rawValue) | \(counts[d.id] ?? 0) | \(cell(d.summary)) |\n"
        }
        out += "\n`gilcheck explain RULE` explains a rule and its fix.\n\n"

        if !result.findings.isEmpty {
            let ranked = result.findings.enumerated().sorted { a, b in
                a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
            }.map(\.element)
            let shown = ranked.prefix(topCount)
            out += "## Top findings\n\n"
            for f in shown {
                out += "- **\(f.severity.rawValue)** `\(cell(context.stablePath(f.location.file))):\(f.location.line):\(f.location.column)` "
                    + "[`\(f.ruleID)`]: \(f.message.replacingOccurrences(of: "\n", with: " "))\n"
            }
            if ranked.count > shown.count { out += "\n…and \(ranked.count - shown.count) more.\n" }
            out += "\n"
        }
        if !result.inputErrors.isEmpty {
            out += "## Not analyzed\n\n"
            for e in result.inputErrors { out += "- `\(cell(context.stablePath(e.path)))`: \(e.message)\n" }
            out += "\n"
        }
        return out
    }

    private func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'") }
}
