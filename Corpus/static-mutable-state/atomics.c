/*
 * _netstat: connection counters updated with atomic operations: C11
 * <stdatomic.h> (_Atomic, atomic_*), the GCC/Clang builtins (__atomic_*,
 * __sync_*) and CPython's own _Py_atomic_* functions (cpython/pyatomic.h,
 * 3.13). A plain store to a variable that is elsewhere updated atomically
 * is still a race.
 */
#include <Python.h>
#include <stdatomic.h>

static _Atomic long requests;           /* every access is atomic */
static atomic_int peak_clients;
static long bytes_in;                   /* updated with __atomic builtins */
static long errors;                     /* updated with __sync builtins */
static Py_ssize_t objects_seen;         /* updated with _Py_atomic_* ... */
static int mode;

static PyObject *
net_on_request(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);

    if (n == -1 && PyErr_Occurred()) {
        __sync_fetch_and_add(&errors, 1);                               // ok: static-mutable-state
        return NULL;
    }
    requests++;                                                         // ok: static-mutable-state
    __atomic_fetch_add(&bytes_in, (long)n, __ATOMIC_RELAXED);           // ok: static-mutable-state
    _Py_atomic_add_ssize(&objects_seen, 1);                             // ok: static-mutable-state
    Py_RETURN_NONE;
}

static PyObject *
net_set_clients(PyObject *module, PyObject *arg)
{
    int clients = PyLong_AsInt(arg);
    int cur;

    if (clients == -1 && PyErr_Occurred()) {
        return NULL;
    }
    cur = atomic_load_explicit(&peak_clients, memory_order_relaxed);
    while (clients > cur
           && !atomic_compare_exchange_weak(&peak_clients, &cur, clients)) {
    }
    Py_RETURN_NONE;
}

static PyObject *
net_set_mode(PyObject *module, PyObject *arg)
{
    int m = PyLong_AsInt(arg);

    if (m == -1 && PyErr_Occurred()) {
        return NULL;
    }
    _Py_atomic_store_int(&mode, m);                                     // ok: static-mutable-state
    Py_RETURN_NONE;
}

static PyObject *
net_reset(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    requests = 0;                                                       // ok: static-mutable-state
    atomic_store(&peak_clients, 0);
    __atomic_store_n(&bytes_in, 0, __ATOMIC_RELAXED);
    /* ... but this one was forgotten: a plain store races with the
       _Py_atomic_add_ssize() in on_request(). */
    objects_seen = 0;                                                   // expect: static-mutable-state {{'objects_seen'}}
    Py_RETURN_NONE;
}

static PyObject *
net_stats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("(lilln)",
                         atomic_load(&requests),
                         atomic_load(&peak_clients),
                         __atomic_load_n(&bytes_in, __ATOMIC_RELAXED),
                         __sync_fetch_and_add(&errors, 0),
                         _Py_atomic_load_ssize(&objects_seen));
}

static PyMethodDef net_methods[] = {
    {"on_request", net_on_request, METH_O, NULL},
    {"set_clients", net_set_clients, METH_O, NULL},
    {"set_mode", net_set_mode, METH_O, NULL},
    {"reset", net_reset, METH_NOARGS, NULL},
    {"stats", net_stats, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot net_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef net_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_netstat",
    .m_size = 0,
    .m_methods = net_methods,
    .m_slots = net_slots,
};

PyMODINIT_FUNC
PyInit__netstat(void)
{
    return PyModuleDef_Init(&net_module);
}
