// module-gil-declaration: modules that do not declare free-threading support.
//
// The built-in modules of an application that embeds Python, registered
// with PyImport_AppendInittab. When a free-threaded interpreter (3.13t,
// 3.14t) imports a module that does not declare Py_MOD_GIL_NOT_USED, it
// enables the GIL for the whole process and emits a RuntimeWarning; the
// application silently loses its parallelism. Each PyModuleDef is reported
// on its own line.
#include <Python.h>

static PyObject *
app_version(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("4.2.0");
}

static PyMethodDef app_methods[] = {
    {"version", app_version, METH_NOARGS, "Application version."},
    {NULL, NULL, 0, NULL},
};

static int
app_exec(PyObject *module)
{
    return PyModule_AddIntConstant(module, "API_LEVEL", 7);
}

/* Multi-phase, with an exec slot but no Py_mod_gil slot. */
static PyModuleDef_Slot appconfig_slots[] = {
    {Py_mod_exec, app_exec},
    {0, NULL},
};

static struct PyModuleDef appconfig_module = {  // expect: module-gil-declaration {{'appconfig'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "appconfig",
    .m_methods = app_methods,
    .m_slots = appconfig_slots,
};

PyMODINIT_FUNC
PyInit_appconfig(void)
{
    return PyModuleDef_Init(&appconfig_module);
}

/* Multi-phase with no slots at all. */
static struct PyModuleDef applog_module = {  // expect: module-gil-declaration {{'applog'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "applog",
    .m_methods = app_methods,
};

PyMODINIT_FUNC
PyInit_applog(void)
{
    return PyModuleDef_Init(&applog_module);
}

/* Keeps the GIL on purpose: reported, with wording that says so. */
static PyModuleDef_Slot appgfx_slots[] = {
    {Py_mod_exec, app_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef appgfx_module = {  // expect: module-gil-declaration {{'appgfx'}} {{keeps the GIL}}
    PyModuleDef_HEAD_INIT,
    .m_name = "appgfx",
    .m_methods = app_methods,
    .m_slots = appgfx_slots,
};

PyMODINIT_FUNC
PyInit_appgfx(void)
{
    return PyModuleDef_Init(&appgfx_module);
}

/* Guard inverted: the slot exists only in GIL builds, where it means
   nothing, and is missing from the free-threaded build. */
static PyModuleDef_Slot appaudio_slots[] = {
    {Py_mod_exec, app_exec},
#if !defined(Py_GIL_DISABLED) && PY_VERSION_HEX >= 0x030D0000
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef appaudio_module = {  // expect: module-gil-declaration {{'appaudio'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "appaudio",
    .m_methods = app_methods,
    .m_slots = appaudio_slots,
};

PyMODINIT_FUNC
PyInit_appaudio(void)
{
    return PyModuleDef_Init(&appaudio_module);
}

/* Declared for 3.14 only: a 3.13t interpreter still enables the GIL. */
static PyModuleDef_Slot appnet_slots[] = {
    {Py_mod_exec, app_exec},
#if PY_VERSION_HEX >= 0x030E0000
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef appnet_module = {  // expect: module-gil-declaration {{'appnet'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "appnet",
    .m_methods = app_methods,
    .m_slots = appnet_slots,
};

PyMODINIT_FUNC
PyInit_appnet(void)
{
    return PyModuleDef_Init(&appnet_module);
}

/* Single-phase, no PyUnstable_Module_SetGIL call anywhere in the file. */
static struct PyModuleDef applegacy_module = {  // expect: module-gil-declaration {{'applegacy'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "applegacy",
    .m_size = -1,
    .m_methods = app_methods,
};

PyMODINIT_FUNC
PyInit_applegacy(void)
{
    return PyModule_Create(&applegacy_module);
}

/* Called by the application's main() before Py_Initialize(). */
int
app_register_builtin_modules(void)
{
    if (PyImport_AppendInittab("appconfig", PyInit_appconfig) < 0 ||
        PyImport_AppendInittab("applog", PyInit_applog) < 0 ||
        PyImport_AppendInittab("appgfx", PyInit_appgfx) < 0 ||
        PyImport_AppendInittab("appaudio", PyInit_appaudio) < 0 ||
        PyImport_AppendInittab("appnet", PyInit_appnet) < 0 ||
        PyImport_AppendInittab("applegacy", PyInit_applegacy) < 0) {
        return -1;
    }
    return 0;
}
