/*
 * _memo: a one-entry memo cache kept in statics and guarded by a static
 * PyMutex. Dropping a reference while the mutex is held can run arbitrary
 * Python code (a __del__, a weakref callback, a __eq__): if that code calls
 * back into this module, or blocks, the thread keeps holding the PyMutex,
 * which is not released while the thread waits (a critical section would
 * be), so the process can deadlock.
 *
 * One finding per locked region, on its first offending call. Not reported:
 * new references (Py_NewRef / Py_INCREF) and plain C code under the lock,
 * references dropped after PyMutex_Unlock, an exception raised after the
 * unlock on an error path, and PyErr_Occurred (it only reads the thread's
 * error indicator).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyMutex cache_lock;
static PyObject *last_key;          /* guarded by cache_lock */
static PyObject *last_value;        /* guarded by cache_lock */
static Py_ssize_t hits;             /* guarded by cache_lock */
static Py_ssize_t misses;           /* guarded by cache_lock */

/* ---- positives ---------------------------------------------------------- */

/* remember(key, value) */
static PyObject *
memo_remember(PyObject *module, PyObject *args)
{
    PyObject *key, *value;

    if (!PyArg_UnpackTuple(args, "remember", 2, 2, &key, &value)) {
        return NULL;
    }
    PyMutex_Lock(&cache_lock);
    Py_XDECREF(last_key);                               // expect: python-call-under-pymutex {{'cache_lock'}} {{Py_XDECREF}}
    Py_XDECREF(last_value);                             // ok: python-call-under-pymutex
    last_key = Py_NewRef(key);
    last_value = Py_NewRef(value);
    PyMutex_Unlock(&cache_lock);
    Py_RETURN_NONE;
}

/* update(value): replaces the remembered value, keeps the key. */
static PyObject *
memo_update(PyObject *module, PyObject *value)
{
    PyMutex_Lock(&cache_lock);
    Py_SETREF(last_value, Py_NewRef(value));            // expect: python-call-under-pymutex {{'cache_lock'}}
    PyMutex_Unlock(&cache_lock);
    Py_RETURN_NONE;
}

static PyObject *
memo_forget(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyMutex_Lock(&cache_lock);
    Py_CLEAR(last_key);                                 // expect: python-call-under-pymutex {{Py_CLEAR}}
    Py_CLEAR(last_value);                               // ok: python-call-under-pymutex
    hits = misses = 0;
    PyMutex_Unlock(&cache_lock);
    Py_RETURN_NONE;
}

/* lookup(key): the comparison can run the key's __eq__, which can call
   memo.remember() on this thread and wait for cache_lock forever. */
static PyObject *
memo_lookup(PyObject *module, PyObject *key)
{
    PyObject *value = NULL;
    int eq = 0;

    PyMutex_Lock(&cache_lock);
    if (last_key != NULL) {
        eq = PyObject_RichCompareBool(key, last_key, Py_EQ);    // expect: python-call-under-pymutex {{PyObject_RichCompareBool}}
    }
    if (eq > 0) {
        value = Py_NewRef(last_value);
        hits++;
    }
    else if (eq == 0) {
        misses++;
    }
    PyMutex_Unlock(&cache_lock);
    if (eq < 0) {
        return NULL;
    }
    return value != NULL ? value : Py_NewRef(Py_None);
}

/* last(): raises while still holding the lock. */
static PyObject *
memo_last(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *pair;

    PyMutex_Lock(&cache_lock);
    if (last_key == NULL) {
        PyErr_SetString(PyExc_LookupError, "nothing remembered");     // expect: python-call-under-pymutex {{PyErr_SetString}}
        PyMutex_Unlock(&cache_lock);
        return NULL;
    }
    pair = PyTuple_Pack(2, last_key, last_value);
    PyMutex_Unlock(&cache_lock);
    return pair;
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix for remember(): swap the pointers under the lock, drop the old
   references after unlocking. */
static PyObject *
memo_remember_safe(PyObject *module, PyObject *args)
{
    PyObject *key, *value, *old_key, *old_value;

    if (!PyArg_UnpackTuple(args, "remember_safe", 2, 2, &key, &value)) {
        return NULL;
    }
    PyMutex_Lock(&cache_lock);
    old_key = last_key;
    old_value = last_value;
    Py_INCREF(key);                                     // ok: python-call-under-pymutex
    last_key = key;
    last_value = Py_NewRef(value);                      // ok: python-call-under-pymutex
    PyMutex_Unlock(&cache_lock);
    Py_XDECREF(old_key);                                // ok: python-call-under-pymutex
    Py_XDECREF(old_value);                              // ok: python-call-under-pymutex
    Py_RETURN_NONE;
}

/* last_safe(): unlock first, then raise. */
static PyObject *
memo_last_safe(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *key, *value, *pair;

    PyMutex_Lock(&cache_lock);
    key = Py_XNewRef(last_key);
    value = Py_XNewRef(last_value);
    PyMutex_Unlock(&cache_lock);
    if (key == NULL) {
        PyErr_SetString(PyExc_LookupError, "nothing remembered");     // ok: python-call-under-pymutex
        return NULL;
    }
    pair = PyTuple_Pack(2, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return pair;
}

/* Counts a finished lookup; a lookup that failed with an exception counts as
   neither a hit nor a miss. */
static void
count_result(int hit)
{
    PyMutex_Lock(&cache_lock);
    if (hit) {
        hits++;
    }
    else if (PyErr_Occurred() == NULL) {                // ok: python-call-under-pymutex
        misses++;
    }
    PyMutex_Unlock(&cache_lock);
}

/* lookup_is(key): identity only, so no Python code runs under the lock. */
static PyObject *
memo_lookup_is(PyObject *module, PyObject *key)
{
    PyObject *value = NULL;

    PyMutex_Lock(&cache_lock);
    if (last_key == key) {
        value = Py_NewRef(last_value);                  // ok: python-call-under-pymutex
    }
    PyMutex_Unlock(&cache_lock);
    count_result(value != NULL);
    return value != NULL ? value : Py_NewRef(Py_None);
}

static PyObject *
memo_stats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t h, m;

    PyMutex_Lock(&cache_lock);
    h = hits;                                           // ok: python-call-under-pymutex
    m = misses;
    PyMutex_Unlock(&cache_lock);
    return Py_BuildValue("(nn)", h, m);                 // ok: python-call-under-pymutex
}

/* ---- module boilerplate ------------------------------------------------- */

static PyMethodDef memo_methods[] = {
    {"remember", memo_remember, METH_VARARGS, NULL},
    {"update", memo_update, METH_O, NULL},
    {"forget", memo_forget, METH_NOARGS, NULL},
    {"lookup", memo_lookup, METH_O, NULL},
    {"last", memo_last, METH_NOARGS, NULL},
    {"remember_safe", memo_remember_safe, METH_VARARGS, NULL},
    {"last_safe", memo_last_safe, METH_NOARGS, NULL},
    {"lookup_is", memo_lookup_is, METH_O, NULL},
    {"stats", memo_stats, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static void
memo_free(void *module)
{
    Py_CLEAR(last_key);
    Py_CLEAR(last_value);
}

static PyModuleDef_Slot memo_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef memo_module = {  // expect: module-gil-declaration {{'_memo'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "_memo",
    .m_size = 0,
    .m_methods = memo_methods,
    .m_slots = memo_slots,
    .m_free = memo_free,
};

PyMODINIT_FUNC
PyInit__memo(void)
{
    return PyModuleDef_Init(&memo_module);
}
