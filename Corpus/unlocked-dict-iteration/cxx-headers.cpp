// unlocked-dict-iteration in C++: an HTTP request object keeps its headers in
// a dict, and a static dict holds default headers. C++ code copies them into
// std::vector / std::map with PyDict_Next. Reported without a lock;
// not reported under a critical section on self, under a std::lock_guard,
// or for kwargs.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

struct RequestObject {
    PyObject_HEAD
    PyObject *headers;    // dict: str -> str, changed by set_header()
};

static PyObject *g_defaults = nullptr;   // dict: str -> str, created at import
static std::mutex g_defaults_mutex;      // held by every C++ reader and writer of g_defaults

static bool
append_pair(std::vector<std::pair<std::string, std::string>> &out, PyObject *key, PyObject *value)
{
    const char *k = PyUnicode_AsUTF8(key);
    const char *v = PyUnicode_AsUTF8(value);
    if (k == nullptr || v == nullptr) {
        return false;
    }
    out.emplace_back(k, v);
    return true;
}

// ---- positives -------------------------------------------------------------

static PyObject *
Request_header_lines(RequestObject *self, PyObject *)
{
    std::vector<std::pair<std::string, std::string>> lines;
    Py_ssize_t pos = 0;
    PyObject *key = nullptr, *value = nullptr;
    while (PyDict_Next(self->headers, &pos, &key, &value)) {  // expect: unlocked-dict-iteration {{'self->headers'}}
        if (!append_pair(lines, key, value)) {
            return nullptr;
        }
    }
    std::string text;
    for (const auto &kv : lines) {
        text += kv.first + ": " + kv.second + "\r\n";
    }
    return PyUnicode_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size()));
}

static PyObject *
Request_default_count(RequestObject *, PyObject *)
{
    std::map<std::string, int> seen;
    Py_ssize_t pos = 0;
    PyObject *key = nullptr, *value = nullptr;
    while (PyDict_Next(g_defaults, &pos, &key, &value)) {  // expect: unlocked-dict-iteration {{'g_defaults'}}
        const char *k = PyUnicode_AsUTF8(key);
        if (k == nullptr) {
            return nullptr;
        }
        seen[k] += 1;
    }
    return PyLong_FromSize_t(seen.size());
}

// ---- negatives -------------------------------------------------------------

static PyObject *
Request_set_header(RequestObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "set_header(name, value) takes exactly 2 arguments");
        return nullptr;
    }
    if (PyDict_SetItem(self->headers, args[0], args[1]) < 0) {
        return nullptr;
    }
    Py_RETURN_NONE;
}

static PyObject *
Request_header_lines_locked(RequestObject *self, PyObject *)
{
    std::vector<std::pair<std::string, std::string>> lines;
    bool ok = true;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t pos = 0;
    PyObject *key = nullptr, *value = nullptr;
    while (ok && PyDict_Next(self->headers, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        ok = append_pair(lines, key, value);
    }
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        return nullptr;
    }
    return PyLong_FromSize_t(lines.size());
}

static PyObject *
Request_defaults_snapshot(RequestObject *, PyObject *)
{
    std::vector<std::pair<std::string, std::string>> pairs;
    {
        std::lock_guard<std::mutex> guard(g_defaults_mutex);
        Py_ssize_t pos = 0;
        PyObject *key = nullptr, *value = nullptr;
        while (PyDict_Next(g_defaults, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
            if (!append_pair(pairs, key, value)) {
                break;
            }
        }
    }
    if (PyErr_Occurred()) {
        return nullptr;
    }
    return PyLong_FromSize_t(pairs.size());
}

static PyObject *
Request_with_headers(RequestObject *self, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "with_headers() takes keyword arguments only");
        return nullptr;
    }
    std::vector<std::pair<std::string, std::string>> extra;
    Py_ssize_t pos = 0;
    PyObject *key = nullptr, *value = nullptr;
    while (kwargs != nullptr && PyDict_Next(kwargs, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        if (!append_pair(extra, key, value)) {
            return nullptr;
        }
    }
    return PyLong_FromSize_t(extra.size());
}

// ---- type and module boilerplate -------------------------------------------

static int
Request_init(RequestObject *self, PyObject *, PyObject *)
{
    PyObject *headers = PyDict_New();
    if (headers == nullptr) {
        return -1;
    }
    Py_XSETREF(self->headers, headers);
    return 0;
}

static int
Request_traverse(RequestObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->headers);
    return 0;
}

static int
Request_clear(RequestObject *self)
{
    Py_CLEAR(self->headers);
    return 0;
}

static void
Request_dealloc(RequestObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Request_clear(self);
    tp->tp_free(reinterpret_cast<PyObject *>(self));
    Py_DECREF(tp);
}

#define METHOD(fn) reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(fn))

static PyMethodDef Request_methods[] = {
    {"header_lines", METHOD(Request_header_lines), METH_NOARGS, nullptr},
    {"default_count", METHOD(Request_default_count), METH_NOARGS, nullptr},
    {"set_header", METHOD(Request_set_header), METH_FASTCALL, nullptr},
    {"header_lines_locked", METHOD(Request_header_lines_locked), METH_NOARGS, nullptr},
    {"defaults_snapshot", METHOD(Request_defaults_snapshot), METH_NOARGS, nullptr},
    {"with_headers", METHOD(Request_with_headers), METH_VARARGS | METH_KEYWORDS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyType_Slot Request_slots[] = {
    {Py_tp_new, reinterpret_cast<void *>(PyType_GenericNew)},
    {Py_tp_init, reinterpret_cast<void *>(Request_init)},
    {Py_tp_traverse, reinterpret_cast<void *>(Request_traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Request_clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Request_dealloc)},
    {Py_tp_methods, Request_methods},
    {0, nullptr},
};

static PyType_Spec Request_spec = {
    "http11.Request",
    static_cast<int>(sizeof(RequestObject)),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    Request_slots,
};

static int
http11_exec(PyObject *module)
{
    g_defaults = Py_BuildValue("{s:s,s:s}", "User-Agent", "http11/1.0", "Accept", "*/*");
    if (g_defaults == nullptr) {
        return -1;
    }
    PyObject *type = PyType_FromModuleAndSpec(module, &Request_spec, nullptr);
    if (type == nullptr) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Request", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot http11_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(http11_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef http11_module = {  // expect: module-gil-declaration {{'http11'}}
    PyModuleDef_HEAD_INIT,
    "http11",                     // m_name
    nullptr,                      // m_doc
    0,                            // m_size
    nullptr,                      // m_methods
    http11_slots,
    nullptr,                      // m_traverse
    nullptr,                      // m_clear
    nullptr,                      // m_free
};

PyMODINIT_FUNC
PyInit_http11(void)
{
    return PyModuleDef_Init(&http11_module);
}
