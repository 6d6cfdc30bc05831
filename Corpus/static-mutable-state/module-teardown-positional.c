/* The same teardown hooks in a positional PyModuleDef initializer (single-phase init). */
#include <Python.h>

static PyObject *cache;     /* created in PyInit, cleared at teardown */
static int hits;

static PyObject *
positional_lookup(PyObject *module, PyObject *key)
{
    hits += 1;                                  // expect: static-mutable-state {{'hits'}}
    return PyObject_GetItem(cache, key);
}

static int
positional_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(cache);
    return 0;
}

static int
positional_clear(PyObject *module)
{
    Py_CLEAR(cache);                            // ok: static-mutable-state
    return 0;
}

static void
positional_free(void *module)
{
    Py_CLEAR(cache);                            // ok: static-mutable-state
}

static PyMethodDef positional_methods[] = {
    {"lookup", positional_lookup, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef positional_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT, "positional", NULL, -1, positional_methods,
    NULL, positional_traverse, positional_clear, positional_free,
};

PyMODINIT_FUNC
PyInit_positional(void)
{
    cache = PyDict_New();
    if (cache == NULL) {
        return NULL;
    }
    return PyModule_Create(&positional_module);
}
