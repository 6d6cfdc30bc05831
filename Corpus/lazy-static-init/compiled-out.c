/*
 * _regex: caches that are only safe with the GIL. The porting guide's
 * advice: compile the cache out in the free-threaded build, or wrap it in
 * lock macros that are empty in the default build. The analysis always
 * looks at the free-threaded build (Py_GIL_DISABLED=1), where the code
 * under `#ifndef Py_GIL_DISABLED` does not exist.
 */
#include <Python.h>

#ifdef Py_GIL_DISABLED
static PyMutex cache_mutex;
#  define CACHE_LOCK() PyMutex_Lock(&cache_mutex)
#  define CACHE_UNLOCK() PyMutex_Unlock(&cache_mutex)
#else
#  define CACHE_LOCK()
#  define CACHE_UNLOCK()
#endif

#ifndef Py_GIL_DISABLED
static PyObject *last_compiled;     /* one-entry cache, default build only */
#endif
static PyObject *re_compile;        /* re.compile, created under CACHE_LOCK */
static PyObject *flags_enum;        /* re.RegexFlag, created under CACHE_LOCK */

static PyObject *
compile_pattern(PyObject *pattern)
{
    PyObject *func, *res;

    CACHE_LOCK();
    if (re_compile == NULL) {                               // ok: lazy-static-init
        PyObject *re = PyImport_ImportModule("re");  // expect: python-call-under-pymutex
        if (re != NULL) {
            re_compile = PyObject_GetAttrString(re, "compile");
            Py_DECREF(re);
        }
    }
    func = Py_XNewRef(re_compile);
    CACHE_UNLOCK();
    if (func == NULL) {
        return NULL;
    }
    res = PyObject_CallOneArg(func, pattern);
    Py_DECREF(func);
    return res;
}

static PyObject *
regex_compile(PyObject *module, PyObject *pattern)
{
#ifndef Py_GIL_DISABLED
    if (last_compiled == NULL) {                            // ok: lazy-static-init
        last_compiled = compile_pattern(pattern);
    }
    return Py_XNewRef(last_compiled);
#else
    return compile_pattern(pattern);
#endif
}

static PyObject *
regex_flags(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *res;

    CACHE_LOCK();
    if (!flags_enum) {                                      // ok: lazy-static-init
        PyObject *re = PyImport_ImportModule("re");  // expect: python-call-under-pymutex
        if (re != NULL) {
            flags_enum = PyObject_GetAttrString(re, "RegexFlag");
            Py_DECREF(re);
        }
    }
    res = Py_XNewRef(flags_enum);
    CACHE_UNLOCK();
    return res;
}

static PyMethodDef regex_methods[] = {
    {"compile", regex_compile, METH_O, NULL},
    {"flags", regex_flags, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot regex_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef regex_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_regex",
    .m_size = 0,
    .m_methods = regex_methods,
    .m_slots = regex_slots,
};

PyMODINIT_FUNC
PyInit__regex(void)
{
    return PyModuleDef_Init(&regex_module);
}
