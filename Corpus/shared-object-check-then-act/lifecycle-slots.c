// shared-object-check-then-act is not reported in the object lifecycle slots:
// tp_new and tp_init (normally) run before the object is published to other
// threads; tp_traverse, tp_clear, tp_finalize and tp_dealloc run when no other
// thread can reach it. The same patterns in ordinary methods are reported. Covers a
// heap type (PyType_Spec) and a static PyTypeObject.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>             /* offsetof */

typedef struct {
    PyObject_HEAD
    PyObject *counts;      /* dict: word -> int */
    PyObject *options;     /* dict */
    PyObject *on_close;    /* callable or NULL, called once by tp_finalize */
    PyObject *weakreflist;
} CounterObject;

/* ---- negatives: lifecycle slots ----------------------------------------- */

static PyObject *
Counter_new(PyTypeObject *type, PyObject *Py_UNUSED(args), PyObject *Py_UNUSED(kwds))
{
    CounterObject *self = (CounterObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    if (self->counts == NULL) {  // ok: shared-object-check-then-act
        self->counts = PyDict_New();
        if (self->counts == NULL) {
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
}

static int
Counter_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    CounterObject *self = (CounterObject *)op;
    PyObject *on_close = NULL;
    static char *kwlist[] = {"on_close", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:Counter", kwlist, &on_close)) {
        return -1;
    }
    if (self->options == NULL) {  // ok: shared-object-check-then-act
        self->options = PyDict_New();
        if (self->options == NULL) {
            return -1;
        }
    }
    PyObject *min_len;
    if (PyDict_GetItemStringRef(self->options, "min_length", &min_len) < 0) {  // ok: shared-object-check-then-act
        return -1;
    }
    if (min_len == NULL) {
        min_len = PyLong_FromLong(1);
        if (min_len == NULL || PyDict_SetItemString(self->options, "min_length", min_len) < 0) {
            Py_XDECREF(min_len);
            return -1;
        }
    }
    Py_DECREF(min_len);
    Py_XSETREF(self->on_close, Py_XNewRef(on_close));
    return 0;
}

static int
Counter_traverse(PyObject *op, visitproc visit, void *arg)
{
    CounterObject *self = (CounterObject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->counts);  // ok: shared-object-check-then-act
    Py_VISIT(self->options);
    Py_VISIT(self->on_close);
    return 0;
}

static int
Counter_clear(PyObject *op)
{
    CounterObject *self = (CounterObject *)op;
    if (self->counts != NULL) {  // ok: shared-object-check-then-act
        PyObject *tmp = self->counts;
        self->counts = NULL;
        Py_DECREF(tmp);
    }
    Py_CLEAR(self->options);
    Py_CLEAR(self->on_close);
    return 0;
}

static void
Counter_finalize(PyObject *op)
{
    CounterObject *self = (CounterObject *)op;
    if (self->on_close == NULL) {  // ok: shared-object-check-then-act
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *callback = self->on_close;
    self->on_close = NULL;
    PyObject *res = PyObject_CallNoArgs(callback);
    if (res == NULL) {
        PyErr_WriteUnraisable(callback);
    }
    Py_XDECREF(res);
    Py_DECREF(callback);
    PyErr_SetRaisedException(exc);
}

static void
Counter_dealloc(PyObject *op)
{
    CounterObject *self = (CounterObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {  // ok: shared-object-check-then-act
        PyObject_ClearWeakRefs(op);
    }
    (void)Counter_clear(op);
    tp->tp_free(op);
    Py_DECREF(tp);
}

/* ---- positives: ordinary methods ---------------------------------------- */

/* Lost update: two threads adding the same word both read n and store n+1. */
static PyObject *
Counter_add(CounterObject *self, PyObject *word)
{
    PyObject *old = PyDict_GetItemWithError(self->counts, word);  // expect: shared-object-check-then-act {{'self->counts'}}  // expect: borrowed-reference
    if (old == NULL && PyErr_Occurred()) {
        return NULL;
    }
    long n = old != NULL ? PyLong_AsLong(old) : 0;
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *value = PyLong_FromLong(n + 1);
    if (value == NULL) {
        return NULL;
    }
    int rc = PyDict_SetItem(self->counts, word, value);
    Py_DECREF(value);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Same shape as tp_init above, but in a method that any thread can call. */
static PyObject *
Counter_reset_options(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->options == NULL) {  // expect: shared-object-check-then-act {{'self->options'}}
        self->options = PyDict_New();
        if (self->options == NULL) {
            return NULL;
        }
    }
    PyDict_Clear(self->options);
    Py_RETURN_NONE;
}

static PyMethodDef Counter_methods[] = {
    {"add", (PyCFunction)Counter_add, METH_O, NULL},
    {"reset_options", (PyCFunction)Counter_reset_options, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef Counter_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(CounterObject, weakreflist), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_new, Counter_new},
    {Py_tp_init, Counter_init},
    {Py_tp_traverse, Counter_traverse},
    {Py_tp_clear, Counter_clear},
    {Py_tp_finalize, Counter_finalize},
    {Py_tp_dealloc, Counter_dealloc},
    {Py_tp_methods, Counter_methods},
    {Py_tp_members, Counter_members},
    {0, NULL},
};

static PyType_Spec Counter_spec = {
    .name = "lifecycle.Counter",
    .basicsize = sizeof(CounterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = Counter_slots,
};

/* ---- a static (non-heap) type with the same slots ------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *labels;     /* dict */
} LegacyObject;

static int
Legacy_init(LegacyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, ":Legacy", kwlist)) {
        return -1;
    }
    if (self->labels == NULL) {  // ok: shared-object-check-then-act
        self->labels = PyDict_New();
        if (self->labels == NULL) {
            return -1;
        }
    }
    return 0;
}

static void
Legacy_dealloc(LegacyObject *self)
{
    Py_XDECREF(self->labels);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Legacy_label(LegacyObject *self, PyObject *name)
{
    PyObject *label;
    int found = PyDict_GetItemRef(self->labels, name, &label);  // expect: shared-object-check-then-act {{'self->labels'}}
    if (found != 0) {
        return found < 0 ? NULL : label;
    }
    label = PyUnicode_FromFormat("<%U>", name);
    if (label == NULL) {
        return NULL;
    }
    if (PyDict_SetItem(self->labels, name, label) < 0) {
        Py_DECREF(label);
        return NULL;
    }
    return label;
}

static PyMethodDef Legacy_methods[] = {
    {"label", (PyCFunction)Legacy_label, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Legacy_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "lifecycle.Legacy",
    .tp_basicsize = sizeof(LegacyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Legacy_init,
    .tp_dealloc = (destructor)Legacy_dealloc,
    .tp_methods = Legacy_methods,
};

/* ---- module boilerplate ------------------------------------------------- */

static int
lifecycle_exec(PyObject *module)
{
    if (PyModule_AddType(module, &Legacy_Type) < 0) {
        return -1;
    }
    PyObject *type = PyType_FromModuleAndSpec(module, &Counter_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Counter", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot lifecycle_slots[] = {
    {Py_mod_exec, lifecycle_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef lifecycle_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "lifecycle",
    .m_slots = lifecycle_slots,
};

PyMODINIT_FUNC
PyInit_lifecycle(void)
{
    return PyModuleDef_Init(&lifecycle_module);
}
