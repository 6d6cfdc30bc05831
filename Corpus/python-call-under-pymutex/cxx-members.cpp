// _tally: a C++ counter type with a PyMutex member guarding a std::unordered_map.
//
// The rule follows PyMutex_Lock / PyMutex_Unlock calls. A std::mutex held by a
// std::lock_guard is not a PyMutex (it has the same problem and worse, but it
// is not this rule's). A lock taken in the constructor of a project's own RAII
// class is not followed (known false negative).
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <mutex>
#include <new>
#include <string>
#include <unordered_map>

struct CounterObject {
    PyObject_HEAD
    PyMutex mutex;                                  // guards the fields below
    std::unordered_map<std::string, long> *counts;
    PyObject *last_key;                             // the last key counted, or nullptr
};

// Locks a PyMutex for the lifetime of the object.
class PyMutexHolder {
public:
    explicit PyMutexHolder(PyMutex *m) : m_(m) { PyMutex_Lock(m_); }
    ~PyMutexHolder() { PyMutex_Unlock(m_); }
    PyMutexHolder(const PyMutexHolder &) = delete;
    PyMutexHolder &operator=(const PyMutexHolder &) = delete;

private:
    PyMutex *m_;
};

// Shared by every counter: the key used when add() gets none.
static std::mutex default_mutex;
static PyObject *default_key = nullptr;             // guarded by default_mutex

// ---- positives ---------------------------------------------------------------

// add(key): counts key and remembers it. Py_XSETREF drops the previous key
// while the mutex is held.
static PyObject *
Counter_add(PyObject *op, PyObject *key)
{
    auto *self = reinterpret_cast<CounterObject *>(op);
    const char *s = PyUnicode_AsUTF8(key);
    if (s == nullptr) {
        return nullptr;
    }
    std::string name(s);
    long n;
    PyMutex_Lock(&self->mutex);
    n = ++(*self->counts)[name];
    Py_XSETREF(self->last_key, Py_NewRef(key));     // expect: python-call-under-pymutex {{'self->mutex'}} {{Py_XSETREF}}
    PyMutex_Unlock(&self->mutex);
    return PyLong_FromLong(n);
}

// describe(): the repr of the last key can run any __repr__.
static PyObject *
Counter_describe(PyObject *op, PyObject *)
{
    auto *self = reinterpret_cast<CounterObject *>(op);
    PyObject *text = nullptr;
    size_t size;
    PyMutex_Lock(&self->mutex);
    size = self->counts->size();
    if (self->last_key != nullptr) {
        text = PyObject_Repr(self->last_key);       // expect: python-call-under-pymutex {{PyObject_Repr}}
    }
    PyMutex_Unlock(&self->mutex);
    if (text == nullptr) {
        return PyErr_Occurred() ? nullptr : PyUnicode_FromFormat("<Counter %zu keys>", size);
    }
    PyObject *res = PyUnicode_FromFormat("<Counter %zu keys, last %U>", size, text);
    Py_DECREF(text);
    return res;
}

// last_repr(): the same call under a lock held by an RAII holder.
static PyObject *
Counter_last_repr(PyObject *op, PyObject *)
{
    auto *self = reinterpret_cast<CounterObject *>(op);
    PyMutexHolder hold(&self->mutex);
    if (self->last_key == nullptr) {
        Py_RETURN_NONE;
    }
    return PyObject_Repr(self->last_key);           // todo-expect: python-call-under-pymutex
}

// ---- negatives ---------------------------------------------------------------

// add_safe(key): the fix for add(): swap under the lock, drop after it.
static PyObject *
Counter_add_safe(PyObject *op, PyObject *key)
{
    auto *self = reinterpret_cast<CounterObject *>(op);
    const char *s = PyUnicode_AsUTF8(key);
    if (s == nullptr) {
        return nullptr;
    }
    std::string name(s);
    long n;
    PyObject *old;
    PyMutex_Lock(&self->mutex);
    n = ++(*self->counts)[name];
    old = self->last_key;
    Py_INCREF(key);                                 // ok: python-call-under-pymutex
    self->last_key = key;
    PyMutex_Unlock(&self->mutex);
    Py_XDECREF(old);                                // ok: python-call-under-pymutex
    return PyLong_FromLong(n);
}

// get(key): only C++ data under the lock; the int object is made after it.
static PyObject *
Counter_get(PyObject *op, PyObject *key)
{
    auto *self = reinterpret_cast<CounterObject *>(op);
    const char *s = PyUnicode_AsUTF8(key);
    if (s == nullptr) {
        return nullptr;
    }
    std::string name(s);
    long n = 0;
    PyMutex_Lock(&self->mutex);
    auto it = self->counts->find(name);             // ok: python-call-under-pymutex
    if (it != self->counts->end()) {
        n = it->second;
    }
    PyMutex_Unlock(&self->mutex);
    return PyLong_FromLong(n);                      // ok: python-call-under-pymutex
}

// set_default_key(key): a std::mutex, not a PyMutex.
static PyObject *
tally_set_default_key(PyObject *module, PyObject *key)
{
    std::lock_guard<std::mutex> guard(default_mutex);
    Py_XSETREF(default_key, Py_NewRef(key));        // ok: python-call-under-pymutex
    Py_RETURN_NONE;
}

// ---- type and module boilerplate ---------------------------------------------

static PyObject *
Counter_new(PyTypeObject *type, PyObject *, PyObject *)
{
    auto *self = reinterpret_cast<CounterObject *>(type->tp_alloc(type, 0));
    if (self == nullptr) {
        return nullptr;
    }
    self->counts = new (std::nothrow) std::unordered_map<std::string, long>();
    if (self->counts == nullptr) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return reinterpret_cast<PyObject *>(self);
}

static void
Counter_dealloc(PyObject *op)
{
    auto *self = reinterpret_cast<CounterObject *>(op);
    PyTypeObject *tp = Py_TYPE(op);
    delete self->counts;
    Py_XDECREF(self->last_key);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyMethodDef Counter_methods[] = {
    {"add", Counter_add, METH_O, nullptr},
    {"describe", Counter_describe, METH_NOARGS, nullptr},
    {"last_repr", Counter_last_repr, METH_NOARGS, nullptr},
    {"add_safe", Counter_add_safe, METH_O, nullptr},
    {"get", Counter_get, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_new, reinterpret_cast<void *>(Counter_new)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Counter_dealloc)},
    {Py_tp_methods, Counter_methods},
    {0, nullptr},
};

static PyType_Spec Counter_spec = {
    "_tally.Counter",
    static_cast<int>(sizeof(CounterObject)),
    0,
    Py_TPFLAGS_DEFAULT,
    Counter_slots,
};

static int
tally_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Counter_spec, nullptr);
    if (type == nullptr) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Counter", type);
    Py_DECREF(type);
    return rc;
}

static PyMethodDef tally_methods[] = {
    {"set_default_key", tally_set_default_key, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot tally_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(tally_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef tally_module = {  // expect: module-gil-declaration {{'_tally'}}
    PyModuleDef_HEAD_INIT,
    "_tally",       // m_name
    nullptr,        // m_doc
    0,              // m_size
    tally_methods,
    tally_slots,
    nullptr,        // m_traverse
    nullptr,        // m_clear
    nullptr,        // m_free
};

PyMODINIT_FUNC
PyInit__tally(void)
{
    return PyModuleDef_Init(&tally_module);
}
