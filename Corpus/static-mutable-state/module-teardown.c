/*
 * Module teardown hooks (PyModuleDef m_traverse, m_clear, m_free) run when the module is
 * cleared or freed, not alongside its functions: clearing process-wide statics there is not a
 * race. Found in cbor2 (cbor2_free) and immutables (module_free).
 */
#include <Python.h>

static PyObject *encode_error;      /* created in exec, cleared at teardown */
static PyObject *default_encoders;  /* created in exec, cleared at teardown */
static long calls;

static PyObject *
teardown_encode(PyObject *module, PyObject *arg)
{
    calls++;                                    // expect: static-mutable-state {{'calls'}}
    if (PyObject_IsInstance(arg, encode_error)) {
        return Py_NewRef(default_encoders);
    }
    Py_RETURN_NONE;
}

static int
teardown_clear(PyObject *module)
{
    Py_CLEAR(encode_error);                     // ok: static-mutable-state
    return 0;
}

static void
release_encoders(void)
{
    Py_CLEAR(default_encoders);                 // ok: static-mutable-state
}

static void
teardown_free(void *module)
{
    teardown_clear((PyObject *)module);
    release_encoders();
}

static int
teardown_exec(PyObject *module)
{
    encode_error = PyErr_NewException("teardown.EncodeError", NULL, NULL);
    default_encoders = PyDict_New();
    return encode_error != NULL && default_encoders != NULL ? 0 : -1;
}

static PyMethodDef teardown_methods[] = {
    {"encode", teardown_encode, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot teardown_slots[] = {
    {Py_mod_exec, teardown_exec},
    {0, NULL},
};

static struct PyModuleDef teardown_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "teardown",
    .m_size = 0,
    .m_methods = teardown_methods,
    .m_slots = teardown_slots,
    .m_clear = teardown_clear,
    .m_free = teardown_free,
};

PyMODINIT_FUNC
PyInit_teardown(void)
{
    return PyModuleDef_Init(&teardown_module);
}
