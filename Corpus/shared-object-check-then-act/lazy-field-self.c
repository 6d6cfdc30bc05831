// shared-object-check-then-act, form (b): a field of `self` created on first
// use. Two threads can both see NULL, both build the value, and one store
// overwrites the other: the overwritten object leaks, and a caller may hold a
// different object than the one now cached.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *text;        /* str, set in tp_init */
    PyObject *words;       /* list, computed on first use */
    PyObject *lower;       /* str, computed on first use */
    PyObject *sentences;   /* list, computed on first use */
    PyObject *vocab;       /* dict, computed on first use */
    PyObject *index;       /* dict: word -> list of positions */
} DocumentObject;

/* ---- positives ---------------------------------------------------------- */

/* getter (PyGetSetDef) */
static PyObject *
Document_get_words(DocumentObject *self, void *Py_UNUSED(closure))
{
    if (self->words == NULL) {  // expect: shared-object-check-then-act {{'self->words'}}
        PyObject *words = PyObject_CallMethod(self->text, "split", NULL);
        if (words == NULL) {
            return NULL;
        }
        self->words = words;
    }
    return Py_NewRef(self->words);
}

static PyObject *
Document_lower(DocumentObject *self, PyObject *Py_UNUSED(ignored))
{
    if (!self->lower) {  // expect: shared-object-check-then-act {{'self->lower'}}
        self->lower = PyObject_CallMethod(self->text, "lower", NULL);
    }
    return Py_XNewRef(self->lower);
}

/* Early-exit form: return the cached value if present, otherwise build it
   and store it. */
static PyObject *
Document_sentences(DocumentObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->sentences != NULL) {  // expect: shared-object-check-then-act {{'self->sentences'}}
        return Py_NewRef(self->sentences);
    }
    PyObject *dot = PyUnicode_FromString(".");
    if (dot == NULL) {
        return NULL;
    }
    PyObject *sentences = PyUnicode_Split(self->text, dot, -1);
    Py_DECREF(dot);
    if (sentences == NULL) {
        return NULL;
    }
    self->sentences = sentences;
    return Py_NewRef(sentences);
}

/* METH_VARARGS method declared with a PyObject *self and a cast. */
static PyObject *
Document_vocabulary(PyObject *self, PyObject *Py_UNUSED(args))
{
    DocumentObject *doc = (DocumentObject *)self;
    if (doc->vocab == NULL) {  // expect: shared-object-check-then-act {{'doc->vocab'}}
        PyObject *vocab = PyDict_New();
        if (vocab == NULL) {
            return NULL;
        }
        doc->vocab = vocab;
    }
    return Py_NewRef(doc->vocab);
}

/* A static helper called from a method runs concurrently too; its first
   parameter is the shared object. */
static int
ensure_index(DocumentObject *self)
{
    if (self->index == NULL) {  // expect: shared-object-check-then-act {{'self->index'}}
        PyObject *index = PyDict_New();
        if (index == NULL) {
            return -1;
        }
        self->index = index;
    }
    return 0;
}

static PyObject *
Document_positions(DocumentObject *self, PyObject *word)
{
    if (ensure_index(self) < 0) {
        return NULL;
    }
    PyObject *positions;
    if (PyDict_GetItemRef(self->index, word, &positions) < 0) {
        return NULL;
    }
    return positions != NULL ? positions : PyList_New(0);
}

/* ---- negatives ---------------------------------------------------------- */

/* The check is not followed by a write to the field. */
static PyObject *
Document_word_count(DocumentObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->words == NULL) {  // ok: shared-object-check-then-act
        return PyLong_FromLong(0);
    }
    return PyLong_FromSsize_t(PyList_Size(self->words));
}

/* Checks one field and writes another: not a lazy initialization of the
   field that was checked. */
static PyObject *
Document_forget_words(DocumentObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->text == NULL) {  // ok: shared-object-check-then-act
        PyErr_SetString(PyExc_ValueError, "document has no text");
        return NULL;
    }
    PyObject *old = self->words;
    self->words = NULL;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

/* Lazy fields of an object created in this function are not shared yet. */
static PyObject *
Document_copy(DocumentObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = PyObject_CallOneArg((PyObject *)Py_TYPE(self), self->text);
    if (obj == NULL) {
        return NULL;
    }
    DocumentObject *copy = (DocumentObject *)obj;
    if (copy->words == NULL) {  // ok: shared-object-check-then-act
        copy->words = Py_XNewRef(self->words);
    }
    return obj;
}

/* A local variable named like a field is not a field. */
static PyObject *
Document_words_or_empty(DocumentObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *words = Document_get_words(self, NULL);
    if (words == NULL) {  // ok: shared-object-check-then-act
        PyErr_Clear();
        words = PyList_New(0);
    }
    return words;
}

/* ---- type boilerplate --------------------------------------------------- */

static int
Document_init(DocumentObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *text;
    static char *kwlist[] = {"text", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U:Document", kwlist, &text)) {
        return -1;
    }
    Py_XSETREF(self->text, Py_NewRef(text));
    Py_CLEAR(self->words);
    Py_CLEAR(self->lower);
    Py_CLEAR(self->sentences);
    Py_CLEAR(self->vocab);
    Py_CLEAR(self->index);
    return 0;
}

static int
Document_traverse(DocumentObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->text);
    Py_VISIT(self->words);
    Py_VISIT(self->lower);
    Py_VISIT(self->sentences);
    Py_VISIT(self->vocab);
    Py_VISIT(self->index);
    return 0;
}

static int
Document_clear(DocumentObject *self)
{
    Py_CLEAR(self->text);
    Py_CLEAR(self->words);
    Py_CLEAR(self->lower);
    Py_CLEAR(self->sentences);
    Py_CLEAR(self->vocab);
    Py_CLEAR(self->index);
    return 0;
}

static void
Document_dealloc(DocumentObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Document_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyGetSetDef Document_getset[] = {
    {"words", (getter)Document_get_words, NULL, "the words of the text", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef Document_methods[] = {
    {"lower", (PyCFunction)Document_lower, METH_NOARGS, NULL},
    {"sentences", (PyCFunction)Document_sentences, METH_NOARGS, NULL},
    {"vocabulary", Document_vocabulary, METH_VARARGS, NULL},
    {"positions", (PyCFunction)Document_positions, METH_O, NULL},
    {"word_count", (PyCFunction)Document_word_count, METH_NOARGS, NULL},
    {"forget_words", (PyCFunction)Document_forget_words, METH_NOARGS, NULL},
    {"copy", (PyCFunction)Document_copy, METH_NOARGS, NULL},
    {"words_or_empty", (PyCFunction)Document_words_or_empty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Document_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Document_init},
    {Py_tp_traverse, Document_traverse},
    {Py_tp_clear, Document_clear},
    {Py_tp_dealloc, Document_dealloc},
    {Py_tp_methods, Document_methods},
    {Py_tp_getset, Document_getset},
    {0, NULL},
};

static PyType_Spec Document_spec = {
    .name = "docs.Document",
    .basicsize = sizeof(DocumentObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Document_slots,
};

static int
docs_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Document_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Document", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot docs_slots[] = {
    {Py_mod_exec, docs_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef docs_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "docs",
    .m_slots = docs_slots,
};

PyMODINIT_FUNC
PyInit_docs(void)
{
    return PyModuleDef_Init(&docs_module);
}
