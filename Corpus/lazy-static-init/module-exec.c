/*
 * _rational: the fix for lazy statics is to create them while the module
 * is being imported: in the Py_mod_exec (or Py_mod_create) function of a
 * multi-phase module (PEP 489, 3.5+), or in helpers that only those call.
 * Import runs them once, under the import lock. A helper that a method
 * also calls is concurrent code again.
 */
#include <Python.h>

static PyObject *Fraction;          /* fractions.Fraction, created by exec */
static PyObject *str_name;          /* "name", created by create */
static PyObject *Context;           /* decimal.Context: BUG, also loaded by a method */

static PyObject *
import_attr(const char *modname, const char *attr)
{
    PyObject *mod = PyImport_ImportModule(modname);
    PyObject *res;

    if (mod == NULL) {
        return NULL;
    }
    res = PyObject_GetAttrString(mod, attr);
    Py_DECREF(mod);
    return res;
}

/* Called only from rational_exec. */
static int
load_fraction(void)
{
    if (Fraction == NULL) {                                 // ok: lazy-static-init
        Fraction = import_attr("fractions", "Fraction");
    }
    return Fraction != NULL ? 0 : -1;
}

/* Called from rational_exec and from rational_context(). */
static PyObject *
get_context_type(void)
{
    if (Context == NULL) {                                  // expect: lazy-static-init {{'Context'}}
        Context = import_attr("decimal", "Context");
    }
    return Context;
}

static PyObject *
rational_make(PyObject *module, PyObject *args)
{
    PyObject *num, *den;

    if (!PyArg_ParseTuple(args, "OO:make", &num, &den)) {
        return NULL;
    }
    if (Fraction == NULL) {                                 // ok: lazy-static-init
        PyErr_SetString(PyExc_ImportError, "fractions is unavailable");
        return NULL;
    }
    return PyObject_CallFunctionObjArgs(Fraction, num, den, NULL);
}

static PyObject *
rational_context(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *cls = get_context_type();

    if (cls == NULL) {
        return NULL;
    }
    return PyObject_CallNoArgs(cls);
}

static PyObject *
rational_create(PyObject *spec, PyModuleDef *def)
{
    PyObject *name, *mod;

    if (str_name == NULL) {                                 // ok: lazy-static-init
        str_name = PyUnicode_InternFromString("name");
        if (str_name == NULL) {
            return NULL;
        }
    }
    name = PyObject_GetAttr(spec, str_name);
    if (name == NULL) {
        return NULL;
    }
    mod = PyModule_NewObject(name);
    Py_DECREF(name);
    return mod;
}

static int
rational_exec(PyObject *module)
{
    if (load_fraction() < 0) {
        return -1;
    }
    if (get_context_type() == NULL) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "Fraction", Fraction);
}

static PyMethodDef rational_methods[] = {
    {"make", rational_make, METH_VARARGS, NULL},
    {"context", rational_context, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot rational_slots[] = {
    {Py_mod_create, rational_create},
    {Py_mod_exec, rational_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef rational_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_rational",
    .m_size = 0,
    .m_methods = rational_methods,
    .m_slots = rational_slots,
};

PyMODINIT_FUNC
PyInit__rational(void)
{
    return PyModuleDef_Init(&rational_module);
}
