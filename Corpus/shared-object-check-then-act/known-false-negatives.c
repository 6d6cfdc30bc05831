// shared-object-check-then-act: known false negatives, annotated as todo. The rule
// matches the container and the key by their text within one function, so it
// misses a check-then-act done through a local alias of the shared object, a
// pointer to the field, or split across two functions. The first function is
// the same code without the alias, which is reported.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *cache;    /* dict: str -> str */
    PyObject *seen;     /* set of str */
} alias_state;

typedef struct {
    PyObject_HEAD
    PyObject *summary;  /* str, created on first use */
} ReportObject;

static alias_state *
get_alias_state(PyObject *module)
{
    return (alias_state *)PyModule_GetState(module);
}

/* Reported: the plain form. */
static PyObject *
alias_title(PyObject *module, PyObject *word)
{
    alias_state *st = get_alias_state(module);
    PyObject *result;
    int found = PyDict_GetItemRef(st->cache, word, &result);  // expect: shared-object-check-then-act {{'st->cache'}}
    if (found != 0) {
        return found < 0 ? NULL : result;
    }
    result = PyObject_CallMethod(word, "title", NULL);
    if (result != NULL && PyDict_SetItem(st->cache, word, result) < 0) {
        Py_CLEAR(result);
    }
    return result;
}

/* Missed: the same sequence through a local copy of st->cache. */
static PyObject *
alias_upper(PyObject *module, PyObject *word)
{
    PyObject *cache = get_alias_state(module)->cache;
    PyObject *result;
    int found = PyDict_GetItemRef(cache, word, &result);  // todo-expect: shared-object-check-then-act
    if (found != 0) {
        return found < 0 ? NULL : result;
    }
    result = PyObject_CallMethod(word, "upper", NULL);
    if (result != NULL && PyDict_SetItem(cache, word, result) < 0) {
        Py_CLEAR(result);
    }
    return result;
}

/* Missed: the membership test is in a helper, the insert in its caller. */
static int
alias_has_seen(alias_state *st, PyObject *word)
{
    return PySet_Contains(st->seen, word);  // todo-expect: shared-object-check-then-act
}

static PyObject *
alias_first_time(PyObject *module, PyObject *word)
{
    alias_state *st = get_alias_state(module);
    int seen = alias_has_seen(st, word);
    if (seen < 0) {
        return NULL;
    }
    if (!seen && PySet_Add(st->seen, word) < 0) {
        return NULL;
    }
    return PyBool_FromLong(!seen);
}

/* Missed: the lazy field is tested and written through a pointer to it. */
static PyObject *
Report_summary(ReportObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject **slot = &self->summary;
    if (*slot == NULL) {  // todo-expect: shared-object-check-then-act
        *slot = PyUnicode_FromString("(empty report)");
    }
    return Py_XNewRef(*slot);
}

static int
Report_traverse(ReportObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->summary);
    return 0;
}

static int
Report_clear(ReportObject *self)
{
    Py_CLEAR(self->summary);
    return 0;
}

static void
Report_dealloc(ReportObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Report_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Report_methods[] = {
    {"summary", (PyCFunction)Report_summary, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Report_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_traverse, Report_traverse},
    {Py_tp_clear, Report_clear},
    {Py_tp_dealloc, Report_dealloc},
    {Py_tp_methods, Report_methods},
    {0, NULL},
};

static PyType_Spec Report_spec = {
    .name = "aliases.Report",
    .basicsize = sizeof(ReportObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Report_slots,
};

static int
aliases_exec(PyObject *module)
{
    alias_state *st = get_alias_state(module);
    st->cache = PyDict_New();
    st->seen = PySet_New(NULL);
    if (st->cache == NULL || st->seen == NULL) {
        return -1;
    }
    PyObject *type = PyType_FromModuleAndSpec(module, &Report_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Report", type);
    Py_DECREF(type);
    return rc;
}

static int
aliases_clear(PyObject *module)
{
    alias_state *st = get_alias_state(module);
    Py_CLEAR(st->cache);
    Py_CLEAR(st->seen);
    return 0;
}

static PyMethodDef aliases_methods[] = {
    {"title", alias_title, METH_O, NULL},
    {"upper", alias_upper, METH_O, NULL},
    {"first_time", alias_first_time, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot aliases_slots[] = {
    {Py_mod_exec, aliases_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef aliases_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "aliases",
    .m_size = sizeof(alias_state),
    .m_methods = aliases_methods,
    .m_slots = aliases_slots,
    .m_clear = aliases_clear,
};

PyMODINIT_FUNC
PyInit_aliases(void)
{
    return PyModuleDef_Init(&aliases_module);
}
