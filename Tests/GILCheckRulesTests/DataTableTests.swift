import Foundation
@testable import GILCheckCore
import GILCheckRules
import Testing

/// Blanking data tables changes how fast files parse, never what is found.
struct DataTableTests {
    static let numbers = (0..<4000).map { String($0 * 7919 % 65536) }.joined(separator: ", ")

    @Test func sameFindingsWithAndWithout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tables-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            #include <Python.h>
            static const unsigned short weights[] = { \(Self.numbers) };
            static long counts[] = { \(Self.numbers) };
            static PyObject *bump(PyObject *self, PyObject *arg) {
                counts[PyLong_AsLong(arg) & 1023]++;
                return PyLong_FromLong(weights[3]);
            }
            static PyMethodDef methods[] = {{"bump", bump, METH_O, NULL}, {NULL, NULL, 0, NULL}};
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "tables", NULL, -1, methods};
            PyMODINIT_FUNC PyInit_tables(void) { return PyModule_Create(&def); }

            """.write(toFile: dir + "/tables.c", atomically: true, encoding: .utf8)
        // A constant expression reads this table's length: blanked, the assertion would fail, so
        // the file is parsed whole.
        try """
            #include <Python.h>
            static int sizes[] = { \(Self.numbers) };
            _Static_assert(sizeof(sizes) == 4000 * sizeof(int), "4000 sizes");
            static PyObject *grow(PyObject *self, PyObject *arg) {
                sizes[0] += 1;
                Py_RETURN_NONE;
            }
            static PyMethodDef methods[] = {{"grow", grow, METH_O, NULL}, {NULL, NULL, 0, NULL}};
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "sizes", NULL, -1, methods};
            PyMODINIT_FUNC PyInit_sizes(void) { return PyModule_Create(&def); }

            """.write(toFile: dir + "/asserted.c", atomically: true, encoding: .utf8)

        let engine = Engine(rules: AllRules.rules, projectRules: AllRules.projectRules)
        var options = Analysis.options([dir], headers: .embedded, jobs: 2)
        options.blankDataTables = true
        let blanked = engine.run(options)
        options.blankDataTables = false
        let whole = engine.run(options)

        #expect(blanked.statistics.withDataTablesBlanked == 1, "tables.c blanked, asserted.c parsed whole")
        #expect(whole.statistics.withDataTablesBlanked == 0)
        #expect(blanked.files.allSatisfy(\.parseErrors.isEmpty) && whole.files.allSatisfy(\.parseErrors.isEmpty))
        let variables = { (r: Engine.Result) in Set(r.findings.filter { $0.ruleID == "static-mutable-state" }.map(\.message)) }
        #expect(variables(whole).contains { $0.contains("'counts'") } && variables(whole).contains { $0.contains("'sizes'") })
        #expect(!variables(whole).contains { $0.contains("'weights'") })
        #expect(blanked.findings == whole.findings)
        #expect(blanked.modules == whole.modules)
    }

    /// Tables in the project's headers are blanked too: headers found through `#include "..."`
    /// lines, in the including file's directory or an `-I` directory, and through other headers.
    @Test func headerTablesSameFindingsWithAndWithout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("header-tables-\(UUID().uuidString)").path
        for sub in ["include", "other"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func write(_ text: String, _ name: String) throws {
            try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        try write("""
            #include "counts.h"
            static const unsigned short weights[] = { \(Self.numbers) };

            """, "include/tables.h")
        try write("static long counts[] = { \(Self.numbers) };\n", "include/counts.h")
        try write("static const short shapes[][2] = { \((0..<800).map { "{\($0), -\($0)}" }.joined(separator: ", ")) };\n", "other/shapes.h")
        try write("static int sizes[] = { \(Self.numbers) };\n", "include/sizes.h")
        try write("""
            #include <Python.h>
            #include "include/tables.h"
            #include "shapes.h"
            static PyObject *bump(PyObject *self, PyObject *arg) {
                counts[PyLong_AsLong(arg) & 1023]++;
                return PyLong_FromLong(weights[3] + shapes[2][1]);
            }
            static PyMethodDef methods[] = {{"bump", bump, METH_O, NULL}, {NULL, NULL, 0, NULL}};
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "tables", NULL, -1, methods};
            PyMODINIT_FUNC PyInit_tables(void) { return PyModule_Create(&def); }

            """, "tables.c")
        // The source reads the header table's length in a constant expression: parsed whole.
        try write("""
            #include <Python.h>
            #include "include/sizes.h"
            _Static_assert(sizeof(sizes) == 4000 * sizeof(int), "4000 sizes");
            static PyObject *grow(PyObject *self, PyObject *arg) {
                sizes[0] += 1;
                Py_RETURN_NONE;
            }
            static PyMethodDef methods[] = {{"grow", grow, METH_O, NULL}, {NULL, NULL, 0, NULL}};
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "sizes", NULL, -1, methods};
            PyMODINIT_FUNC PyInit_sizes(void) { return PyModule_Create(&def); }

            """, "asserted.c")

        let engine = Engine(rules: AllRules.rules, projectRules: AllRules.projectRules)
        var options = Analysis.options([dir], headers: .embedded, arguments: ["-I", dir + "/other"], jobs: 2)
        options.blankDataTables = true
        let blanked = engine.run(options)
        options.blankDataTables = false
        let whole = engine.run(options)

        #expect(blanked.statistics.withDataTablesBlanked == 1, "tables.c parsed with its headers' tables blanked, asserted.c whole")
        #expect(whole.statistics.withDataTablesBlanked == 0)
        #expect(blanked.files.allSatisfy(\.parseErrors.isEmpty) && whole.files.allSatisfy(\.parseErrors.isEmpty))
        let variables = { (r: Engine.Result) in Set(r.findings.filter { $0.ruleID == "static-mutable-state" }.map(\.message)) }
        #expect(variables(whole).contains { $0.contains("'counts'") } && variables(whole).contains { $0.contains("'sizes'") })
        #expect(!variables(whole).contains { $0.contains("'weights'") || $0.contains("'shapes'") })
        #expect(blanked.findings == whole.findings)
        #expect(blanked.modules == whole.modules)

        // libclang read the blanked headers (found by another spelling of their paths): the
        // tables' lengths are their first elements'.
        options.blankDataTables = true
        let model = try #require(engine.model(of: dir + "/tables.c", options))
        let types = Dictionary(model.facts.variables.map { ($0.name, $0.type.spelling) }, uniquingKeysWith: { a, _ in a })
        #expect(types["counts"] == "long[1]")
        #expect(types["weights"] == "const unsigned short[1]")
        #expect(types["shapes"] == "const short[1][2]")
    }
}
