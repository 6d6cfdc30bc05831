// unlocked-sequence-access, list-loop form: a loop bounded by
// PyList_GET_SIZE(list) that reads PyList_GET_ITEM(list, i). Neither macro
// locks or checks anything; when another thread removes items during the
// loop, the index runs past the end of the item array, or reads an item that
// was just replaced and freed. Reported for lists in fields of self, in module
// state, copied to a local, and for list arguments (the caller may share the
// list). Not reported: loops inside a critical section on the list or on
// self, lists built in this function, tuple loops, PyList_GetItemRef, and
// code that only runs at import.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *items;      /* list; push_all() and pop() change it */
} StackObject;

typedef struct {
    PyObject *history;    /* list of recent values, appended by record() */
    PyObject *StackType;
} stack_state;

/* ---- positives ---------------------------------------------------------- */

static PyObject *
Stack_sum(StackObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *total = PyLong_FromLong(0);
    for (Py_ssize_t i = 0; total != NULL && i < PyList_GET_SIZE(self->items); i++) {
        PyObject *x = PyList_GET_ITEM(self->items, i);  // expect: unlocked-sequence-access {{'self->items'}} {{PyList_GetItemRef}}
        Py_SETREF(total, PyNumber_Add(total, x));
    }
    return total;
}

/* The list copied to a local is the same shared list. */
static PyObject *
Stack_contains_none(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *items = ((StackObject *)self)->items;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        if (PyList_GET_ITEM(items, i) == Py_None) {  // expect: unlocked-sequence-access {{'items'}}
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyObject *
stack_history_max(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    stack_state *st = (stack_state *)PyModule_GetState(module);
    PyObject *best = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(st->history); i++) {
        PyObject *x = PyList_GET_ITEM(st->history, i);  // expect: unlocked-sequence-access {{'st->history'}}
        int gt = best == NULL ? 1 : PyObject_RichCompareBool(x, best, Py_GT);
        if (gt < 0) {
            return NULL;
        }
        if (gt) {
            best = x;
        }
    }
    return Py_NewRef(best != NULL ? best : Py_None);
}

/* A list argument: the caller may share it with other threads. */
static PyObject *
stack_count_strings(PyObject *module, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "count_strings() needs a list");
        return NULL;
    }
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        count += PyUnicode_Check(PyList_GET_ITEM(list, i));  // expect: unlocked-sequence-access {{'list'}}
    }
    return PyLong_FromSsize_t(count);
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix: a critical section on self, which owns the list. */
static PyObject *
Stack_sum_locked(StackObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *total = PyLong_FromLong(0);
    Py_BEGIN_CRITICAL_SECTION(self);
    for (Py_ssize_t i = 0; total != NULL && i < PyList_GET_SIZE(self->items); i++) {
        PyObject *x = PyList_GET_ITEM(self->items, i);  // ok: unlocked-sequence-access
        Py_SETREF(total, PyNumber_Add(total, x));
    }
    Py_END_CRITICAL_SECTION();
    return total;
}

/* A critical section on the list argument itself. */
static PyObject *
stack_count_strings_locked(PyObject *module, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "count_strings_locked() needs a list");
        return NULL;
    }
    Py_ssize_t count = 0;
    Py_BEGIN_CRITICAL_SECTION(list);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        count += PyUnicode_Check(PyList_GET_ITEM(list, i));  // ok: unlocked-sequence-access
    }
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(count);
}

/* The other fix: a strong reference per item; the size is re-read each time
   and PyList_GetItemRef checks the index. */
static PyObject *
stack_history_repr(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    stack_state *st = (stack_state *)PyModule_GetState(module);
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(st->history); i++) {
        PyObject *x = PyList_GetItemRef(st->history, i);  // ok: unlocked-sequence-access
        if (x == NULL) {
            PyErr_Clear();           /* shrank meanwhile */
            break;
        }
        PyObject *r = PyObject_Repr(x);
        Py_DECREF(x);
        if (r == NULL || PyList_Append(parts, r) < 0) {
            Py_XDECREF(r);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(r);
    }
    return parts;
}

/* A list created and filled here, then read back. */
static PyObject *
stack_squares_total(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n < 0) {
        return PyErr_Occurred() ? NULL : PyLong_FromLong(0);
    }
    PyObject *squares = PyList_New(n);
    if (squares == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *sq = PyLong_FromSsize_t(i * i);
        if (sq == NULL) {
            Py_DECREF(squares);
            return NULL;
        }
        PyList_SET_ITEM(squares, i, sq);  // ok: set-item-on-shared-container
    }
    long long total = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(squares); i++) {
        total += PyLong_AsLongLong(PyList_GET_ITEM(squares, i));  // ok: unlocked-sequence-access
    }
    Py_DECREF(squares);
    return PyLong_FromLongLong(total);
}

/* Tuples cannot change: PyTuple_GET_ITEM loops are fine. */
static PyObject *
Stack_push_all(StackObject *self, PyObject *args)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (PyList_Append(self->items, PyTuple_GET_ITEM(args, i)) < 0) {  // ok: unlocked-sequence-access
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
Stack_pop(StackObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *top = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = PyList_GET_SIZE(self->items);
    if (n > 0) {
        top = PyList_GetItemRef(self->items, n - 1);
        if (top != NULL && PyList_SetSlice(self->items, n - 1, n, NULL) < 0) {
            Py_CLEAR(top);
        }
    }
    Py_END_CRITICAL_SECTION();
    if (top == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_IndexError, "pop from empty stack");
    }
    return top;
}

/* ---- type and module boilerplate ---------------------------------------- */

static int
Stack_init(StackObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *items = PyList_New(0);
    if (items == NULL) {
        return -1;
    }
    Py_XSETREF(self->items, items);
    return 0;
}

static int
Stack_traverse(StackObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->items);
    return 0;
}

static int
Stack_clear(StackObject *self)
{
    Py_CLEAR(self->items);
    return 0;
}

static void
Stack_dealloc(StackObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Stack_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Stack_methods[] = {
    {"sum", (PyCFunction)Stack_sum, METH_NOARGS, NULL},
    {"contains_none", Stack_contains_none, METH_NOARGS, NULL},
    {"sum_locked", (PyCFunction)Stack_sum_locked, METH_NOARGS, NULL},
    {"push_all", (PyCFunction)Stack_push_all, METH_VARARGS, NULL},
    {"pop", (PyCFunction)Stack_pop, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Stack_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Stack_init},
    {Py_tp_traverse, Stack_traverse},
    {Py_tp_clear, Stack_clear},
    {Py_tp_dealloc, Stack_dealloc},
    {Py_tp_methods, Stack_methods},
    {0, NULL},
};

static PyType_Spec Stack_spec = {
    .name = "stack.Stack",
    .basicsize = sizeof(StackObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Stack_slots,
};

/* Runs once at import: the history list is seeded and checked before any
   other thread can see it. */
static int
stack_exec(PyObject *module)
{
    stack_state *st = (stack_state *)PyModule_GetState(module);
    st->history = Py_BuildValue("[iii]", 0, 0, 0);
    if (st->history == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(st->history); i++) {
        if (!PyLong_CheckExact(PyList_GET_ITEM(st->history, i))) {  // ok: unlocked-sequence-access ok: borrowed-reference
            PyErr_SetString(PyExc_SystemError, "bad history seed");
            return -1;
        }
    }
    st->StackType = PyType_FromModuleAndSpec(module, &Stack_spec, NULL);
    if (st->StackType == NULL) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "Stack", st->StackType);
}

static int
stack_traverse(PyObject *module, visitproc visit, void *arg)
{
    stack_state *st = (stack_state *)PyModule_GetState(module);
    Py_VISIT(st->history);
    Py_VISIT(st->StackType);
    return 0;
}

static int
stack_clear(PyObject *module)
{
    stack_state *st = (stack_state *)PyModule_GetState(module);
    Py_CLEAR(st->history);
    Py_CLEAR(st->StackType);
    return 0;
}

static PyMethodDef stack_methods[] = {
    {"history_max", stack_history_max, METH_NOARGS, NULL},
    {"count_strings", stack_count_strings, METH_O, NULL},
    {"count_strings_locked", stack_count_strings_locked, METH_O, NULL},
    {"history_repr", stack_history_repr, METH_NOARGS, NULL},
    {"squares_total", stack_squares_total, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot stack_slots[] = {
    {Py_mod_exec, stack_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef stack_module = {  // expect: module-gil-declaration {{'stack'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "stack",
    .m_size = sizeof(stack_state),
    .m_methods = stack_methods,
    .m_slots = stack_slots,
    .m_traverse = stack_traverse,
    .m_clear = stack_clear,
};

PyMODINIT_FUNC
PyInit_stack(void)
{
    return PyModuleDef_Init(&stack_module);
}
