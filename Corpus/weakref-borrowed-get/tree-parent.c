// weakref-borrowed-get: a tree node keeps a weak reference to its parent so
// that parent <-> child links do not form a cycle. PyWeakref_GetObject and
// PyWeakref_GET_OBJECT return the parent as a borrowed reference; another
// thread can drop the last strong reference and free the parent before this
// thread takes its own. Both are deprecated in CPython 3.13 and removed in
// 3.15, so every call is reported, wherever it is (even during import or in
// tp_init). Not reported: PyWeakref_GetRef, PyWeakref_NewRef, and the names
// in comments or strings.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>     /* offsetof */

typedef struct {
    PyObject_HEAD
    PyObject *parent_ref;   /* weakref to the parent node, or NULL for a root */
    PyObject *name;         /* str */
    PyObject *weakreflist;
} NodeObject;

/* ---- positives ---------------------------------------------------------- */

/* getter (PyGetSetDef) */
static PyObject *
Node_get_parent(NodeObject *self, void *Py_UNUSED(closure))
{
    if (self->parent_ref == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *parent = PyWeakref_GetObject(self->parent_ref);  // expect: weakref-borrowed-get {{'self->parent_ref'}} {{PyWeakref_GetRef}}
    if (parent == NULL) {
        return NULL;
    }
    return Py_NewRef(parent);   /* Py_None once the parent is gone */
}

/* Walks up to the root through borrowed parents. */
static PyObject *
Node_root(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    NodeObject *node = self;
    while (node->parent_ref != NULL) {
        PyObject *parent = PyWeakref_GET_OBJECT(node->parent_ref);  // expect: weakref-borrowed-get {{'node->parent_ref'}}
        if (parent == Py_None) {
            break;
        }
        node = (NodeObject *)parent;
    }
    return Py_NewRef((PyObject *)node);
}

/* Only compared with Py_None, but the call is still deprecated and goes away in 3.15. */
static PyObject *
Node_repr(NodeObject *self)
{
    int orphan = self->parent_ref != NULL
                 && PyWeakref_GET_OBJECT(self->parent_ref) == Py_None;  // expect: weakref-borrowed-get
    return PyUnicode_FromFormat("<Node %R%s>", self->name, orphan ? " (orphan)" : "");
}

/* tp_init: the object is not shared yet, but the call is removed in 3.15.
   `parent` may be a node or a weak reference to one. */
static int
Node_init(NodeObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *name, *parent = NULL;
    static char *kwlist[] = {"name", "parent", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O:Node", kwlist, &name, &parent)) {
        return -1;
    }
    if (parent != NULL && PyWeakref_CheckRef(parent)) {
        parent = PyWeakref_GetObject(parent);  // expect: weakref-borrowed-get {{'parent'}}
    }
    PyObject *ref = NULL;
    if (parent != NULL && parent != Py_None) {
        ref = PyWeakref_NewRef(parent, NULL);  // ok: weakref-borrowed-get
        if (ref == NULL) {
            return -1;
        }
    }
    Py_XSETREF(self->parent_ref, ref);
    Py_XSETREF(self->name, Py_NewRef(name));
    return 0;
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix: PyWeakref_GetRef (CPython 3.13) returns a strong reference, or
   0 with *pobj == NULL once the referent is gone. */
static PyObject *
Node_parent_name(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->parent_ref == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *parent;
    int rc = PyWeakref_GetRef(self->parent_ref, &parent);  // ok: weakref-borrowed-get
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        Py_RETURN_NONE;
    }
    PyObject *name = PyObject_GetAttrString(parent, "name");
    Py_DECREF(parent);
    return name;
}

/* Replaces PyWeakref_GetObject(self->parent_ref) from the 3.12 version.  // ok: weakref-borrowed-get */
static PyObject *
Node_is_orphan(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->parent_ref == NULL) {
        Py_RETURN_FALSE;
    }
    PyObject *parent;
    if (PyWeakref_GetRef(self->parent_ref, &parent) < 0) {  // ok: weakref-borrowed-get
        return NULL;
    }
    if (parent == NULL) {
        Py_RETURN_TRUE;
    }
    Py_DECREF(parent);
    Py_RETURN_FALSE;
}

static PyObject *
Node_api_note(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("parent lookups use PyWeakref_GetRef, not PyWeakref_GetObject");  // ok: weakref-borrowed-get
}

/* ---- type and module boilerplate ---------------------------------------- */

static int
Node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->parent_ref);
    Py_VISIT(self->name);
    return 0;
}

static int
Node_clear(NodeObject *self)
{
    Py_CLEAR(self->parent_ref);
    Py_CLEAR(self->name);
    return 0;
}

static void
Node_dealloc(NodeObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs((PyObject *)self);
    }
    (void)Node_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyGetSetDef Node_getset[] = {
    {"parent", (getter)Node_get_parent, NULL, "the parent node, or None", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef Node_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(NodeObject, weakreflist), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef Node_methods[] = {
    {"root", (PyCFunction)Node_root, METH_NOARGS, NULL},
    {"parent_name", (PyCFunction)Node_parent_name, METH_NOARGS, NULL},
    {"is_orphan", (PyCFunction)Node_is_orphan, METH_NOARGS, NULL},
    {"api_note", (PyCFunction)Node_api_note, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Node_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Node_init},
    {Py_tp_repr, Node_repr},
    {Py_tp_traverse, Node_traverse},
    {Py_tp_clear, Node_clear},
    {Py_tp_dealloc, Node_dealloc},
    {Py_tp_methods, Node_methods},
    {Py_tp_getset, Node_getset},
    {Py_tp_members, Node_members},
    {0, NULL},
};

static PyType_Spec Node_spec = {
    .name = "tree.Node",
    .basicsize = sizeof(NodeObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Node_slots,
};

static int
tree_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Node_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Node", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot tree_slots[] = {
    {Py_mod_exec, tree_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef tree_module = {  // expect: module-gil-declaration {{'tree'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "tree",
    .m_size = 0,
    .m_slots = tree_slots,
};

PyMODINIT_FUNC
PyInit_tree(void)
{
    return PyModuleDef_Init(&tree_module);
}
