/*
 * spam: the C-API capsule example from the CPython docs, grown a little.
 * Statics written only while the module is imported (PyInit_*, and helpers
 * that only PyInit_* calls) are set once under the import lock, before any
 * other thread can see the module; afterwards they are only read.
 * A helper that is also called from a method is concurrent code.
 */
#include <Python.h>

#define SPAM_API_POINTERS 2

typedef struct {
    PyObject_HEAD
    long value;
} SpamObject;

static PyObject *SpamError;                     /* exception type, created at import */
static unsigned char char_class[256];           /* lookup table, filled at import */
static void *PySpam_API[SPAM_API_POINTERS];     /* capsule payload */
static long spam_calls;                         /* BUG: bumped by the C API */
static int default_flags;                       /* BUG: reset() rewrites it */

static PyTypeObject Spam_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "spam.Spam",
    .tp_basicsize = sizeof(SpamObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* Exported to other extensions through the capsule: any thread may call. */
static int
PySpam_System(const char *command)
{
    spam_calls++;                                       // expect: static-mutable-state {{'spam_calls'}}
    return system(command);
}

static int
PySpam_Calls(void)
{
    return (int)spam_calls;
}

/* Called only from PyInit_spam. */
static void
init_char_class(void)
{
    for (int c = 0; c < 256; c++) {
        char_class[c] = (unsigned char)((c >= '0' && c <= '9') ? 1 : 0);   // ok: static-mutable-state
    }
}

/* Called from PyInit_spam and from spam.reset(). */
static void
load_default_flags(void)
{
    default_flags = Py_IsInitialized() ? 1 : 0;         // expect: static-mutable-state {{'default_flags'}}
}

static PyObject *
spam_system(PyObject *self, PyObject *args)
{
    const char *command;
    int sts;

    if (!PyArg_ParseTuple(args, "s", &command)) {
        return NULL;
    }
    if (char_class[(unsigned char)command[0]]) {
        PyErr_SetString(SpamError, "command must not start with a digit");
        return NULL;
    }
    sts = PySpam_System(command);
    if (sts < 0) {
        PyErr_SetString(SpamError, "system command failed");
        return NULL;
    }
    return PyLong_FromLong(sts);
}

static PyObject *
spam_reset(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    load_default_flags();
    return PyLong_FromLong(default_flags);
}

static PyMethodDef SpamMethods[] = {
    {"system", spam_system, METH_VARARGS, "Execute a shell command."},
    {"reset", spam_reset, METH_NOARGS, "Reload the default flags."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef spammodule = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "spam",
    .m_size = -1,
    .m_methods = SpamMethods,
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    PyObject *m, *c_api_object;

    Spam_Type.tp_new = PyType_GenericNew;               // ok: static-mutable-state
    if (PyType_Ready(&Spam_Type) < 0) {
        return NULL;
    }
    init_char_class();
    load_default_flags();

    m = PyModule_Create(&spammodule);
    if (m == NULL) {
        return NULL;
    }
    SpamError = PyErr_NewException("spam.error", NULL, NULL);   // ok: static-mutable-state
    if (PyModule_AddObjectRef(m, "error", SpamError) < 0) {
        Py_CLEAR(SpamError);                            // ok: static-mutable-state
        Py_DECREF(m);
        return NULL;
    }
    PySpam_API[0] = (void *)PySpam_System;              // ok: static-mutable-state
    PySpam_API[1] = (void *)PySpam_Calls;
    c_api_object = PyCapsule_New((void *)PySpam_API, "spam._C_API", NULL);
    if (PyModule_Add(m, "_C_API", c_api_object) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
