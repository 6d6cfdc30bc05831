import Foundation
import Testing

/// Worker processes and the result cache, on the built binary: a crash or a hang costs one
/// file, and a cached run says what an uncached one says.
struct IsolationAndCacheTests {
    typealias CLI = CLITests

    @Test func aParserCrashCostsOneFile() throws {
        let dir = try CLI.scratch()
        try CLI.racyFile.write(toFile: dir + "/good.c", atomically: true, encoding: .utf8)
        try CLI.racyFile.write(toFile: dir + "/crashes.c", atomically: true, encoding: .utf8)
        let run = try CLI.gilcheck([dir, "--no-cache", "--jobs", "1"], environment: ["GILCHECK_FAULT_INJECTION": "crash:crashes.c"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("crashes.c: the parser crashed on it (signal 11"), "\(run.stderr)")
        #expect(run.stdout.contains("good.c:3:"), "the good file's findings are lost")
        #expect(!run.stdout.contains("crashes.c:"))
    }

    @Test func aHangBecomesANotificationAfterTheTimeLimit() throws {
        let dir = try CLI.scratch()
        try CLI.racyFile.write(toFile: dir + "/good.c", atomically: true, encoding: .utf8)
        try CLI.racyFile.write(toFile: dir + "/hangs.c", atomically: true, encoding: .utf8)
        let start = Date()
        let run = try CLI.gilcheck([dir, "--no-cache", "--timeout-per-file", "2", "--format", "sarif"],
                                   environment: ["GILCHECK_FAULT_INJECTION": "hang:hangs.c"])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("hangs.c: parsing it took longer than 2 s (--timeout-per-file)"), "\(run.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sarifRun = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((sarifRun["invocations"] as? [[String: Any]])?.first)
        let notifications = invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
        let timedOut = notifications.filter { (($0["message"] as? [String: Any])?["text"] as? String)?.contains("took longer than 2 s") == true }
        #expect(timedOut.count == 1 && timedOut.first?["level"] as? String == "error", "the time-out is not an error notification: \(notifications)")
        let results = sarifRun["results"] as? [[String: Any]] ?? []
        #expect(results.contains { "\($0["locations"] ?? "")".contains("good.c") }, "the good file's finding is missing")
        let (ok, out) = try ReportFormatTests.validate(run.stdout, strict: false, sourceRoot: dir)
        #expect(ok, "\(out)")
    }

    @Test func aWarmRunSaysWhatAColdRunSays() throws {
        let dir = try CLI.scratch()
        let cache = dir + "/cache"
        try CLI.racyFile.write(toFile: dir + "/a.c", atomically: true, encoding: .utf8)
        let cold = try CLI.gilcheck([dir + "/a.c", "--cache-dir", cache])
        let warm = try CLI.gilcheck([dir + "/a.c", "--cache-dir", cache])
        #expect(cold.status == 1 && warm.status == 1)
        #expect(cold.stdout == warm.stdout)
        #expect(!cold.stderr.contains("from the cache"))
        #expect(warm.stderr.contains("(1 unchanged, from the cache)"), "\(warm.stderr)")
        let uncached = try CLI.gilcheck([dir + "/a.c", "--no-cache"])
        #expect(uncached.stdout == cold.stdout)
    }

    /// A helper in an unchanged file becomes concurrent when a changed file starts calling it
    /// from a method: the cached file's findings follow.
    @Test func wholeProjectFactsFollowAChangeInAnotherFile() throws {
        let dir = try CLI.scratch()
        let cache = dir + "/cache"
        try """
            static int table_ready;
            void fill_table(void) { table_ready = 1; }

            """.write(toFile: dir + "/table.c", atomically: true, encoding: .utf8)
        let initOnly = """
            #include <Python.h>
            void fill_table(void);
            static PyObject *noop(PyObject *m, PyObject *a) { Py_RETURN_NONE; }
            static PyMethodDef methods[] = {{"noop", noop, METH_NOARGS, NULL}, {NULL}};
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m", NULL, -1, methods};
            PyMODINIT_FUNC PyInit_m(void) { fill_table(); return PyModule_Create(&def); }

            """
        try initOnly.write(toFile: dir + "/module.c", atomically: true, encoding: .utf8)
        let before = try CLI.gilcheck([dir + "/module.c", dir + "/table.c", "--cache-dir", cache, "--select", "static-mutable-state"])
        #expect(!before.stdout.contains("table.c:"), "an init-only write reported: \(before.stdout)")
        try initOnly.replacingOccurrences(of: "{ Py_RETURN_NONE; }", with: "{ fill_table(); Py_RETURN_NONE; }")
            .write(toFile: dir + "/module.c", atomically: true, encoding: .utf8)
        let after = try CLI.gilcheck([dir + "/module.c", dir + "/table.c", "--cache-dir", cache, "--select", "static-mutable-state"])
        #expect(after.stderr.contains("(1 unchanged, from the cache)"), "\(after.stderr)")
        #expect(after.stdout.contains("table.c:2:"), "the unchanged file's helper now runs from a method: \(after.stdout)")
    }

    @Test func aChangedHeaderInvalidatesItsIncluders() throws {
        let dir = try CLI.scratch()
        let cache = dir + "/cache"
        // The file never changes; only whether its header makes the counter atomic.
        try "typedef _Atomic int counter_t;\n".write(toFile: dir + "/config.h", atomically: true, encoding: .utf8)
        try "#include \"config.h\"\nstatic counter_t counter;\nint bump(void) { return counter++; }\n"
            .write(toFile: dir + "/use.c", atomically: true, encoding: .utf8)
        let before = try CLI.gilcheck([dir + "/use.c", "--cache-dir", cache, "--select", "static-mutable-state"])
        #expect(!before.stdout.contains("counter"), "\(before.stdout)")
        try "typedef int counter_t;\n".write(toFile: dir + "/config.h", atomically: true, encoding: .utf8)
        let headerOnly = try CLI.gilcheck([dir + "/use.c", "--cache-dir", cache, "--select", "static-mutable-state"])
        #expect(headerOnly.stdout.contains("counter"), "a stale cached result: \(headerOnly.stdout)")
        let uncached = try CLI.gilcheck([dir + "/use.c", "--no-cache", "--select", "static-mutable-state"])
        #expect(headerOnly.stdout == uncached.stdout)
    }

    @Test func aCorruptCacheIsIgnored() throws {
        let dir = try CLI.scratch()
        let cache = dir + "/cache"
        try CLI.racyFile.write(toFile: dir + "/a.c", atomically: true, encoding: .utf8)
        let cold = try CLI.gilcheck([dir + "/a.c", "--cache-dir", cache])
        let entries = FileManager.default.enumerator(atPath: cache)?.compactMap { $0 as? String }.filter { entry in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: cache + "/" + entry, isDirectory: &isDirectory) && !isDirectory.boolValue
        } ?? []
        #expect(!entries.isEmpty)
        for entry in entries { try Data("{garbage".utf8).write(to: URL(fileURLWithPath: cache + "/" + entry)) }
        let again = try CLI.gilcheck([dir + "/a.c", "--cache-dir", cache])
        #expect(again.status == cold.status)
        #expect(again.stdout == cold.stdout)
        #expect(!again.stderr.contains("from the cache"))
    }
}
