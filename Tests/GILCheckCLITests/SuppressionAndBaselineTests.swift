import Foundation
import Testing

/// Inline suppressions and baselines: what maintainers use to adopt gilcheck on a large
/// extension without fixing everything first.
struct SuppressionAndBaselineTests {
    typealias CLI = CLITests

    static func module(_ body: String, padding: Int = 0) -> String {
        String(repeating: "/* padding */\n", count: padding) + """
            #include <Python.h>
            static long hits, misses, total;
            \(body)
            static PyMethodDef methods[] = {{"f", f, METH_NOARGS, NULL}, {NULL}};

            """
    }

    @Test func ignoreCommentsOnTheLineOrAloneAbove() throws {
        let dir = try CLI.scratch()
        try Self.module("""
            static PyObject *f(PyObject *m, PyObject *a) {
                // gilcheck: ignore[static-mutable-state] statistics only, races accepted
                hits++;
                misses++;  /* gilcheck: ignore[lazy-static-init, static-mutable-state] same */
                total++;
                Py_RETURN_NONE;
            }
            """).write(toFile: dir + "/m.c", atomically: true, encoding: .utf8)
        let run = try CLI.gilcheck([dir + "/m.c", "--select", "static-mutable-state"])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("'hits'") && !run.stdout.contains("'misses'"))
        #expect(run.stdout.contains("'total'"))
        #expect(run.stderr.contains("2 suppressed in the source"))

        let audit = try CLI.gilcheck([dir + "/m.c", "--select", "static-mutable-state", "--include-suppressed"])
        #expect(audit.stdout.contains("(suppressed: statistics only, races accepted)"))
        #expect(audit.status == 1, "only the unsuppressed finding decides the exit status")
        let sarif = try CLI.gilcheck([dir + "/m.c", "--select", "static-mutable-state", "--include-suppressed", "--format", "sarif", "--source-root", dir])
        #expect(sarif.stdout.contains("\"kind\" : \"inSource\""))
        #expect(sarif.stdout.components(separatedBy: "\"suppressions\"").count - 1 == 3, "all results carry the array, or none")
    }

    @Test func fileWideIgnoreUnknownRulesAndUnusedSuppressions() throws {
        let dir = try CLI.scratch()
        try ("// gilcheck: ignore-file[static-mutable-state] counters are approximate by design\n" + Self.module("""
            static PyObject *f(PyObject *m, PyObject *a) {
                hits++;  // gilcheck: ignore[no-such-rule] typo
                Py_RETURN_NONE;  // gilcheck: ignore[lazy-static-init] nothing here
            }
            """)).write(toFile: dir + "/m.c", atomically: true, encoding: .utf8)
        let run = try CLI.gilcheck([dir + "/m.c", "--select", "static-mutable-state", "--report-unused-suppressions"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("m.c:5: suppression names unknown rule 'no-such-rule'"))
        #expect(run.stderr.contains("m.c:6: suppression silences nothing"))
        #expect(!run.stderr.contains("m.c:1: suppression silences nothing"))
    }

    @Test func baselineSurvivesEditsElsewhereAndReportsOnlyNewFindings() throws {
        let dir = try CLI.scratch()
        let file = dir + "/m.c"
        let original = """
            static PyObject *f(PyObject *m, PyObject *a) {
                hits++;
                misses++;
                Py_RETURN_NONE;
            }
            """
        try Self.module(original).write(toFile: file, atomically: true, encoding: .utf8)
        let record = try CLI.gilcheck(["baseline", file, "--output", dir + "/baseline.json", "--source-root", dir,
                                       "--select", "static-mutable-state"])
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stderr.contains("recorded 2 findings"))

        // Lines inserted above, the function reformatted: the same findings.
        let edited = """
            static PyObject *
            f(PyObject *m,   PyObject *a)
            {
                    hits++;

                    misses++;
                Py_RETURN_NONE;
            }
            """
        try Self.module(edited, padding: 9).write(toFile: file, atomically: true, encoding: .utf8)
        let same = try CLI.gilcheck([file, "--baseline", dir + "/baseline.json", "--source-root", dir, "--select", "static-mutable-state"])
        #expect(same.status == 0, "\(same.stdout)")
        #expect(same.stderr.contains("2 in the baseline"))

        // A new race is reported.
        let grown = edited.replacingOccurrences(of: "Py_RETURN_NONE;", with: "total += 2;\n    Py_RETURN_NONE;")
        try Self.module(grown, padding: 9).write(toFile: file, atomically: true, encoding: .utf8)
        let new = try CLI.gilcheck([file, "--baseline", dir + "/baseline.json", "--source-root", dir, "--select", "static-mutable-state"])
        #expect(new.status == 1)
        #expect(new.stdout.contains("'total'"))
        #expect(!new.stdout.contains("'hits'"))
    }

    @Test func unreadableBaselineIsAnInputError() throws {
        let dir = try CLI.scratch()
        try "{not json".write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
        let run = try CLI.gilcheck(["Corpus/demo", "--baseline", dir + "/b.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("b.json: not a gilcheck baseline"))
        let missing = try CLI.gilcheck(["Corpus/demo", "--baseline", dir + "/none.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.json: cannot be read"))
    }
}
