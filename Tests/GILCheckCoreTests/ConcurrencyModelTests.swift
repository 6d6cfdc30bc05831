import Foundation
@testable import GILCheckCore
import Testing

/// The layer rules stand on: which code runs concurrently, and which locks are held where.
struct ConcurrencyModelTests {
    func model(_ code: String, cxx: Bool = false) throws -> ConcurrencyModel {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(cxx ? "m.cpp" : "m.c").path
        try code.write(toFile: file, atomically: true, encoding: .utf8)
        var options = Engine.Options(paths: [file])
        options.forceEmbeddedHeaders = true
        return try #require(Engine(rules: []).model(of: file, options))
    }

    func flow(_ model: ConcurrencyModel, _ name: String) throws -> FunctionFlow {
        try #require(model.flows.first { $0.function.name == name })
    }

    @Test func rolesFromTablesSlotsAndCalls() throws {
        let m = try model("""
            #include <Python.h>
            static int helper_for_init(void) { return 0; }
            static int shared_helper(void) { return 1; }
            static PyObject *method(PyObject *self, PyObject *arg) { shared_helper(); Py_RETURN_NONE; }
            static int exec_fn(PyObject *m) { helper_for_init(); return shared_helper(); }
            static PyMethodDef methods[] = {{"m", method, METH_O, NULL}, {NULL}};
            static PyModuleDef_Slot slots[] = {{Py_mod_exec, exec_fn}, {0, NULL}};
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, .m_name = "x", .m_methods = methods, .m_slots = slots};
            PyMODINIT_FUNC PyInit_x(void) { return PyModuleDef_Init(&def); }
            """)
        let role = { (name: String) in m.role(of: try self.flow(m, name).function) }
        #expect(try role("method") == .concurrent)
        #expect(try role("shared_helper") == .concurrent)
        #expect(try role("exec_fn") == .initOnly)
        #expect(try role("helper_for_init") == .initOnly)
        #expect(try role("PyInit_x") == .initOnly)
        #expect(m.moduleFunctions.contains(try flow(m, "method").function.usr))
    }

    @Test func helperCalledOnlyUnderALockRunsUnderIt() throws {
        let m = try model("""
            #include <Python.h>
            static PyMutex lock;
            static long total;
            static void add(long n) { total += n; }
            static PyObject *method(PyObject *self, PyObject *arg) {
                PyMutex_Lock(&lock); add(1); PyMutex_Unlock(&lock); Py_RETURN_NONE;
            }
            static PyMethodDef methods[] = {{"m", method, METH_O, NULL}, {NULL}};
            """)
        #expect(m.role(of: try flow(m, "add").function) == .concurrentUnderLock)
    }

    @Test func earlyReturnInsideALockedRegionKeepsTheRestLocked() throws {
        let m = try model("""
            #include <Python.h>
            static PyMutex lock;
            static long a, b;
            static PyObject *method(PyObject *self, PyObject *arg) {
                PyMutex_Lock(&lock);
                if (arg == NULL) { PyMutex_Unlock(&lock); return NULL; }
                a = 1;
                PyMutex_Unlock(&lock);
                b = 1;
                Py_RETURN_NONE;
            }
            static PyMethodDef methods[] = {{"m", method, METH_O, NULL}, {NULL}};
            """)
        let f = try flow(m, "method")
        let a = try #require(f.writes.first { $0.path.text == "a" })
        let b = try #require(f.writes.first { $0.path.text == "b" })
        #expect(m.guardsProtectStatic(a.guards, in: f))
        #expect(!m.guardsProtectStatic(b.guards, in: f))
    }

    @Test func criticalSectionOnSelfDoesNotProtectAStatic() throws {
        let m = try model("""
            #include <Python.h>
            typedef struct { PyObject_HEAD PyObject *cache; } Obj;
            static long n;
            static PyObject *method(PyObject *op, PyObject *arg) {
                Obj *self = (Obj *)op;
                Py_BEGIN_CRITICAL_SECTION(self);
                n++;
                self->cache = NULL;
                Py_END_CRITICAL_SECTION();
                Py_RETURN_NONE;
            }
            static PyMethodDef methods[] = {{"m", method, METH_O, NULL}, {NULL}};
            """)
        let f = try flow(m, "method")
        let n = try #require(f.writes.first { $0.path.text == "n" })
        let field = try #require(f.writes.first { $0.path.text == "self->cache" })
        #expect(!m.guardsProtectStatic(n.guards, in: f))
        #expect(m.guardsProtectObject(field.guards, path: field.path, in: f))
        #expect(m.sharedObject(field.path, in: f) == .selfObject)
    }

    @Test func referenceMacrosAreWrites() throws {
        let m = try model("""
            #include <Python.h>
            static PyObject *a, *b, *c;
            static PyObject *method(PyObject *self, PyObject *arg) {
                Py_CLEAR(a); Py_SETREF(b, Py_NewRef(arg)); Py_XSETREF(c, NULL); Py_RETURN_NONE;
            }
            static PyMethodDef methods[] = {{"m", method, METH_O, NULL}, {NULL}};
            """)
        let written = Set(try flow(m, "method").writes.compactMap { $0.path.staticUSR == nil ? nil : $0.path.text })
        #expect(written == ["a", "b", "c"])
    }

    @Test func checkThenActAndDoubleCheckedLocking() throws {
        let m = try model("""
            #include <Python.h>
            static PyMutex lock;
            static PyObject *lazy, *checked_twice;
            static PyObject *method(PyObject *self, PyObject *arg) {
                if (lazy == NULL) { lazy = PyDict_New(); }
                if (checked_twice == NULL) {
                    PyMutex_Lock(&lock);
                    if (checked_twice == NULL) { checked_twice = PyDict_New(); }
                    PyMutex_Unlock(&lock);
                }
                Py_RETURN_NONE;
            }
            static PyMethodDef methods[] = {{"m", method, METH_O, NULL}, {NULL}};
            """)
        #expect(m.lazyStaticInits.map(\.variable.name) == ["lazy"])
    }

    @Test func cxxScopedLocksAndCallOnce() throws {
        let m = try model("""
            #include <Python.h>
            #include <mutex>
            static std::mutex mu;
            static std::once_flag once;
            static long guarded, after, in_once;
            static PyObject *method(PyObject *self, PyObject *arg) {
                {
                    std::lock_guard<std::mutex> g(mu);
                    guarded++;
                }
                after++;
                std::call_once(once, [] { in_once = 1; });
                Py_RETURN_NONE;
            }
            static PyMethodDef methods[] = {{"m", method, METH_O, nullptr}, {nullptr}};
            """, cxx: true)
        let f = try flow(m, "method")
        let protected = Dictionary(f.writes.map { ($0.path.text, m.guardsProtectStatic($0.guards, in: f)) }, uniquingKeysWith: { a, _ in a })
        #expect(protected["guarded"] == true)
        #expect(protected["after"] == false)
        #expect(protected["in_once"] == true)
    }
}
