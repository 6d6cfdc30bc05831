/*
 * PyArg_ParseTuple writes only through its outputs: in "O!" the type object is an input, in
 * "O&" the converter is. A type reached through a static API table (greenlet's
 * `&PyGreenlet_Type`, a macro over `_PyGreenlet_API[...]`) is read, not written.
 */
#include <Python.h>

static void **api_table;     /* filled at import from a capsule */
#define Widget_Type (*(PyTypeObject *)api_table[0])
static int verbosity;        /* BUG: parsed straight into a static */

static int
to_level(PyObject *obj, void *out)
{
    *(long *)out = PyLong_AsLong(obj);
    return PyErr_Occurred() ? 0 : 1;
}

static PyObject *
inputs_configure(PyObject *module, PyObject *args)
{
    PyObject *widget = NULL;
    long level = 0;
    /* Reported once, for 'verbosity': the type read through 'api_table' is an input. */
    if (!PyArg_ParseTuple(args, "O!O&|i:configure", &Widget_Type, &widget,  // expect: static-mutable-state {{'verbosity'}}
                          to_level, &level, &verbosity)) {
        return NULL;
    }
    return PyLong_FromLong(level + verbosity);
}

static int
inputs_exec(PyObject *module)
{
    api_table = (void **)PyCapsule_Import("widgets._C_API", 0);
    return api_table == NULL ? -1 : 0;
}

static PyMethodDef inputs_methods[] = {
    {"configure", inputs_configure, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot inputs_slots[] = {
    {Py_mod_exec, inputs_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef inputs_module = {  // expect: module-gil-declaration {{'inputs'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "inputs",
    .m_methods = inputs_methods,
    .m_slots = inputs_slots,
};

PyMODINIT_FUNC
PyInit_inputs(void)
{
    return PyModuleDef_Init(&inputs_module);
}
