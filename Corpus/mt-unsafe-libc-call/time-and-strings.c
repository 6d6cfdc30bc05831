// mt-unsafe-libc-call: time conversion, tokenizing, random numbers and error
// strings through libc functions that keep their result or their position in
// hidden static storage.
//
// With the GIL only one thread ran this code at a time, so the static buffer
// behind localtime() or strtok() was effectively private. On free-threaded
// CPython two threads calling these methods overwrite each other's struct tm,
// tokenizer position or random state. Fixes: the reentrant *_r variants
// (POSIX), or a `static PyMutex` held around the call only (what CPython
// itself does, gh-127081).
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static PyObject *
tm_to_tuple(const struct tm *tm)
{
    return Py_BuildValue("(iiiiii)", tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
                         tm->tm_hour, tm->tm_min, tm->tm_sec);
}

/* ---- positives ---------------------------------------------------------- */

static PyObject *
timefmt_local(PyObject *module, PyObject *arg)
{
    time_t t = (time_t)PyLong_AsLongLong(arg);
    if (t == (time_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    struct tm *tm = localtime(&t);                      // expect: mt-unsafe-libc-call {{localtime_r}}
    if (tm == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tm_to_tuple(tm);
}

static PyObject *
timefmt_utc(PyObject *module, PyObject *arg)
{
    time_t t = (time_t)PyLong_AsLongLong(arg);
    if (t == (time_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    struct tm *tm = gmtime(&t);                         // expect: mt-unsafe-libc-call {{gmtime_r}}
    if (tm == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    const char *text = asctime(tm);                     // expect: mt-unsafe-libc-call {{asctime_r}}
    return PyUnicode_FromString(text != NULL ? text : "");
}

static PyObject *
timefmt_ctime(PyObject *module, PyObject *arg)
{
    time_t t = (time_t)PyLong_AsLongLong(arg);
    if (t == (time_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    const char *text = ctime(&t);                       // expect: mt-unsafe-libc-call {{ctime_r}}
    if (text == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_FromString(text);
}

/* fields("a,b,c"): both strtok calls use the hidden position. */
static PyObject *
timefmt_fields(PyObject *module, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL) {
        return NULL;
    }
    char *copy = PyMem_Malloc(strlen(s) + 1);
    if (copy == NULL) {
        return PyErr_NoMemory();
    }
    strcpy(copy, s);
    PyObject *result = PyList_New(0);
    char *tok = strtok(copy, ",");                      // expect: mt-unsafe-libc-call {{strtok_r}}
    while (result != NULL && tok != NULL) {
        PyObject *item = PyUnicode_FromString(tok);
        if (item == NULL || PyList_Append(result, item) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(item);
        tok = strtok(NULL, ",");                        // expect: mt-unsafe-libc-call {{strtok_r}}
    }
    PyMem_Free(copy);
    return result;
}

static PyObject *
timefmt_jitter(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(rand() % 1000);              // expect: mt-unsafe-libc-call {{rand_r}}
}

static PyObject *
timefmt_describe_errno(PyObject *module, PyObject *arg)
{
    int err = PyLong_AsInt(arg);
    if (err == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyUnicode_FromString(strerror(err));         // expect: mt-unsafe-libc-call {{strerror_r}}
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
timefmt_local_r(PyObject *module, PyObject *arg)
{
    time_t t = (time_t)PyLong_AsLongLong(arg);
    struct tm tm;
    if (t == (time_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    if (localtime_r(&t, &tm) == NULL) {                 // ok: mt-unsafe-libc-call
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tm_to_tuple(&tm);
}

static PyObject *
timefmt_utc_r(PyObject *module, PyObject *arg)
{
    time_t t = (time_t)PyLong_AsLongLong(arg);
    struct tm tm;
    char text[32];
    if (t == (time_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    if (gmtime_r(&t, &tm) == NULL) {                    // ok: mt-unsafe-libc-call
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (asctime_r(&tm, text) == NULL) {                 // ok: mt-unsafe-libc-call
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_FromString(text);
}

static PyObject *
timefmt_fields_r(PyObject *module, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL) {
        return NULL;
    }
    char *copy = PyMem_Malloc(strlen(s) + 1);
    if (copy == NULL) {
        return PyErr_NoMemory();
    }
    strcpy(copy, s);
    PyObject *result = PyList_New(0);
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save);        // ok: mt-unsafe-libc-call
         result != NULL && tok != NULL;
         tok = strtok_r(NULL, ",", &save)) {            // ok: mt-unsafe-libc-call
        PyObject *item = PyUnicode_FromString(tok);
        if (item == NULL || PyList_Append(result, item) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(item);
    }
    PyMem_Free(copy);
    return result;
}

/* The pattern CPython uses where no reentrant variant exists everywhere: a
   function-local static PyMutex held around the libc call and the copy of
   its result, and nothing else (no Python API under the lock). */
static PyObject *
timefmt_local_locked(PyObject *module, PyObject *arg)
{
    static PyMutex tm_lock;
    time_t t = (time_t)PyLong_AsLongLong(arg);
    struct tm copy;
    int ok = 0;
    if (t == (time_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    PyMutex_Lock(&tm_lock);
    struct tm *tm = localtime(&t);                      // ok: mt-unsafe-libc-call
    if (tm != NULL) {
        copy = *tm;
        ok = 1;
    }
    PyMutex_Unlock(&tm_lock);
    if (!ok) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tm_to_tuple(&copy);
}

/* The seed is per call: rand_r keeps its state in the caller's variable. */
static PyObject *
timefmt_shuffle_seed(PyObject *module, PyObject *arg)
{
    unsigned int seed = (unsigned int)PyLong_AsUnsignedLongMask(arg);
    if (PyErr_Occurred()) {
        return NULL;
    }
    int a = rand_r(&seed);                              // ok: mt-unsafe-libc-call
    int b = rand_r(&seed);                              // ok: mt-unsafe-libc-call
    return Py_BuildValue("(ii)", a, b);
}

/* A local function pointer that happens to be called rand. */
static unsigned int
xorshift(unsigned int *state)
{
    unsigned int x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static PyObject *
timefmt_noise(PyObject *module, PyObject *arg)
{
    unsigned int state = (unsigned int)PyLong_AsUnsignedLongMask(arg);
    if (PyErr_Occurred()) {
        return NULL;
    }
    unsigned int (*rand)(unsigned int *) = xorshift;
    return PyLong_FromUnsignedLong(rand(&state));       // ok: mt-unsafe-libc-call
}

/* Errors reported the usual way: PyErr_SetFromErrno formats errno itself. */
static PyObject *
timefmt_raise_errno(PyObject *module, PyObject *arg)
{
    int err = PyLong_AsInt(arg);
    if (err == -1 && PyErr_Occurred()) {
        return NULL;
    }
    errno = err;
    return PyErr_SetFromErrno(PyExc_OSError);           // ok: mt-unsafe-libc-call
}

static PyMethodDef timefmt_methods[] = {
    {"local", timefmt_local, METH_O, NULL},
    {"utc", timefmt_utc, METH_O, NULL},
    {"ctime", timefmt_ctime, METH_O, NULL},
    {"fields", timefmt_fields, METH_O, NULL},
    {"jitter", timefmt_jitter, METH_NOARGS, NULL},
    {"describe_errno", timefmt_describe_errno, METH_O, NULL},
    {"local_r", timefmt_local_r, METH_O, NULL},
    {"utc_r", timefmt_utc_r, METH_O, NULL},
    {"fields_r", timefmt_fields_r, METH_O, NULL},
    {"local_locked", timefmt_local_locked, METH_O, NULL},
    {"shuffle_seed", timefmt_shuffle_seed, METH_O, NULL},
    {"noise", timefmt_noise, METH_O, NULL},
    {"raise_errno", timefmt_raise_errno, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* Import runs once, under the import lock. */
static int
timefmt_exec(PyObject *module)
{
    srand((unsigned int)time(NULL));                    // ok: mt-unsafe-libc-call
    tzset();
    return PyModule_AddIntConstant(module, "first_roll", rand() % 1000);  // ok: mt-unsafe-libc-call
}

static PyModuleDef_Slot timefmt_slots[] = {
    {Py_mod_exec, timefmt_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef timefmt_module = {  // expect: module-gil-declaration {{'timefmt'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "timefmt",
    .m_methods = timefmt_methods,
    .m_slots = timefmt_slots,
};

PyMODINIT_FUNC
PyInit_timefmt(void)
{
    return PyModuleDef_Init(&timefmt_module);
}
