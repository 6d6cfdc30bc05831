// set-item-on-shared-container in C++: a histogram keeps its counts as a
// list of ints in self. add() replaces one count with PyList_SET_ITEM: two
// threads can both read the old count and both store, losing an update and
// releasing the same old item twice. Not reported: filling lists and tuples
// just created with PyList_New / PyTuple_New (auto, brace and `=`
// initialization, and a local assigned later), and the update under a
// critical section on self.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <vector>

struct HistogramObject {
    PyObject_HEAD
    PyObject *bins;       // list of int counts
    double lo;
    double width;
};

static PyObject *
list_from(const std::vector<long> &values)
{
    auto *list = PyList_New(static_cast<Py_ssize_t>(values.size()));
    if (list == nullptr) {
        return nullptr;
    }
    for (size_t i = 0; i < values.size(); ++i) {
        PyObject *v = PyLong_FromLong(values[i]);
        if (v == nullptr) {
            Py_DECREF(list);
            return nullptr;
        }
        PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), v);  // ok: set-item-on-shared-container
    }
    return list;
}

static Py_ssize_t
bin_index(HistogramObject *self, PyObject *value)
{
    double x = PyFloat_AsDouble(value);
    if (x == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    Py_ssize_t n = PyList_Size(self->bins);
    auto i = static_cast<Py_ssize_t>((x - self->lo) / self->width);
    if (i < 0 || i >= n) {
        PyErr_SetString(PyExc_ValueError, "value outside the histogram range");
        return -1;
    }
    return i;
}

// ---- positives -------------------------------------------------------------

static PyObject *
Histogram_add(HistogramObject *self, PyObject *value)
{
    Py_ssize_t i = bin_index(self, value);
    if (i < 0) {
        return nullptr;
    }
    PyObject *old = PyList_GET_ITEM(self->bins, i);  // expect: borrowed-reference {{'self->bins'}}
    PyObject *one = PyLong_FromLong(1);
    PyObject *updated = one != nullptr ? PyNumber_Add(old, one) : nullptr;
    Py_XDECREF(one);
    if (updated == nullptr) {
        return nullptr;
    }
    PyList_SET_ITEM(self->bins, i, updated);  // expect: set-item-on-shared-container {{'self->bins'}} {{PyList_SetItem}}
    Py_DECREF(old);
    Py_RETURN_NONE;
}

// ---- negatives -------------------------------------------------------------

static PyObject *
Histogram_add_locked(HistogramObject *self, PyObject *value)
{
    Py_ssize_t i = bin_index(self, value);
    if (i < 0) {
        return nullptr;
    }
    PyObject *one = PyLong_FromLong(1);
    if (one == nullptr) {
        return nullptr;
    }
    bool ok = false;
    Py_BEGIN_CRITICAL_SECTION(self);
    PyObject *old = PyList_GET_ITEM(self->bins, i);  // ok: borrowed-reference
    PyObject *updated = PyNumber_Add(old, one);
    if (updated != nullptr) {
        PyList_SET_ITEM(self->bins, i, updated);  // ok: set-item-on-shared-container
        Py_DECREF(old);
        ok = true;
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(one);
    if (!ok) {
        return nullptr;
    }
    Py_RETURN_NONE;
}

// Returns (lo, width) as a new tuple.
static PyObject *
Histogram_range(HistogramObject *self, PyObject *)
{
    PyObject *t{PyTuple_New(2)};
    if (t == nullptr) {
        return nullptr;
    }
    PyObject *lo = PyFloat_FromDouble(self->lo);
    PyObject *width = PyFloat_FromDouble(self->width);
    if (lo == nullptr || width == nullptr) {
        Py_XDECREF(lo);
        Py_XDECREF(width);
        Py_DECREF(t);
        return nullptr;
    }
    PyTuple_SET_ITEM(t, 0, lo);     // ok: set-item-on-shared-container
    PyTuple_SET_ITEM(t, 1, width);  // ok: set-item-on-shared-container
    return t;
}

// Bin edges: a local assigned from PyList_New after its declaration.
static PyObject *
Histogram_edges(HistogramObject *self, PyObject *)
{
    PyObject *edges = nullptr;
    Py_ssize_t n = PyList_Size(self->bins);
    if (n < 0) {
        return nullptr;
    }
    edges = PyList_New(n + 1);
    if (edges == nullptr) {
        return nullptr;
    }
    for (Py_ssize_t i = 0; i <= n; ++i) {
        PyObject *edge = PyFloat_FromDouble(self->lo + static_cast<double>(i) * self->width);
        if (edge == nullptr) {
            Py_DECREF(edges);
            return nullptr;
        }
        PyList_SET_ITEM(edges, i, edge);  // ok: set-item-on-shared-container
    }
    return edges;
}

// ---- type and module boilerplate -------------------------------------------

static int
Histogram_init(HistogramObject *self, PyObject *args, PyObject *kwds)
{
    int nbins = 10;
    double lo = 0.0, hi = 1.0;
    static const char *kwlist[] = {"lo", "hi", "bins", nullptr};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ddi:Histogram", const_cast<char **>(kwlist), &lo, &hi, &nbins)) {
        return -1;
    }
    if (nbins <= 0 || !(hi > lo)) {
        PyErr_SetString(PyExc_ValueError, "need bins > 0 and hi > lo");
        return -1;
    }
    PyObject *bins = list_from(std::vector<long>(static_cast<size_t>(nbins), 0));
    if (bins == nullptr) {
        return -1;
    }
    Py_XSETREF(self->bins, bins);
    self->lo = lo;
    self->width = (hi - lo) / nbins;
    return 0;
}

static int
Histogram_traverse(HistogramObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->bins);
    return 0;
}

static int
Histogram_clear(HistogramObject *self)
{
    Py_CLEAR(self->bins);
    return 0;
}

static void
Histogram_dealloc(HistogramObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Histogram_clear(self);
    tp->tp_free(reinterpret_cast<PyObject *>(self));
    Py_DECREF(tp);
}

#define METHOD(fn) reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(fn))

static PyMethodDef Histogram_methods[] = {
    {"add", METHOD(Histogram_add), METH_O, nullptr},
    {"add_locked", METHOD(Histogram_add_locked), METH_O, nullptr},
    {"range", METHOD(Histogram_range), METH_NOARGS, nullptr},
    {"edges", METHOD(Histogram_edges), METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyType_Slot Histogram_slots[] = {
    {Py_tp_new, reinterpret_cast<void *>(PyType_GenericNew)},
    {Py_tp_init, reinterpret_cast<void *>(Histogram_init)},
    {Py_tp_traverse, reinterpret_cast<void *>(Histogram_traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Histogram_clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Histogram_dealloc)},
    {Py_tp_methods, Histogram_methods},
    {0, nullptr},
};

static PyType_Spec Histogram_spec = {
    "hist.Histogram",
    static_cast<int>(sizeof(HistogramObject)),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    Histogram_slots,
};

static int
hist_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Histogram_spec, nullptr);
    if (type == nullptr) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Histogram", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot hist_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(hist_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef hist_module = {  // expect: module-gil-declaration {{'hist'}}
    PyModuleDef_HEAD_INIT,
    "hist",                       // m_name
    nullptr,                      // m_doc
    0,                            // m_size
    nullptr,                      // m_methods
    hist_slots,
    nullptr,                      // m_traverse
    nullptr,                      // m_clear
    nullptr,                      // m_free
};

PyMODINIT_FUNC
PyInit_hist(void)
{
    return PyModuleDef_Init(&hist_module);
}
