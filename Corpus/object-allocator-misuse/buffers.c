// object-allocator-misuse: scratch buffers and C structs taken from the
// object allocator.
//
// PyObject_Malloc/Calloc/Realloc were long used as "a faster malloc" for
// small buffers. On free-threaded CPython the object allocator is mimalloc
// with per-thread heaps, and the garbage collector and lock-free readers
// (list/dict item access that does not take the object's lock) assume that
// every block in the object heaps is a Python object; since 3.13 this is a
// hard requirement. Fix: PyMem_Malloc / PyMem_Calloc / PyMem_Realloc and
// PyMem_Free for everything that is not a Python object.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    Py_ssize_t start;
    Py_ssize_t len;
} span;

struct entry {                  /* plain C struct: no PyObject_HEAD */
    struct entry *next;
    unsigned char byte;
    Py_ssize_t count;
};

typedef struct {
    PyObject_HEAD
    char *text;                 /* UTF-8 copy of the input, NUL-terminated */
    Py_ssize_t len;
    span *spans;                /* word boundaries (PyMem_Calloc), computed in tp_init */
    Py_ssize_t nspans;
} TokenizerObject;

/* ---- positives ---------------------------------------------------------- */

static PyObject *
codec_hexlify(PyObject *module, PyObject *arg)
{
    static const char digits[] = "0123456789abcdef";
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    char *out = PyObject_Malloc((size_t)view.len * 2 + 1);     // expect: object-allocator-misuse {{'out'}} {{PyMem_Malloc}}
    if (out == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    const unsigned char *p = view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 0xF];
    }
    PyObject *result = PyUnicode_FromStringAndSize(out, view.len * 2);
    PyObject_Free(out);
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
codec_frequencies(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    double *freq = (double *)PyObject_Calloc(256, sizeof(double));  // expect: object-allocator-misuse {{'freq'}} {{PyMem_Calloc}}
    if (freq == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    const unsigned char *p = view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        freq[p[i]] += 1.0;
    }
    PyObject *result = PyList_New(0);
    for (int b = 0; result != NULL && b < 256; b++) {
        PyObject *f = PyFloat_FromDouble(view.len ? freq[b] / (double)view.len : 0.0);
        if (f == NULL || PyList_Append(result, f) < 0) {
            Py_XDECREF(f);
            Py_CLEAR(result);
            break;
        }
        Py_DECREF(f);
    }
    PyObject_Free(freq);
    PyBuffer_Release(&view);
    return result;
}

/* distinct(data): the distinct bytes, in order of first appearance, kept in
   a linked list of plain C nodes. */
static PyObject *
codec_distinct(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    struct entry *head = NULL, **tail = &head;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    const unsigned char *p = view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        struct entry *e;
        for (e = head; e != NULL && e->byte != p[i]; e = e->next) {
        }
        if (e != NULL) {
            e->count++;
            continue;
        }
        e = PyObject_Malloc(sizeof(*e));                        // expect: object-allocator-misuse {{'e'}}
        if (e == NULL) {
            break;
        }
        e->next = NULL;
        e->byte = p[i];
        e->count = 1;
        *tail = e;
        tail = &e->next;
    }
    PyBuffer_Release(&view);
    PyObject *result = PyBytes_FromStringAndSize(NULL, 0);
    while (head != NULL) {
        struct entry *next = head->next;
        if (result != NULL) {
            char c = (char)head->byte;
            PyBytes_ConcatAndDel(&result, PyBytes_FromStringAndSize(&c, 1));
        }
        PyObject_Free(head);
        head = next;
    }
    return result;
}

/* A void * scratch area, then a resized one. */
static PyObject *
codec_reversed(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    void *scratch = PyObject_Malloc(view.len > 0 ? (size_t)view.len : 1);  // expect: object-allocator-misuse {{'scratch'}}
    if (scratch == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    unsigned char *dst = scratch;
    const unsigned char *src = view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        dst[i] = src[view.len - 1 - i];
    }
    /* Append a NUL terminator. */
    unsigned char *grown = PyObject_Realloc(scratch, (size_t)view.len + 1);   // expect: object-allocator-misuse {{'grown'}} {{PyMem_Realloc}}
    if (grown == NULL) {
        PyObject_Free(scratch);
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    grown[view.len] = '\0';
    PyObject *result = PyBytes_FromStringAndSize((const char *)grown, view.len);
    PyObject_Free(grown);
    PyBuffer_Release(&view);
    return result;
}

/* Lifecycle slots are not exempt: the text buffer is still not an object. */
static PyObject *
Tokenizer_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    TokenizerObject *self = (TokenizerObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->text = PyObject_Calloc(1, 1);                         // expect: object-allocator-misuse {{text'}} {{PyMem_Calloc}}
    if (self->text == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return (PyObject *)self;
}

static int
Tokenizer_init(TokenizerObject *self, PyObject *args, PyObject *kwds)
{
    const char *text;
    Py_ssize_t len;
    static char *kwlist[] = {"text", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s#:Tokenizer", kwlist, &text, &len)) {
        return -1;
    }
    char *copy = (char *)PyObject_Malloc((size_t)len + 1);      // expect: object-allocator-misuse {{'copy'}} {{PyMem_Malloc}}
    span *spans = PyMem_Calloc((size_t)len / 2 + 1, sizeof(span));  // ok: object-allocator-misuse
    if (copy == NULL || spans == NULL) {
        PyObject_Free(copy);
        PyMem_Free(spans);
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, text, (size_t)len + 1);
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < len; ) {
        while (i < len && copy[i] == ' ') {
            i++;
        }
        if (i < len) {
            spans[n].start = i;
            while (i < len && copy[i] != ' ') {
                i++;
            }
            spans[n].len = i - spans[n].start;
            n++;
        }
    }
    PyObject_Free(self->text);
    PyMem_Free(self->spans);
    self->text = copy;
    self->len = len;
    self->spans = spans;
    self->nspans = n;
    return 0;
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
Tokenizer_words(TokenizerObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *result = PyList_New(0);
    for (Py_ssize_t i = 0; result != NULL && i < self->nspans; i++) {
        PyObject *w = PyUnicode_FromStringAndSize(self->text + self->spans[i].start,
                                                  self->spans[i].len);
        if (w == NULL || PyList_Append(result, w) < 0) {
            Py_XDECREF(w);
            Py_CLEAR(result);
        }
        else {
            Py_DECREF(w);
        }
    }
    return result;
}

/* The same hexlify with the raw-memory allocator. */
static PyObject *
codec_hexlify_mem(PyObject *module, PyObject *arg)
{
    static const char digits[] = "0123456789abcdef";
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    char *out = PyMem_Malloc((size_t)view.len * 2 + 1);        // ok: object-allocator-misuse
    if (out == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    const unsigned char *p = view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 0xF];
    }
    char *shrunk = PyMem_Realloc(out, (size_t)view.len * 2 + 1);   // ok: object-allocator-misuse
    if (shrunk != NULL) {
        out = shrunk;
    }
    PyObject *result = PyUnicode_FromStringAndSize(out, view.len * 2);
    PyMem_Free(out);
    PyBuffer_Release(&view);
    return result;
}

static void
Tokenizer_dealloc(TokenizerObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_Free(self->text);
    PyMem_Free(self->spans);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Tokenizer_methods[] = {
    {"words", (PyCFunction)Tokenizer_words, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Tokenizer_slots[] = {
    {Py_tp_new, Tokenizer_new},
    {Py_tp_init, Tokenizer_init},
    {Py_tp_dealloc, Tokenizer_dealloc},
    {Py_tp_methods, Tokenizer_methods},
    {0, NULL},
};

static PyType_Spec Tokenizer_spec = {
    .name = "codec.Tokenizer",
    .basicsize = sizeof(TokenizerObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Tokenizer_slots,
};

static PyMethodDef codec_methods[] = {
    {"hexlify", codec_hexlify, METH_O, NULL},
    {"hexlify_mem", codec_hexlify_mem, METH_O, NULL},
    {"frequencies", codec_frequencies, METH_O, NULL},
    {"distinct", codec_distinct, METH_O, NULL},
    {"reversed_", codec_reversed, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static int
codec_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Tokenizer_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Tokenizer", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot codec_slots[] = {
    {Py_mod_exec, codec_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef codec_module = {  // expect: module-gil-declaration {{'codec'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "codec",
    .m_methods = codec_methods,
    .m_slots = codec_slots,
};

PyMODINIT_FUNC
PyInit_codec(void)
{
    return PyModuleDef_Init(&codec_module);
}
