/*
 * _cfg: settings parsed straight into globals. PyArg_ParseTuple & co. and
 * sscanf store through the pointers they are given, so `&global` in their
 * output arguments is a write. `static char *kwlist[]` is never written.
 */
#include <Python.h>
#include <stdio.h>
#include <time.h>

static PyMutex cfg_lock;
static int verbosity;
static double tolerance = 1e-9;
static long api_version;
static const char *encoding_name;
static time_t last_reload;

static PyObject *
cfg_set_verbosity(PyObject *module, PyObject *args)
{
    if (!PyArg_ParseTuple(args, "i:set_verbosity", &verbosity)) {       // expect: static-mutable-state {{'verbosity'}}
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
cfg_set_tolerance(PyObject *module, PyObject *arg)
{
    if (!PyArg_Parse(arg, "d", &tolerance)) {                            // expect: static-mutable-state {{'tolerance'}}
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
cfg_set_encoding(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", NULL};

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s:set_encoding", kwlist, &encoding_name)) {  // expect: static-mutable-state {{'encoding_name'}}
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
cfg_configure(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"tolerance", "verbosity", NULL};
    double tol;
    int verb;

    PyMutex_Lock(&cfg_lock);
    tol = tolerance;
    verb = verbosity;
    PyMutex_Unlock(&cfg_lock);
    /* Outputs are locals; kwlist is only read. */
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|di:configure", kwlist, &tol, &verb)) {  // ok: static-mutable-state
        return NULL;
    }
    PyMutex_Lock(&cfg_lock);
    tolerance = tol;                                                     // ok: static-mutable-state
    verbosity = verb;
    PyMutex_Unlock(&cfg_lock);
    Py_RETURN_NONE;
}

static PyObject *
cfg_parse_version(PyObject *module, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);

    if (s == NULL) {
        return NULL;
    }
    if (sscanf(s, "v%ld", &api_version) != 1) {                          // expect: static-mutable-state {{'api_version'}}
        PyErr_SetString(PyExc_ValueError, "expected 'v<number>'");
        return NULL;
    }
    return PyLong_FromLong(api_version);
}

static PyObject *
cfg_reload(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    /* time() stores through its argument, but the rule only knows the
       parsing functions and the string/memory functions. */
    time(&last_reload);                                                  // todo-expect: static-mutable-state
    Py_RETURN_NONE;
}

static PyObject *
cfg_describe(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    char text[64];
    int n;

    /* Formatting into a local buffer: nothing shared is written. */
    n = snprintf(text, sizeof(text), "verbosity=%d", verbosity);         // ok: static-mutable-state
    return PyUnicode_FromStringAndSize(text, n);
}

static PyMethodDef cfg_methods[] = {
    {"set_verbosity", cfg_set_verbosity, METH_VARARGS, NULL},
    {"set_tolerance", cfg_set_tolerance, METH_O, NULL},
    {"set_encoding", (PyCFunction)(void (*)(void))cfg_set_encoding,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"configure", (PyCFunction)(void (*)(void))cfg_configure,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"parse_version", cfg_parse_version, METH_O, NULL},
    {"reload", cfg_reload, METH_NOARGS, NULL},
    {"describe", cfg_describe, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cfg_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_cfg",
    .m_size = -1,
    .m_methods = cfg_methods,
};

PyMODINIT_FUNC
PyInit__cfg(void)
{
    return PyModule_Create(&cfg_module);
}
