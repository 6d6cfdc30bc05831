// module-gil-declaration in C++: positional PyModuleDef initializers that do
// declare free-threading support, for a multi-phase and a single-phase
// module. Nothing else in the file is reported, so the declarations stand.
// expect-no-findings
#include <Python.h>

#include <cstdint>

namespace {

PyObject *
popcount(PyObject *module, PyObject *arg)
{
    unsigned long long v = PyLong_AsUnsignedLongLong(arg);
    if (v == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
        return nullptr;
    }
    int n = 0;
    for (; v != 0; v &= v - 1) {
        n++;
    }
    return PyLong_FromLong(n);
}

PyMethodDef bits_methods[] = {
    {"popcount", popcount, METH_O, "Number of set bits."},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef_Slot bits_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

}  // namespace

static PyModuleDef bits_module = {  // ok: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "bits",             // m_name
    nullptr,            // m_doc
    0,                  // m_size
    bits_methods,
    bits_slots,
    nullptr,            // m_traverse
    nullptr,            // m_clear
    nullptr,            // m_free
};

PyMODINIT_FUNC
PyInit_bits(void)
{
    return PyModuleDef_Init(&bits_module);
}

static PyModuleDef bits_legacy_module = {  // ok: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "bits_legacy",      // m_name
    nullptr,            // m_doc
    -1,                 // m_size
    bits_methods,
    nullptr,            // m_slots
    nullptr,            // m_traverse
    nullptr,            // m_clear
    nullptr,            // m_free
};

PyMODINIT_FUNC
PyInit_bits_legacy(void)
{
    PyObject *m = PyModule_Create(&bits_legacy_module);
    if (m == nullptr) {
        return nullptr;
    }
#if defined(Py_GIL_DISABLED)
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
