// expect-no-findings
// set-item-on-shared-container: the normal use of PyList_SET_ITEM and
// PyTuple_SET_ITEM is filling a list or tuple right after PyList_New /
// PyTuple_New, before any other code can see it. None of these is reported:
// fill loops over a fresh list or tuple, a local assigned from PyList_New
// later than its declaration or reassigned in a loop, nested fresh
// containers, and filling a tuple in module state while the module is
// imported.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *empty_row;      /* (None, None, None), built at import */
} table_state;

static PyObject *
table_range(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *list = PyList_New(n > 0 ? n : 0);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, v);  // ok: set-item-on-shared-container
    }
    return list;
}

static PyObject *
table_pair(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "pair(a, b) takes exactly 2 arguments");
        return NULL;
    }
    PyObject *pair = PyTuple_New(2);
    if (pair == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(pair, 0, Py_NewRef(args[0]));  // ok: set-item-on-shared-container
    PyTuple_SET_ITEM(pair, 1, Py_NewRef(args[1]));  // ok: set-item-on-shared-container
    return pair;
}

/* Rows are (index, item) tuples; `row` is reassigned from PyTuple_New on each
   iteration and `rows` is assigned after its declaration. */
static PyObject *
table_enumerate(PyObject *module, PyObject *arg)
{
    PyObject *rows;
    PyObject *row = NULL;
    Py_ssize_t n = PySequence_Size(arg);
    if (n < 0) {
        return NULL;
    }
    rows = PyList_New(n);
    if (rows == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(arg, i);
        PyObject *index = PyLong_FromSsize_t(i);
        row = PyTuple_New(2);
        if (item == NULL || index == NULL || row == NULL) {
            Py_XDECREF(item);
            Py_XDECREF(index);
            Py_XDECREF(row);
            Py_DECREF(rows);
            return NULL;
        }
        PyTuple_SET_ITEM(row, 0, index);  // ok: set-item-on-shared-container
        PyTuple_SET_ITEM(row, 1, item);   // ok: set-item-on-shared-container
        PyList_SET_ITEM(rows, i, row);    // ok: set-item-on-shared-container
    }
    return rows;
}

static PyObject *
table_empty_rows(PyObject *module, PyObject *arg)
{
    table_state *st = (table_state *)PyModule_GetState(module);
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *result = PyList_New(n > 0 ? n : 0);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyList_SET_ITEM(result, i, Py_NewRef(st->empty_row));  // ok: set-item-on-shared-container
    }
    return result;
}

/* Module state is filled while the module is imported, under the import lock. */
static int
table_exec(PyObject *module)
{
    table_state *st = (table_state *)PyModule_GetState(module);
    st->empty_row = PyTuple_New(3);
    if (st->empty_row == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < 3; i++) {
        PyTuple_SET_ITEM(st->empty_row, i, Py_NewRef(Py_None));  // ok: set-item-on-shared-container
    }
    return PyModule_AddObjectRef(module, "EMPTY_ROW", st->empty_row);
}

static int
table_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(((table_state *)PyModule_GetState(module))->empty_row);
    return 0;
}

static int
table_clear(PyObject *module)
{
    Py_CLEAR(((table_state *)PyModule_GetState(module))->empty_row);
    return 0;
}

static PyMethodDef table_methods[] = {
    {"range", table_range, METH_O, NULL},
    {"pair", (PyCFunction)(void (*)(void))table_pair, METH_FASTCALL, NULL},
    {"enumerate", table_enumerate, METH_O, NULL},
    {"empty_rows", table_empty_rows, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot table_slots[] = {
    {Py_mod_exec, table_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef table_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "table",
    .m_size = sizeof(table_state),
    .m_methods = table_methods,
    .m_slots = table_slots,
    .m_traverse = table_traverse,
    .m_clear = table_clear,
};

PyMODINIT_FUNC
PyInit_table(void)
{
    return PyModuleDef_Init(&table_module);
}
