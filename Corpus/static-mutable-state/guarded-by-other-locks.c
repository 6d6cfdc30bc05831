/*
 * _geo: a wrapper around a (pretend) native projection library. Shared C
 * state is protected by the locks such code already used before 3.13:
 * POSIX mutexes and rwlocks, the legacy PyThread lock API, and C11 <threads.h>.
 * A read lock does not make a write safe.
 */
#include <Python.h>
#include <pthread.h>
#include <threads.h>

static pthread_mutex_t proj_lock = PTHREAD_MUTEX_INITIALIZER;
static int proj_context_refs;           /* guarded by proj_lock */

static pthread_rwlock_t grid_lock = PTHREAD_RWLOCK_INITIALIZER;
static double grid_origin[2];           /* guarded by grid_lock */
static long grid_cache_hits;            /* BUG: bumped under the read lock */

static PyThread_type_lock legacy_lock;  /* allocated at import */
static long datum_generation;           /* guarded by legacy_lock */

static mtx_t units_lock;                /* initialized at import */
static int default_units;               /* guarded by units_lock */

static PyObject *
geo_acquire_context(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    int refs;

    pthread_mutex_lock(&proj_lock);
    refs = ++proj_context_refs;                             // ok: static-mutable-state
    pthread_mutex_unlock(&proj_lock);
    return PyLong_FromLong(refs);
}

static PyObject *
geo_set_origin(PyObject *module, PyObject *args)
{
    double x, y;

    if (!PyArg_ParseTuple(args, "dd:set_origin", &x, &y)) {
        return NULL;
    }
    pthread_rwlock_wrlock(&grid_lock);
    grid_origin[0] = x;                                     // ok: static-mutable-state
    grid_origin[1] = y;
    pthread_rwlock_unlock(&grid_lock);
    Py_RETURN_NONE;
}

static PyObject *
geo_origin(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    double x, y;

    pthread_rwlock_rdlock(&grid_lock);
    x = grid_origin[0];
    y = grid_origin[1];
    /* Many readers hold a read lock at the same time. */
    grid_cache_hits++;                                      // expect: static-mutable-state {{'grid_cache_hits'}}
    pthread_rwlock_unlock(&grid_lock);
    return Py_BuildValue("(dd)", x, y);
}

static PyObject *
geo_bump_datum(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    long gen;

    PyThread_acquire_lock(legacy_lock, WAIT_LOCK);
    gen = ++datum_generation;                               // ok: static-mutable-state
    PyThread_release_lock(legacy_lock);
    return PyLong_FromLong(gen);
}

static PyObject *
geo_set_units(PyObject *module, PyObject *arg)
{
    int units = PyLong_AsInt(arg);

    if (units == -1 && PyErr_Occurred()) {
        return NULL;
    }
    mtx_lock(&units_lock);
    default_units = units;                                  // ok: static-mutable-state
    mtx_unlock(&units_lock);
    Py_RETURN_NONE;
}

static PyMethodDef geo_methods[] = {
    {"acquire_context", geo_acquire_context, METH_NOARGS, NULL},
    {"set_origin", geo_set_origin, METH_VARARGS, NULL},
    {"origin", geo_origin, METH_NOARGS, NULL},
    {"bump_datum", geo_bump_datum, METH_NOARGS, NULL},
    {"set_units", geo_set_units, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef geo_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_geo",
    .m_size = -1,
    .m_methods = geo_methods,
};

PyMODINIT_FUNC
PyInit__geo(void)
{
    PyObject *m;

    legacy_lock = PyThread_allocate_lock();                 // ok: static-mutable-state
    if (legacy_lock == NULL) {
        return PyErr_NoMemory();
    }
    if (mtx_init(&units_lock, mtx_plain) != thrd_success) {
        PyErr_SetString(PyExc_RuntimeError, "mtx_init failed");
        return NULL;
    }
    m = PyModule_Create(&geo_module);
#ifdef Py_GIL_DISABLED
    if (m != NULL) {
        PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
    }
#endif
    return m;
}
