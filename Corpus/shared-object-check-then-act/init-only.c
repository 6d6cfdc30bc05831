// shared-object-check-then-act is not reported in init-only code: PyInit_*
// of a single-phase module, functions called only from it (directly or
// transitively), and pthread_once / C11 call_once callbacks. A helper that is
// also called from a module function is concurrent code and is reported.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <threads.h>

typedef struct {
    PyObject *defaults;   /* dict: option -> value */
    PyObject *limits;     /* dict: limit name -> int */
} initonly_state;

static struct PyModuleDef initonly_module;

static initonly_state *
initonly_get_state(PyObject *module)
{
    return (initonly_state *)PyModule_GetState(module);
}

/* ---- init-only helpers (negatives) -------------------------------------- */

/* Called only from fill_limits, which is called only from PyInit. */
static int
seed_limit(initonly_state *st, const char *name, long value)
{
    int present = PyDict_ContainsString(st->limits, name);  // ok: shared-object-check-then-act
    if (present != 0) {
        return present < 0 ? -1 : 0;
    }
    PyObject *v = PyLong_FromLong(value);
    if (v == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(st->limits, name, v);
    Py_DECREF(v);
    return rc;
}

/* Called only from PyInit. */
static int
fill_limits(initonly_state *st)
{
    if (st->limits == NULL) {  // ok: shared-object-check-then-act
        st->limits = PyDict_New();
        if (st->limits == NULL) {
            return -1;
        }
    }
    if (seed_limit(st, "max_words", 100000) < 0 || seed_limit(st, "max_line", 4096) < 0) {
        return -1;
    }
    return 0;
}

/* ---- pthread_once / call_once callbacks (negatives) --------------------- */

static const struct {
    const char *alias;
    const char *name;
} alias_table[] = {
    {"utf8", "utf-8"},
    {"latin1", "iso8859-1"},
    {"utf8", "utf-8"},        /* duplicates are skipped */
};

static pthread_once_t aliases_once = PTHREAD_ONCE_INIT;
static PyObject *codec_aliases;   /* dict, written only by init_codec_aliases */

static void
init_codec_aliases(void)
{
    PyObject *aliases = PyDict_New();
    if (aliases == NULL) {
        PyErr_Clear();
        return;
    }
    codec_aliases = aliases;
    for (size_t i = 0; i < sizeof(alias_table) / sizeof(alias_table[0]); i++) {
        if (PyDict_ContainsString(codec_aliases, alias_table[i].alias)) {  // ok: shared-object-check-then-act
            continue;
        }
        PyObject *name = PyUnicode_FromString(alias_table[i].name);
        if (name == NULL || PyDict_SetItemString(codec_aliases, alias_table[i].alias, name) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(name);
    }
}

static once_flag units_once = ONCE_FLAG_INIT;
static PyObject *unit_names;      /* dict, written only by init_unit_names */

static void
init_unit_names(void)
{
    PyObject *units = PyDict_New();
    if (units == NULL) {
        PyErr_Clear();
        return;
    }
    unit_names = units;
    PyObject *word;
    if (PyDict_GetItemStringRef(unit_names, "w", &word) == 0) {  // ok: shared-object-check-then-act
        word = PyUnicode_FromString("words");
        if (word == NULL || PyDict_SetItemString(unit_names, "w", word) < 0) {
            PyErr_Clear();
        }
    }
    Py_XDECREF(word);
}

/* ---- concurrent code (positives and the callers) ------------------------ */

/* Called from PyInit AND from initonly_reset: concurrent. */
static int
apply_overrides(initonly_state *st)
{
    PyObject *errors;
    if (PyDict_GetItemStringRef(st->defaults, "errors", &errors) < 0) {  // expect: shared-object-check-then-act {{'st->defaults'}}
        return -1;
    }
    if (errors == NULL) {
        errors = PyUnicode_FromString("strict");
        if (errors == NULL || PyDict_SetItemString(st->defaults, "errors", errors) < 0) {
            Py_XDECREF(errors);
            return -1;
        }
    }
    Py_DECREF(errors);
    return 0;
}

static PyObject *
initonly_reset(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    initonly_state *st = initonly_get_state(module);
    PyDict_Clear(st->defaults);
    if (apply_overrides(st) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
initonly_codec_alias(PyObject *module, PyObject *alias)
{
    pthread_once(&aliases_once, init_codec_aliases);
    PyObject *aliases = codec_aliases;
    if (aliases == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *name;
    if (PyDict_GetItemRef(aliases, alias, &name) < 0) {
        return NULL;
    }
    return name != NULL ? name : Py_NewRef(alias);
}

static PyObject *
initonly_unit_name(PyObject *module, PyObject *unit)
{
    call_once(&units_once, init_unit_names);
    PyObject *units = unit_names;
    if (units == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *name;
    if (PyDict_GetItemRef(units, unit, &name) < 0) {
        return NULL;
    }
    return name != NULL ? name : Py_NewRef(unit);
}

static PyObject *
initonly_limit(PyObject *module, PyObject *name)
{
    initonly_state *st = initonly_get_state(module);
    PyObject *value;
    if (PyDict_GetItemRef(st->limits, name, &value) < 0) {
        return NULL;
    }
    return value != NULL ? value : Py_NewRef(Py_None);
}

static int
initonly_traverse(PyObject *module, visitproc visit, void *arg)
{
    initonly_state *st = initonly_get_state(module);
    Py_VISIT(st->defaults);
    Py_VISIT(st->limits);
    return 0;
}

static int
initonly_clear(PyObject *module)
{
    initonly_state *st = initonly_get_state(module);
    Py_CLEAR(st->defaults);
    Py_CLEAR(st->limits);
    return 0;
}

static PyMethodDef initonly_methods[] = {
    {"reset", initonly_reset, METH_NOARGS, NULL},
    {"codec_alias", initonly_codec_alias, METH_O, NULL},
    {"unit_name", initonly_unit_name, METH_O, NULL},
    {"limit", initonly_limit, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef initonly_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "initonly",
    .m_size = sizeof(initonly_state),
    .m_methods = initonly_methods,
    .m_traverse = initonly_traverse,
    .m_clear = initonly_clear,
};

/* Single-phase init: runs once, under the import lock. */
PyMODINIT_FUNC
PyInit_initonly(void)
{
    PyObject *m = PyModule_Create(&initonly_module);
    if (m == NULL) {
        return NULL;
    }
    initonly_state *st = initonly_get_state(m);
    if (st->defaults == NULL) {  // ok: shared-object-check-then-act
        st->defaults = PyDict_New();
        if (st->defaults == NULL) {
            goto error;
        }
    }
    PyObject *encoding;
    if (PyDict_GetItemStringRef(st->defaults, "encoding", &encoding) < 0) {  // ok: shared-object-check-then-act
        goto error;
    }
    if (encoding == NULL) {
        encoding = PyUnicode_FromString("utf-8");
        if (encoding == NULL || PyDict_SetItemString(st->defaults, "encoding", encoding) < 0) {
            Py_XDECREF(encoding);
            goto error;
        }
    }
    Py_DECREF(encoding);
    if (fill_limits(st) < 0 || apply_overrides(st) < 0) {
        goto error;
    }
#ifdef Py_GIL_DISABLED
    if (PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED) < 0) {
        goto error;
    }
#endif
    return m;

error:
    Py_DECREF(m);
    return NULL;
}
