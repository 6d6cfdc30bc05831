import Foundation
import Testing

/// The command-line contract, on the built binary: exit codes, messages, determinism.
struct CLITests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The gilcheck executable next to this test bundle.
    static let binary: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("gilcheck").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue { return candidate }
        }
        return root + "/.build/debug/gilcheck"
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let cacheHome: String = FileManager.default.temporaryDirectory.appendingPathComponent("gilcheck-cli-cache-\(UUID().uuidString)").path

    static func gilcheck(_ args: [String], in directory: String = root, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // The tests' own result cache, never the user's: later runs of the same input use it.
        env["XDG_CACHE_HOME"] = cacheHome
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gilcheck-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let racyFile = """
        #include <Python.h>
        static long calls;
        static PyObject *f(PyObject *m, PyObject *a) { calls++; Py_RETURN_NONE; }
        static PyMethodDef methods[] = {{"f", f, METH_NOARGS, NULL}, {NULL}};

        """

    @Test func demoReportsEveryRuleWithNotesAndExitsOne() throws {
        let run = try Self.gilcheck(["Corpus/demo"])
        #expect(run.status == 1)
        for rule in ["static-mutable-state", "lazy-static-init", "shared-object-check-then-act"] {
            #expect(run.stdout.contains("warning:") && run.stdout.contains("[\(rule)]"), "no \(rule) finding")
        }
        #expect(run.stdout.contains(": note: "))
        #expect(run.stdout.contains("Corpus/demo/textstats.c:"))
        #expect(run.stderr.contains("findings"))
    }

    @Test func outputIsIdenticalAcrossRunsAndJobCounts() throws {
        let a = try Self.gilcheck(["Corpus", "--jobs", "1"])
        let b = try Self.gilcheck(["Corpus", "--jobs", "2"])
        let c = try Self.gilcheck(["Corpus", "--jobs", "2"])
        #expect(a.stdout == b.stdout)
        #expect(b.stdout == c.stdout)
        #expect(!a.stdout.isEmpty)
    }

    @Test func binaryFileIsAnInputErrorButOtherFilesAreAnalyzed() throws {
        let dir = try Self.scratch()
        try Data([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff]).write(to: URL(fileURLWithPath: dir + "/blob.c"))
        try Self.racyFile.write(toFile: dir + "/good.c", atomically: true, encoding: .utf8)
        let run = try Self.gilcheck([dir])
        #expect(run.status == 2)
        #expect(run.stderr.contains("blob.c: contains binary data"))
        #expect(run.stdout.contains("good.c:3:"), "findings of the good file are lost")
    }

    @Test func missingPathIsAnInputErrorButOtherPathsAreAnalyzed() throws {
        let dir = try Self.scratch()
        try Self.racyFile.write(toFile: dir + "/good.c", atomically: true, encoding: .utf8)
        let run = try Self.gilcheck([dir + "/nope.c", dir + "/good.c"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nope.c: no such file or directory"))
        #expect(run.stdout.contains("[static-mutable-state]"))
    }

    @Test func directoryWithoutSourcesIsAnInputError() throws {
        let dir = try Self.scratch()
        try "print('hi')\n".write(toFile: dir + "/setup.py", atomically: true, encoding: .utf8)
        let run = try Self.gilcheck([dir])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no C or C++ sources"))
    }

    @Test func emptySourceFileIsValidAndClean() throws {
        let dir = try Self.scratch()
        FileManager.default.createFile(atPath: dir + "/empty.c", contents: Data())
        let run = try Self.gilcheck([dir + "/empty.c"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("0 findings"))
    }

    @Test func failOnAndRuleSelection() throws {
        let dir = try Self.scratch()
        try Self.racyFile.write(toFile: dir + "/a.c", atomically: true, encoding: .utf8)
        #expect(try Self.gilcheck([dir, "--fail-on", "never"]).status == 0)
        #expect(try Self.gilcheck([dir, "--fail-on", "error"]).status == 0)
        #expect(try Self.gilcheck([dir, "--fail-on", "note"]).status == 1)
        #expect(try Self.gilcheck([dir, "--ignore", "static-mutable-state"]).status == 0)
        #expect(try Self.gilcheck([dir, "--select", "lazy-static-init"]).status == 0)
        #expect(try Self.gilcheck([dir, "--select", "static-mutable-state"]).status == 1)
    }

    @Test func usageErrorsExitTwo() throws {
        let bad = try Self.gilcheck(["--no-such-flag"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("error:"))
        let unknownRule = try Self.gilcheck(["Corpus/demo", "--select", "no-such-rule"])
        #expect(unknownRule.status == 2)
        #expect(unknownRule.stderr.contains("unknown rule 'no-such-rule'"))
        #expect(try Self.gilcheck(["explain", "no-such-rule"]).status == 2)
    }

    @Test func rulesAndExplain() throws {
        let rules = try Self.gilcheck(["rules"])
        #expect(rules.status == 0)
        for rule in ["static-mutable-state", "lazy-static-init", "shared-object-check-then-act"] {
            #expect(rules.stdout.contains(rule))
        }
        let explain = try Self.gilcheck(["explain", "lazy-static-init"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("## Why is this bad?"))
        #expect(try Self.gilcheck(["version"]).stdout.hasPrefix("gilcheck "))
    }

    @Test func headersAreAnalyzedThroughTheFilesThatIncludeThem() throws {
        let dir = try Self.scratch()
        // The header's helper writes a static; only PyInit calls it, so it runs once. Analyzed
        // on its own, the header would look like it is called from anywhere.
        try """
            static PyObject *registry;
            static int setup_registry(void) { registry = PyDict_New(); return registry ? 0 : -1; }

            """.write(toFile: dir + "/registry.h", atomically: true, encoding: .utf8)
        try """
            #include <Python.h>
            #include "registry.h"
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m", NULL, -1, NULL};
            PyMODINIT_FUNC PyInit_m(void) { if (setup_registry() < 0) return NULL; return PyModule_Create(&def); }

            """.write(toFile: dir + "/module.c", atomically: true, encoding: .utf8)
        let run = try Self.gilcheck([dir, "--select", "static-mutable-state"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stderr.contains("2 files analyzed"))
    }

    @Test func callGraphSpansFiles() throws {
        let dir = try Self.scratch()
        // util.c: one helper a method calls (concurrent), one only module init calls (init-only),
        // one nothing in the run calls (an entry point, conservatively).
        try """
            #include <Python.h>
            static long hits, loads, orphans;
            void util_count(void) { hits++; }
            void util_load(void) { loads++; }
            void util_orphan(void) { orphans++; }

            """.write(toFile: dir + "/util.c", atomically: true, encoding: .utf8)
        try """
            #include <Python.h>
            void util_count(void);
            void util_load(void);
            static PyObject *method(PyObject *m, PyObject *a) { util_count(); Py_RETURN_NONE; }
            static PyMethodDef methods[] = {{"m", method, METH_NOARGS, NULL}, {NULL}};
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m", NULL, -1, methods};
            PyMODINIT_FUNC PyInit_m(void) { util_load(); return PyModule_Create(&def); }

            """.write(toFile: dir + "/module.c", atomically: true, encoding: .utf8)
        let run = try Self.gilcheck([dir, "--select", "static-mutable-state"])
        #expect(run.stdout.contains("static 'hits' is written"))
        #expect(!run.stdout.contains("static 'loads'"), "written only at import: \(run.stdout)")
        #expect(run.stdout.contains("static 'orphans' is written"))
    }

    @Test func compilerFlagsAfterDoubleDash() throws {
        let dir = try Self.scratch()
        try """
            #include <Python.h>
            static long calls;
            #ifdef TRACK_CALLS
            static PyObject *f(PyObject *m, PyObject *a) { calls++; Py_RETURN_NONE; }
            static PyMethodDef methods[] = {{"f", f, METH_NOARGS, NULL}, {NULL}};
            #endif

            """.write(toFile: dir + "/a.c", atomically: true, encoding: .utf8)
        #expect(try Self.gilcheck([dir]).status == 0)
        #expect(try Self.gilcheck([dir, "--", "-DTRACK_CALLS"]).status == 1)
    }
}
