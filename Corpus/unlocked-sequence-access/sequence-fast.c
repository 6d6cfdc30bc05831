// unlocked-sequence-access, PySequence_Fast form: when its argument is a list,
// PySequence_Fast returns that same list, not a copy. PySequence_Fast_ITEMS
// and PySequence_Fast_GET_ITEM then read the list's item array with no lock,
// while another thread holding the list can append (reallocating the array),
// shrink it or replace items. Reported for arguments and fields of self.
// Not reported: objects known to be tuples, lists built in this function,
// access inside a critical section on the original object, PyTuple_GET_ITEM
// loops, and code that only runs at import.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *points;     /* any sequence of floats, assignable from Python */
} PolylineObject;

typedef struct {
    PyObject *unit_names;     /* tuple of str, built at import */
    Py_ssize_t unit_count;
} vec_state;

/* ---- positives ---------------------------------------------------------- */

static PyObject *
vec_sum(PyObject *module, PyObject *arg)
{
    PyObject *seq = PySequence_Fast(arg, "sum() needs a sequence");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);  // expect: unlocked-sequence-access {{'arg'}} {{Py_BEGIN_CRITICAL_SECTION}}
    double total = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = PyFloat_AsDouble(items[i]);
        if (x == -1.0 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return NULL;
        }
        total += x;
    }
    Py_DECREF(seq);
    return PyFloat_FromDouble(total);
}

static PyObject *
vec_argmax(PyObject *module, PyObject *arg)
{
    PyObject *seq = PySequence_Fast(arg, "argmax() needs a sequence");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t best = -1;
    double best_value = 0.0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        /* __float__ of an item can run Python code that mutates the list. */
        double x = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));  // expect: unlocked-sequence-access {{'arg'}}
        if (x == -1.0 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return NULL;
        }
        if (best < 0 || x > best_value) {
            best = i;
            best_value = x;
        }
    }
    Py_DECREF(seq);
    return PyLong_FromSsize_t(best);
}

static PyObject *
Polyline_length(PolylineObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *seq = PySequence_Fast(self->points, "points must be a sequence");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    double length = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *p = PySequence_Fast_GET_ITEM(seq, i);  // expect: unlocked-sequence-access {{'self->points'}}
        double x = PyFloat_AsDouble(p);
        if (x == -1.0 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return NULL;
        }
        length += x < 0 ? -x : x;
    }
    Py_DECREF(seq);
    return PyFloat_FromDouble(length);
}

/* METH_FASTCALL: args[0] can be a list another thread holds. */
static PyObject *
vec_dot(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "dot(a, b) takes exactly 2 arguments");
        return NULL;
    }
    PyObject *a = PySequence_Fast(args[0], "dot() needs sequences");
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = PySequence_Fast(args[1], "dot() needs sequences");
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(a);
    if (PySequence_Fast_GET_SIZE(b) < n) {
        n = PySequence_Fast_GET_SIZE(b);
    }
    PyObject **xs = PySequence_Fast_ITEMS(a);  // expect: unlocked-sequence-access
    PyObject **ys = PySequence_Fast_ITEMS(b);  // expect: unlocked-sequence-access
    double total = 0.0;
    for (Py_ssize_t i = 0; i < n && !PyErr_Occurred(); i++) {
        total += PyFloat_AsDouble(xs[i]) * PyFloat_AsDouble(ys[i]);
    }
    Py_DECREF(a);
    Py_DECREF(b);
    return PyErr_Occurred() ? NULL : PyFloat_FromDouble(total);
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix: a critical section on the original object, around PySequence_Fast
   and every access to the items. */
static PyObject *
vec_sum_locked(PyObject *module, PyObject *arg)
{
    double total = 0.0;
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(arg);
    PyObject *seq = PySequence_Fast(arg, "sum() needs a sequence");
    if (seq == NULL) {
        err = 1;
    }
    else {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
        PyObject **items = PySequence_Fast_ITEMS(seq);  // ok: unlocked-sequence-access
        for (Py_ssize_t i = 0; i < n && !err; i++) {
            double x = PyFloat_AsDouble(items[i]);
            err = x == -1.0 && PyErr_Occurred();
            total += x;
        }
        Py_DECREF(seq);
    }
    Py_END_CRITICAL_SECTION();
    return err ? NULL : PyFloat_FromDouble(total);
}

/* Only tuples are accepted: a tuple cannot change. */
static PyObject *
vec_norm1(PyObject *module, PyObject *arg)
{
    if (!PyTuple_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "norm1() needs a tuple");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(arg, "norm1() needs a tuple");
    if (seq == NULL) {
        return NULL;
    }
    double total = 0.0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        double x = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));  // ok: unlocked-sequence-access
        if (x == -1.0 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return NULL;
        }
        total += x < 0 ? -x : x;
    }
    Py_DECREF(seq);
    return PyFloat_FromDouble(total);
}

/* Tuples take the fast path; other sequences go through the generic API. */
static PyObject *
vec_count_zero(PyObject *module, PyObject *arg)
{
    Py_ssize_t zeros = 0;
    if (PyTuple_Check(arg)) {
        PyObject *seq = PySequence_Fast(arg, "");
        if (seq == NULL) {
            return NULL;
        }
        PyObject **items = PySequence_Fast_ITEMS(seq);  // ok: unlocked-sequence-access
        for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
            zeros += PyLong_CheckExact(items[i]) && PyLong_AsLong(items[i]) == 0;
        }
        Py_DECREF(seq);
        return PyLong_FromSsize_t(zeros);
    }
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        return NULL;
    }
    zeros = PySequence_Count(arg, zero);
    Py_DECREF(zero);
    return zeros < 0 ? NULL : PyLong_FromSsize_t(zeros);
}

/* A list built here from an iterator: no other thread has it. */
static PyObject *
vec_median_of_iter(PyObject *module, PyObject *iterable)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    PyObject *item;
    while (it != NULL && (item = PyIter_Next(it)) != NULL) {
        int rc = PyList_Append(list, item);
        Py_DECREF(item);
        if (rc < 0) {
            break;
        }
    }
    Py_XDECREF(it);
    if (PyErr_Occurred() || PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *seq = PySequence_Fast(list, "");
    Py_DECREF(list);
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *median = n > 0 ? Py_NewRef(PySequence_Fast_GET_ITEM(seq, n / 2)) : Py_NewRef(Py_None);  // ok: unlocked-sequence-access
    Py_DECREF(seq);
    return median;
}

/* METH_VARARGS: the argument tuple is immutable. */
static PyObject *
vec_max_args(PyObject *module, PyObject *args)
{
    PyObject *best = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *x = PyTuple_GET_ITEM(args, i);  // ok: unlocked-sequence-access
        int gt = best == NULL ? 1 : PyObject_RichCompareBool(x, best, Py_GT);
        if (gt < 0) {
            return NULL;
        }
        if (gt) {
            best = x;
        }
    }
    return Py_NewRef(best != NULL ? best : Py_None);
}

/* ---- type and module boilerplate ---------------------------------------- */

/* Counts the unit names at import; runs before other threads see the module. */
static int
vec_exec(PyObject *module)
{
    vec_state *st = (vec_state *)PyModule_GetState(module);
    PyObject *units = PyObject_GetAttrString(module, "__units__");
    if (units == NULL) {
        PyErr_Clear();
        units = Py_BuildValue("[sss]", "m", "cm", "mm");
        if (units == NULL) {
            return -1;
        }
    }
    PyObject *seq = PySequence_Fast(units, "__units__ must be a sequence");
    Py_DECREF(units);
    if (seq == NULL) {
        return -1;
    }
    st->unit_count = PySequence_Fast_GET_SIZE(seq);
    st->unit_names = PyTuple_New(st->unit_count);
    if (st->unit_names == NULL) {
        Py_DECREF(seq);
        return -1;
    }
    for (Py_ssize_t i = 0; i < st->unit_count; i++) {
        PyTuple_SET_ITEM(st->unit_names, i, Py_NewRef(PySequence_Fast_GET_ITEM(seq, i)));  // ok: unlocked-sequence-access ok: set-item-on-shared-container
    }
    Py_DECREF(seq);
    return 0;
}

static int
Polyline_init(PolylineObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *points;
    static char *kwlist[] = {"points", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Polyline", kwlist, &points)) {
        return -1;
    }
    Py_XSETREF(self->points, Py_NewRef(points));
    return 0;
}

static int
Polyline_traverse(PolylineObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->points);
    return 0;
}

static int
Polyline_clear(PolylineObject *self)
{
    Py_CLEAR(self->points);
    return 0;
}

static void
Polyline_dealloc(PolylineObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Polyline_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Polyline_methods[] = {
    {"length", (PyCFunction)Polyline_length, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Polyline_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Polyline_init},
    {Py_tp_traverse, Polyline_traverse},
    {Py_tp_clear, Polyline_clear},
    {Py_tp_dealloc, Polyline_dealloc},
    {Py_tp_methods, Polyline_methods},
    {0, NULL},
};

static PyType_Spec Polyline_spec = {
    .name = "vec.Polyline",
    .basicsize = sizeof(PolylineObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Polyline_slots,
};

static int
vec_add_type(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Polyline_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Polyline", type);
    Py_DECREF(type);
    return rc;
}

static int
vec_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(((vec_state *)PyModule_GetState(module))->unit_names);
    return 0;
}

static int
vec_clear(PyObject *module)
{
    Py_CLEAR(((vec_state *)PyModule_GetState(module))->unit_names);
    return 0;
}

static PyMethodDef vec_methods[] = {
    {"sum", vec_sum, METH_O, NULL},
    {"argmax", vec_argmax, METH_O, NULL},
    {"dot", (PyCFunction)(void (*)(void))vec_dot, METH_FASTCALL, NULL},
    {"sum_locked", vec_sum_locked, METH_O, NULL},
    {"norm1", vec_norm1, METH_O, NULL},
    {"count_zero", vec_count_zero, METH_O, NULL},
    {"median_of_iter", vec_median_of_iter, METH_O, NULL},
    {"max_args", vec_max_args, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot vec_slots[] = {
    {Py_mod_exec, vec_exec},
    {Py_mod_exec, vec_add_type},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef vec_module = {  // expect: module-gil-declaration {{'vec'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "vec",
    .m_size = sizeof(vec_state),
    .m_methods = vec_methods,
    .m_slots = vec_slots,
    .m_traverse = vec_traverse,
    .m_clear = vec_clear,
};

PyMODINIT_FUNC
PyInit_vec(void)
{
    return PyModuleDef_Init(&vec_module);
}
