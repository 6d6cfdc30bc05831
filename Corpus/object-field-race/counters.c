// object-field-race: counters kept in the C fields of a Python object.
//
// `self->count++` is a load, an add and a store. With the GIL, two threads
// calling methods of the same Counter took turns; on free-threaded CPython
// they run at once, interleave the three steps and lose increments (and the
// unsynchronized access is a data race, undefined behavior in C11).
// Fixes: Py_BEGIN_CRITICAL_SECTION(self) (3.13), a mutex held around every
// access, or an atomic field.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *label;            /* str or None, set in tp_init */
    Py_ssize_t count;           /* current value */
    Py_ssize_t total;           /* sum of all increments */
    Py_ssize_t hits;            /* calls to hit() */
    Py_ssize_t step;            /* wrap-around step, set through the 'step' attribute */
    unsigned long generation;   /* bumped whenever 'step' changes */
    Py_ssize_t resets;          /* times __init__ ran */
    PyMutex mutex;              /* guards 'pending' */
    Py_ssize_t pending;
    _Atomic(Py_ssize_t) calls;  /* atomic field: updates cannot be lost */
    Py_ssize_t adds;            /* only updated with _Py_atomic_add_ssize */
} CounterObject;

/* ---- positives ---------------------------------------------------------- */

static PyObject *
Counter_increment(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    self->count++;                      // expect: object-field-race {{'self->count'}} {{'Counter_increment'}}
    self->total += 1;                   // expect: object-field-race {{'self->total'}} {{'Counter_increment'}}
    if (self->step > 0 && self->count >= self->step) {
        /* Same field, same function: reported once, at the first update. */
        self->count -= self->step;      // ok: object-field-race
    }
    return PyLong_FromSsize_t(self->count);
}

static PyObject *
Counter_decrement(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    --self->count;                      // expect: object-field-race {{'self->count'}} {{'Counter_decrement'}}
    return PyLong_FromSsize_t(self->count);
}

static PyObject *
Counter_add(CounterObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    self->count += n;                   // expect: object-field-race {{'self->count'}} {{'Counter_add'}}
    self->total += n;                   // expect: object-field-race {{'self->total'}} {{'Counter_add'}}
    Py_RETURN_NONE;
}

/* METH_VARARGS method declared with PyObject *self: the local copy is self. */
static PyObject *
Counter_hit(PyObject *self, PyObject *args)
{
    CounterObject *c = (CounterObject *)self;
    Py_ssize_t weight = 1;
    if (!PyArg_ParseTuple(args, "|n:hit", &weight)) {
        return NULL;
    }
    c->hits += weight;                  // expect: object-field-race {{'c->hits'}} {{'Counter_hit'}}
    return PyLong_FromSsize_t(c->hits);
}

/* Setter of a PyGetSetDef entry: runs concurrently like any method. */
static int
Counter_set_step(CounterObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete 'step'");
        return -1;
    }
    Py_ssize_t step = PyLong_AsSsize_t(value);
    if (step == -1 && PyErr_Occurred()) {
        return -1;
    }
    self->step = step;                  // ok: object-field-race
    self->generation++;                 // expect: object-field-race {{'self->generation'}} {{'Counter_set_step'}}
    return 0;
}

/* A static helper called from a method runs concurrently too; its first
   parameter is the shared object. */
static void
counter_bump_hits(CounterObject *self, Py_ssize_t n)
{
    self->hits += n;                    // expect: object-field-race {{'self->hits'}} {{'counter_bump_hits'}}
}

static PyObject *
Counter_hit_many(CounterObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    counter_bump_hits(self, n);
    Py_RETURN_NONE;
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
Counter_increment_locked(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t value;
    Py_BEGIN_CRITICAL_SECTION(self);
    self->count++;                      // ok: object-field-race
    self->total += 1;                   // ok: object-field-race
    value = self->count;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(value);
}

static PyObject *
Counter_defer(CounterObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyMutex_Lock(&self->mutex);
    self->pending += n;                 // ok: object-field-race
    PyMutex_Unlock(&self->mutex);
    Py_RETURN_NONE;
}

static PyObject *
Counter_touch(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    self->calls++;                      // ok: object-field-race
    self->calls += 2;                   // ok: object-field-race
    _Py_atomic_add_ssize(&self->adds, 1);   // ok: object-field-race
    Py_RETURN_NONE;
}

/* Plain stores are not read-modify-writes. */
static PyObject *
Counter_reset(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    self->count = 0;                    // ok: object-field-race
    self->total = 0;                    // ok: object-field-race
    Py_RETURN_NONE;
}

/* A new object is private to this call until it is returned. */
static PyObject *
Counter_copy(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    PyTypeObject *tp = Py_TYPE(self);
    CounterObject *copy = (CounterObject *)tp->tp_alloc(tp, 0);
    if (copy == NULL) {
        return NULL;
    }
    copy->label = Py_XNewRef(self->label);
    copy->count = self->count;
    copy->total = self->total;
    copy->generation++;                 // ok: object-field-race
    copy->resets += 1;                  // ok: object-field-race
    return (PyObject *)copy;
}

static PyObject *
Counter_get_value(CounterObject *self, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(self->count);
}

static PyObject *
Counter_get_step(CounterObject *self, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(self->step);
}

/* ---- type boilerplate: lifecycle slots run before or after sharing ------ */

static int
Counter_init(CounterObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *label = Py_None;
    Py_ssize_t start = 0;
    static char *kwlist[] = {"start", "label", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|nO:Counter", kwlist, &start, &label)) {
        return -1;
    }
    Py_XSETREF(self->label, Py_NewRef(label));  // ok: object-field-race
    self->count = start;
    self->total = 0;
    self->resets++;                     // ok: object-field-race
    return 0;
}

static int
Counter_traverse(CounterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->label);              // ok: object-field-race
    return 0;
}

static int
Counter_clear(CounterObject *self)
{
    Py_CLEAR(self->label);              // ok: object-field-race
    return 0;
}

static void
Counter_dealloc(CounterObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->label);              // ok: object-field-race
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyGetSetDef Counter_getset[] = {
    {"value", (getter)Counter_get_value, NULL, "current value", NULL},
    {"step", (getter)Counter_get_step, (setter)Counter_set_step, "wrap-around step", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef Counter_methods[] = {
    {"increment", (PyCFunction)Counter_increment, METH_NOARGS, NULL},
    {"decrement", (PyCFunction)Counter_decrement, METH_NOARGS, NULL},
    {"add", (PyCFunction)Counter_add, METH_O, NULL},
    {"hit", Counter_hit, METH_VARARGS, NULL},
    {"hit_many", (PyCFunction)Counter_hit_many, METH_O, NULL},
    {"increment_locked", (PyCFunction)Counter_increment_locked, METH_NOARGS, NULL},
    {"defer", (PyCFunction)Counter_defer, METH_O, NULL},
    {"touch", (PyCFunction)Counter_touch, METH_NOARGS, NULL},
    {"reset", (PyCFunction)Counter_reset, METH_NOARGS, NULL},
    {"copy", (PyCFunction)Counter_copy, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Counter_init},
    {Py_tp_traverse, Counter_traverse},
    {Py_tp_clear, Counter_clear},
    {Py_tp_dealloc, Counter_dealloc},
    {Py_tp_methods, Counter_methods},
    {Py_tp_getset, Counter_getset},
    {0, NULL},
};

static PyType_Spec Counter_spec = {
    .name = "counters.Counter",
    .basicsize = sizeof(CounterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Counter_slots,
};

/* Called only from counters_exec: init-only, the object is not shared yet. */
static void
counter_preset(CounterObject *self, Py_ssize_t n)
{
    self->count += n;                   // ok: object-field-race
    self->total += n;                   // ok: object-field-race
}

static int
counters_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Counter_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "Counter", type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    PyObject *shared = PyObject_CallNoArgs(type);
    Py_DECREF(type);
    if (shared == NULL) {
        return -1;
    }
    counter_preset((CounterObject *)shared, 100);
    return PyModule_Add(module, "shared", shared);
}

static PyModuleDef_Slot counters_slots[] = {
    {Py_mod_exec, counters_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef counters_module = {  // expect: module-gil-declaration {{'counters'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "counters",
    .m_slots = counters_slots,
};

PyMODINIT_FUNC
PyInit_counters(void)
{
    return PyModuleDef_Init(&counters_module);
}
