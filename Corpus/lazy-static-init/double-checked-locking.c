/*
 * _units: lazily built registries protected by a PyMutex (3.13).
 *
 * Double-checked locking: a fast unlocked check, then the lock, then the
 * check again before the store. The best form loads and stores the pointer
 * atomically (_Py_atomic_load_ptr_acquire / _Py_atomic_store_ptr_release
 * from cpython/pyatomic.h, 3.13). Taking the lock but skipping the second
 * check is still a lazy-init race: two threads can pass the first check
 * and then run the initialization one after the other.
 */
#include <Python.h>

static PyMutex registry_lock;
static PyObject *unit_registry;     /* atomic double-checked locking */
static PyObject *default_context;   /* plain double-checked locking */
static PyObject *codec_table;       /* BUG: no second check */

static PyObject *
build_dict(const char *key, long value)
{
    PyObject *d = PyDict_New();
    PyObject *v;

    if (d == NULL) {
        return NULL;
    }
    v = PyLong_FromLong(value);
    if (v == NULL || PyDict_SetItemString(d, key, v) < 0) {
        Py_XDECREF(v);
        Py_DECREF(d);
        return NULL;
    }
    Py_DECREF(v);
    return d;
}

/* Borrowed reference, or NULL with an exception set. */
static PyObject *
get_unit_registry(void)
{
    if (_Py_atomic_load_ptr_acquire(&unit_registry) == NULL) {          // ok: lazy-static-init
        PyMutex_Lock(&registry_lock);
        if (unit_registry == NULL) {                                    // ok: lazy-static-init
            PyObject *reg = build_dict("metre", 1);
            if (reg != NULL) {
                _Py_atomic_store_ptr_release(&unit_registry, reg);
            }
        }
        PyMutex_Unlock(&registry_lock);
    }
    return _Py_atomic_load_ptr_acquire(&unit_registry);
}

static PyObject *
get_default_context(void)
{
    if (default_context == NULL) {                                      // ok: lazy-static-init
        PyMutex_Lock(&registry_lock);
        if (default_context == NULL) {
            default_context = build_dict("precision", 28);              // ok: static-mutable-state
        }
        PyMutex_Unlock(&registry_lock);
    }
    return default_context;
}

static PyObject *
get_codec_table(void)
{
    if (codec_table == NULL) {                                          // expect: lazy-static-init {{'codec_table'}}
        PyMutex_Lock(&registry_lock);
        /* Another thread may have stored a table while we waited: it is
           overwritten and leaks. */
        codec_table = build_dict("utf-8", 8);
        PyMutex_Unlock(&registry_lock);
    }
    return codec_table;
}

static PyObject *
units_registry(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_XNewRef(get_unit_registry());
}

static PyObject *
units_context(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_XNewRef(get_default_context());
}

static PyObject *
units_codecs(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_XNewRef(get_codec_table());
}

static PyMethodDef units_methods[] = {
    {"registry", units_registry, METH_NOARGS, NULL},
    {"context", units_context, METH_NOARGS, NULL},
    {"codecs", units_codecs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot units_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef units_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_units",
    .m_size = 0,
    .m_methods = units_methods,
    .m_slots = units_slots,
};

PyMODINIT_FUNC
PyInit__units(void)
{
    return PyModuleDef_Init(&units_module);
}
