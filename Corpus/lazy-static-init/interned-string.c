/*
 * _stream: interned method names created on first use, the pattern
 * simplejson and CPython's own modules used for years:
 *
 *     static PyObject *str_read;
 *     if (!str_read) str_read = PyUnicode_InternFromString("read");
 *
 * Without the GIL two threads can both see NULL and both create the string:
 * one reference leaks, and the pointer is read and written without
 * synchronization. Creating the strings at import time is the fix.
 */
#include <Python.h>

static PyObject *str_read;
static PyObject *str_write;
static PyObject *str_flush;
static PyObject *str_close;     /* created in PyInit__stream */

static PyObject *
stream_read_all(PyObject *module, PyObject *stream)
{
    if (!str_read)                                          // expect: lazy-static-init {{'str_read'}}
        str_read = PyUnicode_InternFromString("read");
    if (str_read == NULL) {                                 // ok: lazy-static-init
        return NULL;
    }
    return PyObject_CallMethodNoArgs(stream, str_read);
}

static PyObject *
stream_write(PyObject *module, PyObject *args)
{
    PyObject *stream, *data;

    if (!PyArg_ParseTuple(args, "OO:write", &stream, &data)) {
        return NULL;
    }
    if (str_write == NULL) {                                // expect: lazy-static-init {{'str_write'}}
        str_write = PyUnicode_InternFromString("write");
        /* Error check after the creation: the branch does not write. */
        if (str_write == NULL) {                            // ok: lazy-static-init
            return NULL;
        }
    }
    return PyObject_CallMethodOneArg(stream, str_write, data);
}

static PyObject *
stream_flush(PyObject *module, PyObject *stream)
{
    if (str_flush == 0) {                                   // expect: lazy-static-init {{'str_flush'}}
        str_flush = PyUnicode_InternFromString("flush");
        if (str_flush == 0) {
            return NULL;
        }
    }
    return PyObject_CallMethodNoArgs(stream, str_flush);
}

static PyObject *
stream_close(PyObject *module, PyObject *stream)
{
    /* Created at import: a read-only check, nothing is written here. */
    if (str_close == NULL) {                                // ok: lazy-static-init
        PyErr_SetString(PyExc_RuntimeError, "module not initialized");
        return NULL;
    }
    return PyObject_CallMethodNoArgs(stream, str_close);
}

static PyMethodDef stream_methods[] = {
    {"read_all", stream_read_all, METH_O, NULL},
    {"write", stream_write, METH_VARARGS, NULL},
    {"flush", stream_flush, METH_O, NULL},
    {"close", stream_close, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef stream_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_stream",
    .m_size = -1,
    .m_methods = stream_methods,
};

PyMODINIT_FUNC
PyInit__stream(void)
{
    /* Same check-then-create shape, but import runs it once. */
    if (str_close == NULL) {                                // ok: lazy-static-init
        str_close = PyUnicode_InternFromString("close");
        if (str_close == NULL) {
            return NULL;
        }
    }
    return PyModule_Create(&stream_module);
}
