// module-gil-declaration in C++: the PyModuleDef is usually written with a
// positional initializer (designated initializers are C++20), and the slot
// table with reinterpret_cast<void *>. Neither module declares
// Py_MOD_GIL_NOT_USED for the free-threaded build.
#include <Python.h>

#include <cmath>

namespace {

PyObject *
hypot3(PyObject *module, PyObject *args)
{
    double x, y, z;
    if (!PyArg_ParseTuple(args, "ddd:hypot3", &x, &y, &z)) {
        return nullptr;
    }
    return PyFloat_FromDouble(std::sqrt(x * x + y * y + z * z));
}

PyMethodDef geometry_methods[] = {
    {"hypot3", hypot3, METH_VARARGS, "Length of a 3-vector."},
    {nullptr, nullptr, 0, nullptr},
};

int
geometry_exec(PyObject *module)
{
    return PyModule_Add(module, "pi", PyFloat_FromDouble(M_PI));
}

PyModuleDef_Slot geometry_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(geometry_exec)},
    {0, nullptr},
};

}  // namespace

// Multi-phase: an exec slot, no Py_mod_gil slot.
static PyModuleDef geometry_module = {  // expect: module-gil-declaration {{'geometry'}}
    PyModuleDef_HEAD_INIT,
    "geometry",         // m_name
    nullptr,            // m_doc
    0,                  // m_size
    geometry_methods,
    geometry_slots,
    nullptr,            // m_traverse
    nullptr,            // m_clear
    nullptr,            // m_free
};

PyMODINIT_FUNC
PyInit_geometry(void)
{
    return PyModuleDef_Init(&geometry_module);
}

// Single-phase: the module tells the interpreter it needs the GIL.
static struct PyModuleDef legacy_geometry_module = {  // expect: module-gil-declaration {{'legacy_geometry'}}
    PyModuleDef_HEAD_INIT,
    "legacy_geometry",  // m_name
    nullptr,            // m_doc
    -1,                 // m_size
    geometry_methods,
    nullptr,            // m_slots
    nullptr,            // m_traverse
    nullptr,            // m_clear
    nullptr,            // m_free
};

PyMODINIT_FUNC
PyInit_legacy_geometry(void)
{
    PyObject *m = PyModule_Create(&legacy_geometry_module);
    if (m == nullptr) {
        return nullptr;
    }
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_USED);
#endif
    return m;
}
