/*
 * _crc: one-time setup guarded by a plain `static int initialized` flag and
 * a `V == 0` sentinel, plus the thread-safe replacements: a PyMutex around
 * check and set, and pthread_once (its callback is init-only code).
 *
 * Note that the helper filling the table from the unsafe path is itself a
 * static-mutable-state finding: it runs in concurrent code.
 */
#include <Python.h>
#include <pthread.h>
#include <unistd.h>

static int tables_ready;
static unsigned int crc_table[256];

static long page_size;

static PyMutex adler_lock;
static int adler_ready;
static unsigned int adler_base;

static pthread_once_t crc64_once = PTHREAD_ONCE_INIT;
static unsigned long long crc64_table[256];

static int verbose;

static void
build_crc_table(void)
{
    for (unsigned int n = 0; n < 256; n++) {
        unsigned int c = n;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        crc_table[n] = c;                                   // expect: static-mutable-state {{'crc_table'}}
    }
}

/* Runs exactly once, through pthread_once. */
static void
build_crc64_table(void)
{
    for (unsigned int n = 0; n < 256; n++) {
        unsigned long long c = n;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? 0xC96C5795D7870F42ull ^ (c >> 1) : c >> 1;
        }
        crc64_table[n] = c;                                 // ok: static-mutable-state
    }
}

static PyObject *
crc_crc32(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    unsigned int crc = 0xFFFFFFFFu;

    if (!tables_ready) {                                    // expect: lazy-static-init {{'tables_ready'}}
        build_crc_table();
        tables_ready = 1;
    }
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < view.len; i++) {
        crc = crc_table[(crc ^ ((unsigned char *)view.buf)[i]) & 0xFF] ^ (crc >> 8);
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(crc ^ 0xFFFFFFFFu);
}

static PyObject *
crc_crc64(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    unsigned long long crc = ~0ull;

    pthread_once(&crc64_once, build_crc64_table);
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < view.len; i++) {
        crc = crc64_table[(crc ^ ((unsigned char *)view.buf)[i]) & 0xFF] ^ (crc >> 8);
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLongLong(~crc);
}

static PyObject *
crc_adler32(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    unsigned int a = 1, b = 0;

    PyMutex_Lock(&adler_lock);
    if (!adler_ready) {                                     // ok: lazy-static-init
        adler_base = 65521;
        adler_ready = 1;
    }
    PyMutex_Unlock(&adler_lock);
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < view.len; i++) {
        a = (a + ((unsigned char *)view.buf)[i]) % adler_base;
        b = (b + a) % adler_base;
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong((b << 16) | a);
}

static PyObject *
crc_block_size(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    if (page_size == 0) {                                   // expect: lazy-static-init {{'page_size'}}
        page_size = sysconf(_SC_PAGESIZE);
    }
    return PyLong_FromLong(page_size);
}

static PyObject *
crc_debug(PyObject *module, PyObject *msg)
{
    /* Checks the flag, never sets it: not an initialization. */
    if (!verbose) {                                         // ok: lazy-static-init
        Py_RETURN_NONE;
    }
    if (PyObject_Print(msg, stderr, Py_PRINT_RAW) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef crc_methods[] = {
    {"crc32", crc_crc32, METH_O, NULL},
    {"crc64", crc_crc64, METH_O, NULL},
    {"adler32", crc_adler32, METH_O, NULL},
    {"block_size", crc_block_size, METH_NOARGS, NULL},
    {"debug", crc_debug, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef crc_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_crc",
    .m_size = -1,
    .m_methods = crc_methods,
};

PyMODINIT_FUNC
PyInit__crc(void)
{
    verbose = getenv("CRC_VERBOSE") != NULL;                // ok: static-mutable-state
    return PyModule_Create(&crc_module);
}
