import Foundation
import Testing

/// `[tool.gilcheck]` in pyproject.toml: applied, overridden by flags, and rejected with the
/// file, line and key when wrong.
struct ConfigurationTests {
    typealias CLI = CLITests

    static let module = """
        #include <Python.h>
        static PyMutex m;
        static void stats_lock(void) { PyMutex_Lock(&m); }
        static void stats_unlock(void) { PyMutex_Unlock(&m); }
        static long guarded, open_, at_init;
        static void setup_tables(void) { at_init = 1; }
        static PyObject *f(PyObject *mod, PyObject *x) {
            stats_lock(); guarded++; stats_unlock();
            open_++;
        #ifdef TRACK_MORE
            at_init++;
        #endif
            Py_RETURN_NONE;
        }
        static PyMethodDef ms[] = {{"f", f, METH_NOARGS, NULL}, {NULL}};
        static void *keep = (void *)setup_tables;

        """

    static func project(_ toml: String) throws -> String {
        let dir = try CLI.scratch()
        try FileManager.default.createDirectory(atPath: dir + "/src", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/tests", withIntermediateDirectories: true)
        try module.write(toFile: dir + "/src/m.c", atomically: true, encoding: .utf8)
        try module.write(toFile: dir + "/tests/t.c", atomically: true, encoding: .utf8)
        try toml.write(toFile: dir + "/pyproject.toml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func settingsAreApplied() throws {
        let dir = try Self.project("""
            [project]
            requires-python = ">=3.9"

            [tool.gilcheck]
            select = ["static-mutable-state"]
            exclude = ["tests/*"]
            lock-functions = [["stats_lock", "stats_unlock"]]
            init-functions = ["setup_tables"]
            defines = ["TRACK_MORE"]

            [tool.gilcheck.levels]
            static-mutable-state = "error"

            """)
        let run = try CLI.gilcheck(["."], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("src/m.c:9:5: error: static 'open_'"), "\(run.stdout)")
        #expect(!run.stdout.contains("'guarded'"), "the project's lock helpers guard it")
        // Written at line 6 by an init function (configuration) and at line 11 under a define.
        #expect(run.stdout.contains("src/m.c:11:5: error: static 'at_init'"), "\(run.stdout)")
        #expect(!run.stdout.contains("tests/t.c"), "excluded")
        #expect(!run.stdout.contains("[module-gil-declaration]"), "not selected")
    }

    @Test func flagsWinOverTheFile() throws {
        let dir = try Self.project("""
            [tool.gilcheck]
            select = ["lazy-static-init"]
            fail-on = "never"

            """)
        let fromFile = try CLI.gilcheck(["src"], in: dir)
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout.isEmpty)
        let flags = try CLI.gilcheck(["src", "--select", "static-mutable-state", "--fail-on", "warning"], in: dir)
        #expect(flags.status == 1)
        #expect(flags.stdout.contains("'open_'"))
        let other = try CLI.scratch()
        try "[tool.gilcheck]\nignore = [\"static-mutable-state\"]\n".write(toFile: other + "/alt.toml", atomically: true, encoding: .utf8)
        let explicit = try CLI.gilcheck(["src", "--config", other + "/alt.toml", "--fail-on", "note"], in: dir)
        #expect(!explicit.stdout.contains("[static-mutable-state]"))
    }

    @Test("bad configuration", arguments: [
        ("selct = [\"x\"]", "pyproject.toml:2: unknown key 'selct' in [tool.gilcheck]"),
        ("select = \"static-mutable-state\"", "pyproject.toml:2: 'select' in [tool.gilcheck] must be an array of strings"),
        ("ignore = [\"no-such-rule\"]", "pyproject.toml:2: unknown rule 'no-such-rule' in 'ignore'"),
        ("jobs = 0", "pyproject.toml:2: 'jobs' in [tool.gilcheck] must be a whole number"),
        ("lock-functions = [\"lock\"]", "pyproject.toml:2: 'lock-functions' in [tool.gilcheck] must be an array of [acquire, release] name pairs"),
        ("select = [", "pyproject.toml:2: not valid TOML"),
    ])
    func badConfiguration(_ line: String, _ message: String) throws {
        let dir = try Self.project("[tool.gilcheck]\n\(line)\n")
        let run = try CLI.gilcheck(["src"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func unknownLevelKeyNamesItsLine() throws {
        let dir = try Self.project("[tool.gilcheck]\nselect = [\"static-mutable-state\"]\n\n[tool.gilcheck.levels]\nstatic-mutable-stat = \"error\"\n")
        let run = try CLI.gilcheck(["src"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("pyproject.toml:5: unknown rule 'static-mutable-stat' in [tool.gilcheck.levels]"), "\(run.stderr)")
    }

    @Test func fixesArePhrasedForTheMinimumPython() throws {
        let code = """
            #include <Python.h>
            static PyObject *cache;
            static PyObject *f(PyObject *m, PyObject *k) { return Py_XNewRef(PyDict_GetItem(cache, k)); }
            static PyMethodDef ms[] = {{"f", f, METH_O, NULL}, {NULL}};

            """
        for (spec, expected, absent) in [(">=3.9", "PyDict_GetItemRef (CPython 3.13+; pythoncapi-compat backports it to older Pythons)", ""),
                                         (">=3.13", "Fix: PyDict_GetItemRef returns a strong reference", "pythoncapi-compat")] {
            let dir = try CLI.scratch()
            try code.write(toFile: dir + "/m.c", atomically: true, encoding: .utf8)
            try "[project]\nrequires-python = \"\(spec)\"\n".write(toFile: dir + "/pyproject.toml", atomically: true, encoding: .utf8)
            let run = try CLI.gilcheck(["m.c", "--select", "borrowed-reference"], in: dir)
            #expect(run.stdout.contains(expected), "\(spec): \(run.stdout)")
            if !absent.isEmpty { #expect(!run.stdout.contains(absent)) }
        }
    }
}
