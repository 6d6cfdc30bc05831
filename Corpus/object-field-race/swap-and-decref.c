// object-field-race: replacing an object field with Py_SETREF / Py_XSETREF /
// Py_CLEAR outside a critical section.
//
// Each of these macros reads the old pointer, stores the new one and then
// drops the reference to the old one. Two threads doing it on the same field
// can read the same old pointer: both DECREF it (use-after-free) and one of
// the new values leaks. A concurrent reader can also be handed a pointer that
// is being freed. The type here is a static PyTypeObject, so its lifecycle
// slots are tp_* fields rather than PyType_Slot entries.
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *value;        /* any object */
    PyObject *name;         /* str */
    PyObject *cache;        /* repr(value), computed by render() */
    PyObject *callback;     /* callable or NULL */
} NodeObject;

static PyTypeObject Node_Type;

/* ---- positives ---------------------------------------------------------- */

static PyObject *
Node_set(NodeObject *self, PyObject *value)
{
    Py_XSETREF(self->value, Py_NewRef(value));  // expect: object-field-race {{'self->value'}} {{'Node_set'}}
    Py_CLEAR(self->cache);                      // expect: object-field-race {{'self->cache'}} {{'Node_set'}}
    Py_RETURN_NONE;
}

static PyObject *
Node_render(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *text = PyObject_Repr(self->value);
    if (text == NULL) {
        return NULL;
    }
    Py_XSETREF(self->cache, Py_NewRef(text));   // expect: object-field-race {{'self->cache'}} {{'Node_render'}}
    return text;
}

static int
Node_set_name(NodeObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "name must be a str");
        return -1;
    }
    Py_SETREF(self->name, Py_NewRef(value));    // expect: object-field-race {{'self->name'}} {{'Node_set_name'}}
    return 0;
}

/* A critical section on another object does not protect self. */
static PyObject *
Node_copy_from(NodeObject *self, PyObject *arg)
{
    if (!PyObject_TypeCheck(arg, &Node_Type)) {
        PyErr_SetString(PyExc_TypeError, "expected a Node");
        return NULL;
    }
    NodeObject *other = (NodeObject *)arg;
    Py_BEGIN_CRITICAL_SECTION(arg);
    Py_XSETREF(self->value, Py_XNewRef(other->value));  // expect: object-field-race {{'self->value'}} {{'Node_copy_from'}}
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
Node_set_locked(NodeObject *self, PyObject *value)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_XSETREF(self->value, Py_NewRef(value));  // ok: object-field-race
    Py_CLEAR(self->cache);                      // ok: object-field-race
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

/* Both objects locked at once (3.13): moves the value out of 'arg'. */
static PyObject *
Node_take_from(NodeObject *self, PyObject *arg)
{
    if (!PyObject_TypeCheck(arg, &Node_Type)) {
        PyErr_SetString(PyExc_TypeError, "expected a Node");
        return NULL;
    }
    NodeObject *other = (NodeObject *)arg;
    Py_BEGIN_CRITICAL_SECTION2(self, arg);
    Py_XSETREF(self->value, other->value);      // ok: object-field-race
    other->value = NULL;
    Py_CLEAR(self->cache);                      // ok: object-field-race
    Py_END_CRITICAL_SECTION2();
    Py_RETURN_NONE;
}

/* A node created here is private to this call until it is returned. */
static PyObject *
Node_copy(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    NodeObject *copy = (NodeObject *)Node_Type.tp_alloc(&Node_Type, 0);
    if (copy == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_XSETREF(copy->value, Py_XNewRef(self->value));   // ok: object-field-race
    Py_XSETREF(copy->name, Py_XNewRef(self->name));     // ok: object-field-race
    Py_END_CRITICAL_SECTION();
    return (PyObject *)copy;
}

/* The hand-written form of Py_CLEAR: a plain load and a plain store. The race
   is the same (two threads can both DECREF 'old'), but plain stores are not
   read-modify-writes to this rule. */
static PyObject *
Node_detach(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *old = self->callback;
    self->callback = NULL;                      // todo-expect: object-field-race
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Node_get_name(NodeObject *self, void *Py_UNUSED(closure))
{
    PyObject *name;
    Py_BEGIN_CRITICAL_SECTION(self);
    name = Py_XNewRef(self->name);
    Py_END_CRITICAL_SECTION();
    if (name == NULL) {
        Py_RETURN_NONE;
    }
    return name;
}

/* ---- lifecycle: tp_* fields of a static type ---------------------------- */

static int
Node_init(NodeObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *value = Py_None, *name = NULL, *callback = NULL;
    static char *kwlist[] = {"value", "name", "callback", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OUO:Node", kwlist,
                                     &value, &name, &callback)) {
        return -1;
    }
    Py_XSETREF(self->value, Py_NewRef(value));          // ok: object-field-race
    Py_XSETREF(self->name, Py_XNewRef(name));           // ok: object-field-race
    Py_XSETREF(self->callback, Py_XNewRef(callback));   // ok: object-field-race
    Py_CLEAR(self->cache);                              // ok: object-field-race
    return 0;
}

static int
Node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->value);
    Py_VISIT(self->name);
    Py_VISIT(self->cache);
    Py_VISIT(self->callback);
    return 0;
}

static int
Node_clear(NodeObject *self)
{
    Py_CLEAR(self->value);                      // ok: object-field-race
    Py_CLEAR(self->name);                       // ok: object-field-race
    Py_CLEAR(self->cache);                      // ok: object-field-race
    Py_CLEAR(self->callback);                   // ok: object-field-race
    return 0;
}

static void
Node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->value);                      // ok: object-field-race
    Py_CLEAR(self->name);                       // ok: object-field-race
    Py_CLEAR(self->cache);                      // ok: object-field-race
    Py_CLEAR(self->callback);                   // ok: object-field-race
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Node_methods[] = {
    {"set", (PyCFunction)Node_set, METH_O, NULL},
    {"render", (PyCFunction)Node_render, METH_NOARGS, NULL},
    {"copy_from", (PyCFunction)Node_copy_from, METH_O, NULL},
    {"set_locked", (PyCFunction)Node_set_locked, METH_O, NULL},
    {"take_from", (PyCFunction)Node_take_from, METH_O, NULL},
    {"copy", (PyCFunction)Node_copy, METH_NOARGS, NULL},
    {"detach", (PyCFunction)Node_detach, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Node_getset[] = {
    {"name", (getter)Node_get_name, (setter)Node_set_name, "node name", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nodes.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Node_init,
    .tp_traverse = (traverseproc)Node_traverse,
    .tp_clear = (inquiry)Node_clear,
    .tp_dealloc = (destructor)Node_dealloc,
    .tp_methods = Node_methods,
    .tp_getset = Node_getset,
};

static struct PyModuleDef nodes_module = {  // expect: module-gil-declaration {{'nodes'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "nodes",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_nodes(void)
{
    if (PyType_Ready(&Node_Type) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&nodes_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Node", (PyObject *)&Node_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
