import Foundation
import Testing

/// Every output format: golden files for the demo, determinism, SARIF validity for GitHub code
/// scanning, fingerprints, columns, and large runs.
struct ReportFormatTests {
    typealias CLI = CLITests

    static let formats = ["text", "sarif", "json", "github", "markdown"]
    static let goldenDirectory = CLI.root + "/Tests/GILCheckCLITests/Golden"

    /// The checker GitHub's requirements are tested with (shared with the project).
    static let validator: String = ProcessInfo.processInfo.environment["GILCHECK_VALIDATE_SARIF"]
        ?? (CLI.root as NSString).deletingLastPathComponent + "/shared/sarif/validate-sarif"

    static func validate(_ sarif: String, strict: Bool = true, sourceRoot: String = CLI.root) throws -> (ok: Bool, output: String) {
        #expect(FileManager.default.isExecutableFile(atPath: validator), "validate-sarif not found at \(validator)")
        let file = try CLI.scratch() + "/out.sarif"
        try sarif.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validator] + (strict ? ["--strict"] : []) + ["--source-root", sourceRoot, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, out)
    }

    /// Demo output with the machine-specific parts (the checkout's path) replaced.
    static func demo(_ format: String, jobs: Int = 2) throws -> String {
        let run = try CLI.gilcheck(["check", "Corpus/demo", "--embedded-headers", "--format", format, "--jobs", "\(jobs)",
                                    "--source-root", CLI.root])
        #expect(run.status == 1, "\(run.stderr)")
        return run.stdout.replacingOccurrences(of: CLI.root, with: "$ROOT")
    }

    @Test("golden demo output", arguments: formats)
    func golden(_ format: String) throws {
        let actual = try Self.demo(format)
        let path = Self.goldenDirectory + "/demo.\(format)"
        if ProcessInfo.processInfo.environment["GILCHECK_UPDATE_GOLDEN"] != nil {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "Corpus/demo --format \(format) differs from \(path); GILCHECK_UPDATE_GOLDEN=1 rewrites it")
        #expect(try Self.demo(format, jobs: 1) == actual, "output depends on --jobs")
    }

    @Test func demoAndCorpusSARIFPassStrictValidation() throws {
        let demo = try CLI.gilcheck(["Corpus/demo", "--format", "sarif"])
        let (ok, out) = try Self.validate(demo.stdout)
        #expect(ok, "\(out)")
        let corpus = try CLI.gilcheck(["Corpus", "--format", "sarif", "--fail-on", "never"])
        let (corpusOK, corpusOut) = try Self.validate(corpus.stdout)
        #expect(corpusOK, "\(corpusOut)")
        #expect(corpus.stdout.contains("\"primaryLocationLineHash\""))
        #expect(corpus.stdout.contains("\"relatedLocations\""))
    }

    @Test func outputFileForEveryFormat() throws {
        let dir = try CLI.scratch()
        for format in Self.formats {
            let file = dir + "/report.\(format)"
            let run = try CLI.gilcheck(["Corpus/demo", "--format", format, "--output", file])
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("findings"))
            let written = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!written.isEmpty)
        }
    }

    /// A module whose finding is on line `3 + padding`, with optional non-ASCII text before it.
    static func racyModule(padding: Int, prefix: String = "") -> String {
        String(repeating: "/* padding */\n", count: padding) + """
            #include <Python.h>
            static long calls;
            static PyObject *f(PyObject *m, PyObject *a) { \(prefix)calls++; Py_RETURN_NONE; }
            static PyMethodDef methods[] = {{"f", f, METH_NOARGS, NULL}, {NULL}};

            """
    }

    func sarifResult(_ sarif: String) throws -> [String: Any] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        return try #require(results.first)
    }

    func region(_ result: [String: Any]) throws -> [String: Int] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        return try #require(physical["region"] as? [String: Int])
    }

    @Test func fingerprintsSurviveLinesInsertedAboveAndMatchGitHubsLineHash() throws {
        let dir = try CLI.scratch()
        let file = dir + "/mod.c"
        try Self.racyModule(padding: 0).write(toFile: file, atomically: true, encoding: .utf8)
        let before = try sarifResult(try CLI.gilcheck([file, "--format", "sarif", "--source-root", dir]).stdout)
        try Self.racyModule(padding: 7).write(toFile: file, atomically: true, encoding: .utf8)
        let afterRun = try CLI.gilcheck([file, "--format", "sarif", "--source-root", dir])
        let after = try sarifResult(afterRun.stdout)

        let fpBefore = try #require(before["partialFingerprints"] as? [String: String])
        let fpAfter = try #require(after["partialFingerprints"] as? [String: String])
        #expect(fpBefore["gilcheck/v1"] != nil)
        #expect(fpBefore["gilcheck/v1"] == fpAfter["gilcheck/v1"], "the line-independent key moved with the line")
        #expect(fpBefore["primaryLocationLineHash"] == fpAfter["primaryLocationLineHash"], "same line text, same hash")
        #expect(try region(before)["startLine"] == 3)
        #expect(try region(after)["startLine"] == 10)

        // GitHub's own hash of that line, as validate-sarif computes it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.validator, "--line-hashes", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line10 = listing.split(separator: "\n").first { $0.hasPrefix("10:") || $0.hasPrefix("10 ") || $0.hasPrefix("10\t") }
        let expected = try #require(line10.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map(String.init) })
        #expect(fpAfter["primaryLocationLineHash"] == expected, "\(listing.prefix(400))")
        let (ok, out) = try Self.validate(afterRun.stdout, sourceRoot: dir)
        #expect(ok, "\(out)")
    }

    @Test func columnsCountUTF16UnitsNotBytes() throws {
        let dir = try CLI.scratch()
        let file = dir + "/mod.c"
        // "é" is 2 bytes and 1 UTF-16 unit; "𝛑" is 4 bytes and 2 UTF-16 units.
        try Self.racyModule(padding: 0, prefix: "(void)\"é𝛑\"; ").write(toFile: file, atomically: true, encoding: .utf8)
        let text = try CLI.gilcheck([file, "--source-root", dir])
        let run = try CLI.gilcheck([file, "--format", "sarif", "--source-root", dir])
        let r = try region(try sarifResult(run.stdout))
        let line = "static PyObject *f(PyObject *m, PyObject *a) { (void)\"é𝛑\"; calls++; Py_RETURN_NONE; }"
        let byteColumn = Array(line.utf8).count - Array("calls++; Py_RETURN_NONE; }".utf8).count + 1
        let utf16Column = line.utf16.count - "calls++; Py_RETURN_NONE; }".utf16.count + 1
        #expect(text.stdout.contains("mod.c:3:\(byteColumn):"), "text keeps clang's byte columns")
        #expect(r["startColumn"] == utf16Column)
        #expect(r["endColumn"] == utf16Column + 5)
        #expect(byteColumn - utf16Column == 3)
        let (ok, out) = try Self.validate(run.stdout, sourceRoot: dir)
        #expect(ok, "\(out)")
    }

    @Test func fiveThousandFindingsStillMakeAValidLog() throws {
        let dir = try CLI.scratch()
        var code = "#include <Python.h>\n"
        let count = 5100
        for i in 0..<count { code += "static long c\(i);\n" }
        code += "static PyObject *f(PyObject *m, PyObject *a) {\n"
        for i in 0..<count { code += "    c\(i)++;\n" }
        code += "    Py_RETURN_NONE;\n}\nstatic PyMethodDef methods[] = {{\"f\", f, METH_NOARGS, NULL}, {NULL}};\n"
        try code.write(toFile: dir + "/big.c", atomically: true, encoding: .utf8)
        let run = try CLI.gilcheck([dir + "/big.c", "--format", "sarif", "--source-root", dir])
        #expect(run.status == 1)
        #expect(run.stdout.components(separatedBy: "\"ruleId\"").count - 1 == count)
        #expect(run.stdout.contains("GitHub code scanning shows only the first 5000"))
        let (ok, out) = try Self.validate(run.stdout, strict: false, sourceRoot: dir)
        #expect(ok, "\(out)")
        #expect(out.contains("GH-LIMIT-RESULTS"), "the display-limit warning is expected")
    }

    @Test func filesOutsideTheSourceRootKeepAbsoluteURIs() throws {
        let dir = try CLI.scratch()
        try Self.racyModule(padding: 0).write(toFile: dir + "/mod.c", atomically: true, encoding: .utf8)
        let run = try CLI.gilcheck([dir + "/mod.c", "--format", "sarif", "--source-root", CLI.root])
        #expect(run.stdout.contains("\"uri\" : \"file://\(dir)/mod.c\""))
        let json = try CLI.gilcheck([dir + "/mod.c", "--format", "json", "--source-root", dir])
        #expect(json.stdout.contains("\"file\" : \"mod.c\""))
        #expect(json.stdout.contains("\"schema\" : \"gilcheck-findings\""))
    }

    @Test func githubAnnotationsAreEscaped() throws {
        let run = try CLI.gilcheck(["Corpus/demo", "--format", "github"])
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("::warning file=Corpus/demo/textstats.c,line=") || line.hasPrefix("::error file=Corpus/demo/textstats.c,line="))
            #expect(line.contains(",title=gilcheck "))
        }
        #expect(run.stdout.contains("%0A"), "notes are folded into the message")
    }

    @Test func markdownAuditSaysWhetherModulesDeclareGILSupport() throws {
        let run = try CLI.gilcheck(["Corpus/demo", "--format", "markdown"])
        #expect(run.stdout.contains("| `textstats` |"))
        #expect(run.stdout.contains("yes (`Py_MOD_GIL_NOT_USED`), but findings remain"))
        #expect(run.stdout.contains("## Findings by rule"))
        #expect(run.stdout.contains("## Top findings"))
    }

    @Test func inputErrorsBecomeNotifications() throws {
        let dir = try CLI.scratch()
        try Data([0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: dir + "/blob.c"))
        try Self.racyModule(padding: 0).write(toFile: dir + "/mod.c", atomically: true, encoding: .utf8)
        let run = try CLI.gilcheck([dir, "--format", "sarif", "--source-root", dir])
        #expect(run.status == 2)
        #expect(run.stdout.contains("\"executionSuccessful\" : false"))
        #expect(run.stdout.contains("blob.c: contains binary data"))
        #expect(run.stdout.contains("\"ruleId\" : \"static-mutable-state\""))
        // Valid; the only warnings are the ones this run must raise: an unsuccessful execution
        // and an error notification.
        let (ok, out) = try Self.validate(run.stdout, strict: false, sourceRoot: dir)
        #expect(ok, "\(out)")
        let warnings = out.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.hasSuffix("[SARIF-INVOCATION]") }, "\(out)")
    }
}
