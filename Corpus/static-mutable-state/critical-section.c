/*
 * _graph: Node objects plus module-level bookkeeping.
 *
 * Py_BEGIN_CRITICAL_SECTION(op) (3.13) locks only `op`. It protects a static
 * when every thread locks the same object: a static object (the registry
 * dict) or the module object. Locking `self` or an argument leaves the
 * static open to every other thread, which locks a different object.
 */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *data;
} NodeObject;

static PyObject *registry;              /* dict created at import */
static unsigned long registry_version;  /* guarded by the registry's lock */
static Py_ssize_t detached_count;       /* BUG: "guarded" by self */
static PyObject *default_factory;       /* BUG: "guarded" by the argument */
static long module_generation;          /* guarded by the module's lock */
static PyObject *last_linked;           /* BUG: "guarded" by two nodes */

static PyObject *
Node_register(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    int rc;

    Py_BEGIN_CRITICAL_SECTION(registry);
    rc = PyDict_SetItem(registry, self->name, (PyObject *)self);
    registry_version++;                                     // ok: static-mutable-state
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
Node_detach(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_CLEAR(self->data);
    /* The classic mistake: self's lock does not protect a global. */
    detached_count++;                                       // expect: static-mutable-state {{'detached_count'}}
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
Node_link(NodeObject *self, PyObject *other)
{
    Py_BEGIN_CRITICAL_SECTION2(self, other);
    Py_XSETREF(last_linked, Py_NewRef(other));              // expect: static-mutable-state {{'last_linked'}}
    Py_END_CRITICAL_SECTION2();
    Py_RETURN_NONE;
}

static void
Node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->name);
    Py_XDECREF(self->data);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->name);
    Py_VISIT(self->data);
    return 0;
}

static PyMethodDef Node_methods[] = {
    {"register", (PyCFunction)Node_register, METH_NOARGS, NULL},
    {"detach", (PyCFunction)Node_detach, METH_NOARGS, NULL},
    {"link", (PyCFunction)Node_link, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_graph.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = (destructor)Node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Node_traverse,
    .tp_methods = Node_methods,
    .tp_new = PyType_GenericNew,
};

static PyObject *
graph_set_default_factory(PyObject *module, PyObject *factory)
{
    /* Locks the argument, which other callers do not share. */
    Py_BEGIN_CRITICAL_SECTION(factory);
    Py_XSETREF(default_factory, Py_NewRef(factory));        // expect: static-mutable-state {{'default_factory'}}
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
graph_next_generation(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    long gen;

    /* Every caller locks the same module object. */
    Py_BEGIN_CRITICAL_SECTION(module);
    gen = ++module_generation;                              // ok: static-mutable-state
    Py_END_CRITICAL_SECTION();
    return PyLong_FromLong(gen);
}

static PyMethodDef graph_methods[] = {
    {"set_default_factory", graph_set_default_factory, METH_O, NULL},
    {"next_generation", graph_next_generation, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef graph_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_graph",
    .m_size = -1,
    .m_methods = graph_methods,
};

PyMODINIT_FUNC
PyInit__graph(void)
{
    PyObject *m;

    if (PyType_Ready(&Node_Type) < 0) {
        return NULL;
    }
    registry = PyDict_New();                                // ok: static-mutable-state
    if (registry == NULL) {
        return NULL;
    }
    m = PyModule_Create(&graph_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Node", (PyObject *)&Node_Type) < 0
        || PyModule_AddObjectRef(m, "registry", registry) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
