/*
 * _rawio: unbuffered reads and writes on file descriptors, with the thread
 * state detached around the system calls. Between Py_BEGIN_ALLOW_THREADS and
 * Py_END_ALLOW_THREADS (or PyEval_SaveThread and PyEval_RestoreThread) the
 * thread has no attached thread state: in the free-threaded build the garbage
 * collector and other threads may be changing any object, so calling the C API
 * or touching a Python object there crashes or corrupts the interpreter.
 *
 * One finding per detached region, on the first offending line. Not reported:
 * plain C calls (read, write, memcpy, errno), data copied out of the objects
 * before the region, the raw allocator (PyMem_RawMalloc) and PyThread_* locks,
 * the PyOS_* string helpers on C data, calls after Py_END_ALLOW_THREADS, and
 * calls between Py_BLOCK_THREADS and Py_UNBLOCK_THREADS, where the thread
 * state is attached again.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* ---- positives ---------------------------------------------------------- */

/* read(fd, size): raises inside the region. */
static PyObject *
rawio_read(PyObject *module, PyObject *args)
{
    int fd;
    Py_ssize_t size, n;
    PyObject *result;

    if (!PyArg_ParseTuple(args, "in:read", &fd, &size)) {
        return NULL;
    }
    result = PyBytes_FromStringAndSize(NULL, size);
    if (result == NULL) {
        return NULL;
    }
    char *buf = PyBytes_AS_STRING(result);
    Py_BEGIN_ALLOW_THREADS
    n = read(fd, buf, (size_t)size);
    if (n < 0) {
        PyErr_SetFromErrno(PyExc_OSError);              // expect: c-api-without-thread-state {{PyErr_SetFromErrno}}
        Py_CLEAR(result);                               // ok: c-api-without-thread-state
    }
    Py_END_ALLOW_THREADS
    if (result != NULL && n < size) {
        _PyBytes_Resize(&result, n);
    }
    return result;
}

/* write(fd, data): reads the bytes object with the thread state detached. */
static PyObject *
rawio_write(PyObject *module, PyObject *args)
{
    int fd;
    PyObject *data;
    Py_ssize_t n;

    if (!PyArg_ParseTuple(args, "iS:write", &fd, &data)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    n = write(fd, PyBytes_AS_STRING(data), (size_t)PyBytes_GET_SIZE(data));  // expect: c-api-without-thread-state {{PyBytes_AS_STRING}}
    Py_END_ALLOW_THREADS
    if (n < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

/* read_into_new(fd, size): PyMem_Malloc needs an attached thread state; only
   the PyMem_Raw* functions may be called without one. */
static PyObject *
rawio_read_into_new(PyObject *module, PyObject *args)
{
    int fd;
    Py_ssize_t size, n = -1;
    char *buf;

    if (!PyArg_ParseTuple(args, "in:read_into_new", &fd, &size)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    buf = PyMem_Malloc((size_t)size);                   // expect: c-api-without-thread-state {{PyMem_Malloc}}
    if (buf != NULL) {
        n = read(fd, buf, (size_t)size);
    }
    Py_END_ALLOW_THREADS
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *res = n < 0 ? PyErr_SetFromErrno(PyExc_OSError) : PyBytes_FromStringAndSize(buf, n);
    PyMem_Free(buf);
    return res;
}

/* seek(fd, offset): the explicit form of the macros. */
static PyObject *
rawio_seek(PyObject *module, PyObject *args)
{
    int fd;
    long long offset;
    PyObject *result = NULL;

    if (!PyArg_ParseTuple(args, "iL:seek", &fd, &offset)) {
        return NULL;
    }
    PyThreadState *ts = PyEval_SaveThread();
    off_t pos = lseek(fd, (off_t)offset, SEEK_SET);
    if (pos >= 0) {
        result = PyLong_FromLongLong((long long)pos);   // expect: c-api-without-thread-state {{PyLong_FromLongLong}}
    }
    PyEval_RestoreThread(ts);
    if (pos < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return result;
}

/* describe(fd, obj): PyOS_snprintf is fine, but Py_TYPE reads the object. */
static PyObject *
rawio_describe(PyObject *module, PyObject *args)
{
    int fd;
    PyObject *obj;
    char line[200];
    Py_ssize_t n;

    if (!PyArg_ParseTuple(args, "iO:describe", &fd, &obj)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    PyOS_snprintf(line, sizeof(line), "<%s object at %p>\n", Py_TYPE(obj)->tp_name, (void *)obj);  // expect: c-api-without-thread-state {{Py_TYPE}}
    n = write(fd, line, strlen(line));
    Py_END_ALLOW_THREADS
    if (n < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* describe_legacy(fd, obj): the same, written with the object's fields. */
static PyObject *
rawio_describe_legacy(PyObject *module, PyObject *args)
{
    int fd;
    PyObject *obj;
    char line[200];
    Py_ssize_t n;

    if (!PyArg_ParseTuple(args, "iO:describe_legacy", &fd, &obj)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    PyOS_snprintf(line, sizeof(line), "<%s object>\n", obj->ob_type->tp_name);  // expect: c-api-without-thread-state {{ob_type}}
    n = write(fd, line, strlen(line));
    Py_END_ALLOW_THREADS
    if (n < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* ---- negatives ---------------------------------------------------------- */

/* write_safe(fd, data): the pointer and the size are taken before the region
   (a bytes object is immutable); the error is raised after it. */
static PyObject *
rawio_write_safe(PyObject *module, PyObject *args)
{
    int fd;
    PyObject *data;
    Py_ssize_t n;

    if (!PyArg_ParseTuple(args, "iS:write_safe", &fd, &data)) {
        return NULL;
    }
    const char *buf = PyBytes_AS_STRING(data);          // ok: c-api-without-thread-state
    size_t len = (size_t)PyBytes_GET_SIZE(data);        // ok: c-api-without-thread-state
    Py_BEGIN_ALLOW_THREADS
    n = write(fd, buf, len);                            // ok: c-api-without-thread-state
    Py_END_ALLOW_THREADS
    if (n < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);       // ok: c-api-without-thread-state
    }
    return PyLong_FromSsize_t(n);
}

/* read_raw(fd, size): the raw allocator needs no thread state. */
static PyObject *
rawio_read_raw(PyObject *module, PyObject *args)
{
    int fd;
    Py_ssize_t size, n = -1;
    char *buf;
    int saved_errno = 0;

    if (!PyArg_ParseTuple(args, "in:read_raw", &fd, &size)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    buf = PyMem_RawMalloc((size_t)size);                // ok: c-api-without-thread-state
    if (buf != NULL) {
        n = read(fd, buf, (size_t)size);
        saved_errno = errno;
    }
    Py_END_ALLOW_THREADS
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *res;
    if (n < 0) {
        errno = saved_errno;
        res = PyErr_SetFromErrno(PyExc_OSError);
    }
    else {
        res = PyBytes_FromStringAndSize(buf, n);
    }
    PyMem_RawFree(buf);
    return res;
}

/* read_retry(fd, size): on EINTR, attach again to run the signal handlers,
   the way CPython's own I/O functions do. */
static PyObject *
rawio_read_retry(PyObject *module, PyObject *args)
{
    int fd;
    Py_ssize_t size, n;
    int async_err = 0;
    PyObject *result;

    if (!PyArg_ParseTuple(args, "in:read_retry", &fd, &size)) {
        return NULL;
    }
    result = PyBytes_FromStringAndSize(NULL, size);
    if (result == NULL) {
        return NULL;
    }
    char *buf = PyBytes_AS_STRING(result);
    Py_BEGIN_ALLOW_THREADS
    for (;;) {
        n = read(fd, buf, (size_t)size);
        if (n >= 0 || errno != EINTR) {
            break;
        }
        Py_BLOCK_THREADS
        async_err = PyErr_CheckSignals();               // ok: c-api-without-thread-state
        Py_UNBLOCK_THREADS
        if (async_err) {
            break;
        }
    }
    Py_END_ALLOW_THREADS
    if (n < 0) {
        Py_DECREF(result);
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    if (n < size) {
        _PyBytes_Resize(&result, n);
    }
    return result;
}

/* A lock other threads hold while they write a whole record. */
static PyThread_type_lock record_lock;

/* write_record(fd, data): waits for the record lock without a thread state
   (a PyThread lock may be taken detached). */
static PyObject *
rawio_write_record(PyObject *module, PyObject *args)
{
    int fd;
    Py_buffer view;
    Py_ssize_t n;
    char header[32];

    if (!PyArg_ParseTuple(args, "iy*:write_record", &fd, &view)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    PyThread_acquire_lock(record_lock, WAIT_LOCK);      // ok: c-api-without-thread-state
    PyOS_snprintf(header, sizeof(header), "%zd\n", view.len);  // ok: c-api-without-thread-state
    n = write(fd, header, strlen(header));
    if (n >= 0) {
        n = write(fd, view.buf, (size_t)view.len);      // ok: c-api-without-thread-state
    }
    PyThread_release_lock(record_lock);                 // ok: c-api-without-thread-state
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (n < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* ---- module boilerplate ------------------------------------------------- */

static PyMethodDef rawio_methods[] = {
    {"read", rawio_read, METH_VARARGS, NULL},
    {"write", rawio_write, METH_VARARGS, NULL},
    {"read_into_new", rawio_read_into_new, METH_VARARGS, NULL},
    {"seek", rawio_seek, METH_VARARGS, NULL},
    {"describe", rawio_describe, METH_VARARGS, NULL},
    {"describe_legacy", rawio_describe_legacy, METH_VARARGS, NULL},
    {"write_safe", rawio_write_safe, METH_VARARGS, NULL},
    {"read_raw", rawio_read_raw, METH_VARARGS, NULL},
    {"read_retry", rawio_read_retry, METH_VARARGS, NULL},
    {"write_record", rawio_write_record, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef rawio_module = {  // expect: module-gil-declaration {{'_rawio'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "_rawio",
    .m_size = -1,
    .m_methods = rawio_methods,
};

PyMODINIT_FUNC
PyInit__rawio(void)
{
    PyObject *m = PyModule_Create(&rawio_module);
    if (m == NULL) {
        return NULL;
    }
    record_lock = PyThread_allocate_lock();
    if (record_lock == NULL) {
        Py_DECREF(m);
        return PyErr_NoMemory();
    }
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
