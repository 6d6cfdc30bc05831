// unlocked-sequence-access in C++: converting Python sequences to
// std::vector<double>. Reported: PySequence_Fast_ITEMS of an argument, and a
// PyList_GET_SIZE / PyList_GET_ITEM loop over a list held by self. Not
// reported: the same code inside a critical section on the original object,
// a sequence checked to be a tuple, and a list built in this function.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <vector>

struct SeriesObject {
    PyObject_HEAD
    PyObject *values;     // list of floats; append() changes it
};

static bool
to_doubles(PyObject *const *items, Py_ssize_t n, std::vector<double> &out)
{
    out.reserve(static_cast<size_t>(n));
    for (Py_ssize_t i = 0; i < n; ++i) {
        double x = PyFloat_AsDouble(items[i]);
        if (x == -1.0 && PyErr_Occurred()) {
            return false;
        }
        out.push_back(x);
    }
    return true;
}

static PyObject *
mean_of(const std::vector<double> &v)
{
    double total = 0.0;
    for (double x : v) {
        total += x;
    }
    return PyFloat_FromDouble(v.empty() ? 0.0 : total / static_cast<double>(v.size()));
}

// ---- positives -------------------------------------------------------------

static PyObject *
series_mean(PyObject *, PyObject *arg)
{
    PyObject *seq = PySequence_Fast(arg, "mean() needs a sequence");
    if (seq == nullptr) {
        return nullptr;
    }
    std::vector<double> v;
    bool ok = to_doubles(PySequence_Fast_ITEMS(seq), PySequence_Fast_GET_SIZE(seq), v);  // expect: unlocked-sequence-access {{'arg'}}
    Py_DECREF(seq);
    return ok ? mean_of(v) : nullptr;
}

static PyObject *
Series_mean(SeriesObject *self, PyObject *)
{
    std::vector<double> v;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(self->values); ++i) {
        PyObject *item = PyList_GET_ITEM(self->values, i);  // expect: unlocked-sequence-access {{'self->values'}}
        double x = PyFloat_AsDouble(item);
        if (x == -1.0 && PyErr_Occurred()) {
            return nullptr;
        }
        v.push_back(x);
    }
    return mean_of(v);
}

// ---- negatives -------------------------------------------------------------

static PyObject *
series_mean_locked(PyObject *, PyObject *arg)
{
    std::vector<double> v;
    bool ok = false;
    Py_BEGIN_CRITICAL_SECTION(arg);
    PyObject *seq = PySequence_Fast(arg, "mean_locked() needs a sequence");
    if (seq != nullptr) {
        ok = to_doubles(PySequence_Fast_ITEMS(seq), PySequence_Fast_GET_SIZE(seq), v);  // ok: unlocked-sequence-access
        Py_DECREF(seq);
    }
    Py_END_CRITICAL_SECTION();
    return ok ? mean_of(v) : nullptr;
}

static PyObject *
Series_mean_locked(SeriesObject *self, PyObject *)
{
    std::vector<double> v;
    bool ok = true;
    Py_BEGIN_CRITICAL_SECTION(self);
    for (Py_ssize_t i = 0; ok && i < PyList_GET_SIZE(self->values); ++i) {
        double x = PyFloat_AsDouble(PyList_GET_ITEM(self->values, i));  // ok: unlocked-sequence-access
        ok = !(x == -1.0 && PyErr_Occurred());
        v.push_back(x);
    }
    Py_END_CRITICAL_SECTION();
    return ok ? mean_of(v) : nullptr;
}

static PyObject *
series_mean_tuple(PyObject *, PyObject *arg)
{
    if (!PyTuple_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "mean_tuple() needs a tuple");
        return nullptr;
    }
    PyObject *seq = PySequence_Fast(arg, "");
    if (seq == nullptr) {
        return nullptr;
    }
    std::vector<double> v;
    bool ok = to_doubles(PySequence_Fast_ITEMS(seq), PySequence_Fast_GET_SIZE(seq), v);  // ok: unlocked-sequence-access
    Py_DECREF(seq);
    return ok ? mean_of(v) : nullptr;
}

static PyObject *
series_linspace_mean(PyObject *, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return nullptr;
    }
    auto *points = PyList_New(n > 0 ? n : 0);
    if (points == nullptr) {
        return nullptr;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(points); ++i) {
        PyObject *x = PyFloat_FromDouble(static_cast<double>(i) / static_cast<double>(n));
        if (x == nullptr) {
            Py_DECREF(points);
            return nullptr;
        }
        PyList_SET_ITEM(points, i, x);  // ok: set-item-on-shared-container
    }
    std::vector<double> v;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(points); ++i) {
        v.push_back(PyFloat_AS_DOUBLE(PyList_GET_ITEM(points, i)));  // ok: unlocked-sequence-access
    }
    Py_DECREF(points);
    return mean_of(v);
}

// ---- type and module boilerplate -------------------------------------------

static PyObject *
Series_append(SeriesObject *self, PyObject *x)
{
    if (PyList_Append(self->values, x) < 0) {
        return nullptr;
    }
    Py_RETURN_NONE;
}

static int
Series_init(SeriesObject *self, PyObject *, PyObject *)
{
    PyObject *values = PyList_New(0);
    if (values == nullptr) {
        return -1;
    }
    Py_XSETREF(self->values, values);
    return 0;
}

static int
Series_traverse(SeriesObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->values);
    return 0;
}

static int
Series_clear(SeriesObject *self)
{
    Py_CLEAR(self->values);
    return 0;
}

static void
Series_dealloc(SeriesObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Series_clear(self);
    tp->tp_free(reinterpret_cast<PyObject *>(self));
    Py_DECREF(tp);
}

#define METHOD(fn) reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(fn))

static PyMethodDef Series_methods[] = {
    {"mean", METHOD(Series_mean), METH_NOARGS, nullptr},
    {"mean_locked", METHOD(Series_mean_locked), METH_NOARGS, nullptr},
    {"append", METHOD(Series_append), METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyType_Slot Series_slots[] = {
    {Py_tp_new, reinterpret_cast<void *>(PyType_GenericNew)},
    {Py_tp_init, reinterpret_cast<void *>(Series_init)},
    {Py_tp_traverse, reinterpret_cast<void *>(Series_traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Series_clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Series_dealloc)},
    {Py_tp_methods, Series_methods},
    {0, nullptr},
};

static PyType_Spec Series_spec = {
    "series.Series",
    static_cast<int>(sizeof(SeriesObject)),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    Series_slots,
};

static int
series_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Series_spec, nullptr);
    if (type == nullptr) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Series", type);
    Py_DECREF(type);
    return rc;
}

static PyMethodDef series_methods[] = {
    {"mean", series_mean, METH_O, nullptr},
    {"mean_locked", series_mean_locked, METH_O, nullptr},
    {"mean_tuple", series_mean_tuple, METH_O, nullptr},
    {"linspace_mean", series_linspace_mean, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot series_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(series_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef series_module = {  // expect: module-gil-declaration {{'series'}}
    PyModuleDef_HEAD_INIT,
    "series",                     // m_name
    nullptr,                      // m_doc
    0,                            // m_size
    series_methods,
    series_slots,
    nullptr,                      // m_traverse
    nullptr,                      // m_clear
    nullptr,                      // m_free
};

PyMODINIT_FUNC
PyInit_series(void)
{
    return PyModuleDef_Init(&series_module);
}
