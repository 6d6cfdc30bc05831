// shared-object-check-then-act, form (b), on module state. Module state is
// shared by every thread that imports the module, so a field created on first
// use races just like a static. The state pointer comes from PyModule_GetState,
// from PyType_GetModuleState, or from a helper whose name contains "state".
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *stopwords;   /* frozenset, created on first use */
    PyObject *pattern;     /* compiled regex, created on first use */
    PyObject *empty;       /* "" */
    PyObject *table;       /* dict used by translate() */
    PyObject *version;     /* str */
    PyObject *defaults;    /* dict, created in exec */
    PyObject *Stemmer;     /* heap type */
} textmod_state;

static textmod_state *
get_textmod_state(PyObject *module)
{
    return (textmod_state *)PyModule_GetState(module);
}

/* ---- positives ---------------------------------------------------------- */

static PyObject *
textmod_is_stopword(PyObject *module, PyObject *word)
{
    textmod_state *st = (textmod_state *)PyModule_GetState(module);
    if (!st->stopwords) {  // expect: shared-object-check-then-act {{'st->stopwords'}}
        PyObject *words = Py_BuildValue("(sssss)", "a", "an", "and", "of", "the");
        if (words == NULL) {
            return NULL;
        }
        st->stopwords = PyFrozenSet_New(words);
        Py_DECREF(words);
        if (st->stopwords == NULL) {  // ok: shared-object-check-then-act
            return NULL;
        }
    }
    int rc = PySet_Contains(st->stopwords, word);
    return rc < 0 ? NULL : PyBool_FromLong(rc);
}

static PyObject *
textmod_split_words(PyObject *module, PyObject *text)
{
    textmod_state *state = get_textmod_state(module);
    if (state->pattern == NULL) {  // expect: shared-object-check-then-act {{'state->pattern'}}
        PyObject *re = PyImport_ImportModule("re");
        if (re == NULL) {
            return NULL;
        }
        PyObject *pattern = PyObject_CallMethod(re, "compile", "s", "\\w+");
        Py_DECREF(re);
        if (pattern == NULL) {
            return NULL;
        }
        state->pattern = pattern;
    }
    return PyObject_CallMethod(state->pattern, "findall", "O", text);
}

/* Early-exit form. */
static PyObject *
textmod_version(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    textmod_state *st = get_textmod_state(module);
    if (st->version != NULL) {  // expect: shared-object-check-then-act {{'st->version'}}
        return Py_NewRef(st->version);
    }
    PyObject *v = PyUnicode_FromFormat("%d.%d", 1, 4);
    if (v == NULL) {
        return NULL;
    }
    st->version = v;
    return Py_NewRef(v);
}

/* Called from exec (init-only) AND from a module function, so it is
   concurrent code. */
static int
ensure_table(textmod_state *st)
{
    if (st->table == NULL) {  // expect: shared-object-check-then-act {{'st->table'}}
        PyObject *table = PyDict_New();
        if (table == NULL) {
            return -1;
        }
        st->table = table;
    }
    return 0;
}

static PyObject *
textmod_translate(PyObject *module, PyObject *text)
{
    textmod_state *st = get_textmod_state(module);
    if (ensure_table(st) < 0) {
        return NULL;
    }
    return PyObject_CallMethod(text, "translate", "O", st->table);
}

/* A method of a heap type reaches module state through its type. */
typedef struct {
    PyObject_HEAD
    int aggressive;
} StemmerObject;

static PyObject *
Stemmer_stem(StemmerObject *self, PyObject *word)
{
    textmod_state *st = (textmod_state *)PyType_GetModuleState(Py_TYPE(self));
    if (st->empty == NULL) {  // expect: shared-object-check-then-act {{'st->empty'}}
        PyObject *empty = PyUnicode_FromString("");
        if (empty == NULL) {
            return NULL;
        }
        st->empty = empty;
    }
    if (PyUnicode_GetLength(word) < 4) {
        return Py_NewRef(st->empty);
    }
    return PyUnicode_Substring(word, 0, PyUnicode_GetLength(word) - (self->aggressive ? 2 : 1));
}

/* ---- negatives ---------------------------------------------------------- */

/* Called only from exec: init-only code. */
static int
init_defaults(textmod_state *st)
{
    if (st->defaults == NULL) {  // ok: shared-object-check-then-act
        st->defaults = PyDict_New();
        if (st->defaults == NULL) {
            return -1;
        }
    }
    return 0;
}

/* Reads the field, never writes it. */
static PyObject *
textmod_defaults(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    textmod_state *st = get_textmod_state(module);
    if (st->defaults == NULL) {  // ok: shared-object-check-then-act
        return PyDict_New();
    }
    return PyDict_Copy(st->defaults);
}

/* A local struct that merely looks like module state. */
typedef struct {
    PyObject *buffer;
    Py_ssize_t pos;
} scan_state;

static PyObject *
textmod_first_word(PyObject *module, PyObject *text)
{
    scan_state scan = {NULL, 0};
    if (scan.buffer == NULL) {  // ok: shared-object-check-then-act
        scan.buffer = PyObject_CallMethod(text, "split", NULL);
    }
    if (scan.buffer == NULL) {
        return NULL;
    }
    PyObject *first = PyList_Size(scan.buffer) > 0 ? PyList_GetItemRef(scan.buffer, scan.pos) : Py_NewRef(Py_None);
    Py_DECREF(scan.buffer);
    return first;
}

/* ---- module boilerplate ------------------------------------------------- */

static PyMethodDef Stemmer_methods[] = {
    {"stem", (PyCFunction)Stemmer_stem, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Stemmer_slots[] = {
    {Py_tp_methods, Stemmer_methods},
    {0, NULL},
};

static PyType_Spec Stemmer_spec = {
    .name = "textmod.Stemmer",
    .basicsize = sizeof(StemmerObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = Stemmer_slots,
};

static int
textmod_exec(PyObject *module)
{
    textmod_state *st = get_textmod_state(module);
    if (init_defaults(st) < 0 || ensure_table(st) < 0) {
        return -1;
    }
    st->Stemmer = PyType_FromModuleAndSpec(module, &Stemmer_spec, NULL);
    if (st->Stemmer == NULL) {
        return -1;
    }
    return PyModule_AddType(module, (PyTypeObject *)st->Stemmer);
}

static int
textmod_traverse(PyObject *module, visitproc visit, void *arg)
{
    textmod_state *st = get_textmod_state(module);
    Py_VISIT(st->stopwords);
    Py_VISIT(st->pattern);
    Py_VISIT(st->empty);
    Py_VISIT(st->table);
    Py_VISIT(st->version);
    Py_VISIT(st->defaults);
    Py_VISIT(st->Stemmer);
    return 0;
}

static int
textmod_clear(PyObject *module)
{
    textmod_state *st = get_textmod_state(module);
    Py_CLEAR(st->stopwords);
    Py_CLEAR(st->pattern);
    Py_CLEAR(st->empty);
    Py_CLEAR(st->table);
    Py_CLEAR(st->version);
    Py_CLEAR(st->defaults);
    Py_CLEAR(st->Stemmer);
    return 0;
}

static PyMethodDef textmod_methods[] = {
    {"is_stopword", textmod_is_stopword, METH_O, NULL},
    {"split_words", textmod_split_words, METH_O, NULL},
    {"version", textmod_version, METH_NOARGS, NULL},
    {"translate", textmod_translate, METH_O, NULL},
    {"defaults", textmod_defaults, METH_NOARGS, NULL},
    {"first_word", textmod_first_word, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot textmod_slots[] = {
    {Py_mod_exec, textmod_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef textmod_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "textmod",
    .m_size = sizeof(textmod_state),
    .m_methods = textmod_methods,
    .m_slots = textmod_slots,
    .m_traverse = textmod_traverse,
    .m_clear = textmod_clear,
};

PyMODINIT_FUNC
PyInit_textmod(void)
{
    return PyModuleDef_Init(&textmod_module);
}
