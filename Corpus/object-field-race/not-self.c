// object-field-race traps: read-modify-writes that are not on a field of
// `self`, so the rule does not report them.
//
// - module state: a module-level function's first parameter is the module,
//   and `st` comes from PyModule_GetState(), not from a cast of `self`
//   (module-state races are out of this rule's scope);
// - plain C structs: the first parameter of a C callback that points to a
//   struct without PyObject_HEAD is not a Python object;
// - objects created in the same function, before anyone else can see them;
// - lifecycle slots (tp_new).
// expect-no-findings
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double sum;
    Py_ssize_t n;
    double min;
    double max;
} SampleObject;

typedef struct {
    PyTypeObject *Sample_Type;
    Py_ssize_t samples_made;
    Py_ssize_t bytes_scanned;
} sampling_state;

/* Running totals over one buffer: lives on the caller's stack. */
struct scan_totals {
    Py_ssize_t bytes;
    Py_ssize_t lines;
    Py_ssize_t words;
};

typedef void (*scan_callback)(struct scan_totals *totals, const char *chunk, Py_ssize_t len);

/* Its address is taken (passed to scan_buffer), so it counts as concurrent
   code; but its first parameter is a plain C struct, not `self`. */
static void
count_chunk(struct scan_totals *totals, const char *chunk, Py_ssize_t len)
{
    totals->bytes += len;                       // ok: object-field-race
    for (Py_ssize_t i = 0; i < len; i++) {
        if (chunk[i] == '\n') {
            totals->lines++;                    // ok: object-field-race
        }
        if (chunk[i] == ' ') {
            ++totals->words;                    // ok: object-field-race
        }
    }
}

static void
scan_buffer(const char *buf, Py_ssize_t len, scan_callback cb, struct scan_totals *totals)
{
    const Py_ssize_t chunk = 4096;
    for (Py_ssize_t off = 0; off < len; off += chunk) {
        cb(totals, buf + off, len - off < chunk ? len - off : chunk);
    }
}

static PyObject *
sampling_scan(PyObject *module, PyObject *arg)
{
    sampling_state *st = PyModule_GetState(module);
    struct scan_totals totals = {0, 0, 0};
    Py_buffer view;

    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    scan_buffer(view.buf, view.len, count_chunk, &totals);
    PyBuffer_Release(&view);
    st->bytes_scanned += totals.bytes;          // ok: object-field-race
    return Py_BuildValue("(nnn)", totals.bytes, totals.lines, totals.words);
}

/* A sample built here is not shared until it is returned. */
static PyObject *
sampling_make(PyObject *module, PyObject *args)
{
    sampling_state *st = PyModule_GetState(module);
    PyObject *seq;

    if (!PyArg_ParseTuple(args, "O:make", &seq)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    PyTypeObject *tp = st->Sample_Type;
    SampleObject *sample = (SampleObject *)tp->tp_alloc(tp, 0);
    if (sample == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        double x = PyFloat_AsDouble(item);
        Py_DECREF(item);
        if (x == -1.0 && PyErr_Occurred()) {
            break;
        }
        sample->sum += x;                       // ok: object-field-race
        sample->n++;                            // ok: object-field-race
        if (sample->n == 1 || x < sample->min) {
            sample->min = x;
        }
        if (sample->n == 1 || x > sample->max) {
            sample->max = x;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(sample);
        return NULL;
    }
    st->samples_made++;                         // ok: object-field-race
    return (PyObject *)sample;
}

static PyObject *
Sample_mean(SampleObject *self, PyObject *Py_UNUSED(ignored))
{
    double sum;
    Py_ssize_t n;
    Py_BEGIN_CRITICAL_SECTION(self);
    sum = self->sum;
    n = self->n;
    Py_END_CRITICAL_SECTION();
    return PyFloat_FromDouble(n > 0 ? sum / (double)n : 0.0);
}

/* tp_new: the object is not visible to other threads yet. */
static PyObject *
Sample_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    double first = 0.0;
    static char *kwlist[] = {"first", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|d:Sample", kwlist, &first)) {
        return NULL;
    }
    SampleObject *self = (SampleObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->sum += first;                         // ok: object-field-race
    self->n++;                                  // ok: object-field-race
    self->min = self->max = first;
    return (PyObject *)self;
}

static void
Sample_dealloc(SampleObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Sample_methods[] = {
    {"mean", (PyCFunction)Sample_mean, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Sample_slots[] = {
    {Py_tp_new, Sample_new},
    {Py_tp_dealloc, Sample_dealloc},
    {Py_tp_methods, Sample_methods},
    {0, NULL},
};

static PyType_Spec Sample_spec = {
    .name = "sampling.Sample",
    .basicsize = sizeof(SampleObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Sample_slots,
};

static PyMethodDef sampling_methods[] = {
    {"scan", sampling_scan, METH_O, "Count bytes, lines and words of a buffer."},
    {"make", sampling_make, METH_VARARGS, "Build a Sample from an iterable of floats."},
    {NULL, NULL, 0, NULL},
};

static int
sampling_exec(PyObject *module)
{
    sampling_state *st = PyModule_GetState(module);
    st->Sample_Type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &Sample_spec, NULL);
    if (st->Sample_Type == NULL) {
        return -1;
    }
    return PyModule_AddType(module, st->Sample_Type);
}

static int
sampling_traverse(PyObject *module, visitproc visit, void *arg)
{
    sampling_state *st = PyModule_GetState(module);
    Py_VISIT(st->Sample_Type);
    return 0;
}

static int
sampling_clear(PyObject *module)
{
    sampling_state *st = PyModule_GetState(module);
    Py_CLEAR(st->Sample_Type);
    return 0;
}

static PyModuleDef_Slot sampling_slots[] = {
    {Py_mod_exec, sampling_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef sampling_module = {  // ok: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "sampling",
    .m_size = sizeof(sampling_state),
    .m_methods = sampling_methods,
    .m_slots = sampling_slots,
    .m_traverse = sampling_traverse,
    .m_clear = sampling_clear,
};

PyMODINIT_FUNC
PyInit_sampling(void)
{
    return PyModuleDef_Init(&sampling_module);
}
