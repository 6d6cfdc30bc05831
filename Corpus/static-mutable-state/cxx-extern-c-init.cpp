// PyInit_ inside an `extern "C"` block, with PyMODINIT_FUNC adding its own linkage
// specification (greenlet's layout): the helpers it calls run once, at import.
#include <Python.h>

static PyObject *module_globals;
static void *api_pointers[4];
static long switches;

static PyObject *
cxx_switch(PyObject *module, PyObject *arg)
{
    switches++;                                 // expect: static-mutable-state {{'switches'}}
    return Py_NewRef(module_globals);
}

static PyMethodDef cxx_methods[] = {
    {"switch", cxx_switch, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static struct PyModuleDef cxx_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT, "cxxinit", nullptr, -1, cxx_methods,
};

static PyObject *
internal_mod_init() noexcept
{
    PyObject *m = PyModule_Create(&cxx_module);
    module_globals = PyDict_New();              // ok: static-mutable-state
    api_pointers[0] = (void *)cxx_switch;       // ok: static-mutable-state
    return m;
}

extern "C" {

PyMODINIT_FUNC
PyInit_cxxinit(void)
{
    return internal_mod_init();
}

}
