// weakref-borrowed-get in C++: a cache of compiled objects held through weak
// references, so that the cache does not keep them alive. A std::mutex
// protects the map, but not the referent: its last strong reference belongs
// to other code, which can drop it while PyWeakref_GetObject's borrowed
// result is in use. Both forms are reported in free functions and in member
// functions. Not reported: PyWeakref_GetRef, PyWeakref_NewRef, and a helper
// whose name merely starts with PyWeakref_.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <mutex>
#include <string>
#include <unordered_map>

namespace {

std::mutex cache_mutex;
std::unordered_map<std::string, PyObject *> cache;   // key -> weak reference; guarded by cache_mutex

// A weak reference owned by a C++ object.
class WeakHandle {
public:
    explicit WeakHandle(PyObject *ref) : ref_(ref) {}
    WeakHandle(const WeakHandle &) = delete;
    WeakHandle &operator=(const WeakHandle &) = delete;
    ~WeakHandle() { Py_XDECREF(ref_); }

    // Borrowed: the referent can die as soon as this returns.
    PyObject *get() const
    {
        return PyWeakref_GET_OBJECT(ref_);  // expect: weakref-borrowed-get {{PyWeakref_GetRef}}
    }

    // Strong reference or nullptr; -1 on error.
    int lock(PyObject **out) const
    {
        return PyWeakref_GetRef(ref_, out);  // ok: weakref-borrowed-get
    }

private:
    PyObject *ref_;
};

// Project helper built on the 3.13 API.
PyObject *
PyWeakref_GetStrong(PyObject *ref)
{
    PyObject *obj = nullptr;
    if (PyWeakref_GetRef(ref, &obj) < 0) {  // ok: weakref-borrowed-get
        return nullptr;
    }
    return obj != nullptr ? obj : Py_NewRef(Py_None);
}

}  // namespace

// ---- positives -------------------------------------------------------------

static PyObject *
wc_get(PyObject *, PyObject *key)
{
    const char *k = PyUnicode_AsUTF8(key);
    if (k == nullptr) {
        return nullptr;
    }
    std::lock_guard<std::mutex> guard(cache_mutex);
    auto it = cache.find(k);
    if (it == cache.end()) {
        Py_RETURN_NONE;
    }
    PyObject *obj = PyWeakref_GetObject(it->second);  // expect: weakref-borrowed-get {{'it->second'}}
    return Py_XNewRef(obj);
}

static PyObject *
wc_describe(PyObject *, PyObject *ref)
{
    if (!PyWeakref_Check(ref)) {
        PyErr_SetString(PyExc_TypeError, "expected a weak reference");
        return nullptr;
    }
    Py_INCREF(ref);
    WeakHandle handle(ref);
    return PyObject_Repr(handle.get());
}

// ---- negatives -------------------------------------------------------------

static PyObject *
wc_get_strong(PyObject *, PyObject *key)
{
    const char *k = PyUnicode_AsUTF8(key);
    if (k == nullptr) {
        return nullptr;
    }
    PyObject *ref = nullptr;
    {
        std::lock_guard<std::mutex> guard(cache_mutex);
        auto it = cache.find(k);
        if (it != cache.end()) {
            ref = Py_NewRef(it->second);
        }
    }
    if (ref == nullptr) {
        Py_RETURN_NONE;
    }
    PyObject *obj = PyWeakref_GetStrong(ref);  // ok: weakref-borrowed-get
    Py_DECREF(ref);
    return obj;
}

static PyObject *
wc_put(PyObject *, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "put(key, obj) takes exactly 2 arguments");
        return nullptr;
    }
    const char *k = PyUnicode_AsUTF8(args[0]);
    if (k == nullptr) {
        return nullptr;
    }
    PyObject *ref = PyWeakref_NewRef(args[1], nullptr);  // ok: weakref-borrowed-get
    if (ref == nullptr) {
        return nullptr;
    }
    PyObject *old = nullptr;
    {
        std::lock_guard<std::mutex> guard(cache_mutex);
        PyObject *&slot = cache[k];
        old = slot;
        slot = ref;
    }
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
wc_is_alive(PyObject *, PyObject *ref)
{
    if (!PyWeakref_Check(ref)) {
        PyErr_SetString(PyExc_TypeError, "expected a weak reference");
        return nullptr;
    }
    Py_INCREF(ref);
    WeakHandle handle(ref);
    PyObject *obj = nullptr;
    if (handle.lock(&obj) < 0) {
        return nullptr;
    }
    bool alive = obj != nullptr;
    Py_XDECREF(obj);
    return PyBool_FromLong(alive);
}

// ---- module boilerplate ----------------------------------------------------

static PyMethodDef wc_methods[] = {
    {"get", wc_get, METH_O, nullptr},
    {"describe", wc_describe, METH_O, nullptr},
    {"get_strong", wc_get_strong, METH_O, nullptr},
    {"put", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(wc_put)), METH_FASTCALL, nullptr},
    {"is_alive", wc_is_alive, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot wc_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef wc_module = {  // expect: module-gil-declaration {{'weakcache'}}
    PyModuleDef_HEAD_INIT,
    "weakcache",                  // m_name
    nullptr,                      // m_doc
    0,                            // m_size
    wc_methods,
    wc_slots,
    nullptr,                      // m_traverse
    nullptr,                      // m_clear
    nullptr,                      // m_free
};

PyMODINIT_FUNC
PyInit_weakcache(void)
{
    return PyModuleDef_Init(&wc_module);
}
