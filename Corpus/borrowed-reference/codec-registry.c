// borrowed-reference on dicts held in module state: PyDict_GetItem,
// PyDict_GetItemWithError, PyDict_GetItemString and PyDict_SetDefault return
// a pointer into a dict that every thread can reach. Another thread can
// replace or delete the entry, dropping the dict's reference, while this
// thread still uses the value. Not reported: kwargs and dicts passed as
// arguments, dicts built in the same function, results only tested against
// NULL, lookups under a critical section on the dict or a PyMutex, and code
// that only runs at import (Py_mod_exec).
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *codecs;     /* dict: name -> codec object; register() replaces entries */
    PyObject *aliases;    /* dict: alias -> canonical name */
    PyObject *defaults;   /* dict: option name -> value; set_default() replaces entries */
    PyObject *utf8;       /* the "utf-8" codec, looked up once at import */
} registry_state;

static PyMutex defaults_lock;   /* held by C-level readers of st->defaults */

static inline registry_state *
get_registry_state(PyObject *module)
{
    return (registry_state *)PyModule_GetState(module);
}

/* ---- positives ---------------------------------------------------------- */

static PyObject *
registry_lookup(PyObject *module, PyObject *name)
{
    registry_state *st = get_registry_state(module);
    PyObject *codec = PyDict_GetItemWithError(st->codecs, name);  // expect: borrowed-reference {{'st->codecs'}} {{PyDict_GetItemRef}}
    if (codec == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_LookupError, "unknown codec: %R", name);
        }
        return NULL;
    }
    return Py_NewRef(codec);
}

static PyObject *
registry_encode(PyObject *module, PyObject *args)
{
    PyObject *name, *data;
    if (!PyArg_ParseTuple(args, "UO:encode", &name, &data)) {
        return NULL;
    }
    registry_state *st = get_registry_state(module);
    PyObject *codec = PyDict_GetItem(st->codecs, name);  // expect: borrowed-reference {{'st->codecs'}}
    if (codec == NULL) {
        PyErr_Format(PyExc_LookupError, "unknown codec: %R", name);
        return NULL;
    }
    /* The call runs Python code: plenty of time for register() to drop the codec. */
    return PyObject_CallMethod(codec, "encode", "O", data);
}

/* The borrowed value goes straight into another call. */
static PyObject *
registry_default_errors(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    registry_state *st = get_registry_state(module);
    return Py_XNewRef(PyDict_GetItemString(st->defaults, "errors"));  // expect: borrowed-reference {{'st->defaults'}} {{PyDict_GetItemStringRef}}
}

static PyObject *
registry_add_alias(PyObject *module, PyObject *args)
{
    PyObject *alias, *canonical;
    if (!PyArg_ParseTuple(args, "UU:add_alias", &alias, &canonical)) {
        return NULL;
    }
    registry_state *st = get_registry_state(module);
    PyObject *target = PyDict_SetDefault(st->aliases, alias, canonical);  // expect: borrowed-reference {{'st->aliases'}} {{PyDict_SetDefaultRef}}
    if (target == NULL) {
        return NULL;
    }
    return Py_NewRef(target);
}

/* A local copy of the module-state pointer is the same shared dict. */
static PyObject *
registry_codec_name(PyObject *module, PyObject *name)
{
    registry_state *st = get_registry_state(module);
    PyObject *codecs = st->codecs;
    PyObject *codec = PyDict_GetItemWithError(codecs, name);  // expect: borrowed-reference {{PyDict_GetItemRef}}
    if (codec == NULL) {
        return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
    }
    return PyObject_GetAttrString(codec, "name");
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix: PyDict_GetItemRef returns a strong reference (CPython 3.13). */
static PyObject *
registry_lookup_ref(PyObject *module, PyObject *name)
{
    registry_state *st = get_registry_state(module);
    PyObject *codec;
    int found = PyDict_GetItemRef(st->codecs, name, &codec);  // ok: borrowed-reference
    if (found == 0) {
        PyErr_Format(PyExc_LookupError, "unknown codec: %R", name);
    }
    return codec;
}

/* Only compared with NULL: nothing is dereferenced. */
static PyObject *
registry_has_codec(PyObject *module, PyObject *name)
{
    registry_state *st = get_registry_state(module);
    if (PyDict_GetItemWithError(st->codecs, name) != NULL) {  // ok: borrowed-reference
        Py_RETURN_TRUE;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_FALSE;
}

static PyObject *
registry_is_alias(PyObject *module, PyObject *name)
{
    registry_state *st = get_registry_state(module);
    PyObject *hit = PyDict_GetItemWithError(st->aliases, name);  // ok: borrowed-reference
    if (hit == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(hit != NULL);
}

/* kwargs belongs to this call. */
static PyObject *
registry_decode(PyObject *module, PyObject *args, PyObject *kwargs)
{
    PyObject *data;
    if (!PyArg_ParseTuple(args, "O:decode", &data)) {
        return NULL;
    }
    registry_state *st = get_registry_state(module);
    PyObject *errors = NULL;
    if (kwargs != NULL) {
        errors = PyDict_GetItemString(kwargs, "errors");  // ok: borrowed-reference
    }
    if (errors == NULL) {
        errors = Py_None;
    }
    return PyObject_CallMethod(st->utf8, "decode", "OO", data, errors);
}

/* A dict passed by the caller (a parameter other than the first). */
static PyObject *
registry_option_from(PyObject *module, PyObject *options)
{
    if (!PyDict_Check(options)) {
        PyErr_SetString(PyExc_TypeError, "options must be a dict");
        return NULL;
    }
    PyObject *level = PyDict_GetItemString(options, "level");  // ok: borrowed-reference
    if (level == NULL) {
        return PyLong_FromLong(0);
    }
    return PyNumber_Index(level);
}

/* A private snapshot built in this function. */
static PyObject *
registry_describe(PyObject *module, PyObject *name)
{
    registry_state *st = get_registry_state(module);
    PyObject *snapshot = PyDict_New();
    if (snapshot == NULL) {
        return NULL;
    }
    if (PyDict_Update(snapshot, st->codecs) < 0) {
        Py_DECREF(snapshot);
        return NULL;
    }
    PyObject *codec = PyDict_GetItem(snapshot, name);  // ok: borrowed-reference
    PyObject *result = codec != NULL ? PyObject_Repr(codec) : PyUnicode_FromString("<unknown>");
    Py_DECREF(snapshot);
    return result;
}

/* Lookup and strong reference taken inside a critical section on the dict. */
static PyObject *
registry_lookup_locked(PyObject *module, PyObject *name)
{
    registry_state *st = get_registry_state(module);
    PyObject *codec;
    Py_BEGIN_CRITICAL_SECTION(st->codecs);
    codec = PyDict_GetItemWithError(st->codecs, name);  // ok: borrowed-reference
    Py_XINCREF(codec);
    Py_END_CRITICAL_SECTION();
    if (codec == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_LookupError, "unknown codec: %R", name);
    }
    return codec;
}

/* Lookup and strong reference taken under a PyMutex. */
static PyObject *
registry_default_level(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    registry_state *st = get_registry_state(module);
    PyMutex_Lock(&defaults_lock);
    PyObject *level = PyDict_GetItemString(st->defaults, "level");  // ok: borrowed-reference
    Py_XINCREF(level);
    PyMutex_Unlock(&defaults_lock);
    return level != NULL ? level : PyLong_FromLong(0);
}

/* Tuples are immutable: the item lives as long as the tuple. */
static PyObject *
registry_first_arg(PyObject *module, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        Py_RETURN_NONE;
    }
    PyObject *first = PyTuple_GetItem(args, 0);  // ok: borrowed-reference
    return Py_NewRef(first);
}

/* ---- module boilerplate ------------------------------------------------- */

/* Py_mod_exec runs once, under the import lock, before other threads see the module. */
static int
registry_exec(PyObject *module)
{
    registry_state *st = get_registry_state(module);
    st->codecs = PyDict_New();
    st->aliases = PyDict_New();
    st->defaults = PyDict_New();
    if (st->codecs == NULL || st->aliases == NULL || st->defaults == NULL) {
        return -1;
    }
    PyObject *codecs = PyImport_ImportModule("codecs");
    if (codecs == NULL) {
        return -1;
    }
    PyObject *info = PyObject_CallMethod(codecs, "lookup", "s", "utf-8");
    Py_DECREF(codecs);
    if (info == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(st->codecs, "utf-8", info);
    Py_DECREF(info);
    if (rc < 0) {
        return -1;
    }
    PyObject *utf8 = PyDict_GetItemString(st->codecs, "utf-8");  // ok: borrowed-reference
    st->utf8 = Py_NewRef(utf8);
    PyObject *strict = PyUnicode_InternFromString("strict");
    if (strict == NULL) {
        return -1;
    }
    rc = PyDict_SetItemString(st->defaults, "errors", strict);
    Py_DECREF(strict);
    return rc;
}

static int
registry_traverse(PyObject *module, visitproc visit, void *arg)
{
    registry_state *st = get_registry_state(module);
    Py_VISIT(st->codecs);
    Py_VISIT(st->aliases);
    Py_VISIT(st->defaults);
    Py_VISIT(st->utf8);
    return 0;
}

static int
registry_clear(PyObject *module)
{
    registry_state *st = get_registry_state(module);
    Py_CLEAR(st->codecs);
    Py_CLEAR(st->aliases);
    Py_CLEAR(st->defaults);
    Py_CLEAR(st->utf8);
    return 0;
}

static void
registry_free(void *module)
{
    (void)registry_clear((PyObject *)module);
}

static PyMethodDef registry_methods[] = {
    {"lookup", registry_lookup, METH_O, NULL},
    {"encode", registry_encode, METH_VARARGS, NULL},
    {"default_errors", registry_default_errors, METH_NOARGS, NULL},
    {"add_alias", registry_add_alias, METH_VARARGS, NULL},
    {"codec_name", registry_codec_name, METH_O, NULL},
    {"lookup_ref", registry_lookup_ref, METH_O, NULL},
    {"has_codec", registry_has_codec, METH_O, NULL},
    {"is_alias", registry_is_alias, METH_O, NULL},
    {"decode", (PyCFunction)(void (*)(void))registry_decode, METH_VARARGS | METH_KEYWORDS, NULL},
    {"option_from", registry_option_from, METH_O, NULL},
    {"describe", registry_describe, METH_O, NULL},
    {"lookup_locked", registry_lookup_locked, METH_O, NULL},
    {"default_level", registry_default_level, METH_NOARGS, NULL},
    {"first_arg", registry_first_arg, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot registry_slots[] = {
    {Py_mod_exec, registry_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef registry_module = {  // expect: module-gil-declaration {{'registry'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "registry",
    .m_size = sizeof(registry_state),
    .m_methods = registry_methods,
    .m_slots = registry_slots,
    .m_traverse = registry_traverse,
    .m_clear = registry_clear,
    .m_free = registry_free,
};

PyMODINIT_FUNC
PyInit_registry(void)
{
    return PyModuleDef_Init(&registry_module);
}
