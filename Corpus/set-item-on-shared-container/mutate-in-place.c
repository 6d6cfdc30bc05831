// set-item-on-shared-container: PyList_SET_ITEM and PyTuple_SET_ITEM on a
// list or tuple that other code can already see. The macros store into the
// item array with no lock, no bounds check, and without releasing the item
// they overwrite; a thread reading the container concurrently can see a
// half-updated object or an item that is freed under it. Tuples must not
// change at all once shared. Reported: fields of self, module state, list
// arguments, and a tuple returned by PySequence_Tuple (which is the argument
// itself when that is already a tuple). Not reported: the same stores under a
// critical section on the container or on self, and PyList_SetItem.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *rows;       /* list of nrows slots, NULL until a row is computed */
    Py_ssize_t nrows;
    PyObject *keyfunc;    /* callable */
    PyObject *argtuple;   /* 1-tuple reused for every call of keyfunc */
} TableObject;

typedef struct {
    PyObject *recent;     /* list of 64 slots: a direct-mapped cache of recent keys */
} memo_state;

/* Builds row i as a fresh tuple (i, i*i): the normal fill idiom. */
static PyObject *
build_row(Py_ssize_t i)
{
    PyObject *row = PyTuple_New(2);
    if (row == NULL) {
        return NULL;
    }
    PyObject *a = PyLong_FromSsize_t(i);
    PyObject *b = PyLong_FromSsize_t(i * i);
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_DECREF(row);
        return NULL;
    }
    PyTuple_SET_ITEM(row, 0, a);  // ok: set-item-on-shared-container
    PyTuple_SET_ITEM(row, 1, b);  // ok: set-item-on-shared-container
    return row;
}

static int
check_index(TableObject *self, PyObject *arg, Py_ssize_t *out)
{
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (i < 0 || i >= self->nrows) {
        PyErr_SetString(PyExc_IndexError, "row index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

/* ---- positives ---------------------------------------------------------- */

/* Lazily computed rows: two threads can both store into the slot, and one
   row leaks; a reader can see the slot while it is being written. */
static PyObject *
Table_row(TableObject *self, PyObject *arg)
{
    Py_ssize_t i;
    if (check_index(self, arg, &i) < 0) {
        return NULL;
    }
    if (PyList_GET_ITEM(self->rows, i) == NULL) {  // ok: borrowed-reference
        PyObject *row = build_row(i);
        if (row == NULL) {
            return NULL;
        }
        PyList_SET_ITEM(self->rows, i, row);  // expect: set-item-on-shared-container {{'self->rows'}} {{PyList_SetItem}}
    }
    return PyList_GetItemRef(self->rows, i);
}

/* Reuses one argument tuple for every key call (the pre-vectorcall idiom):
   two threads overwrite each other's argument, and the old item is released
   while the other thread's call may still use it. */
static PyObject *
Table_key(TableObject *self, PyObject *item)
{
    PyObject *old = PyTuple_GET_ITEM(self->argtuple, 0);
    PyTuple_SET_ITEM(self->argtuple, 0, Py_NewRef(item));  // expect: set-item-on-shared-container {{'self->argtuple'}}
    Py_XDECREF(old);
    return PyObject_Call(self->keyfunc, self->argtuple, NULL);
}

/* Replaces every item of the caller's list with its float value. */
static PyObject *
memo_to_floats_inplace(PyObject *module, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "to_floats_inplace() needs a list");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *item = PyList_GET_ITEM(list, i);  // expect: unlocked-sequence-access {{'list'}}
        PyObject *f = PyNumber_Float(item);
        if (f == NULL) {
            return NULL;
        }
        PyList_SET_ITEM(list, i, f);  // expect: set-item-on-shared-container {{'list'}}
        Py_DECREF(item);
    }
    Py_RETURN_NONE;
}

/* PySequence_Tuple returns its argument itself when it is already a tuple:
   this rewrites the caller's tuple, which may be shared or even a constant. */
static PyObject *
memo_with_first(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "with_first(seq, value) takes exactly 2 arguments");
        return NULL;
    }
    PyObject *t = PySequence_Tuple(args[0]);
    if (t == NULL) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(t) == 0) {
        return t;
    }
    PyObject *old = PyTuple_GET_ITEM(t, 0);
    PyTuple_SET_ITEM(t, 0, Py_NewRef(args[1]));  // expect: set-item-on-shared-container {{'t'}}
    Py_DECREF(old);
    return t;
}

/* Direct-mapped cache of recent keys in module state. */
static PyObject *
memo_remember(PyObject *module, PyObject *key)
{
    memo_state *st = (memo_state *)PyModule_GetState(module);
    Py_hash_t h = PyObject_Hash(key);
    if (h == -1) {
        return NULL;
    }
    Py_ssize_t slot = (Py_ssize_t)((size_t)h % 64);
    PyObject *old = PyList_GET_ITEM(st->recent, slot);  // expect: borrowed-reference {{'st->recent'}}
    PyList_SET_ITEM(st->recent, slot, Py_NewRef(key));  // expect: set-item-on-shared-container {{'st->recent'}}
    Py_DECREF(old);
    Py_RETURN_NONE;
}

/* ---- negatives ---------------------------------------------------------- */

/* The store and the read of the old item under a critical section on self,
   which owns the rows list (only Table methods touch it). */
static PyObject *
Table_set_row(TableObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t i;
    if (nargs != 2 || check_index(self, args[0], &i) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "set_row(i, row) takes exactly 2 arguments");
        }
        return NULL;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(self);
    old = PyList_GET_ITEM(self->rows, i);  // ok: borrowed-reference
    PyList_SET_ITEM(self->rows, i, Py_NewRef(args[1]));  // ok: set-item-on-shared-container
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

/* A critical section on the list itself. */
static PyObject *
memo_to_floats_locked(PyObject *module, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "to_floats_locked() needs a list");
        return NULL;
    }
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(list);
    for (Py_ssize_t i = 0; !err && i < PyList_GET_SIZE(list); i++) {
        PyObject *item = PyList_GET_ITEM(list, i);  // ok: unlocked-sequence-access
        PyObject *f = PyNumber_Float(item);
        if (f == NULL) {
            err = 1;
        }
        else {
            PyList_SET_ITEM(list, i, f);  // ok: set-item-on-shared-container
            Py_DECREF(item);
        }
    }
    Py_END_CRITICAL_SECTION();
    if (err) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The fix: PyList_SetItem locks the list, checks the index and releases
   the old item. */
static PyObject *
memo_remember_safe(PyObject *module, PyObject *key)
{
    memo_state *st = (memo_state *)PyModule_GetState(module);
    Py_hash_t h = PyObject_Hash(key);
    if (h == -1) {
        return NULL;
    }
    if (PyList_SetItem(st->recent, (Py_ssize_t)((size_t)h % 64), Py_NewRef(key)) < 0) {  // ok: set-item-on-shared-container
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- type and module boilerplate ---------------------------------------- */

static int
Table_init(TableObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nrows;
    PyObject *keyfunc;
    static char *kwlist[] = {"nrows", "key", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "nO:Table", kwlist, &nrows, &keyfunc)) {
        return -1;
    }
    PyObject *rows = PyList_New(nrows > 0 ? nrows : 0);   /* slots start out NULL */
    PyObject *argtuple = PyTuple_New(1);
    if (rows == NULL || argtuple == NULL) {
        Py_XDECREF(rows);
        Py_XDECREF(argtuple);
        return -1;
    }
    PyTuple_SET_ITEM(argtuple, 0, Py_NewRef(Py_None));  // ok: set-item-on-shared-container
    Py_XSETREF(self->rows, rows);
    Py_XSETREF(self->argtuple, argtuple);
    Py_XSETREF(self->keyfunc, Py_NewRef(keyfunc));
    self->nrows = nrows > 0 ? nrows : 0;
    return 0;
}

static int
Table_traverse(TableObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->rows);
    Py_VISIT(self->keyfunc);
    Py_VISIT(self->argtuple);
    return 0;
}

static int
Table_clear(TableObject *self)
{
    Py_CLEAR(self->rows);
    Py_CLEAR(self->keyfunc);
    Py_CLEAR(self->argtuple);
    return 0;
}

static void
Table_dealloc(TableObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Table_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Table_methods[] = {
    {"row", (PyCFunction)Table_row, METH_O, NULL},
    {"key", (PyCFunction)Table_key, METH_O, NULL},
    {"set_row", (PyCFunction)(void (*)(void))Table_set_row, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Table_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Table_init},
    {Py_tp_traverse, Table_traverse},
    {Py_tp_clear, Table_clear},
    {Py_tp_dealloc, Table_dealloc},
    {Py_tp_methods, Table_methods},
    {0, NULL},
};

static PyType_Spec Table_spec = {
    .name = "memo.Table",
    .basicsize = sizeof(TableObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Table_slots,
};

static int
memo_exec(PyObject *module)
{
    memo_state *st = (memo_state *)PyModule_GetState(module);
    st->recent = PyList_New(64);
    if (st->recent == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < 64; i++) {
        PyList_SET_ITEM(st->recent, i, Py_NewRef(Py_None));  // ok: set-item-on-shared-container
    }
    PyObject *type = PyType_FromModuleAndSpec(module, &Table_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Table", type);
    Py_DECREF(type);
    return rc;
}

static int
memo_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(((memo_state *)PyModule_GetState(module))->recent);
    return 0;
}

static int
memo_clear(PyObject *module)
{
    Py_CLEAR(((memo_state *)PyModule_GetState(module))->recent);
    return 0;
}

static PyMethodDef memo_methods[] = {
    {"to_floats_inplace", memo_to_floats_inplace, METH_O, NULL},
    {"with_first", (PyCFunction)(void (*)(void))memo_with_first, METH_FASTCALL, NULL},
    {"remember", memo_remember, METH_O, NULL},
    {"to_floats_locked", memo_to_floats_locked, METH_O, NULL},
    {"remember_safe", memo_remember_safe, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot memo_slots[] = {
    {Py_mod_exec, memo_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef memo_module = {  // expect: module-gil-declaration {{'memo'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "memo",
    .m_size = sizeof(memo_state),
    .m_methods = memo_methods,
    .m_slots = memo_slots,
    .m_traverse = memo_traverse,
    .m_clear = memo_clear,
};

PyMODINIT_FUNC
PyInit_memo(void)
{
    return PyModuleDef_Init(&memo_module);
}
