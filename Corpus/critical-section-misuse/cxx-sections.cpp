// _histogram: a C++ extension type that locks itself with the C macros.
//
// Py_BEGIN_CRITICAL_SECTION / Py_END_CRITICAL_SECTION work unchanged in C++.
// A `return` in a lambda defined inside the section returns from the lambda,
// not from the method, so it does not leave the section; a range-for with a
// break inside the section stays inside too. A C++ exception thrown inside the
// section skips Py_END_CRITICAL_SECTION() just like a return, but the rule
// does not follow exceptions (known false negative).
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <algorithm>
#include <new>
#include <stdexcept>
#include <vector>

struct HistogramObject {
    PyObject_HEAD
    std::vector<double> *edges;     // sorted bin edges, fixed in tp_init
    std::vector<long> *counts;      // edges->size() - 1 bins
    long total;
};

// ---- positives ---------------------------------------------------------------

// quantile(q): the smallest bin edge below which a fraction q of the samples lie.
static PyObject *
Histogram_quantile(PyObject *op, PyObject *arg)
{
    auto *self = reinterpret_cast<HistogramObject *>(op);
    double q = PyFloat_AsDouble(arg);
    if (q == -1.0 && PyErr_Occurred()) {
        return nullptr;
    }
    double edge = 0.0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->total == 0) {
        PyErr_SetString(PyExc_ValueError, "empty histogram");
        return nullptr;                                     // expect: critical-section-misuse {{'return'}} {{'self'}}
    }
    long target = static_cast<long>(q * static_cast<double>(self->total));
    long seen = 0;
    size_t i = 0;
    while (i < self->counts->size() && seen + (*self->counts)[i] <= target) {
        seen += (*self->counts)[i];
        i++;
    }
    edge = (*self->edges)[i];
    Py_END_CRITICAL_SECTION();
    return PyFloat_FromDouble(edge);
}

// merge(other): adds other's counts into self. Nested sections do not lock
// both histograms together.
static PyObject *
Histogram_merge(PyObject *op, PyObject *other_obj)
{
    auto *self = reinterpret_cast<HistogramObject *>(op);
    if (!Py_IS_TYPE(other_obj, Py_TYPE(op))) {
        PyErr_SetString(PyExc_TypeError, "expected a Histogram");
        return nullptr;
    }
    auto *other = reinterpret_cast<HistogramObject *>(other_obj);
    bool same_bins = false;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_BEGIN_CRITICAL_SECTION(other);                       // expect: critical-section-misuse {{'other'}}
    same_bins = *self->edges == *other->edges;
    if (same_bins) {
        for (size_t i = 0; i < self->counts->size(); i++) {
            (*self->counts)[i] += (*other->counts)[i];
        }
        self->total += other->total;
    }
    Py_END_CRITICAL_SECTION();
    Py_END_CRITICAL_SECTION();
    if (!same_bins) {
        PyErr_SetString(PyExc_ValueError, "histograms have different bins");
        return nullptr;
    }
    Py_RETURN_NONE;
}

// ---- negatives ---------------------------------------------------------------

// add(x): the lambda's returns leave the lambda, not the section.
static PyObject *
Histogram_add(PyObject *op, PyObject *arg)
{
    auto *self = reinterpret_cast<HistogramObject *>(op);
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) {
        return nullptr;                                     // ok: critical-section-misuse
    }
    bool in_range = false;
    Py_BEGIN_CRITICAL_SECTION(self);
    auto bin_of = [self](double v) -> long {
        const std::vector<double> &e = *self->edges;
        if (v < e.front() || v >= e.back()) {
            return -1;                                      // ok: critical-section-misuse
        }
        return static_cast<long>(std::upper_bound(e.begin(), e.end(), v) - e.begin()) - 1;  // ok: critical-section-misuse
    };
    long bin = bin_of(x);
    if (bin >= 0) {
        (*self->counts)[static_cast<size_t>(bin)]++;
        self->total++;
        in_range = true;
    }
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(in_range);                       // ok: critical-section-misuse
}

// first_empty(): index of the first empty bin, or -1. The range-for is inside
// the section, so its break stays inside.
static PyObject *
Histogram_first_empty(PyObject *op, PyObject *)
{
    auto *self = reinterpret_cast<HistogramObject *>(op);
    Py_ssize_t index = -1;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t i = 0;
    for (long c : *self->counts) {
        if (c == 0) {
            index = i;
            break;                                          // ok: critical-section-misuse
        }
        i++;
    }
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(index);
}

// same_bins(other): both objects in one two-object section.
static PyObject *
Histogram_same_bins(PyObject *op, PyObject *other_obj)
{
    auto *self = reinterpret_cast<HistogramObject *>(op);
    if (!Py_IS_TYPE(other_obj, Py_TYPE(op))) {
        Py_RETURN_FALSE;
    }
    auto *other = reinterpret_cast<HistogramObject *>(other_obj);
    bool same = false;
    Py_BEGIN_CRITICAL_SECTION2(self, other);                // ok: critical-section-misuse
    same = *self->edges == *other->edges;
    Py_END_CRITICAL_SECTION2();
    return PyBool_FromLong(same);
}

// count(i): std::vector::at throws out of the section; the catch turns it into
// an IndexError, but the object is still locked.
static PyObject *
Histogram_count(PyObject *op, PyObject *arg)
{
    auto *self = reinterpret_cast<HistogramObject *>(op);
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred()) {
        return nullptr;
    }
    long n = 0;
    try {
        Py_BEGIN_CRITICAL_SECTION(self);
        if (i < 0) {
            throw std::out_of_range("negative bin");        // todo-expect: critical-section-misuse
        }
        n = self->counts->at(static_cast<size_t>(i));
        Py_END_CRITICAL_SECTION();
    }
    catch (const std::out_of_range &) {
        PyErr_SetString(PyExc_IndexError, "bin index out of range");
        return nullptr;
    }
    return PyLong_FromLong(n);
}

// ---- type and module boilerplate ---------------------------------------------

static int
Histogram_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    auto *self = reinterpret_cast<HistogramObject *>(op);
    static const char *kwlist[] = {"edges", nullptr};
    PyObject *seq = nullptr;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Histogram", const_cast<char **>(kwlist), &seq)) {
        return -1;
    }
    PyObject *tuple = PySequence_Tuple(seq);
    if (tuple == nullptr) {
        return -1;
    }
    std::vector<double> edges;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); i++) {
        double e = PyFloat_AsDouble(PyTuple_GET_ITEM(tuple, i));
        if (e == -1.0 && PyErr_Occurred()) {
            Py_DECREF(tuple);
            return -1;
        }
        edges.push_back(e);
    }
    Py_DECREF(tuple);
    if (edges.size() < 2 || !std::is_sorted(edges.begin(), edges.end())) {
        PyErr_SetString(PyExc_ValueError, "edges must be at least two sorted numbers");
        return -1;
    }
    delete self->edges;
    delete self->counts;
    self->counts = new (std::nothrow) std::vector<long>(edges.size() - 1, 0);
    self->edges = new (std::nothrow) std::vector<double>(std::move(edges));
    self->total = 0;
    if (self->edges == nullptr || self->counts == nullptr) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
Histogram_dealloc(PyObject *op)
{
    auto *self = reinterpret_cast<HistogramObject *>(op);
    PyTypeObject *tp = Py_TYPE(op);
    delete self->edges;
    delete self->counts;
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyMethodDef Histogram_methods[] = {
    {"quantile", Histogram_quantile, METH_O, nullptr},
    {"merge", Histogram_merge, METH_O, nullptr},
    {"add", Histogram_add, METH_O, nullptr},
    {"first_empty", Histogram_first_empty, METH_NOARGS, nullptr},
    {"same_bins", Histogram_same_bins, METH_O, nullptr},
    {"count", Histogram_count, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyType_Slot Histogram_slots[] = {
    {Py_tp_new, reinterpret_cast<void *>(PyType_GenericNew)},
    {Py_tp_init, reinterpret_cast<void *>(Histogram_init)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Histogram_dealloc)},
    {Py_tp_methods, Histogram_methods},
    {0, nullptr},
};

static PyType_Spec Histogram_spec = {
    "_histogram.Histogram",
    static_cast<int>(sizeof(HistogramObject)),
    0,
    Py_TPFLAGS_DEFAULT,
    Histogram_slots,
};

static int
histogram_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Histogram_spec, nullptr);
    if (type == nullptr) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Histogram", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot histogram_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(histogram_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef histogram_module = {  // expect: module-gil-declaration {{'_histogram'}}
    PyModuleDef_HEAD_INIT,
    "_histogram",   // m_name
    nullptr,        // m_doc
    0,              // m_size
    nullptr,        // m_methods
    histogram_slots,
    nullptr,        // m_traverse
    nullptr,        // m_clear
    nullptr,        // m_free
};

PyMODINIT_FUNC
PyInit__histogram(void)
{
    return PyModuleDef_Init(&histogram_module);
}
