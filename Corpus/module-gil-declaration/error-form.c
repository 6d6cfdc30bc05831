// module-gil-declaration, error form: the module tells a free-threaded
// interpreter that it does not need the GIL, but the same file still has
// unfixed free-threading findings. Importing it keeps the GIL disabled, so
// those races are live. Reported on the PyModuleDef line as an error, with
// the number of findings that remain.
#include <Python.h>

static long nscans;             /* statistics: scans performed */
static PyObject *separator;     /* str " ", created on first use */

static PyObject *
scanner_split(PyObject *module, PyObject *arg)
{
    nscans++;                                           // expect: static-mutable-state {{'nscans'}}
    if (separator == NULL) {                            // expect: lazy-static-init {{'separator'}}
        separator = PyUnicode_InternFromString(" ");
        if (separator == NULL) {
            return NULL;
        }
    }
    return PyUnicode_Split(arg, separator, -1);
}

static PyObject *
scanner_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(nscans);
}

static PyMethodDef scanner_methods[] = {
    {"split", scanner_split, METH_O, "Split on single spaces."},
    {"count", scanner_count, METH_NOARGS, "Number of scans so far."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot scanner_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef scanner_module = {  // expect: module-gil-declaration {{'scanner'}} {{declares Py_MOD_GIL_NOT_USED}} {{2 other finding}}
    PyModuleDef_HEAD_INIT,
    .m_name = "scanner",
    .m_methods = scanner_methods,
    .m_slots = scanner_slots,
};

PyMODINIT_FUNC
PyInit_scanner(void)
{
    return PyModuleDef_Init(&scanner_module);
}
