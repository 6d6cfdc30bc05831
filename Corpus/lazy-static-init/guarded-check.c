/*
 * _tz: lazily created time-zone objects and tables, with the whole
 * check-then-create sequence under a lock, so only one thread can see the
 * variable unset and create it. Locks recognized: PyMutex (3.13), POSIX
 * mutexes, C11 mtx_t, and critical sections on an object every thread
 * shares (the module object, a static object). A critical section on
 * `self` does not serialize different instances, so it is no guard for a
 * static.
 */
#include <Python.h>
#include <pthread.h>
#include <threads.h>

typedef struct {
    PyObject_HEAD
    PyObject *key;
} ZoneObject;

static PyMutex utc_lock;
static PyObject *utc;                       /* datetime.timezone.utc */

static pthread_mutex_t offsets_lock = PTHREAD_MUTEX_INITIALIZER;
static long *offset_table;                  /* PyMem_RawMalloc'ed */

static mtx_t leap_lock;                     /* initialized at import */
static int leap_seconds;

static PyObject *zone_cache;                /* dict created at import */
static PyObject *fallback_zone;             /* guarded by zone_cache's lock */

static PyObject *zone_names;                /* guarded by the module's lock */

static PyObject *empty_key;                 /* BUG: "guarded" by self */

static PyObject *
import_utc(void)
{
    PyObject *mod = PyImport_ImportModule("datetime");
    PyObject *tz, *res;

    if (mod == NULL) {
        return NULL;
    }
    tz = PyObject_GetAttrString(mod, "timezone");
    Py_DECREF(mod);
    if (tz == NULL) {
        return NULL;
    }
    res = PyObject_GetAttrString(tz, "utc");
    Py_DECREF(tz);
    return res;
}

static PyObject *
tz_utc(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *res;

    PyMutex_Lock(&utc_lock);
    if (utc == NULL) {                                      // ok: lazy-static-init
        utc = import_utc();
    }
    res = Py_XNewRef(utc);
    PyMutex_Unlock(&utc_lock);
    return res;
}

static PyObject *
tz_offset(PyObject *module, PyObject *arg)
{
    long hours = PyLong_AsLong(arg);
    long result;

    if (hours == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (hours < -12 || hours > 14) {
        PyErr_SetString(PyExc_ValueError, "hours out of range");
        return NULL;
    }
    pthread_mutex_lock(&offsets_lock);
    if (offset_table == NULL) {                             // ok: lazy-static-init
        offset_table = PyMem_RawMalloc(27 * sizeof(long));
        for (int i = 0; offset_table != NULL && i < 27; i++) {
            offset_table[i] = (i - 12) * 3600L;
        }
    }
    result = offset_table != NULL ? offset_table[hours + 12] : hours * 3600L;
    pthread_mutex_unlock(&offsets_lock);
    return PyLong_FromLong(result);
}

static PyObject *
tz_leap_seconds(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    int n;

    mtx_lock(&leap_lock);
    if (leap_seconds == 0) {                                // ok: lazy-static-init
        leap_seconds = 27;
    }
    n = leap_seconds;
    mtx_unlock(&leap_lock);
    return PyLong_FromLong(n);
}

static PyObject *
tz_fallback(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *res;

    Py_BEGIN_CRITICAL_SECTION(zone_cache);
    if (fallback_zone == NULL) {                            // ok: lazy-static-init
        fallback_zone = PyUnicode_FromString("Etc/UTC");
    }
    res = Py_XNewRef(fallback_zone);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
tz_names(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *res;

    Py_BEGIN_CRITICAL_SECTION(module);
    if (!zone_names) {                                      // ok: lazy-static-init
        zone_names = Py_BuildValue("(sss)", "UTC", "CET", "EST");
    }
    res = Py_XNewRef(zone_names);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
Zone_is_empty(ZoneObject *self, PyObject *Py_UNUSED(ignored))
{
    int r = -1;

    Py_BEGIN_CRITICAL_SECTION(self);
    if (empty_key == NULL) {                                // expect: lazy-static-init {{'empty_key'}}
        empty_key = PyUnicode_FromString("");
    }
    if (empty_key != NULL) {
        r = PyObject_RichCompareBool(self->key, empty_key, Py_EQ);
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static void
Zone_dealloc(ZoneObject *self)
{
    Py_XDECREF(self->key);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Zone_methods[] = {
    {"is_empty", (PyCFunction)Zone_is_empty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Zone_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_tz.Zone",
    .tp_basicsize = sizeof(ZoneObject),
    .tp_dealloc = (destructor)Zone_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Zone_methods,
    .tp_new = PyType_GenericNew,
};

static PyMethodDef tz_methods[] = {
    {"utc", tz_utc, METH_NOARGS, NULL},
    {"offset", tz_offset, METH_O, NULL},
    {"leap_seconds", tz_leap_seconds, METH_NOARGS, NULL},
    {"fallback", tz_fallback, METH_NOARGS, NULL},
    {"names", tz_names, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tz_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_tz",
    .m_size = -1,
    .m_methods = tz_methods,
};

PyMODINIT_FUNC
PyInit__tz(void)
{
    PyObject *m;

    if (mtx_init(&leap_lock, mtx_plain) != thrd_success) {
        PyErr_SetString(PyExc_RuntimeError, "mtx_init failed");
        return NULL;
    }
    if (PyType_Ready(&Zone_Type) < 0) {
        return NULL;
    }
    zone_cache = PyDict_New();
    if (zone_cache == NULL) {
        return NULL;
    }
    m = PyModule_Create(&tz_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Zone", (PyObject *)&Zone_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
