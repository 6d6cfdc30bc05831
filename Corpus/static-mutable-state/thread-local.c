/*
 * _rng: per-thread state. Storage declared _Thread_local (C11), __thread
 * (GCC/Clang) or kept behind a Py_tss_t key (CPython 3.7) is private to each
 * thread, so writing it needs no lock.
 */
// expect-no-findings
#include <Python.h>
#include <stdint.h>

#define RNG_FREELIST 16

static _Thread_local uint64_t rng_state;                /* per-thread generator */
static __thread int call_depth;                         /* per-thread recursion guard */
static _Thread_local PyObject *tl_free_list[RNG_FREELIST];
static _Thread_local int tl_numfree;
static Py_tss_t context_key = Py_tss_NEEDS_INIT;        /* per-thread context object */

static uint64_t
rng_next(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;   // ok: static-mutable-state
    return rng_state >> 11;
}

static PyObject *
rng_random(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyFloat_FromDouble((double)rng_next() / 9007199254740992.0);
}

static PyObject *
rng_seed(PyObject *module, PyObject *arg)
{
    unsigned long long seed = PyLong_AsUnsignedLongLongMask(arg);

    if (seed == (unsigned long long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    rng_state = seed;
    Py_RETURN_NONE;
}

static PyObject *
rng_walk(PyObject *module, PyObject *callback)
{
    PyObject *res;

    if (call_depth > 50) {
        PyErr_SetString(PyExc_RecursionError, "walk() nested too deeply");
        return NULL;
    }
    call_depth++;                                       // ok: static-mutable-state
    res = PyObject_CallNoArgs(callback);
    call_depth--;
    return res;
}

static PyObject *
rng_buffer(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    /* A per-thread free list of 8-byte bytes objects. */
    if (tl_numfree > 0) {
        return tl_free_list[--tl_numfree];              // ok: static-mutable-state
    }
    return PyBytes_FromStringAndSize(NULL, 8);
}

static PyObject *
rng_release(PyObject *module, PyObject *buf)
{
    if (PyBytes_CheckExact(buf) && PyBytes_GET_SIZE(buf) == 8
        && tl_numfree < RNG_FREELIST) {
        tl_free_list[tl_numfree] = Py_NewRef(buf);      // ok: static-mutable-state
        tl_numfree++;
    }
    Py_RETURN_NONE;
}

static PyObject *
rng_set_context(PyObject *module, PyObject *ctx)
{
    PyObject *old = PyThread_tss_get(&context_key);

    if (PyThread_tss_set(&context_key, Py_NewRef(ctx)) != 0) {   // ok: static-mutable-state
        Py_DECREF(ctx);
        PyErr_SetString(PyExc_RuntimeError, "cannot set the context");
        return NULL;
    }
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
rng_get_context(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *ctx = PyThread_tss_get(&context_key);

    return Py_NewRef(ctx != NULL ? ctx : Py_None);
}

static PyMethodDef rng_methods[] = {
    {"random", rng_random, METH_NOARGS, NULL},
    {"seed", rng_seed, METH_O, NULL},
    {"walk", rng_walk, METH_O, NULL},
    {"buffer", rng_buffer, METH_NOARGS, NULL},
    {"release", rng_release, METH_O, NULL},
    {"set_context", rng_set_context, METH_O, NULL},
    {"get_context", rng_get_context, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef rng_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_rng",
    .m_size = -1,
    .m_methods = rng_methods,
};

PyMODINIT_FUNC
PyInit__rng(void)
{
    PyObject *m;

    if (PyThread_tss_create(&context_key) != 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot create the TSS key");
        return NULL;
    }
    m = PyModule_Create(&rng_module);
#ifdef Py_GIL_DISABLED
    if (m != NULL) {
        PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
    }
#endif
    return m;
}
