// mt-unsafe-libc-call: which calls can run in several threads at once.
//
// A call is reported when the function containing it can run concurrently:
// methods, exported functions nobody in the file calls, and everything they
// call. Code that only runs during import (PyInit_*, and helpers only it
// calls), once-callbacks (pthread_once, C11 call_once) and calls made while
// holding a mutex are not reported. A helper shared by the import and a
// method is concurrent code.
#include <Python.h>
#include <locale.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

static int verbosity;                       /* set by PyInit_config */
static char decimal_point[8] = ".";         /* set once, by load_decimal_point */
static once_flag decimal_once = ONCE_FLAG_INIT;
static pthread_mutex_t pwd_lock = PTHREAD_MUTEX_INITIALIZER;

/* Called from PyInit_config and from config_reload. */
static const char *
config_path(void)
{
    const char *path = getenv("CONFIG_PATH");           // expect: mt-unsafe-libc-call {{getenv}}
    return path != NULL ? path : "/etc/config.ini";
}

/* Called only from PyInit_config. */
static int
read_verbosity(void)
{
    const char *v = getenv("CONFIG_VERBOSE");           // ok: mt-unsafe-libc-call
    return v != NULL ? atoi(v) : 0;
}

/* Exported for the embedding application; nothing here calls it, so any
   thread may. */
void
config_debug_stamp(FILE *out)
{
    time_t now = time(NULL);
    fputs(ctime(&now), out);                            // expect: mt-unsafe-libc-call {{ctime_r}}
}

/* C11 call_once: runs once, other callers wait. */
static void
load_decimal_point(void)
{
    const struct lconv *lc = localeconv();              // ok: mt-unsafe-libc-call
    snprintf(decimal_point, sizeof(decimal_point), "%s", lc->decimal_point);
}

static PyObject *
config_reload(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    const char *path = config_path();
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
    }
    long n = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        n += c == '\n';
    }
    fclose(f);
    return PyLong_FromLong(n);
}

static PyObject *
config_decimal_point(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    call_once(&decimal_once, load_decimal_point);
    return PyUnicode_FromString(decimal_point);
}

/* A pthread mutex around the call and the copy of its result. */
static PyObject *
config_owner_name(PyObject *module, PyObject *arg)
{
    long uid = PyLong_AsLong(arg);
    char name[256] = "";
    if (uid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    pthread_mutex_lock(&pwd_lock);
    struct passwd *pw = getpwuid((uid_t)uid);           // ok: mt-unsafe-libc-call
    if (pw != NULL) {
        snprintf(name, sizeof(name), "%s", pw->pw_name);
    }
    pthread_mutex_unlock(&pwd_lock);
    return PyUnicode_DecodeFSDefault(name);
}

static PyObject *
config_verbosity(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(verbosity);
}

static PyMethodDef config_methods[] = {
    {"reload", config_reload, METH_NOARGS, NULL},
    {"decimal_point", config_decimal_point, METH_NOARGS, NULL},
    {"owner_name", config_owner_name, METH_O, NULL},
    {"verbosity", config_verbosity, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef config_module = {  // expect: module-gil-declaration {{'config'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "config",
    .m_size = -1,
    .m_methods = config_methods,
};

PyMODINIT_FUNC
PyInit_config(void)
{
    PyObject *m = PyModule_Create(&config_module);
    if (m == NULL) {
        return NULL;
    }
    verbosity = read_verbosity();
    const char *home = getenv("HOME");                  // ok: mt-unsafe-libc-call
    if (PyModule_AddStringConstant(m, "path", config_path()) < 0 ||
        PyModule_AddStringConstant(m, "home", home != NULL ? home : "") < 0) {
        Py_DECREF(m);
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
