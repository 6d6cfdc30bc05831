/*
 * _adler: Adler-32 checksums of large buffers, computed with the thread state
 * detached, optionally reporting progress to a Python callable.
 *
 * The hashing loop is plain C on the buffer's memory, taken with
 * PyObject_GetBuffer before the region: fine. Calling the progress callback
 * from the region is not; the three correct ways are to attach again around
 * the call (Py_BLOCK_THREADS ... Py_UNBLOCK_THREADS), to let the C code call
 * back through a function that attaches with PyGILState_Ensure, or to report
 * after Py_END_ALLOW_THREADS.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <string.h>

#define ADLER_MOD 65521u
#define CHUNK ((size_t)1 << 20)

typedef void (*progress_fn)(void *arg, size_t done, size_t total);

typedef struct {
    PyObject *callback;     /* a strong reference held by the caller */
    int failed;             /* set when the callback raised */
} progress_ctx;

/* Pure C: the checksum of one chunk. */
static uint32_t
adler32_update(uint32_t adler, const unsigned char *p, size_t n)
{
    uint32_t a = adler & 0xFFFF, b = adler >> 16;
    for (size_t i = 0; i < n; i++) {
        a = (a + p[i]) % ADLER_MOD;
        b = (b + a) % ADLER_MOD;
    }
    return (b << 16) | a;
}

/* The C library's entry point: hashes in chunks and calls cb after each one,
   on the calling thread. */
static uint32_t
adler32_chunked(const unsigned char *p, size_t n, progress_fn cb, void *arg)
{
    uint32_t adler = 1;
    for (size_t done = 0; done < n;) {
        size_t len = n - done < CHUNK ? n - done : CHUNK;
        adler = adler32_update(adler, p + done, len);
        done += len;
        if (cb != NULL) {
            cb(arg, done, n);
        }
    }
    return adler;
}

/* Called by adler32_chunked with the thread state detached: attaches one
   with PyGILState_Ensure before touching Python objects. */
static void
report_progress(void *arg, size_t done, size_t total)
{
    progress_ctx *ctx = arg;
    PyGILState_STATE gstate = PyGILState_Ensure();      // ok: c-api-without-thread-state
    if (!ctx->failed) {
        PyObject *r = PyObject_CallFunction(ctx->callback, "nn", (Py_ssize_t)done, (Py_ssize_t)total);
        if (r == NULL) {
            ctx->failed = 1;
        }
        Py_XDECREF(r);
    }
    PyGILState_Release(gstate);
}

/* A helper that calls the callback: it needs a thread state, and its caller
   has none. The rule does not look into called functions. */
static int
notify(PyObject *callback, size_t done)
{
    PyObject *r = PyObject_CallFunction(callback, "n", (Py_ssize_t)done);
    Py_XDECREF(r);
    return r == NULL ? -1 : 0;
}

/* ---- positives ---------------------------------------------------------- */

/* checksum_progress(data, callback): calls the callback while detached. */
static PyObject *
adler_checksum_progress(PyObject *module, PyObject *args)
{
    Py_buffer view;
    PyObject *callback;
    uint32_t adler = 1;
    int failed = 0;

    if (!PyArg_ParseTuple(args, "y*O:checksum_progress", &view, &callback)) {
        return NULL;
    }
    const unsigned char *p = view.buf;
    size_t n = (size_t)view.len;
    Py_BEGIN_ALLOW_THREADS
    for (size_t done = 0; done < n && !failed;) {
        size_t len = n - done < CHUNK ? n - done : CHUNK;
        adler = adler32_update(adler, p + done, len);
        done += len;
        PyObject *r = PyObject_CallFunction(callback, "n", (Py_ssize_t)done);  // expect: c-api-without-thread-state {{PyObject_CallFunction}}
        failed = r == NULL;
        Py_XDECREF(r);                                  // ok: c-api-without-thread-state
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (failed) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(adler);
}

/* checksum_progress2(data, callback): attaches for the call, but checks the
   error indicator after detaching again. */
static PyObject *
adler_checksum_progress2(PyObject *module, PyObject *args)
{
    Py_buffer view;
    PyObject *callback;
    uint32_t adler = 1;
    int failed = 0;

    if (!PyArg_ParseTuple(args, "y*O:checksum_progress2", &view, &callback)) {
        return NULL;
    }
    const unsigned char *p = view.buf;
    size_t n = (size_t)view.len;
    Py_BEGIN_ALLOW_THREADS
    for (size_t done = 0; done < n;) {
        size_t len = n - done < CHUNK ? n - done : CHUNK;
        adler = adler32_update(adler, p + done, len);
        done += len;
        Py_BLOCK_THREADS
        Py_XDECREF(PyObject_CallFunction(callback, "n", (Py_ssize_t)done));  // ok: c-api-without-thread-state
        Py_UNBLOCK_THREADS
        if (PyErr_Occurred() != NULL) {                 // expect: c-api-without-thread-state {{PyErr_Occurred}}
            failed = 1;
            break;
        }
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (failed) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(adler);
}

/* checksum_notify(data, callback): the C API call is in a helper. */
static PyObject *
adler_checksum_notify(PyObject *module, PyObject *args)
{
    Py_buffer view;
    PyObject *callback;
    uint32_t adler;
    int rc;

    if (!PyArg_ParseTuple(args, "y*O:checksum_notify", &view, &callback)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    adler = adler32_update(1, view.buf, (size_t)view.len);
    rc = notify(callback, (size_t)view.len);            // todo-expect: c-api-without-thread-state
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (rc < 0) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(adler);
}

/* ---- negatives ---------------------------------------------------------- */

/* checksum(data): a plain C loop over the buffer. */
static PyObject *
adler_checksum(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    uint32_t adler;

    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    adler = adler32_update(1, view.buf, (size_t)view.len);  // ok: c-api-without-thread-state
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(adler);
}

/* checksum_blocking(data, callback): attached again for the call and the
   error check, detached for the hashing. */
static PyObject *
adler_checksum_blocking(PyObject *module, PyObject *args)
{
    Py_buffer view;
    PyObject *callback;
    uint32_t adler = 1;
    int failed = 0;

    if (!PyArg_ParseTuple(args, "y*O:checksum_blocking", &view, &callback)) {
        return NULL;
    }
    const unsigned char *p = view.buf;
    size_t n = (size_t)view.len;
    Py_BEGIN_ALLOW_THREADS
    for (size_t done = 0; done < n && !failed;) {
        size_t len = n - done < CHUNK ? n - done : CHUNK;
        adler = adler32_update(adler, p + done, len);
        done += len;
        Py_BLOCK_THREADS
        PyObject *r = PyObject_CallFunction(callback, "n", (Py_ssize_t)done);  // ok: c-api-without-thread-state
        failed = r == NULL;
        Py_XDECREF(r);                                  // ok: c-api-without-thread-state
        Py_UNBLOCK_THREADS
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (failed) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(adler);
}

/* checksum_cb(data, callback): the C library calls back through
   report_progress, which attaches with PyGILState_Ensure. */
static PyObject *
adler_checksum_cb(PyObject *module, PyObject *args)
{
    Py_buffer view;
    progress_ctx ctx = {NULL, 0};
    uint32_t adler;

    if (!PyArg_ParseTuple(args, "y*O:checksum_cb", &view, &ctx.callback)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    adler = adler32_chunked(view.buf, (size_t)view.len, report_progress, &ctx);  // ok: c-api-without-thread-state
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (ctx.failed) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(adler);
}

/* checksum_then_report(data, callback): one report, after the region. */
static PyObject *
adler_checksum_then_report(PyObject *module, PyObject *args)
{
    Py_buffer view;
    PyObject *callback;
    uint32_t adler;
    char digest[9];

    if (!PyArg_ParseTuple(args, "y*O:checksum_then_report", &view, &callback)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    adler = adler32_update(1, view.buf, (size_t)view.len);
    PyOS_snprintf(digest, sizeof(digest), "%08x", (unsigned int)adler);  // ok: c-api-without-thread-state
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    PyObject *r = PyObject_CallFunction(callback, "s", digest);  // ok: c-api-without-thread-state
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    return PyLong_FromUnsignedLong(adler);
}

/* ---- module boilerplate ------------------------------------------------- */

static PyMethodDef adler_methods[] = {
    {"checksum_progress", adler_checksum_progress, METH_VARARGS, NULL},
    {"checksum_progress2", adler_checksum_progress2, METH_VARARGS, NULL},
    {"checksum_notify", adler_checksum_notify, METH_VARARGS, NULL},
    {"checksum", adler_checksum, METH_O, NULL},
    {"checksum_blocking", adler_checksum_blocking, METH_VARARGS, NULL},
    {"checksum_cb", adler_checksum_cb, METH_VARARGS, NULL},
    {"checksum_then_report", adler_checksum_then_report, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot adler_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef adler_module = {  // expect: module-gil-declaration {{'_adler'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "_adler",
    .m_size = 0,
    .m_methods = adler_methods,
    .m_slots = adler_slots,
};

PyMODINIT_FUNC
PyInit__adler(void)
{
    return PyModuleDef_Init(&adler_module);
}
