import Foundation
@testable import GILCheckCore
import GILCheckRules
import Testing

/// Blanking data tables changes how fast files parse, never what is found.
struct DataTableTests {
    static let numbers = (0..<4000).map { String($0 * 7919 % 65536) }.joined(separator: ", ")

    /// An extension module `name` whose one method runs `body`, after `declarations`.
    static func module(_ name: String, declarations: String, body: String) -> String {
        """
        #include <Python.h>
        \(declarations)
        static PyObject *method(PyObject *self, PyObject *arg) {
            \(body)
        }
        static PyMethodDef methods[] = {{"method", method, METH_O, NULL}, {NULL, NULL, 0, NULL}};
        static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "\(name)", NULL, -1, methods};
        PyMODINIT_FUNC PyInit_\(name)(void) { return PyModule_Create(&def); }

        """
    }

    /// A scratch directory with these files (relative paths, subdirectories made as needed).
    static func scratch(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tables-\(UUID().uuidString)").path
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// The run of `dir` with tables blanked and with them whole; both must parse cleanly, find
    /// the same, and `blankedFiles` files must have been parsed blanked.
    static func expectSameRuns(_ dir: String, arguments: [String] = [], blankedFiles: Int) -> Engine.Result {
        let engine = Engine(rules: AllRules.rules, projectRules: AllRules.projectRules)
        var options = Analysis.options([dir], headers: .embedded, arguments: arguments, jobs: 2)
        options.blankDataTables = true
        let blanked = engine.run(options)
        options.blankDataTables = false
        let whole = engine.run(options)
        #expect(blanked.statistics.withDataTablesBlanked == blankedFiles)
        #expect(whole.statistics.withDataTablesBlanked == 0)
        #expect(blanked.files.allSatisfy(\.parseErrors.isEmpty) && whole.files.allSatisfy(\.parseErrors.isEmpty))
        #expect(blanked.findings == whole.findings)
        #expect(blanked.modules == whole.modules)
        return whole
    }

    static func staticStateMessages(_ result: Engine.Result) -> [String] {
        result.findings.filter { $0.ruleID == "static-mutable-state" }.map(\.message)
    }

    @Test func sameFindingsWithAndWithout() throws {
        let dir = try Self.scratch([
            "tables.c": Self.module("tables", declarations: """
                static const unsigned short weights[] = { \(Self.numbers) };
                static long counts[] = { \(Self.numbers) };
                """, body: "counts[PyLong_AsLong(arg) & 1023]++; return PyLong_FromLong(weights[3]);"),
            // A constant expression reads this table's length: blanked, the assertion would
            // fail, so the file is parsed whole.
            "asserted.c": Self.module("sizes", declarations: """
                static int sizes[] = { \(Self.numbers) };
                _Static_assert(sizeof(sizes) == 4000 * sizeof(int), "4000 sizes");
                """, body: "sizes[0] += 1; Py_RETURN_NONE;"),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let messages = Self.staticStateMessages(Self.expectSameRuns(dir, blankedFiles: 1))
        #expect(messages.contains { $0.contains("'counts'") } && messages.contains { $0.contains("'sizes'") })
        #expect(!messages.contains { $0.contains("'weights'") })
    }

    /// Tables in the project's headers are blanked too: headers found through `#include "..."`
    /// lines, in the including file's directory or an `-I` directory, and through other headers.
    @Test func headerTablesSameFindingsWithAndWithout() throws {
        let dir = try Self.scratch([
            "include/tables.h": "#include \"counts.h\"\nstatic const unsigned short weights[] = { \(Self.numbers) };\n",
            "include/counts.h": "static long counts[] = { \(Self.numbers) };\n",
            "other/shapes.h": "static const short shapes[][2] = { \((0..<800).map { "{\($0), -\($0)}" }.joined(separator: ", ")) };\n",
            "include/sizes.h": "static int sizes[] = { \(Self.numbers) };\n",
            "tables.c": Self.module("tables", declarations: "#include \"include/tables.h\"\n#include \"shapes.h\"",
                                    body: "counts[PyLong_AsLong(arg) & 1023]++; return PyLong_FromLong(weights[3] + shapes[2][1]);"),
            // The source reads the header table's length in a constant expression: parsed whole.
            "asserted.c": Self.module("sizes", declarations: """
                #include "include/sizes.h"
                _Static_assert(sizeof(sizes) == 4000 * sizeof(int), "4000 sizes");
                """, body: "sizes[0] += 1; Py_RETURN_NONE;"),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["-I", dir + "/other"]
        let messages = Self.staticStateMessages(Self.expectSameRuns(dir, arguments: arguments, blankedFiles: 1))
        #expect(messages.contains { $0.contains("'counts'") } && messages.contains { $0.contains("'sizes'") })
        #expect(!messages.contains { $0.contains("'weights'") || $0.contains("'shapes'") })

        // libclang read the blanked headers (found by another spelling of their paths): the
        // tables' lengths are their first elements'.
        var options = Analysis.options([dir], headers: .embedded, arguments: arguments)
        options.blankDataTables = true
        let engine = Engine(rules: AllRules.rules, projectRules: AllRules.projectRules)
        let model = try #require(engine.model(of: dir + "/tables.c", options))
        let types = Dictionary(model.facts.variables.map { ($0.name, $0.type.spelling) }, uniquingKeysWith: { a, _ in a })
        #expect(types["counts"] == "long[1]")
        #expect(types["weights"] == "const unsigned short[1]")
        #expect(types["shapes"] == "const short[1][2]")
    }
}
