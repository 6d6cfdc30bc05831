// module-gil-declaration: modules that declare free-threading support, in
// the spellings extension projects use. None is reported: each declares
// Py_MOD_GIL_NOT_USED in the free-threaded build, and the file has no other
// finding that would make the declaration unsafe.
//
// The accelerator modules of a package, built from one source file.
// expect-no-findings
#include <Python.h>

static PyObject *
accel_double(PyObject *module, PyObject *arg)
{
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(2.0 * x);
}

static PyMethodDef accel_methods[] = {
    {"double", accel_double, METH_O, "Twice the argument."},
    {NULL, NULL, 0, NULL},
};

static int
accel_exec(PyObject *module)
{
    return PyModule_AddIntConstant(module, "LEVEL", 3);
}

/* The HOWTO's spelling: only free-threaded builds define Py_mod_gil's
   meaning, so guard with Py_GIL_DISABLED. */
static PyModuleDef_Slot fastmath_slots[] = {
    {Py_mod_exec, accel_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef fastmath_module = {  // ok: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "fastmath",
    .m_methods = accel_methods,
    .m_slots = fastmath_slots,
};

PyMODINIT_FUNC
PyInit_fastmath(void)
{
    return PyModuleDef_Init(&fastmath_module);
}

/* Version guard: Py_mod_gil exists from 3.13 on (and is ignored by GIL
   builds). */
static PyModuleDef_Slot fastio_slots[] = {
    {Py_mod_exec, accel_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef fastio_module = {  // ok: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "fastio",
    .m_methods = accel_methods,
    .m_slots = fastio_slots,
};

PyMODINIT_FUNC
PyInit_fastio(void)
{
    return PyModuleDef_Init(&fastio_module);
}

/* Unconditional: a module that only supports 3.13+. Py_mod_gil among other
   slots, not first. */
static PyModuleDef_Slot fastjson_slots[] = {
    {Py_mod_exec, accel_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef fastjson_module = {  // ok: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "fastjson",
    .m_methods = accel_methods,
    .m_slots = fastjson_slots,
};

PyMODINIT_FUNC
PyInit_fastjson(void)
{
    return PyModuleDef_Init(&fastjson_module);
}

/* Positional initializer (m_name, m_doc, m_size, m_methods, m_slots). */
static PyModuleDef_Slot fastre_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef fastre_module = {  // ok: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "fastre",
    "Regular expression accelerators.",
    0,
    accel_methods,
    fastre_slots,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_fastre(void)
{
    return PyModuleDef_Init(&fastre_module);
}

/* Single-phase: PyUnstable_Module_SetGIL exists only in free-threaded
   builds, hence the #ifdef. */
static struct PyModuleDef fastcsv_module = {  // ok: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "fastcsv",
    .m_size = -1,
    .m_methods = accel_methods,
};

PyMODINIT_FUNC
PyInit_fastcsv(void)
{
    PyObject *m = PyModule_Create(&fastcsv_module);
    if (m == NULL) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    if (PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#endif
    return m;
}
