// textstats: fast word, line and character statistics.
// gilcheck's demo extension: it declares Py_MOD_GIL_NOT_USED but still has four
// free-threading hazards among correct code; findings are annotated inline.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdatomic.h>
#include <stdio.h>

#define CACHE_LIMIT 1024

PyDoc_STRVAR(textstats_doc, "Fast text statistics: word, line and character counts.");

/* Names of the fields of analyze()'s result, in order. */
static const char *const stat_names[] = {"words", "lines", "chars"};  // ok: static-mutable-state
#define N_STATS ((int)(sizeof(stat_names) / sizeof(stat_names[0])))

static PyObject *stat_keys[N_STATS];             /* interned, created in exec */
static PyObject *unicodedata_module = NULL;      /* imported on first use */
static unsigned long total_calls = 0;            /* analyze() calls, for stats() */
/* stats_lock guards words_seen. */
static PyMutex stats_lock;  // ok: static-mutable-state
static unsigned long long words_seen = 0;
static atomic_long counters_created;             /* WordCounter instances */
static _Thread_local char repr_buf[128];         /* per-thread scratch for repr */

typedef struct {
    PyObject *cache;            /* dict: str -> (words, lines, chars) */
    PyObject *canonical;        /* dict: word -> casefolded word */
    PyObject *WordCounterType;
} textstats_state;

static inline textstats_state *
get_textstats_state(PyObject *module)
{
    return (textstats_state *)PyModule_GetState(module);
}

/* Returns a new (words, lines, chars) tuple. */
static PyObject *
compute_stats(PyObject *text)
{
    Py_ssize_t len = PyUnicode_GetLength(text);
    if (len < 0) {
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t words = 0, lines = len > 0 ? 1 : 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        lines += (ch == '\n');
        if (Py_UNICODE_ISSPACE(ch)) {
            in_word = 0;
        }
        else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    return Py_BuildValue("(nnn)", words, lines, len);
}

/* ---- WordCounter type --------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *counts;     /* dict: word -> int; guarded by the object's critical section */
    Py_ssize_t total;     /* guarded by the object's critical section */
    PyObject *label;      /* str or NULL */
    PyObject *vocabulary; /* cached sorted list of words, dropped by add() */
} WordCounterObject;

static PyObject *
WordCounter_new(PyTypeObject *type, PyObject *Py_UNUSED(args), PyObject *Py_UNUSED(kwds))
{
    WordCounterObject *self = (WordCounterObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->counts = PyDict_New();
    if (self->counts == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    atomic_fetch_add_explicit(&counters_created, 1, memory_order_relaxed);  // ok: static-mutable-state
    return (PyObject *)self;
}

static int
WordCounter_init(WordCounterObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"label", NULL};  // ok: static-mutable-state
    PyObject *label = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|U:WordCounter", kwlist, &label)) {
        return -1;
    }
    Py_XSETREF(self->label, Py_XNewRef(label));
    return 0;
}

static PyObject *
WordCounter_add(WordCounterObject *self, PyObject *text)
{
    PyObject *words = PyUnicode_Split(text, NULL, -1);
    if (words == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(words);
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    for (Py_ssize_t i = 0; i < n && rc == 0; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        PyObject *old;
        int found = PyDict_GetItemRef(self->counts, word, &old);  // ok: shared-object-check-then-act
        long count = found > 0 ? PyLong_AsLong(old) : 0;
        Py_XDECREF(old);
        PyObject *updated = (found < 0 || PyErr_Occurred()) ? NULL : PyLong_FromLong(count + 1);
        rc = updated == NULL ? -1 : PyDict_SetItem(self->counts, word, updated);
        Py_XDECREF(updated);
    }
    if (rc == 0) {
        self->total += n;
        Py_CLEAR(self->vocabulary);
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(words);
    if (rc < 0) {
        return NULL;
    }
    PyMutex_Lock(&stats_lock);
    words_seen += (unsigned long long)n;  // ok: static-mutable-state
    PyMutex_Unlock(&stats_lock);
    return PyLong_FromSsize_t(n);
}

static PyObject *
WordCounter_vocabulary(WordCounterObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->vocabulary == NULL) {  // expect: shared-object-check-then-act {{'self->vocabulary'}}
        PyObject *words = PyDict_Keys(self->counts);
        if (words == NULL || PyList_Sort(words) < 0) {
            Py_XDECREF(words);
            return NULL;
        }
        self->vocabulary = words;
    }
    return PyList_GetSlice(self->vocabulary, 0, PY_SSIZE_T_MAX);
}

static PyObject *
WordCounter_get_label(WordCounterObject *self, void *Py_UNUSED(closure))
{
    PyObject *label;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->label == NULL) {  // ok: shared-object-check-then-act
        self->label = PyUnicode_FromString("");
    }
    label = Py_XNewRef(self->label);
    Py_END_CRITICAL_SECTION();
    return label;
}

static PyObject *
WordCounter_repr(WordCounterObject *self)
{
    Py_ssize_t total, distinct;
    Py_BEGIN_CRITICAL_SECTION(self);
    total = self->total;
    distinct = PyDict_GET_SIZE(self->counts);
    Py_END_CRITICAL_SECTION();
    snprintf(repr_buf, sizeof(repr_buf), "<WordCounter total=%zd distinct=%zd>", total, distinct);  // ok: static-mutable-state
    return PyUnicode_FromString(repr_buf);
}

static int
WordCounter_traverse(WordCounterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->counts);
    Py_VISIT(self->label);
    Py_VISIT(self->vocabulary);
    return 0;
}

static int
WordCounter_clear(WordCounterObject *self)
{
    Py_CLEAR(self->counts);
    Py_CLEAR(self->label);
    Py_CLEAR(self->vocabulary);
    return 0;
}

static void
WordCounter_dealloc(WordCounterObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)WordCounter_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef WordCounter_methods[] = {  // ok: static-mutable-state
    {"add", (PyCFunction)WordCounter_add, METH_O, "Count the words of a text."},
    {"vocabulary", (PyCFunction)WordCounter_vocabulary, METH_NOARGS, "The distinct words, sorted."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef WordCounter_getset[] = {  // ok: static-mutable-state
    {"label", (getter)WordCounter_get_label, NULL, "A free-form label ('' by default).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot WordCounter_slots[] = {  // ok: static-mutable-state
    {Py_tp_new, WordCounter_new},
    {Py_tp_init, WordCounter_init},
    {Py_tp_repr, WordCounter_repr},
    {Py_tp_traverse, WordCounter_traverse},
    {Py_tp_clear, WordCounter_clear},
    {Py_tp_dealloc, WordCounter_dealloc},
    {Py_tp_methods, WordCounter_methods},
    {Py_tp_getset, WordCounter_getset},
    {0, NULL},
};

static PyType_Spec WordCounter_spec = {  // ok: static-mutable-state
    .name = "textstats.WordCounter",
    .basicsize = sizeof(WordCounterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = WordCounter_slots,
};

/* ---- module functions --------------------------------------------------- */

static PyObject *
textstats_analyze(PyObject *module, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "analyze() expects a str");
        return NULL;
    }
    total_calls++;  // expect: static-mutable-state {{'total_calls'}}
    textstats_state *st = get_textstats_state(module);
    PyObject *stats;
    int found = PyDict_GetItemRef(st->cache, text, &stats);  // expect: shared-object-check-then-act {{'st->cache'}}
    if (found < 0) {
        return NULL;
    }
    if (found == 0) {
        stats = compute_stats(text);
        if (stats == NULL) {
            return NULL;
        }
        if (PyDict_GET_SIZE(st->cache) >= CACHE_LIMIT) {
            PyDict_Clear(st->cache);
        }
        if (PyDict_SetItem(st->cache, text, stats) < 0) {
            Py_DECREF(stats);
            return NULL;
        }
    }
    PyObject *result = PyDict_New();
    for (int i = 0; result != NULL && i < N_STATS; i++) {
        if (PyDict_SetItem(result, stat_keys[i], PyTuple_GET_ITEM(stats, i)) < 0) {
            Py_CLEAR(result);
        }
    }
    Py_DECREF(stats);
    return result;
}

static PyObject *
textstats_normalize(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *text;
    const char *form = "NFC";
    if (!PyArg_ParseTuple(args, "U|s:normalize", &text, &form)) {
        return NULL;
    }
    if (unicodedata_module == NULL) {  // expect: lazy-static-init {{'unicodedata_module'}}
        PyObject *mod = PyImport_ImportModule("unicodedata");
        if (mod == NULL) {
            return NULL;
        }
        unicodedata_module = mod;  // ok: static-mutable-state
    }
    return PyObject_CallMethod(unicodedata_module, "normalize", "sO", form, text);
}

static PyObject *
textstats_canonical(PyObject *module, PyObject *word)
{
    textstats_state *st = get_textstats_state(module);
    PyObject *result;
    int found = PyDict_GetItemRef(st->canonical, word, &result);  // ok: shared-object-check-then-act
    if (found != 0) {
        return found < 0 ? NULL : result;
    }
    PyObject *folded = PyObject_CallMethod(word, "casefold", NULL);
    if (folded == NULL) {
        return NULL;
    }
    int rc = PyDict_SetDefaultRef(st->canonical, word, folded, &result);
    Py_DECREF(folded);
    return rc < 0 ? NULL : result;
}

static PyObject *
textstats_stats(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    unsigned long long seen;
    PyMutex_Lock(&stats_lock);
    seen = words_seen;
    PyMutex_Unlock(&stats_lock);
    return Py_BuildValue("{s:k,s:K,s:l}", "calls", total_calls, "words_seen", seen,
                         "counters", atomic_load_explicit(&counters_created, memory_order_relaxed));
}

/* ---- module definition -------------------------------------------------- */

static int
textstats_exec(PyObject *module)
{
    textstats_state *st = get_textstats_state(module);
    for (int i = 0; i < N_STATS; i++) {
        stat_keys[i] = PyUnicode_InternFromString(stat_names[i]);  // ok: static-mutable-state
        if (stat_keys[i] == NULL) {
            return -1;
        }
    }
    st->cache = PyDict_New();
    st->canonical = PyDict_New();
    if (st->cache == NULL || st->canonical == NULL) {
        return -1;
    }
    st->WordCounterType = PyType_FromModuleAndSpec(module, &WordCounter_spec, NULL);
    if (st->WordCounterType == NULL) {
        return -1;
    }
    if (PyModule_AddType(module, (PyTypeObject *)st->WordCounterType) < 0) {
        return -1;
    }
    return PyModule_AddIntConstant(module, "CACHE_LIMIT", CACHE_LIMIT);
}

static int
textstats_traverse(PyObject *module, visitproc visit, void *arg)
{
    textstats_state *st = get_textstats_state(module);
    Py_VISIT(st->cache);
    Py_VISIT(st->canonical);
    Py_VISIT(st->WordCounterType);
    return 0;
}

static int
textstats_clear(PyObject *module)
{
    textstats_state *st = get_textstats_state(module);
    Py_CLEAR(st->cache);
    Py_CLEAR(st->canonical);
    Py_CLEAR(st->WordCounterType);
    return 0;
}

static PyMethodDef textstats_methods[] = {  // ok: static-mutable-state
    {"analyze", textstats_analyze, METH_O, "Return {'words', 'lines', 'chars'} for a text."},
    {"normalize", textstats_normalize, METH_VARARGS, "Unicode-normalize a text (default form NFC)."},
    {"canonical", textstats_canonical, METH_O, "The casefolded form of a word, cached."},
    {"stats", textstats_stats, METH_NOARGS, "Module usage statistics."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot textstats_slots[] = {  // ok: static-mutable-state
    {Py_mod_exec, textstats_exec},
    /* Process-wide statics (stat_keys, unicodedata_module): one interpreter only. */
    {Py_mod_multiple_interpreters, Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef textstats_module = {  // ok: static-mutable-state  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "textstats",
    .m_doc = textstats_doc,
    .m_size = sizeof(textstats_state),
    .m_methods = textstats_methods,
    .m_slots = textstats_slots,
    .m_traverse = textstats_traverse,
    .m_clear = textstats_clear,
};

PyMODINIT_FUNC
PyInit_textstats(void)
{
    return PyModuleDef_Init(&textstats_module);
}
