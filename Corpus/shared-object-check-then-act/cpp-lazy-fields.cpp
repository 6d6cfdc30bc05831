// shared-object-check-then-act in C++: lazy fields of `self` reached through
// reinterpret_cast / static_cast / auto, compared with nullptr. A critical
// section on self (the C macros work in C++) protects them. A thread_local
// cache is per-thread, not shared.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

struct VectorObject {
    PyObject_HEAD
    PyObject *items;    // list, set in tp_init
    PyObject *norm;     // float, computed on first use
    PyObject *sorted;   // list, computed on first use
    PyObject *as_set;   // frozenset, computed on first use
    PyObject *as_dict;  // dict: index -> item, computed on first use
};

// ---- positives -------------------------------------------------------------

static PyObject *
Vector_norm(PyObject *op, PyObject *)
{
    auto *self = reinterpret_cast<VectorObject *>(op);
    if (self->norm == nullptr) {  // expect: shared-object-check-then-act {{'self->norm'}}
        double sum = 0.0;
        Py_ssize_t n = PyList_Size(self->items);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = PyList_GetItemRef(self->items, i);
            if (item == nullptr) {
                return nullptr;
            }
            double v = PyFloat_AsDouble(item);
            Py_DECREF(item);
            if (v == -1.0 && PyErr_Occurred()) {
                return nullptr;
            }
            sum += v * v;
        }
        self->norm = PyFloat_FromDouble(sum);
    }
    return Py_XNewRef(self->norm);
}

// Early-exit form.
static PyObject *
Vector_sorted(PyObject *op, PyObject *)
{
    VectorObject *vec = (VectorObject *)op;
    if (vec->sorted != nullptr) {  // expect: shared-object-check-then-act {{'vec->sorted'}}
        return Py_NewRef(vec->sorted);
    }
    PyObject *copy = PySequence_List(vec->items);
    if (copy == nullptr || PyList_Sort(copy) < 0) {
        Py_XDECREF(copy);
        return nullptr;
    }
    vec->sorted = copy;
    return Py_NewRef(copy);
}

// Method declared with the concrete type (cast in the method table).
static PyObject *
Vector_as_set(VectorObject *self, PyObject *)
{
    if (!self->as_set) {  // expect: shared-object-check-then-act {{'self->as_set'}}
        self->as_set = PyFrozenSet_New(self->items);
    }
    return Py_XNewRef(self->as_set);
}

// ---- negatives -------------------------------------------------------------

static PyObject *
Vector_as_dict(VectorObject *self, PyObject *)
{
    PyObject *result = nullptr;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->as_dict == nullptr) {  // ok: shared-object-check-then-act
        PyObject *d = PyDict_New();
        Py_ssize_t n = d != nullptr ? PyList_Size(self->items) : 0;
        for (Py_ssize_t i = 0; d != nullptr && i < n; i++) {
            PyObject *key = PyLong_FromSsize_t(i);
            PyObject *item = PyList_GetItemRef(self->items, i);
            if (key == nullptr || item == nullptr || PyDict_SetItem(d, key, item) < 0) {
                Py_CLEAR(d);
            }
            Py_XDECREF(key);
            Py_XDECREF(item);
        }
        self->as_dict = d;
    }
    result = Py_XNewRef(self->as_dict);
    Py_END_CRITICAL_SECTION();
    return result;
}

// One dict per thread: nothing is shared, so there is nothing to race on.
static PyObject *
Vector_index_of(VectorObject *self, PyObject *item)
{
    static thread_local PyObject *positions = nullptr;
    if (positions == nullptr) {  // ok: shared-object-check-then-act
        positions = PyDict_New();
        if (positions == nullptr) {
            return nullptr;
        }
    }
    PyObject *pos = nullptr;
    int found = PyDict_GetItemRef(positions, item, &pos);  // ok: shared-object-check-then-act
    if (found == 0) {
        Py_ssize_t i = PySequence_Index(self->items, item);
        if (i < 0) {
            return nullptr;
        }
        pos = PyLong_FromSsize_t(i);
        if (pos != nullptr && PyDict_SetItem(positions, item, pos) < 0) {
            Py_CLEAR(pos);
        }
    }
    return pos;
}

// ---- type boilerplate ------------------------------------------------------

static int
Vector_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    auto *self = reinterpret_cast<VectorObject *>(op);
    PyObject *iterable = nullptr;
    static const char *kwlist[] = {"items", nullptr};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Vector", const_cast<char **>(kwlist), &iterable)) {
        return -1;
    }
    PyObject *items = PySequence_List(iterable);
    if (items == nullptr) {
        return -1;
    }
    Py_XSETREF(self->items, items);
    Py_CLEAR(self->norm);
    Py_CLEAR(self->sorted);
    Py_CLEAR(self->as_set);
    Py_CLEAR(self->as_dict);
    return 0;
}

static int
Vector_traverse(PyObject *op, visitproc visit, void *arg)
{
    auto *self = reinterpret_cast<VectorObject *>(op);
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->items);
    Py_VISIT(self->norm);
    Py_VISIT(self->sorted);
    Py_VISIT(self->as_set);
    Py_VISIT(self->as_dict);
    return 0;
}

static int
Vector_clear(PyObject *op)
{
    auto *self = reinterpret_cast<VectorObject *>(op);
    Py_CLEAR(self->items);
    Py_CLEAR(self->norm);
    Py_CLEAR(self->sorted);
    Py_CLEAR(self->as_set);
    Py_CLEAR(self->as_dict);
    return 0;
}

static void
Vector_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    (void)Vector_clear(op);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyMethodDef Vector_methods[] = {
    {"norm", Vector_norm, METH_NOARGS, nullptr},
    {"sorted", Vector_sorted, METH_NOARGS, nullptr},
    {"as_set", reinterpret_cast<PyCFunction>(Vector_as_set), METH_NOARGS, nullptr},
    {"as_dict", reinterpret_cast<PyCFunction>(Vector_as_dict), METH_NOARGS, nullptr},
    {"index_of", reinterpret_cast<PyCFunction>(Vector_index_of), METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyType_Slot Vector_slots[] = {
    {Py_tp_new, reinterpret_cast<void *>(PyType_GenericNew)},
    {Py_tp_init, reinterpret_cast<void *>(Vector_init)},
    {Py_tp_traverse, reinterpret_cast<void *>(Vector_traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Vector_clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Vector_dealloc)},
    {Py_tp_methods, Vector_methods},
    {0, nullptr},
};

static PyType_Spec Vector_spec = {
    "vectors.Vector",
    static_cast<int>(sizeof(VectorObject)),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    Vector_slots,
};

static int
vectors_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Vector_spec, nullptr);
    if (type == nullptr) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Vector", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot vectors_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(vectors_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef vectors_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "vectors",   // m_name
    nullptr,     // m_doc
    0,           // m_size
    nullptr,     // m_methods
    vectors_slots,
    nullptr,     // m_traverse
    nullptr,     // m_clear
    nullptr,     // m_free
};

PyMODINIT_FUNC
PyInit_vectors(void)
{
    return PyModuleDef_Init(&vectors_module);
}
