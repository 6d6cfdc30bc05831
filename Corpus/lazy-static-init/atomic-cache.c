/*
 * _hashing: lazily created values published with atomics instead of a lock.
 *
 * The lock-free form: load atomically; if unset, create a candidate and
 * install it with compare-and-swap; the loser of the race drops its
 * candidate and uses the winner's. For an idempotent scalar (the same value
 * whoever computes it) an atomic check and store is enough.
 */
#include <Python.h>
#include <stdatomic.h>
#include <unistd.h>

static PyObject *empty_bytes;               /* installed with _Py_atomic CAS */
static _Atomic(PyObject *) zero_digest;     /* installed with C11 CAS */
static _Atomic long cpu_count;              /* idempotent: any thread computes the same value */
static _Atomic(PyObject *) default_salt;    /* atomic, but check-then-store leaks */

/* Borrowed reference, or NULL with an exception set. */
static PyObject *
get_empty_bytes(void)
{
    PyObject *b = _Py_atomic_load_ptr(&empty_bytes);

    if (b != NULL) {                                                            // ok: lazy-static-init
        return b;
    }
    b = PyBytes_FromStringAndSize(NULL, 0);
    if (b == NULL) {
        return NULL;
    }
    PyObject *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr(&empty_bytes, &expected, b)) {
        Py_DECREF(b);       /* another thread won; use its object */
        b = expected;
    }
    return b;
}

/* Borrowed reference, or NULL with an exception set. */
static PyObject *
get_zero_digest(void)
{
    if (atomic_load_explicit(&zero_digest, memory_order_acquire) == NULL) {     // ok: lazy-static-init
        PyObject *expected = NULL;
        PyObject *d = PyBytes_FromStringAndSize("\0\0\0\0\0\0\0\0", 8);
        if (d == NULL) {
            return NULL;
        }
        if (!atomic_compare_exchange_strong(&zero_digest, &expected, d)) {
            Py_DECREF(d);
        }
    }
    return atomic_load_explicit(&zero_digest, memory_order_acquire);
}

static PyObject *
hashing_empty(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_XNewRef(get_empty_bytes());
}

static PyObject *
hashing_zero(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_XNewRef(get_zero_digest());
}

static PyObject *
hashing_workers(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    if (cpu_count == 0) {                                                       // ok: lazy-static-init
        cpu_count = sysconf(_SC_NPROCESSORS_ONLN);
    }
    return PyLong_FromLong(cpu_count);
}

static PyObject *
hashing_salt(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    /* Each access is atomic, but two threads can both see NULL and both
       store a new object: one of them leaks. Known false negative. */
    if (default_salt == NULL) {                                                 // todo-expect: lazy-static-init
        default_salt = PyBytes_FromString("salt");
    }
    return Py_XNewRef(default_salt);
}

static PyMethodDef hashing_methods[] = {
    {"empty", hashing_empty, METH_NOARGS, NULL},
    {"zero", hashing_zero, METH_NOARGS, NULL},
    {"workers", hashing_workers, METH_NOARGS, NULL},
    {"salt", hashing_salt, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot hashing_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef hashing_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_hashing",
    .m_size = 0,
    .m_methods = hashing_methods,
    .m_slots = hashing_slots,
};

PyMODINIT_FUNC
PyInit__hashing(void)
{
    return PyModuleDef_Init(&hashing_module);
}
