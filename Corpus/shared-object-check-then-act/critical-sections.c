// shared-object-check-then-act under Py_BEGIN_CRITICAL_SECTION. A critical
// section makes the check and the act atomic only for the object it locks:
// the container itself, or `self` for fields of `self`. A critical section on
// any other object (the key, an argument, self when the dict lives in module
// state) does not count, and neither does one that ends before the check.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *lookups;     /* dict: term -> int, shared by all indexes */
    PyObject *Index;
} search_state;

typedef struct {
    PyObject_HEAD
    PyObject *postings;    /* dict: term -> list of doc ids */
    PyObject *stats;       /* dict, created on first use */
    PyObject *merged;      /* list, created on first use */
    PyObject *terms;       /* sorted list, created on first use */
    PyObject *norms;       /* dict, created on first use */
} IndexObject;

static search_state *
index_module_state(IndexObject *self)
{
    return (search_state *)PyType_GetModuleState(Py_TYPE(self));
}

/* ---- negatives ---------------------------------------------------------- */

/* Lazy field of self inside a critical section on self. */
static PyObject *
Index_stats(IndexObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->stats == NULL) {  // ok: shared-object-check-then-act
        self->stats = PyDict_New();
    }
    result = Py_XNewRef(self->stats);
    Py_END_CRITICAL_SECTION();
    return result;
}

/* Get-then-set on a dict inside a critical section on that dict. */
static PyObject *
Index_add(IndexObject *self, PyObject *args)
{
    PyObject *term, *doc_id;
    if (!PyArg_ParseTuple(args, "UO:add", &term, &doc_id)) {
        return NULL;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(self->postings);
    PyObject *list;
    int found = PyDict_GetItemRef(self->postings, term, &list);  // ok: shared-object-check-then-act
    if (found == 0) {
        list = PyList_New(0);
        if (list != NULL && PyDict_SetItem(self->postings, term, list) < 0) {
            Py_CLEAR(list);
        }
    }
    if (list != NULL) {
        rc = PyList_Append(list, doc_id);
        Py_DECREF(list);
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Get-then-set on a dict stored in a field of self, inside a critical
   section on self. */
static PyObject *
Index_add_once(IndexObject *self, PyObject *term)
{
    int added = -1;
    Py_BEGIN_CRITICAL_SECTION(self);
    int present = PyDict_Contains(self->postings, term);  // ok: shared-object-check-then-act
    if (present == 0) {
        PyObject *list = PyList_New(0);
        if (list != NULL) {
            added = PyDict_SetItem(self->postings, term, list) < 0 ? -1 : 1;
            Py_DECREF(list);
        }
    }
    else if (present > 0) {
        added = 0;
    }
    Py_END_CRITICAL_SECTION();
    if (added < 0) {
        return NULL;
    }
    return PyBool_FromLong(added);
}

/* Lazy field of self inside a two-object critical section that covers self. */
static PyObject *
Index_merge(IndexObject *self, PyObject *other)
{
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION2(self, other);
    if (self->merged == NULL) {  // ok: shared-object-check-then-act
        self->merged = PyList_New(0);
    }
    if (self->merged != NULL) {
        rc = PyList_Append(self->merged, other);
    }
    Py_END_CRITICAL_SECTION2();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Module-state dict under a critical section on that dict. */
static PyObject *
Index_count_lookup(IndexObject *self, PyObject *term)
{
    search_state *st = index_module_state(self);
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(st->lookups);
    PyObject *old;
    int found = PyDict_GetItemRef(st->lookups, term, &old);  // ok: shared-object-check-then-act
    if (found >= 0) {
        long n = found ? PyLong_AsLong(old) : 0;
        Py_XDECREF(old);
        result = PyLong_FromLong(n + 1);
        if (result != NULL && PyDict_SetItem(st->lookups, term, result) < 0) {
            Py_CLEAR(result);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ---- positives ---------------------------------------------------------- */

/* The critical section locks the key, not the container. */
static PyObject *
Index_add_locked_wrong(IndexObject *self, PyObject *term)
{
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(term);
    int present = PyDict_Contains(self->postings, term);  // expect: shared-object-check-then-act {{'self->postings'}}
    if (present == 0) {
        PyObject *list = PyList_New(0);
        rc = list == NULL ? -1 : PyDict_SetItem(self->postings, term, list);
        Py_XDECREF(list);
    }
    else if (present < 0) {
        rc = -1;
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The critical section locks self, but the dict lives in module state. */
static PyObject *
Index_count_lookup_wrong(IndexObject *self, PyObject *term)
{
    search_state *st = index_module_state(self);
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    PyObject *old = PyDict_GetItemWithError(st->lookups, term);  // expect: shared-object-check-then-act {{'st->lookups'}}  // expect: borrowed-reference
    long n = old != NULL ? PyLong_AsLong(old) : 0;
    if (!PyErr_Occurred()) {
        result = PyLong_FromLong(n + 1);
        if (result != NULL && PyDict_SetItem(st->lookups, term, result) < 0) {
            Py_CLEAR(result);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* The critical section locks the argument, not self. */
static PyObject *
Index_terms_like(IndexObject *self, PyObject *other)
{
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(other);
    if (self->terms == NULL) {  // expect: shared-object-check-then-act {{'self->terms'}}
        self->terms = PySequence_List(other);
    }
    result = Py_XNewRef(self->terms);
    Py_END_CRITICAL_SECTION();
    return result;
}

/* The critical section ends before the check. */
static PyObject *
Index_norms(IndexObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n;
    Py_BEGIN_CRITICAL_SECTION(self);
    n = PyDict_Size(self->postings);
    Py_END_CRITICAL_SECTION();
    if (self->norms == NULL) {  // expect: shared-object-check-then-act {{'self->norms'}}
        PyObject *norms = PyDict_New();
        if (norms == NULL) {
            return NULL;
        }
        self->norms = norms;
    }
    return Py_BuildValue("nO", n, self->norms);
}

/* ---- type boilerplate --------------------------------------------------- */

static int
Index_init(IndexObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, ":Index", kwlist)) {
        return -1;
    }
    PyObject *postings = PyDict_New();
    if (postings == NULL) {
        return -1;
    }
    Py_XSETREF(self->postings, postings);
    return 0;
}

static int
Index_traverse(IndexObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->postings);
    Py_VISIT(self->stats);
    Py_VISIT(self->merged);
    Py_VISIT(self->terms);
    Py_VISIT(self->norms);
    return 0;
}

static int
Index_clear(IndexObject *self)
{
    Py_CLEAR(self->postings);
    Py_CLEAR(self->stats);
    Py_CLEAR(self->merged);
    Py_CLEAR(self->terms);
    Py_CLEAR(self->norms);
    return 0;
}

static void
Index_dealloc(IndexObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Index_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Index_methods[] = {
    {"stats", (PyCFunction)Index_stats, METH_NOARGS, NULL},
    {"add", (PyCFunction)Index_add, METH_VARARGS, NULL},
    {"add_once", (PyCFunction)Index_add_once, METH_O, NULL},
    {"merge", (PyCFunction)Index_merge, METH_O, NULL},
    {"count_lookup", (PyCFunction)Index_count_lookup, METH_O, NULL},
    {"add_locked_wrong", (PyCFunction)Index_add_locked_wrong, METH_O, NULL},
    {"count_lookup_wrong", (PyCFunction)Index_count_lookup_wrong, METH_O, NULL},
    {"terms_like", (PyCFunction)Index_terms_like, METH_O, NULL},
    {"norms", (PyCFunction)Index_norms, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Index_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Index_init},
    {Py_tp_traverse, Index_traverse},
    {Py_tp_clear, Index_clear},
    {Py_tp_dealloc, Index_dealloc},
    {Py_tp_methods, Index_methods},
    {0, NULL},
};

static PyType_Spec Index_spec = {
    .name = "search.Index",
    .basicsize = sizeof(IndexObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Index_slots,
};

static int
search_exec(PyObject *module)
{
    search_state *st = (search_state *)PyModule_GetState(module);
    st->lookups = PyDict_New();
    if (st->lookups == NULL) {
        return -1;
    }
    st->Index = PyType_FromModuleAndSpec(module, &Index_spec, NULL);
    if (st->Index == NULL) {
        return -1;
    }
    return PyModule_AddType(module, (PyTypeObject *)st->Index);
}

static int
search_traverse(PyObject *module, visitproc visit, void *arg)
{
    search_state *st = (search_state *)PyModule_GetState(module);
    Py_VISIT(st->lookups);
    Py_VISIT(st->Index);
    return 0;
}

static int
search_clear(PyObject *module)
{
    search_state *st = (search_state *)PyModule_GetState(module);
    Py_CLEAR(st->lookups);
    Py_CLEAR(st->Index);
    return 0;
}

static PyModuleDef_Slot search_slots[] = {
    {Py_mod_exec, search_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef search_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "search",
    .m_size = sizeof(search_state),
    .m_slots = search_slots,
    .m_traverse = search_traverse,
    .m_clear = search_clear,
};

PyMODINIT_FUNC
PyInit_search(void)
{
    return PyModuleDef_Init(&search_module);
}
