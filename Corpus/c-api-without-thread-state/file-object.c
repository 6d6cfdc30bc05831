/*
 * _fdfile: a file object over a POSIX file descriptor. Its methods detach
 * the thread state around every system call, as CPython's own FileIO does.
 *
 * Reading a C field of the extension's own object (self->fd) in the region is
 * plain C and not this rule's concern; reading Python objects or calling the
 * C API there is. Private functions (_PyBytes_Resize) need a thread state
 * like public ones.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <unistd.h>

typedef struct {
    PyObject_HEAD
    int fd;             /* -1 once closed; owned by this object */
    PyObject *name;     /* str, for error messages; set in tp_init */
} FileObject;

/* ---- positives ---------------------------------------------------------- */

/* sync(): raises with the file name while detached. */
static PyObject *
File_sync(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    FileObject *self = (FileObject *)op;
    int rc;

    Py_BEGIN_ALLOW_THREADS
    rc = fsync(self->fd);
    if (rc < 0) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, self->name);  // expect: c-api-without-thread-state {{PyErr_SetFromErrnoWithFilenameObject}}
    }
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* read(size): shrinks the result before attaching again. */
static PyObject *
File_read(PyObject *op, PyObject *arg)
{
    FileObject *self = (FileObject *)op;
    Py_ssize_t size = PyLong_AsSsize_t(arg);
    Py_ssize_t n;
    int resized = 0;

    if (size < 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "size must not be negative");
        }
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, size);
    if (result == NULL) {
        return NULL;
    }
    char *buf = PyBytes_AS_STRING(result);
    Py_BEGIN_ALLOW_THREADS
    n = read(self->fd, buf, (size_t)size);              // ok: c-api-without-thread-state
    if (n >= 0 && n < size) {
        resized = _PyBytes_Resize(&result, n);          // expect: c-api-without-thread-state {{_PyBytes_Resize}}
    }
    Py_END_ALLOW_THREADS
    if (n < 0) {
        Py_DECREF(result);
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, self->name);
    }
    return resized < 0 ? NULL : result;
}

/* ---- negatives ---------------------------------------------------------- */

/* readinto(buffer): the buffer is exported before the region; Py_buffer is
   a C struct, and the memory it describes stays valid until it is released. */
static PyObject *
File_readinto(PyObject *op, PyObject *arg)
{
    FileObject *self = (FileObject *)op;
    Py_buffer view;
    Py_ssize_t n;

    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    n = read(self->fd, view.buf, (size_t)view.len);     // ok: c-api-without-thread-state
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (n < 0) {
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, self->name);  // ok: c-api-without-thread-state
    }
    return PyLong_FromSsize_t(n);
}

/* close(): the descriptor is taken out under a critical section on self,
   closed with the thread state detached. */
static PyObject *
File_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    FileObject *self = (FileObject *)op;
    int fd, rc = 0, saved_errno = 0;

    Py_BEGIN_CRITICAL_SECTION(self);
    fd = self->fd;
    self->fd = -1;
    Py_END_CRITICAL_SECTION();
    if (fd < 0) {
        Py_RETURN_NONE;
    }
    Py_BEGIN_ALLOW_THREADS
    rc = close(fd);                                     // ok: c-api-without-thread-state
    if (rc < 0) {
        saved_errno = errno;
    }
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        errno = saved_errno;
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, self->name);
    }
    Py_RETURN_NONE;
}

/* ---- type and module boilerplate ---------------------------------------- */

static PyObject *
File_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    FileObject *self = (FileObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->fd = -1;
    }
    return (PyObject *)self;
}

static int
File_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    FileObject *self = (FileObject *)op;
    static char *kwlist[] = {"fd", "name", NULL};
    int fd;
    PyObject *name;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "iU:FdFile", kwlist, &fd, &name)) {
        return -1;
    }
    self->fd = fd;
    Py_XSETREF(self->name, Py_NewRef(name));
    return 0;
}

static void
File_dealloc(PyObject *op)
{
    FileObject *self = (FileObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    if (self->fd >= 0) {
        (void)close(self->fd);
    }
    Py_XDECREF(self->name);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyMethodDef File_methods[] = {
    {"sync", File_sync, METH_NOARGS, NULL},
    {"read", File_read, METH_O, NULL},
    {"readinto", File_readinto, METH_O, NULL},
    {"close", File_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot File_slots[] = {
    {Py_tp_new, File_new},
    {Py_tp_init, File_init},
    {Py_tp_dealloc, File_dealloc},
    {Py_tp_methods, File_methods},
    {0, NULL},
};

static PyType_Spec File_spec = {
    .name = "_fdfile.FdFile",
    .basicsize = sizeof(FileObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = File_slots,
};

static int
fdfile_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &File_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "FdFile", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot fdfile_slots[] = {
    {Py_mod_exec, fdfile_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef fdfile_module = {  // expect: module-gil-declaration {{'_fdfile'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "_fdfile",
    .m_size = 0,
    .m_slots = fdfile_slots,
};

PyMODINIT_FUNC
PyInit__fdfile(void)
{
    return PyModuleDef_Init(&fdfile_module);
}
