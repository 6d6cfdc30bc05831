// shared-object-check-then-act, form (a), with containers held in fields of
// `self`: membership tests (PySet_Contains, PyDict_ContainsString,
// PyMapping_HasKey[String]) and borrowed lookups (PyDict_GetItem) followed by
// PySet_Add / PyDict_SetItem[String] / PyObject_SetItem /
// PyMapping_SetItemString with the same key.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *seen;    /* set of tokens already emitted */
    PyObject *vocab;   /* dict: token -> int id */
    PyObject *meta;    /* any mapping supplied by the user */
} TokenizerObject;

/* ---- positives ---------------------------------------------------------- */

/* Returns True the first time a token is seen. Two threads can both get True. */
static PyObject *
Tokenizer_first_sighting(TokenizerObject *self, PyObject *token)
{
    int seen = PySet_Contains(self->seen, token);  // expect: shared-object-check-then-act {{'self->seen'}}
    if (seen < 0) {
        return NULL;
    }
    if (seen) {
        Py_RETURN_FALSE;
    }
    if (PySet_Add(self->seen, token) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

/* Assigns the next id: two threads can give the same id to two tokens, or
   two ids to one token. */
static PyObject *
Tokenizer_token_id(TokenizerObject *self, PyObject *token)
{
    PyObject *id = PyDict_GetItem(self->vocab, token);  // expect: shared-object-check-then-act {{'self->vocab'}}  // expect: borrowed-reference
    if (id != NULL) {
        return Py_NewRef(id);
    }
    id = PyLong_FromSsize_t(PyDict_Size(self->vocab));
    if (id == NULL) {
        return NULL;
    }
    if (PyDict_SetItem(self->vocab, token, id) < 0) {
        Py_DECREF(id);
        return NULL;
    }
    return id;
}

static PyObject *
Tokenizer_add_unknown(TokenizerObject *self, PyObject *Py_UNUSED(ignored))
{
    int has = PyDict_ContainsString(self->vocab, "<unk>");  // expect: shared-object-check-then-act {{'self->vocab'}}
    if (has < 0) {
        return NULL;
    }
    if (!has) {
        PyObject *id = PyLong_FromSsize_t(PyDict_Size(self->vocab));
        if (id == NULL) {
            return NULL;
        }
        int rc = PyDict_SetItemString(self->vocab, "<unk>", id);
        Py_DECREF(id);
        if (rc < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
Tokenizer_stamp(TokenizerObject *self, PyObject *stamp)
{
    if (!PyMapping_HasKeyString(self->meta, "created")) {  // expect: shared-object-check-then-act {{'self->meta'}}
        if (PyMapping_SetItemString(self->meta, "created", stamp) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
Tokenizer_set_default(TokenizerObject *self, PyObject *args)
{
    PyObject *key, *value;
    if (!PyArg_ParseTuple(args, "OO:set_default", &key, &value)) {
        return NULL;
    }
    if (PyMapping_HasKey(self->meta, key)) {  // expect: shared-object-check-then-act {{'self->meta'}}
        Py_RETURN_FALSE;
    }
    if (PyObject_SetItem(self->meta, key, value) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

/* ---- negatives ---------------------------------------------------------- */

/* The membership test is on the shared set, but the insert goes into a set
   created in this function. */
static PyObject *
Tokenizer_unseen(TokenizerObject *self, PyObject *tokens)
{
    PyObject *result = PySet_New(NULL);
    if (result == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(tokens);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *token;
    while ((token = PyIter_Next(it)) != NULL) {
        int seen = PySet_Contains(self->seen, token);  // ok: shared-object-check-then-act
        int rc = seen < 0 ? -1 : (seen ? 0 : PySet_Add(result, token));
        Py_DECREF(token);
        if (rc < 0) {
            break;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* Lookup in one shared container, insert into another. */
static PyObject *
Tokenizer_mark_known(TokenizerObject *self, PyObject *token)
{
    int known = PyDict_Contains(self->vocab, token);  // ok: shared-object-check-then-act
    if (known <= 0) {
        return known < 0 ? NULL : Py_NewRef(Py_False);
    }
    if (PySet_Add(self->seen, token) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

/* ---- type boilerplate --------------------------------------------------- */

static int
Tokenizer_init(TokenizerObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *meta = NULL;
    static char *kwlist[] = {"meta", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:Tokenizer", kwlist, &meta)) {
        return -1;
    }
    PyObject *seen = PySet_New(NULL);
    PyObject *vocab = PyDict_New();
    PyObject *m = meta != NULL ? Py_NewRef(meta) : PyDict_New();
    if (seen == NULL || vocab == NULL || m == NULL) {
        Py_XDECREF(seen);
        Py_XDECREF(vocab);
        Py_XDECREF(m);
        return -1;
    }
    Py_XSETREF(self->seen, seen);
    Py_XSETREF(self->vocab, vocab);
    Py_XSETREF(self->meta, m);
    return 0;
}

static int
Tokenizer_traverse(TokenizerObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->seen);
    Py_VISIT(self->vocab);
    Py_VISIT(self->meta);
    return 0;
}

static int
Tokenizer_clear(TokenizerObject *self)
{
    Py_CLEAR(self->seen);
    Py_CLEAR(self->vocab);
    Py_CLEAR(self->meta);
    return 0;
}

static void
Tokenizer_dealloc(TokenizerObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Tokenizer_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Tokenizer_methods[] = {
    {"first_sighting", (PyCFunction)Tokenizer_first_sighting, METH_O, NULL},
    {"token_id", (PyCFunction)Tokenizer_token_id, METH_O, NULL},
    {"add_unknown", (PyCFunction)Tokenizer_add_unknown, METH_NOARGS, NULL},
    {"stamp", (PyCFunction)Tokenizer_stamp, METH_O, NULL},
    {"set_default", (PyCFunction)Tokenizer_set_default, METH_VARARGS, NULL},
    {"unseen", (PyCFunction)Tokenizer_unseen, METH_O, NULL},
    {"mark_known", (PyCFunction)Tokenizer_mark_known, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Tokenizer_slots[] = {
    {Py_tp_init, Tokenizer_init},
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_traverse, Tokenizer_traverse},
    {Py_tp_clear, Tokenizer_clear},
    {Py_tp_dealloc, Tokenizer_dealloc},
    {Py_tp_methods, Tokenizer_methods},
    {0, NULL},
};

static PyType_Spec Tokenizer_spec = {
    .name = "tokens.Tokenizer",
    .basicsize = sizeof(TokenizerObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = Tokenizer_slots,
};

static int
tokens_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Tokenizer_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Tokenizer", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot tokens_slots[] = {
    {Py_mod_exec, tokens_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef tokens_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "tokens",
    .m_slots = tokens_slots,
};

PyMODINIT_FUNC
PyInit_tokens(void)
{
    return PyModuleDef_Init(&tokens_module);
}
