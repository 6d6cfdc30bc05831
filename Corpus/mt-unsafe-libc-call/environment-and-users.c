// mt-unsafe-libc-call: the environment, the locale, the user and group
// databases, directory streams and temporary names.
//
// getenv() returns a pointer into the environment that a concurrent
// setenv()/putenv() can free; setlocale() changes the locale of the whole
// process and returns a static buffer; getpwnam() and friends return a
// pointer to one static struct passwd; readdir() on a stream shared by two
// threads races on the stream; tmpnam(NULL) fills a static buffer.
// Fixes: read the environment once at import, getpwnam_r / getpwuid_r /
// getgrgid_r, uselocale() with a locale_t, one DIR * per call, mkstemp().
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dirent.h>
#include <grp.h>
#include <locale.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static DIR *spool;                  /* opened once by sysinfo_exec, shared by every thread */
static pthread_once_t codeset_once = PTHREAD_ONCE_INIT;
static char codeset_name[64];       /* written once, by load_codeset */

/* ---- positives ---------------------------------------------------------- */

static PyObject *
sysinfo_home(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    const char *home = getenv("HOME");                  // expect: mt-unsafe-libc-call {{getenv}}
    if (home == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeFSDefault(home);
}

static PyObject *
sysinfo_set_timezone(PyObject *module, PyObject *arg)
{
    const char *tz = PyUnicode_AsUTF8(arg);
    if (tz == NULL) {
        return NULL;
    }
    if (setenv("TZ", tz, 1) < 0) {                      // expect: mt-unsafe-libc-call {{setenv}}
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *
sysinfo_clear_timezone(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    if (unsetenv("TZ") < 0) {                           // expect: mt-unsafe-libc-call {{unsetenv}}
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *
sysinfo_user_name(PyObject *module, PyObject *arg)
{
    long uid = PyLong_AsLong(arg);
    if (uid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct passwd *pw = getpwuid((uid_t)uid);           // expect: mt-unsafe-libc-call {{getpwuid_r}}
    if (pw == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeFSDefault(pw->pw_name);
}

static PyObject *
sysinfo_user_shell(PyObject *module, PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8(arg);
    if (name == NULL) {
        return NULL;
    }
    struct passwd *pw = getpwnam(name);                 // expect: mt-unsafe-libc-call {{getpwnam_r}}
    if (pw == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeFSDefault(pw->pw_shell);
}

static PyObject *
sysinfo_group_name(PyObject *module, PyObject *arg)
{
    long gid = PyLong_AsLong(arg);
    if (gid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct group *gr = getgrgid((gid_t)gid);            // expect: mt-unsafe-libc-call {{getgrgid}}
    if (gr == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeFSDefault(gr->gr_name);
}

static PyObject *
sysinfo_decimal_point(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    const char *name = setlocale(LC_NUMERIC, NULL);     // expect: mt-unsafe-libc-call {{uselocale}}
    struct lconv *lc = localeconv();                    // expect: mt-unsafe-libc-call {{localeconv}}
    return Py_BuildValue("(ss)", name != NULL ? name : "C", lc->decimal_point);
}

/* Every thread reads from the same static directory stream. */
static PyObject *
sysinfo_next_spooled(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    if (spool == NULL) {
        Py_RETURN_NONE;
    }
    struct dirent *ent = readdir(spool);                // expect: mt-unsafe-libc-call {{readdir}}
    if (ent == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeFSDefault(ent->d_name);
}

static PyObject *
sysinfo_scratch_name(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    const char *name = tmpnam(NULL);                    // expect: mt-unsafe-libc-call {{mkstemp}}
    if (name == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(name);
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
sysinfo_user_shell_r(PyObject *module, PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8(arg);
    if (name == NULL) {
        return NULL;
    }
    struct passwd pw, *found = NULL;
    char buf[4096];
    int err = getpwnam_r(name, &pw, buf, sizeof(buf), &found);  // ok: mt-unsafe-libc-call
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (found == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeFSDefault(pw.pw_shell);
}

/* listdir(path): a directory stream of our own, used by one thread. */
static PyObject *
sysinfo_listdir(PyObject *module, PyObject *arg)
{
    PyObject *bytes;
    if (!PyUnicode_FSConverter(arg, &bytes)) {
        return NULL;
    }
    DIR *dir = opendir(PyBytes_AS_STRING(bytes));
    Py_DECREF(bytes);
    if (dir == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *result = PyList_New(0);
    struct dirent *ent;
    while (result != NULL && (ent = readdir(dir)) != NULL) {    // ok: mt-unsafe-libc-call
        PyObject *name = PyUnicode_DecodeFSDefault(ent->d_name);
        if (name == NULL || PyList_Append(result, name) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(name);
    }
    closedir(dir);
    return result;
}

/* mkstemp creates the file atomically and returns a descriptor. */
static PyObject *
sysinfo_scratch_file(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    char name[] = "/tmp/sysinfo-XXXXXX";
    int fd = mkstemp(name);                             // ok: mt-unsafe-libc-call
    if (fd < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(is)", fd, name);
}

/* pthread_once runs load_codeset exactly once; later calls wait for it. */
static void
load_codeset(void)
{
    const char *lang = getenv("LANG");                  // ok: mt-unsafe-libc-call
    const char *dot = lang != NULL ? strchr(lang, '.') : NULL;
    snprintf(codeset_name, sizeof(codeset_name), "%s", dot != NULL ? dot + 1 : "ascii");
}

static PyObject *
sysinfo_codeset(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    pthread_once(&codeset_once, load_codeset);
    return PyUnicode_FromString(codeset_name);
}

static PyMethodDef sysinfo_methods[] = {
    {"home", sysinfo_home, METH_NOARGS, NULL},
    {"set_timezone", sysinfo_set_timezone, METH_O, NULL},
    {"clear_timezone", sysinfo_clear_timezone, METH_NOARGS, NULL},
    {"user_name", sysinfo_user_name, METH_O, NULL},
    {"user_shell", sysinfo_user_shell, METH_O, NULL},
    {"group_name", sysinfo_group_name, METH_O, NULL},
    {"decimal_point", sysinfo_decimal_point, METH_NOARGS, NULL},
    {"next_spooled", sysinfo_next_spooled, METH_NOARGS, NULL},
    {"scratch_name", sysinfo_scratch_name, METH_NOARGS, NULL},
    {"user_shell_r", sysinfo_user_shell_r, METH_O, NULL},
    {"listdir", sysinfo_listdir, METH_O, NULL},
    {"scratch_file", sysinfo_scratch_file, METH_NOARGS, NULL},
    {"codeset", sysinfo_codeset, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* Import: read the configuration from the environment once. */
static int
sysinfo_exec(PyObject *module)
{
    const char *dir = getenv("SYSINFO_SPOOL");          // ok: mt-unsafe-libc-call
    if (dir != NULL) {
        spool = opendir(dir);
    }
    const char *debug = getenv("SYSINFO_DEBUG");        // ok: mt-unsafe-libc-call
    return PyModule_AddIntConstant(module, "debug", debug != NULL && debug[0] == '1');
}

static void
sysinfo_free(void *module)
{
    if (spool != NULL) {
        closedir(spool);
        spool = NULL;
    }
}

static PyModuleDef_Slot sysinfo_slots[] = {
    {Py_mod_exec, sysinfo_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef sysinfo_module = {  // expect: module-gil-declaration {{'sysinfo'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "sysinfo",
    .m_methods = sysinfo_methods,
    .m_slots = sysinfo_slots,
    .m_free = sysinfo_free,
};

PyMODINIT_FUNC
PyInit_sysinfo(void)
{
    return PyModuleDef_Init(&sysinfo_module);
}
