/*
 * Lists this code made itself are not shared yet: a helper every caller passes a new list to,
 * a list returned by a function that builds it (cbor2's dict_to_canonical_list), and a chained
 * assignment `ret = list = PyList_New(n)`.
 */
#include <Python.h>

/* Builds a new list of (key, value) pairs sorted by key. */
static PyObject *
sorted_items(PyObject *dict)
{
    PyObject *ret, *list;
    ret = list = PyDict_Items(dict);
    if (list == NULL) {
        return NULL;
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return ret;
}

/* Every caller passes a list it just made. */
static long
count_pairs(PyObject *list)
{
    long n = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        n += PyTuple_Check(PyList_GET_ITEM(list, i));  // ok: unlocked-sequence-access
    }
    return n;
}

static PyObject *
fresh_count(PyObject *module, PyObject *dict)
{
    PyObject *items = sorted_items(dict);
    if (items == NULL) {
        return NULL;
    }
    long n = count_pairs(items);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        n += PyList_GET_ITEM(items, i) != NULL;  // ok: unlocked-sequence-access
    }
    Py_DECREF(items);
    return PyLong_FromLong(n);
}

/* A list argument may be another thread's. */
static PyObject *
fresh_count_arg(PyObject *module, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    long n = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        n += PyList_GET_ITEM(list, i) == Py_None;  // expect: unlocked-sequence-access {{'list'}}
    }
    return PyLong_FromLong(n);
}

static PyMethodDef fresh_methods[] = {
    {"count", fresh_count, METH_O, NULL},
    {"count_arg", fresh_count_arg, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot fresh_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef fresh_module = {  // expect: module-gil-declaration {{'fresh'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "fresh",
    .m_methods = fresh_methods,
    .m_slots = fresh_slots,
};

PyMODINIT_FUNC
PyInit_fresh(void)
{
    return PyModuleDef_Init(&fresh_module);
}
