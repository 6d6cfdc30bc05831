/*
 * _lru: hit/miss statistics protected by a static PyMutex (public API since
 * CPython 3.13). Writes between PyMutex_Lock and PyMutex_Unlock are fine;
 * the bugs are a write that slipped out of the locked region and a helper
 * that is called both with and without the lock.
 */
#include <Python.h>

static PyMutex stats_lock;      /* zero-initialized == unlocked */
static long hits;
static long misses;
static PyObject *last_key;      /* strong reference, or NULL */
static char last_error[128];

/* Every caller holds stats_lock. */
static void
note_miss(void)
{
    misses++;                                               // ok: static-mutable-state
}

/* Called with the lock held from clear() but without it from lookup(). */
static void
set_error_text(const char *msg)
{
    strncpy(last_error, msg, sizeof(last_error) - 1);       // expect: static-mutable-state {{'last_error'}}
}

static PyObject *
lru_lookup(PyObject *module, PyObject *key)
{
    PyObject *old;
    Py_hash_t h;

    if (!PyUnicode_Check(key)) {
        set_error_text("lookup() key must be str");
        PyErr_SetString(PyExc_TypeError, "key must be str");
        return NULL;
    }
    h = PyObject_Hash(key);
    if (h == -1) {
        return NULL;
    }

    PyMutex_Lock(&stats_lock);
    if (h & 1) {
        hits++;                                             // ok: static-mutable-state
    }
    else {
        note_miss();
    }
    /* Swap under the lock, release the old reference after unlocking. */
    old = last_key;
    last_key = Py_NewRef(key);                              // ok: static-mutable-state
    PyMutex_Unlock(&stats_lock);

    Py_XDECREF(old);
    return PyBool_FromLong(h & 1);
}

static PyObject *
lru_clear(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *old;

    PyMutex_Lock(&stats_lock);
    hits = 0;                                               // ok: static-mutable-state
    old = last_key;
    last_key = NULL;
    set_error_text("");
    PyMutex_Unlock(&stats_lock);
    /* Forgot to keep this inside the locked region. */
    misses = 0;                                             // expect: static-mutable-state {{'misses'}}

    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
lru_info(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    long h, m;

    PyMutex_Lock(&stats_lock);
    h = hits;
    m = misses;
    PyMutex_Unlock(&stats_lock);
    return Py_BuildValue("(ll)", h, m);
}

static PyMethodDef lru_methods[] = {
    {"lookup", lru_lookup, METH_O, NULL},
    {"clear", lru_clear, METH_NOARGS, NULL},
    {"info", lru_info, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot lru_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef lru_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_lru",
    .m_size = 0,
    .m_methods = lru_methods,
    .m_slots = lru_slots,
};

PyMODINIT_FUNC
PyInit__lru(void)
{
    return PyModuleDef_Init(&lru_module);
}
