// borrowed-reference for PyImport_AddModule and PyCell_GET.
// PyImport_AddModule returns a borrowed reference to an entry of sys.modules,
// which every thread shares: another thread can `del sys.modules[name]` and
// free the module while this one uses it. PyCell_GET reads a cell that other
// threads can PyCell_Set. Fixes: PyImport_AddModuleRef (CPython 3.13) and
// PyCell_Get (a strong reference, in every version). Not reported: the
// replacements, cells created in this function, and calls made only while
// the module is imported.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *cell;     /* a cell shared with Python closures */
} BoxObject;

typedef struct {
    PyObject *builtins;     /* the builtins module, resolved at import */
    PyObject *BoxType;
} sandbox_state;

static PyObject *config_cell;   /* created at import; set_config() replaces its contents */

/* ---- positives ---------------------------------------------------------- */

static PyObject *
sandbox_eval_in_main(PyObject *module, PyObject *source)
{
    const char *code = PyUnicode_AsUTF8(source);
    if (code == NULL) {
        return NULL;
    }
    PyObject *main_module = PyImport_AddModule("__main__");  // expect: borrowed-reference {{PyImport_AddModuleRef}}
    if (main_module == NULL) {
        return NULL;
    }
    PyObject *globals = PyModule_GetDict(main_module);
    return PyRun_String(code, Py_eval_input, globals, globals);
}

/* Creates a scratch module in sys.modules, or returns the existing one. */
static PyObject *
sandbox_namespace(PyObject *module, PyObject *name)
{
    const char *utf8 = PyUnicode_AsUTF8(name);
    if (utf8 == NULL) {
        return NULL;
    }
    return Py_XNewRef(PyImport_AddModule(utf8));  // expect: borrowed-reference {{PyImport_AddModuleRef}}
}

static PyObject *
Box_get(BoxObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *value = PyCell_GET(self->cell);  // expect: borrowed-reference {{'self->cell'}} {{PyCell_Get}}
    if (value == NULL) {
        PyErr_SetString(PyExc_ValueError, "empty box");
        return NULL;
    }
    return Py_NewRef(value);
}

static PyObject *
sandbox_current_config(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *config = PyCell_GET(config_cell);  // expect: borrowed-reference {{'config_cell'}}
    if (config == NULL) {
        Py_RETURN_NONE;
    }
    return PyObject_Repr(config);
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
sandbox_eval_in_main_ref(PyObject *module, PyObject *source)
{
    const char *code = PyUnicode_AsUTF8(source);
    if (code == NULL) {
        return NULL;
    }
    PyObject *main_module = PyImport_AddModuleRef("__main__");  // ok: borrowed-reference
    if (main_module == NULL) {
        return NULL;
    }
    PyObject *result = PyRun_String(code, Py_eval_input, PyModule_GetDict(main_module),
                                    PyModule_GetDict(main_module));
    Py_DECREF(main_module);
    return result;
}

static PyObject *
Box_get_ref(BoxObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *value = PyCell_Get(self->cell);  // ok: borrowed-reference
    if (value == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_ValueError, "empty box");
    }
    return value;
}

static PyObject *
Box_set(BoxObject *self, PyObject *value)
{
    if (PyCell_Set(self->cell, value) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
sandbox_set_config(PyObject *module, PyObject *config)
{
    if (PyCell_Set(config_cell, config) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* A cell created here is not visible to other threads yet. */
static PyObject *
sandbox_wrap(PyObject *module, PyObject *value)
{
    PyObject *cell = PyCell_New(value);
    if (cell == NULL) {
        return NULL;
    }
    PyObject *repr = PyObject_Repr(PyCell_GET(cell));  // ok: borrowed-reference
    if (repr == NULL) {
        Py_DECREF(cell);
        return NULL;
    }
    return Py_BuildValue("(NN)", cell, repr);
}

/* ---- type and module boilerplate ---------------------------------------- */

static int
Box_init(BoxObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *value = NULL;
    static char *kwlist[] = {"value", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:Box", kwlist, &value)) {
        return -1;
    }
    PyObject *cell = PyCell_New(value);
    if (cell == NULL) {
        return -1;
    }
    Py_XSETREF(self->cell, cell);
    return 0;
}

static int
Box_traverse(BoxObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->cell);
    return 0;
}

static int
Box_clear(BoxObject *self)
{
    Py_CLEAR(self->cell);
    return 0;
}

static void
Box_dealloc(BoxObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Box_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Box_methods[] = {
    {"get", (PyCFunction)Box_get, METH_NOARGS, NULL},
    {"get_ref", (PyCFunction)Box_get_ref, METH_NOARGS, NULL},
    {"set", (PyCFunction)Box_set, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Box_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Box_init},
    {Py_tp_traverse, Box_traverse},
    {Py_tp_clear, Box_clear},
    {Py_tp_dealloc, Box_dealloc},
    {Py_tp_methods, Box_methods},
    {0, NULL},
};

static PyType_Spec Box_spec = {
    .name = "sandbox.Box",
    .basicsize = sizeof(BoxObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Box_slots,
};

/* Called only from sandbox_exec. */
static PyObject *
resolve_builtins(void)
{
    PyObject *builtins = PyImport_AddModule("builtins");  // ok: borrowed-reference
    return Py_XNewRef(builtins);
}

static int
sandbox_exec(PyObject *module)
{
    sandbox_state *st = (sandbox_state *)PyModule_GetState(module);
    st->builtins = resolve_builtins();
    if (st->builtins == NULL) {
        return -1;
    }
    PyObject *main_module = PyImport_AddModule("__main__");  // ok: borrowed-reference
    if (main_module == NULL || PyModule_AddObjectRef(module, "main", main_module) < 0) {
        return -1;
    }
    if (config_cell == NULL) {
        config_cell = PyCell_New(NULL);
        if (config_cell == NULL) {
            return -1;
        }
    }
    st->BoxType = PyType_FromModuleAndSpec(module, &Box_spec, NULL);
    if (st->BoxType == NULL) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "Box", st->BoxType);
}

static int
sandbox_traverse(PyObject *module, visitproc visit, void *arg)
{
    sandbox_state *st = (sandbox_state *)PyModule_GetState(module);
    Py_VISIT(st->builtins);
    Py_VISIT(st->BoxType);
    return 0;
}

static int
sandbox_clear(PyObject *module)
{
    sandbox_state *st = (sandbox_state *)PyModule_GetState(module);
    Py_CLEAR(st->builtins);
    Py_CLEAR(st->BoxType);
    return 0;
}

static PyMethodDef sandbox_methods[] = {
    {"eval_in_main", sandbox_eval_in_main, METH_O, NULL},
    {"namespace", sandbox_namespace, METH_O, NULL},
    {"current_config", sandbox_current_config, METH_NOARGS, NULL},
    {"eval_in_main_ref", sandbox_eval_in_main_ref, METH_O, NULL},
    {"set_config", sandbox_set_config, METH_O, NULL},
    {"wrap", sandbox_wrap, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot sandbox_slots[] = {
    {Py_mod_exec, sandbox_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef sandbox_module = {  // expect: module-gil-declaration {{'sandbox'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "sandbox",
    .m_size = sizeof(sandbox_state),
    .m_methods = sandbox_methods,
    .m_slots = sandbox_slots,
    .m_traverse = sandbox_traverse,
    .m_clear = sandbox_clear,
};

PyMODINIT_FUNC
PyInit_sandbox(void)
{
    return PyModuleDef_Init(&sandbox_module);
}
