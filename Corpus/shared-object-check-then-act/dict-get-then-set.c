// shared-object-check-then-act, form (a): a lookup in a dict held in module
// state, followed by an insert of the same key into the same dict. Each call
// locks the dict on its own; the pair is not atomic, so two threads can both
// miss, both compute and both insert.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *cache;      /* dict: word -> casefolded word */
    PyObject *lengths;    /* dict: word -> int */
    PyObject *aliases;    /* dict: alias -> canonical name */
} memo_state;

static inline memo_state *
get_memo_state(PyObject *module)
{
    return (memo_state *)PyModule_GetState(module);
}

/* ---- positives ---------------------------------------------------------- */

static PyObject *
memo_casefold(PyObject *module, PyObject *word)
{
    memo_state *st = get_memo_state(module);
    PyObject *result;
    int found = PyDict_GetItemRef(st->cache, word, &result);  // expect: shared-object-check-then-act {{'st->cache'}}
    if (found != 0) {
        return found < 0 ? NULL : result;
    }
    result = PyObject_CallMethod(word, "casefold", NULL);
    if (result == NULL) {
        return NULL;
    }
    if (PyDict_SetItem(st->cache, word, result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
memo_length(PyObject *module, PyObject *word)
{
    memo_state *st = get_memo_state(module);
    PyObject *hit = PyDict_GetItemWithError(st->lengths, word);  // expect: shared-object-check-then-act {{'st->lengths'}}  // expect: borrowed-reference
    if (hit != NULL) {
        return Py_NewRef(hit);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t n = PyObject_Length(word);
    if (n < 0) {
        return NULL;
    }
    PyObject *len = PyLong_FromSsize_t(n);
    if (len == NULL) {
        return NULL;
    }
    if (PyDict_SetItem(st->lengths, word, len) < 0) {
        Py_DECREF(len);
        return NULL;
    }
    return len;
}

static PyObject *
memo_default_language(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    memo_state *st = get_memo_state(module);
    PyObject *value;
    if (PyDict_GetItemStringRef(st->aliases, "default", &value) < 0) {  // expect: shared-object-check-then-act {{'st->aliases'}}
        return NULL;
    }
    if (value == NULL) {
        value = PyUnicode_FromString("en");
        if (value == NULL) {
            return NULL;
        }
        if (PyDict_SetItemString(st->aliases, "default", value) < 0) {
            Py_DECREF(value);
            return NULL;
        }
    }
    return value;
}

/* "Register once": meant to raise on a duplicate, but two threads can both
   see the name as absent and both succeed. */
static PyObject *
memo_register_alias(PyObject *module, PyObject *args)
{
    PyObject *name, *target;
    if (!PyArg_ParseTuple(args, "UU:register_alias", &name, &target)) {
        return NULL;
    }
    memo_state *st = get_memo_state(module);
    int present = PyDict_Contains(st->aliases, name);  // expect: shared-object-check-then-act {{'st->aliases'}}
    if (present < 0) {
        return NULL;
    }
    if (present) {
        PyErr_Format(PyExc_KeyError, "alias %R is already registered", name);
        return NULL;
    }
    if (PyDict_SetItem(st->aliases, name, target) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix: PyDict_SetDefaultRef inserts only if absent, atomically. */
static PyObject *
memo_casefold_safe(PyObject *module, PyObject *word)
{
    memo_state *st = get_memo_state(module);
    PyObject *result;
    int found = PyDict_GetItemRef(st->cache, word, &result);  // ok: shared-object-check-then-act
    if (found != 0) {
        return found < 0 ? NULL : result;
    }
    PyObject *fresh = PyObject_CallMethod(word, "casefold", NULL);
    if (fresh == NULL) {
        return NULL;
    }
    int rc = PyDict_SetDefaultRef(st->cache, word, fresh, &result);
    Py_DECREF(fresh);
    return rc < 0 ? NULL : result;
}

/* Read-only lookup: nothing is inserted afterwards. */
static PyObject *
memo_resolve(PyObject *module, PyObject *name)
{
    memo_state *st = get_memo_state(module);
    PyObject *target;
    int found = PyDict_GetItemRef(st->aliases, name, &target);  // ok: shared-object-check-then-act
    if (found < 0) {
        return NULL;
    }
    return found ? target : Py_NewRef(name);
}

/* The lookup and the insert use different keys: the insert does not depend on
   the absence of the key that was looked up. */
static PyObject *
memo_add_folded_alias(PyObject *module, PyObject *name)
{
    memo_state *st = get_memo_state(module);
    PyObject *folded = PyObject_CallMethod(name, "casefold", NULL);
    if (folded == NULL) {
        return NULL;
    }
    PyObject *target;
    int found = PyDict_GetItemRef(st->aliases, name, &target);  // ok: shared-object-check-then-act
    if (found < 0) {
        Py_DECREF(folded);
        return NULL;
    }
    if (found == 0) {
        target = Py_NewRef(name);
    }
    int rc = PyDict_SetItem(st->aliases, folded, target);
    Py_DECREF(folded);
    Py_DECREF(target);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Same key, but the lookup and the insert are on different dicts. */
static PyObject *
memo_remember_length(PyObject *module, PyObject *word)
{
    memo_state *st = get_memo_state(module);
    int known = PyDict_Contains(st->cache, word);  // ok: shared-object-check-then-act
    if (known <= 0) {
        return known < 0 ? NULL : Py_NewRef(Py_False);
    }
    PyObject *len = PyLong_FromSsize_t(PyUnicode_GetLength(word));
    if (len == NULL) {
        return NULL;
    }
    int rc = PyDict_SetItem(st->lengths, word, len);
    Py_DECREF(len);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

/* ---- module boilerplate ------------------------------------------------- */

static int
memo_exec(PyObject *module)
{
    memo_state *st = get_memo_state(module);
    st->cache = PyDict_New();
    st->lengths = PyDict_New();
    st->aliases = PyDict_New();
    if (st->cache == NULL || st->lengths == NULL || st->aliases == NULL) {
        return -1;
    }
    return 0;
}

static int
memo_traverse(PyObject *module, visitproc visit, void *arg)
{
    memo_state *st = get_memo_state(module);
    Py_VISIT(st->cache);
    Py_VISIT(st->lengths);
    Py_VISIT(st->aliases);
    return 0;
}

static int
memo_clear(PyObject *module)
{
    memo_state *st = get_memo_state(module);
    Py_CLEAR(st->cache);
    Py_CLEAR(st->lengths);
    Py_CLEAR(st->aliases);
    return 0;
}

static void
memo_free(void *module)
{
    (void)memo_clear((PyObject *)module);
}

static PyMethodDef memo_methods[] = {
    {"casefold", memo_casefold, METH_O, NULL},
    {"length", memo_length, METH_O, NULL},
    {"default_language", memo_default_language, METH_NOARGS, NULL},
    {"register_alias", memo_register_alias, METH_VARARGS, NULL},
    {"casefold_safe", memo_casefold_safe, METH_O, NULL},
    {"resolve", memo_resolve, METH_O, NULL},
    {"add_folded_alias", memo_add_folded_alias, METH_O, NULL},
    {"remember_length", memo_remember_length, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot memo_slots[] = {
    {Py_mod_exec, memo_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef memo_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "memo",
    .m_size = sizeof(memo_state),
    .m_methods = memo_methods,
    .m_slots = memo_slots,
    .m_traverse = memo_traverse,
    .m_clear = memo_clear,
    .m_free = memo_free,
};

PyMODINIT_FUNC
PyInit_memo(void)
{
    return PyModuleDef_Init(&memo_module);
}
