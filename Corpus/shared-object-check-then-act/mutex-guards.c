// shared-object-check-then-act under explicit locks: PyMutex (static or in
// module state), the legacy PyThread lock, pthread and C11 mutexes, and a
// static helper whose every call site holds the lock. A lock that is released
// before the check, or a helper with one unguarded caller, does not count.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <threads.h>

typedef struct {
    PyMutex mutex;                  /* guards interned, stopwords */
    PyThread_type_lock legacy_lock; /* guards legacy */
    PyObject *cache;                /* dict, guarded by the static cache_lock */
    PyObject *stopwords;            /* frozenset, created on first use */
    PyObject *legacy;               /* dict */
    PyObject *registry;             /* dict, created on first use */
    PyObject *aliases;              /* dict, created on first use */
    PyObject *interned;             /* dict: str -> str */
    PyObject *recent;               /* dict: str -> int */
    PyObject *lengths;              /* dict: str -> int */
} locks_state;

static PyMutex cache_lock;
static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static mtx_t aliases_mtx;

static locks_state *
get_locks_state(PyObject *module)
{
    return (locks_state *)PyModule_GetState(module);
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
locks_cached_upper(PyObject *module, PyObject *word)
{
    locks_state *st = get_locks_state(module);
    PyObject *result = NULL;
    PyMutex_Lock(&cache_lock);
    int found = PyDict_GetItemRef(st->cache, word, &result);  // ok: shared-object-check-then-act
    if (found == 0) {
        result = PyObject_CallMethod(word, "upper", NULL);  // expect: python-call-under-pymutex
        if (result != NULL && PyDict_SetItem(st->cache, word, result) < 0) {
            Py_CLEAR(result);
        }
    }
    PyMutex_Unlock(&cache_lock);
    return result;
}

static PyObject *
locks_stopwords(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    locks_state *st = get_locks_state(module);
    PyObject *result;
    PyMutex_Lock(&st->mutex);
    if (st->stopwords == NULL) {  // ok: shared-object-check-then-act
        st->stopwords = PyFrozenSet_New(NULL);
    }
    result = Py_XNewRef(st->stopwords);
    PyMutex_Unlock(&st->mutex);
    return result;
}

static PyObject *
locks_legacy_setdefault(PyObject *module, PyObject *args)
{
    PyObject *key, *value;
    if (!PyArg_ParseTuple(args, "OO:legacy_setdefault", &key, &value)) {
        return NULL;
    }
    locks_state *st = get_locks_state(module);
    PyObject *result = NULL;
    PyThread_acquire_lock(st->legacy_lock, WAIT_LOCK);
    PyObject *old = PyDict_GetItemWithError(st->legacy, key);  // ok: shared-object-check-then-act
    if (old != NULL) {
        result = Py_NewRef(old);
    }
    else if (!PyErr_Occurred() && PyDict_SetItem(st->legacy, key, value) == 0) {
        result = Py_NewRef(value);
    }
    PyThread_release_lock(st->legacy_lock);
    return result;
}

static PyObject *
locks_registry(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    locks_state *st = get_locks_state(module);
    PyObject *result;
    pthread_mutex_lock(&registry_mutex);
    if (st->registry == NULL) {  // ok: shared-object-check-then-act
        st->registry = PyDict_New();
    }
    result = Py_XNewRef(st->registry);
    pthread_mutex_unlock(&registry_mutex);
    return result;
}

static PyObject *
locks_aliases(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    locks_state *st = get_locks_state(module);
    PyObject *result;
    mtx_lock(&aliases_mtx);
    if (!st->aliases) {  // ok: shared-object-check-then-act
        st->aliases = PyDict_New();
    }
    result = Py_XNewRef(st->aliases);
    mtx_unlock(&aliases_mtx);
    return result;
}

/* Every call site of this helper holds st->mutex. */
static PyObject *
intern_word_locked(locks_state *st, PyObject *word)
{
    PyObject *result;
    int found = PyDict_GetItemRef(st->interned, word, &result);  // ok: shared-object-check-then-act
    if (found != 0) {
        return found < 0 ? NULL : result;
    }
    if (PyDict_SetItem(st->interned, word, word) < 0) {
        return NULL;
    }
    return Py_NewRef(word);
}

static PyObject *
locks_intern(PyObject *module, PyObject *word)
{
    locks_state *st = get_locks_state(module);
    PyMutex_Lock(&st->mutex);
    PyObject *result = intern_word_locked(st, word);
    PyMutex_Unlock(&st->mutex);
    return result;
}

static PyObject *
locks_intern_all(PyObject *module, PyObject *words)
{
    locks_state *st = get_locks_state(module);
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_Size(words);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyList_GetItemRef(words, i);
        if (word == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyMutex_Lock(&st->mutex);
        PyObject *interned = intern_word_locked(st, word);
        PyMutex_Unlock(&st->mutex);
        Py_DECREF(word);
        if (interned == NULL || PyList_Append(result, interned) < 0) {
            Py_XDECREF(interned);
            Py_CLEAR(result);
            break;
        }
        Py_DECREF(interned);
    }
    return result;
}

/* ---- positives ---------------------------------------------------------- */

/* One caller holds the lock, the other does not. */
static int
remember_word(locks_state *st, PyObject *word)
{
    int present = PyDict_Contains(st->recent, word);  // expect: shared-object-check-then-act {{'st->recent'}}
    if (present != 0) {
        return present;
    }
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        return -1;
    }
    int rc = PyDict_SetItem(st->recent, word, zero);
    Py_DECREF(zero);
    return rc;
}

static PyObject *
locks_remember(PyObject *module, PyObject *word)
{
    locks_state *st = get_locks_state(module);
    PyMutex_Lock(&st->mutex);
    int rc = remember_word(st, word);
    PyMutex_Unlock(&st->mutex);
    return rc < 0 ? NULL : PyBool_FromLong(rc == 0);
}

static PyObject *
locks_remember_fast(PyObject *module, PyObject *word)
{
    locks_state *st = get_locks_state(module);
    int rc = remember_word(st, word);
    return rc < 0 ? NULL : PyBool_FromLong(rc == 0);
}

/* The lock is released before the check. */
static PyObject *
locks_length(PyObject *module, PyObject *word)
{
    locks_state *st = get_locks_state(module);
    PyMutex_Lock(&st->mutex);
    Py_ssize_t n_interned = PyDict_Size(st->interned);
    PyMutex_Unlock(&st->mutex);
    PyObject *len;
    if (PyDict_GetItemRef(st->lengths, word, &len) < 0) {  // expect: shared-object-check-then-act {{'st->lengths'}}
        return NULL;
    }
    if (len == NULL) {
        len = PyLong_FromSsize_t(PyUnicode_GetLength(word));
        if (len == NULL || PyDict_SetItem(st->lengths, word, len) < 0) {
            Py_XDECREF(len);
            return NULL;
        }
    }
    return Py_BuildValue("Nn", len, n_interned);
}

/* Known false negative: the lookup and the insert each hold the lock, but the
   lock is dropped in between (to compute outside it), so the pair is still
   not atomic. Each access is individually guarded, which hides the race. */
static PyObject *
locks_cached_title(PyObject *module, PyObject *word)
{
    locks_state *st = get_locks_state(module);
    PyObject *result;
    PyMutex_Lock(&cache_lock);
    int found = PyDict_GetItemRef(st->cache, word, &result);  // todo-expect: shared-object-check-then-act
    PyMutex_Unlock(&cache_lock);
    if (found != 0) {
        return found < 0 ? NULL : result;
    }
    result = PyObject_CallMethod(word, "title", NULL);
    if (result == NULL) {
        return NULL;
    }
    PyMutex_Lock(&cache_lock);
    int rc = PyDict_SetItem(st->cache, word, result);
    PyMutex_Unlock(&cache_lock);
    if (rc < 0) {
        Py_CLEAR(result);
    }
    return result;
}

/* ---- module boilerplate ------------------------------------------------- */

static int
locks_exec(PyObject *module)
{
    locks_state *st = get_locks_state(module);
    if (mtx_init(&aliases_mtx, mtx_plain) != thrd_success) {
        PyErr_SetString(PyExc_RuntimeError, "mtx_init failed");
        return -1;
    }
    st->legacy_lock = PyThread_allocate_lock();
    if (st->legacy_lock == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    st->cache = PyDict_New();
    st->legacy = PyDict_New();
    st->interned = PyDict_New();
    st->recent = PyDict_New();
    st->lengths = PyDict_New();
    if (!st->cache || !st->legacy || !st->interned || !st->recent || !st->lengths) {
        return -1;
    }
    return 0;
}

static int
locks_clear(PyObject *module)
{
    locks_state *st = get_locks_state(module);
    Py_CLEAR(st->cache);
    Py_CLEAR(st->stopwords);
    Py_CLEAR(st->legacy);
    Py_CLEAR(st->registry);
    Py_CLEAR(st->aliases);
    Py_CLEAR(st->interned);
    Py_CLEAR(st->recent);
    Py_CLEAR(st->lengths);
    return 0;
}

static void
locks_free(void *module)
{
    locks_state *st = get_locks_state((PyObject *)module);
    (void)locks_clear((PyObject *)module);
    if (st->legacy_lock != NULL) {  // ok: shared-object-check-then-act
        PyThread_free_lock(st->legacy_lock);
        st->legacy_lock = NULL;
    }
}

static PyMethodDef locks_methods[] = {
    {"cached_upper", locks_cached_upper, METH_O, NULL},
    {"stopwords", locks_stopwords, METH_NOARGS, NULL},
    {"legacy_setdefault", locks_legacy_setdefault, METH_VARARGS, NULL},
    {"registry", locks_registry, METH_NOARGS, NULL},
    {"aliases", locks_aliases, METH_NOARGS, NULL},
    {"intern", locks_intern, METH_O, NULL},
    {"intern_all", locks_intern_all, METH_O, NULL},
    {"remember", locks_remember, METH_O, NULL},
    {"remember_fast", locks_remember_fast, METH_O, NULL},
    {"length", locks_length, METH_O, NULL},
    {"cached_title", locks_cached_title, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot locks_slots[] = {
    {Py_mod_exec, locks_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef locks_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "locks",
    .m_size = sizeof(locks_state),
    .m_methods = locks_methods,
    .m_slots = locks_slots,
    .m_clear = locks_clear,
    .m_free = locks_free,
};

PyMODINIT_FUNC
PyInit_locks(void)
{
    return PyModuleDef_Init(&locks_module);
}
