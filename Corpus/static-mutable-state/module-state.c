/*
 * _meter: multi-phase initialization with module state (PEP 489, 3.5+).
 *
 * Counters live in the module state returned by PyModule_GetState(), with a
 * PyMutex beside them: module state is still shared by every thread that
 * uses the module, so it needs the lock too, but it is not a C static.
 * Statics written in the Py_mod_exec function (and in helpers that only it
 * calls) are init-only. A helper also called from a method is not.
 */
#include <Python.h>

typedef struct {
    PyMutex lock;
    long long readings;
    double total;
    PyObject *unit;         /* str, set by exec */
} meter_state;

static double scale_factor;             /* set by exec, read-only afterwards */
static const char *build_tag;           /* set by exec, read-only afterwards */
static long calibrations;               /* BUG: calibrate() also writes it */

static inline meter_state *
get_state(PyObject *module)
{
    return (meter_state *)PyModule_GetState(module);
}

/* Called only from meter_exec. */
static void
load_build_info(void)
{
    build_tag = Py_GetVersion();                            // ok: static-mutable-state
}

/* Called from meter_exec and from calibrate(). */
static void
recalibrate(double factor)
{
    scale_factor = factor;                                  // expect: static-mutable-state {{'scale_factor'}}
    calibrations += 1;                                      // expect: static-mutable-state {{'calibrations'}}
}

static PyObject *
meter_record(PyObject *module, PyObject *arg)
{
    meter_state *st = get_state(module);
    double v = PyFloat_AsDouble(arg);

    if (v == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    PyMutex_Lock(&st->lock);
    st->readings++;                                         // ok: static-mutable-state
    st->total += v * scale_factor;                          // ok: static-mutable-state
    PyMutex_Unlock(&st->lock);
    Py_RETURN_NONE;
}

static PyObject *
meter_calibrate(PyObject *module, PyObject *arg)
{
    double f = PyFloat_AsDouble(arg);

    if (f == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    recalibrate(f);
    Py_RETURN_NONE;
}

static PyObject *
meter_summary(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    meter_state *st = get_state(module);
    long long n;
    double total;

    PyMutex_Lock(&st->lock);
    n = st->readings;
    total = st->total;
    PyMutex_Unlock(&st->lock);
    return Py_BuildValue("(LdOs)", n, total, st->unit, build_tag);
}

static int
meter_exec(PyObject *module)
{
    meter_state *st = get_state(module);

    load_build_info();
    recalibrate(1.0);
    st->unit = PyUnicode_FromString("kWh");
    if (st->unit == NULL) {
        return -1;
    }
    return 0;
}

static int
meter_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(get_state(module)->unit);
    return 0;
}

static int
meter_clear(PyObject *module)
{
    Py_CLEAR(get_state(module)->unit);
    return 0;
}

static void
meter_free(void *module)
{
    (void)meter_clear((PyObject *)module);
}

static PyMethodDef meter_methods[] = {
    {"record", meter_record, METH_O, NULL},
    {"calibrate", meter_calibrate, METH_O, NULL},
    {"summary", meter_summary, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot meter_slots[] = {
    {Py_mod_exec, meter_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef meter_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_meter",
    .m_size = sizeof(meter_state),
    .m_methods = meter_methods,
    .m_slots = meter_slots,
    .m_traverse = meter_traverse,
    .m_clear = meter_clear,
    .m_free = meter_free,
};

PyMODINIT_FUNC
PyInit__meter(void)
{
    return PyModuleDef_Init(&meter_module);
}
