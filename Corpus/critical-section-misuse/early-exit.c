/*
 * _ringbuf: a fixed-size ring buffer whose methods lock the object with
 * Py_BEGIN_CRITICAL_SECTION(self). In the free-threaded build the BEGIN macro
 * opens a block and calls PyCriticalSection_Begin; END calls
 * PyCriticalSection_End and closes the block. A return, a goto to a label
 * outside the block, or a break/continue of a loop that encloses the block
 * jumps over the End call and leaves the object locked.
 *
 * Jumps that stay inside the section are fine: a goto to a label placed
 * before Py_END_CRITICAL_SECTION(), a break out of a loop or switch that is
 * itself inside the section, and any return after the END.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyTypeObject *RingType;
} ringbuf_state;

typedef struct {
    PyObject_HEAD
    PyObject **items;       /* capacity slots: strong references or NULL */
    Py_ssize_t capacity;
    Py_ssize_t head;        /* index of the oldest item */
    Py_ssize_t length;
    int closed;
} RingObject;

/* The usual "is it open?" guard of I/O-like types: it returns from the
   function that uses it. */
#define CHECK_OPEN(self)                                                    \
    do {                                                                    \
        if ((self)->closed) {                                               \
            PyErr_SetString(PyExc_ValueError, "ring buffer is closed");     \
            return NULL;                                                    \
        }                                                                   \
    } while (0)

/* ---- positives ---------------------------------------------------------- */

static PyObject *
Ring_pop(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    RingObject *self = (RingObject *)op;
    PyObject *item;

    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->length == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty ring buffer");
        return NULL;                                    // expect: critical-section-misuse {{'return'}} {{'self'}}
    }
    item = self->items[self->head];
    self->items[self->head] = NULL;
    self->head = (self->head + 1) % self->capacity;
    self->length--;
    Py_END_CRITICAL_SECTION();
    return item;                                        // ok: critical-section-misuse
}

static PyObject *
Ring_push(PyObject *op, PyObject *item)
{
    RingObject *self = (RingObject *)op;
    PyObject *evicted = NULL;
    Py_ssize_t tail;

    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->closed) {
        PyErr_SetString(PyExc_ValueError, "ring buffer is closed");
        goto error;                                     // expect: critical-section-misuse {{'self'}}
    }
    tail = (self->head + self->length) % self->capacity;
    if (self->length == self->capacity) {
        evicted = self->items[self->head];              /* the oldest item makes room */
        self->head = (self->head + 1) % self->capacity;
        self->length--;
    }
    self->items[tail] = Py_NewRef(item);
    self->length++;
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(evicted);
    Py_RETURN_NONE;

error:
    return NULL;
}

/* The return is hidden in a macro: it still leaves the section. */
static PyObject *
Ring_peek(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    RingObject *self = (RingObject *)op;
    PyObject *item = NULL;

    Py_BEGIN_CRITICAL_SECTION(self);
    CHECK_OPEN(self);                                   // expect: critical-section-misuse {{'return'}}
    if (self->length > 0) {
        item = Py_NewRef(self->items[self->head]);
    }
    Py_END_CRITICAL_SECTION();
    if (item == NULL) {
        PyErr_SetString(PyExc_IndexError, "peek at an empty ring buffer");
    }
    return item;
}

/* first_nonempty(*rings): the first ring that holds an item, or None. */
static PyObject *
ringbuf_first_nonempty(PyObject *module, PyObject *args)
{
    ringbuf_state *st = PyModule_GetState(module);
    PyObject *found = Py_None;

    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *arg = PyTuple_GET_ITEM(args, i);
        if (!Py_IS_TYPE(arg, st->RingType)) {
            PyErr_SetString(PyExc_TypeError, "expected ring buffers");
            return NULL;
        }
        RingObject *ring = (RingObject *)arg;
        Py_BEGIN_CRITICAL_SECTION(ring);
        if (ring->length > 0) {
            found = arg;
            break;                                      // expect: critical-section-misuse {{'break'}} {{'ring'}}
        }
        Py_END_CRITICAL_SECTION();
    }
    return Py_NewRef(found);
}

/* total_length(*rings): closed rings do not count. */
static PyObject *
ringbuf_total_length(PyObject *module, PyObject *args)
{
    ringbuf_state *st = PyModule_GetState(module);
    Py_ssize_t total = 0;

    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *arg = PyTuple_GET_ITEM(args, i);
        if (!Py_IS_TYPE(arg, st->RingType)) {
            PyErr_SetString(PyExc_TypeError, "expected ring buffers");
            return NULL;
        }
        RingObject *ring = (RingObject *)arg;
        Py_BEGIN_CRITICAL_SECTION(ring);
        if (ring->closed) {
            continue;                                   // expect: critical-section-misuse {{'continue'}} {{'ring'}}
        }
        total += ring->length;
        Py_END_CRITICAL_SECTION();
    }
    return PyLong_FromSsize_t(total);
}

/* ---- negatives ---------------------------------------------------------- */

/* Single exit: every error path jumps to a label inside the section. */
static PyObject *
Ring_get(PyObject *op, PyObject *arg)
{
    RingObject *self = (RingObject *)op;
    PyObject *item = NULL;
    Py_ssize_t i = PyLong_AsSsize_t(arg);

    if (i == -1 && PyErr_Occurred()) {
        return NULL;                                    // ok: critical-section-misuse
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->closed) {
        PyErr_SetString(PyExc_ValueError, "ring buffer is closed");
        goto done;                                      // ok: critical-section-misuse
    }
    if (i < 0) {
        i += self->length;
    }
    if (i < 0 || i >= self->length) {
        PyErr_SetString(PyExc_IndexError, "ring buffer index out of range");
        goto done;                                      // ok: critical-section-misuse
    }
    item = Py_NewRef(self->items[(self->head + i) % self->capacity]);
done:
    Py_END_CRITICAL_SECTION();
    return item;                                        // ok: critical-section-misuse
}

/* index_is(obj): position of the first item that is obj, or -1. The loop is
   inside the section, so its break stays inside too. */
static PyObject *
Ring_index_is(PyObject *op, PyObject *obj)
{
    RingObject *self = (RingObject *)op;
    Py_ssize_t pos = -1;

    Py_BEGIN_CRITICAL_SECTION(self);
    for (Py_ssize_t i = 0; i < self->length; i++) {
        if (self->items[(self->head + i) % self->capacity] == obj) {
            pos = i;
            break;                                      // ok: critical-section-misuse
        }
    }
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(pos);
}

/* stat(which): 0 length, 1 capacity, 2 free slots. */
static PyObject *
Ring_stat(PyObject *op, PyObject *arg)
{
    RingObject *self = (RingObject *)op;
    long which = PyLong_AsLong(arg);
    Py_ssize_t value = -1;

    if (which == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    switch (which) {
    case 0:
        value = self->length;
        break;                                          // ok: critical-section-misuse
    case 1:
        value = self->capacity;
        break;                                          // ok: critical-section-misuse
    case 2:
        value = self->capacity - self->length;
        break;                                          // ok: critical-section-misuse
    default:
        break;
    }
    Py_END_CRITICAL_SECTION();
    if (value < 0) {
        PyErr_Format(PyExc_ValueError, "unknown statistic %ld", which);
        return NULL;
    }
    return PyLong_FromSsize_t(value);
}

static PyObject *
Ring_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    RingObject *self = (RingObject *)op;
    PyObject **items;
    Py_ssize_t capacity;

    Py_BEGIN_CRITICAL_SECTION(self);
    items = self->items;
    capacity = self->capacity;
    self->items = NULL;
    self->capacity = 0;
    self->length = 0;
    self->closed = 1;
    Py_END_CRITICAL_SECTION();
    if (items == NULL) {
        Py_RETURN_NONE;                                 // ok: critical-section-misuse
    }
    for (Py_ssize_t i = 0; i < capacity; i++) {
        Py_XDECREF(items[i]);
    }
    PyMem_Free(items);
    Py_RETURN_NONE;
}

/* ---- type and module boilerplate ---------------------------------------- */

static PyObject *
Ring_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"capacity", NULL};
    Py_ssize_t capacity;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "n:Ring", kwlist, &capacity)) {
        return NULL;
    }
    if (capacity <= 0) {
        PyErr_SetString(PyExc_ValueError, "capacity must be positive");
        return NULL;
    }
    RingObject *self = (RingObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->items = PyMem_Calloc((size_t)capacity, sizeof(PyObject *));
    if (self->items == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    self->capacity = capacity;
    return (PyObject *)self;
}

static int
Ring_traverse(PyObject *op, visitproc visit, void *arg)
{
    RingObject *self = (RingObject *)op;
    Py_VISIT(Py_TYPE(op));
    for (Py_ssize_t i = 0; self->items != NULL && i < self->capacity; i++) {
        Py_VISIT(self->items[i]);
    }
    return 0;
}

static void
Ring_dealloc(PyObject *op)
{
    RingObject *self = (RingObject *)op;
    PyTypeObject *tp = Py_TYPE(op);

    PyObject_GC_UnTrack(op);
    for (Py_ssize_t i = 0; self->items != NULL && i < self->capacity; i++) {
        Py_XDECREF(self->items[i]);
    }
    PyMem_Free(self->items);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyMethodDef Ring_methods[] = {
    {"pop", Ring_pop, METH_NOARGS, NULL},
    {"push", Ring_push, METH_O, NULL},
    {"peek", Ring_peek, METH_NOARGS, NULL},
    {"get", Ring_get, METH_O, NULL},
    {"index_is", Ring_index_is, METH_O, NULL},
    {"stat", Ring_stat, METH_O, NULL},
    {"close", Ring_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Ring_slots[] = {
    {Py_tp_new, Ring_new},
    {Py_tp_traverse, Ring_traverse},
    {Py_tp_dealloc, Ring_dealloc},
    {Py_tp_methods, Ring_methods},
    {0, NULL},
};

static PyType_Spec Ring_spec = {
    .name = "_ringbuf.Ring",
    .basicsize = sizeof(RingObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Ring_slots,
};

static int
ringbuf_exec(PyObject *module)
{
    ringbuf_state *st = PyModule_GetState(module);
    st->RingType = (PyTypeObject *)PyType_FromModuleAndSpec(module, &Ring_spec, NULL);
    if (st->RingType == NULL) {
        return -1;
    }
    return PyModule_AddType(module, st->RingType);
}

static int
ringbuf_traverse(PyObject *module, visitproc visit, void *arg)
{
    ringbuf_state *st = PyModule_GetState(module);
    Py_VISIT(st->RingType);
    return 0;
}

static int
ringbuf_clear(PyObject *module)
{
    ringbuf_state *st = PyModule_GetState(module);
    Py_CLEAR(st->RingType);
    return 0;
}

static PyMethodDef ringbuf_methods[] = {
    {"first_nonempty", ringbuf_first_nonempty, METH_VARARGS, NULL},
    {"total_length", ringbuf_total_length, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot ringbuf_slots[] = {
    {Py_mod_exec, ringbuf_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef ringbuf_module = {  // expect: module-gil-declaration {{'_ringbuf'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "_ringbuf",
    .m_size = sizeof(ringbuf_state),
    .m_methods = ringbuf_methods,
    .m_slots = ringbuf_slots,
    .m_traverse = ringbuf_traverse,
    .m_clear = ringbuf_clear,
};

PyMODINIT_FUNC
PyInit__ringbuf(void)
{
    return PyModuleDef_Init(&ringbuf_module);
}
