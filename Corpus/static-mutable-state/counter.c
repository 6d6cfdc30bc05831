/*
 * _stats: call and byte counters kept in plain C globals, the most common
 * shape of unsynchronized global state in extension modules.
 *
 * Without the GIL, `ncalls++` is a load, an add and a store that two threads
 * can interleave: increments are lost and the program has a data race (UB).
 */
#include <Python.h>

static long ncalls;             /* calls to record() and set_last() */
static Py_ssize_t total_bytes;  /* bytes seen by record() */
static double last_value;       /* last value given to set_last() */
static int recursion_limit;     /* sampled once, at import */

/* Exported (external linkage) so that the embedding application can turn on
   tracing: any thread may call it, so it is concurrent code. */
int stats_trace_level = 0;

void
stats_set_trace_level(int level)
{
    stats_trace_level = level;                  // expect: static-mutable-state {{'stats_trace_level'}}
}

static PyObject *
stats_record(PyObject *module, PyObject *arg)
{
    Py_buffer view;

    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    ncalls++;                                   // expect: static-mutable-state {{'ncalls'}}
    total_bytes += view.len;                    // expect: static-mutable-state {{'total_bytes'}}
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

static PyObject *
stats_set_last(PyObject *module, PyObject *arg)
{
    double v = PyFloat_AsDouble(arg);

    if (v == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    last_value = v;                             // expect: static-mutable-state {{'last_value'}}
    /* Same race as in record(), but the rule reports each variable once,
       at its first unsynchronized write. */
    ncalls++;                                   // ok: static-mutable-state
    Py_RETURN_NONE;
}

static PyObject *
stats_next_id(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    /* A function-local static is just as shared as a file-scope one. */
    static unsigned long next_id = 1;

    return PyLong_FromUnsignedLong(next_id++);  // expect: static-mutable-state {{'next_id'}}
}

static PyObject *
stats_snapshot(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    /* Reads only: not reported by this rule. */
    return Py_BuildValue("(lndii)", ncalls, total_bytes, last_value,
                         recursion_limit, stats_trace_level);
}

static PyMethodDef stats_methods[] = {
    {"record", stats_record, METH_O, "Count a bytes-like object."},
    {"set_last", stats_set_last, METH_O, "Remember a float."},
    {"next_id", stats_next_id, METH_NOARGS, "Return a fresh integer id."},
    {"snapshot", stats_snapshot, METH_NOARGS, "Return the counters."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef stats_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_stats",
    .m_doc = "Call statistics.",
    .m_size = -1,
    .m_methods = stats_methods,
};

PyMODINIT_FUNC
PyInit__stats(void)
{
    PyObject *m = PyModule_Create(&stats_module);
    if (m == NULL) {
        return NULL;
    }
    /* Import runs once, under the import lock: writes here are not races. */
    recursion_limit = Py_GetRecursionLimit();   // ok: static-mutable-state
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
