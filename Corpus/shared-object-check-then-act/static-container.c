// shared-object-check-then-act on dicts and sets held in file-scope statics.
// The static pointers are written only in the Py_mod_exec function (init-only,
// so static-mutable-state does not apply), but the containers they point to
// are mutated by every thread. A NULL check of the static pointer itself is
// lazy-static-init's business, not this rule's.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *intern_table;    /* dict: str -> str, created in exec */
static PyObject *warned;          /* set of categories already warned about */
static PyObject *codec_registry;  /* dict, created on first use */
static PyObject *canonical;       /* dict, created in exec */
static PyMutex canonical_lock;

/* ---- positives ---------------------------------------------------------- */

static PyObject *
statics_intern(PyObject *module, PyObject *s)
{
    PyObject *hit = PyDict_GetItemWithError(intern_table, s);  // expect: shared-object-check-then-act {{'intern_table'}}  // expect: borrowed-reference
    if (hit != NULL) {
        return Py_NewRef(hit);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (PyDict_SetItem(intern_table, s, s) < 0) {
        return NULL;
    }
    return Py_NewRef(s);
}

/* Warn once per category: two threads can both warn. */
static PyObject *
statics_warn_once(PyObject *module, PyObject *category)
{
    int done = PySet_Contains(warned, category);  // expect: shared-object-check-then-act {{'warned'}}
    if (done < 0) {
        return NULL;
    }
    if (!done) {
        if (PyErr_WarnFormat(PyExc_UserWarning, 1, "deprecated category %R", category) < 0) {
            return NULL;
        }
        if (PySet_Add(warned, category) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* Both hazards in one function: the lazily created static (lazy-static-init,
   not this rule) and the get-then-set on the dict it points to (this rule). */
static PyObject *
statics_lookup_codec(PyObject *module, PyObject *name)
{
    // expect@+1: lazy-static-init {{'codec_registry'}}
    if (codec_registry == NULL) {  // ok: shared-object-check-then-act
        codec_registry = PyDict_New();
        if (codec_registry == NULL) {
            return NULL;
        }
    }
    PyObject *codec;
    if (PyDict_GetItemRef(codec_registry, name, &codec) < 0) {  // expect: shared-object-check-then-act {{'codec_registry'}}
        return NULL;
    }
    if (codec == NULL) {
        codec = PyObject_CallMethod(name, "lower", NULL);
        if (codec == NULL || PyDict_SetItem(codec_registry, name, codec) < 0) {
            Py_XDECREF(codec);
            return NULL;
        }
    }
    return codec;
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
statics_intern_safe(PyObject *module, PyObject *s)
{
    PyObject *result;
    int found = PyDict_GetItemRef(intern_table, s, &result);  // ok: shared-object-check-then-act
    if (found != 0) {
        return found < 0 ? NULL : result;
    }
    if (PyDict_SetDefaultRef(intern_table, s, s, &result) < 0) {
        return NULL;
    }
    return result;
}

static PyObject *
statics_canonical(PyObject *module, PyObject *s)
{
    PyObject *result = NULL;
    PyMutex_Lock(&canonical_lock);
    int found = PyDict_GetItemRef(canonical, s, &result);  // ok: shared-object-check-then-act
    if (found == 0) {
        result = PyObject_CallMethod(s, "casefold", NULL);  // expect: python-call-under-pymutex
        if (result != NULL && PyDict_SetItem(canonical, s, result) < 0) {
            Py_CLEAR(result);
        }
    }
    PyMutex_Unlock(&canonical_lock);
    return result;
}

static PyObject *
statics_was_warned(PyObject *module, PyObject *category)
{
    int done = PySet_Contains(warned, category);  // ok: shared-object-check-then-act
    return done < 0 ? NULL : PyBool_FromLong(done);
}

/* ---- module boilerplate ------------------------------------------------- */

static const char *const common_words[] = {"the", "of", "and", "a", "the"};

static int
statics_exec(PyObject *module)
{
    intern_table = PyDict_New();
    warned = PySet_New(NULL);
    canonical = PyDict_New();
    if (intern_table == NULL || warned == NULL || canonical == NULL) {
        return -1;
    }
    /* Pre-intern common words. Init-only, so a check-then-set here is fine. */
    for (size_t i = 0; i < sizeof(common_words) / sizeof(common_words[0]); i++) {
        if (PyDict_ContainsString(intern_table, common_words[i])) {  // ok: shared-object-check-then-act
            continue;
        }
        PyObject *w = PyUnicode_InternFromString(common_words[i]);
        if (w == NULL || PyDict_SetItemString(intern_table, common_words[i], w) < 0) {
            Py_XDECREF(w);
            return -1;
        }
        Py_DECREF(w);
    }
    return 0;
}

static PyMethodDef statics_methods[] = {
    {"intern", statics_intern, METH_O, NULL},
    {"warn_once", statics_warn_once, METH_O, NULL},
    {"lookup_codec", statics_lookup_codec, METH_O, NULL},
    {"intern_safe", statics_intern_safe, METH_O, NULL},
    {"canonical", statics_canonical, METH_O, NULL},
    {"was_warned", statics_was_warned, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot statics_slots[] = {
    {Py_mod_exec, statics_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef statics_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "statics",
    .m_methods = statics_methods,
    .m_slots = statics_slots,
};

PyMODINIT_FUNC
PyInit_statics(void)
{
    return PyModuleDef_Init(&statics_module);
}
