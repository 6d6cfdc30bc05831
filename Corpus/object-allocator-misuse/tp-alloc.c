// object-allocator-misuse traps: the object allocator used for Python
// objects, which is what it is for.
//
// - a custom tp_alloc (PyType_Slot {Py_tp_alloc, fn} or the tp_alloc field of
//   a static type) allocating the object itself;
// - results stored in a PyObject * or in a pointer to a struct that starts
//   with PyObject_HEAD / PyObject_VAR_HEAD (an object built by hand and
//   initialized with PyObject_Init / PyObject_InitVar);
// - PyObject_Free of such objects (tp_free);
// - PyMem_* for everything else.
// A buffer allocated next to the object is still reported.
#include <Python.h>
#include <stddef.h>
#include <string.h>

/* ---- a heap type with a custom allocator (PyType_Slot) ------------------ */

typedef struct {
    PyObject_HEAD
    double x;
    double y;
    char *tag;              /* optional label, PyMem_Malloc'ed */
} PointObject;

/* Zeroed memory from the object allocator, no GC header (not a GC type). */
static PyObject *
Point_alloc(PyTypeObject *type, Py_ssize_t nitems)
{
    void *mem = PyObject_Calloc(1, (size_t)type->tp_basicsize);    // ok: object-allocator-misuse
    if (mem == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *op = (PyObject *)mem;
    PyObject_Init(op, type);
    return op;
}

static void
Point_free(void *self)
{
    PyObject_Free(self);                                            // ok: object-allocator-misuse
}

static PyObject *
Point_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    double x = 0.0, y = 0.0;
    const char *tag = NULL;
    static char *kwlist[] = {"x", "y", "tag", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|dds:Point", kwlist, &x, &y, &tag)) {
        return NULL;
    }
    PointObject *self = (PointObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->x = x;
    self->y = y;
    if (tag != NULL) {
        size_t n = strlen(tag) + 1;
        self->tag = PyObject_Malloc(n);                             // expect: object-allocator-misuse {{tag'}} {{PyMem_Malloc}}
        if (self->tag == NULL) {
            Py_DECREF(self);
            return PyErr_NoMemory();
        }
        memcpy(self->tag, tag, n);
    }
    return (PyObject *)self;
}

static void
Point_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PointObject *self = (PointObject *)op;
    PyObject_Free(self->tag);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *
Point_repr(PyObject *op)
{
    PointObject *self = (PointObject *)op;
    char buf[64];
    PyOS_snprintf(buf, sizeof(buf), "Point(%g, %g)", self->x, self->y);
    return PyUnicode_FromString(buf);
}

static PyType_Slot Point_slots[] = {
    {Py_tp_alloc, Point_alloc},
    {Py_tp_free, Point_free},
    {Py_tp_new, Point_new},
    {Py_tp_dealloc, Point_dealloc},
    {Py_tp_repr, Point_repr},
    {0, NULL},
};

static PyType_Spec Point_spec = {
    .name = "geom.Point",
    .basicsize = sizeof(PointObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Point_slots,
};

/* ---- a static variable-size type: tp_alloc field, objects built by hand - */

typedef struct {
    PyObject_VAR_HEAD
    double coords[1];       /* ob_size items */
} PolylineObject;

static PyTypeObject Polyline_Type;

static PyObject *
Polyline_alloc(PyTypeObject *type, Py_ssize_t nitems)
{
    size_t size = (size_t)type->tp_basicsize + (size_t)nitems * (size_t)type->tp_itemsize;
    PolylineObject *op = (PolylineObject *)PyObject_Malloc(size);   // ok: object-allocator-misuse
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    memset(op, 0, size);
    PyObject_InitVar((PyVarObject *)op, type, nitems);
    return (PyObject *)op;
}

/* polyline(iterable): grows the object as floats arrive, then publishes it.
   Until it is returned nobody else can see it, so PyObject_Realloc on the
   object itself is fine (CPython's _PyBytes_Resize does the same). */
static PyObject *
geom_polyline(PyObject *module, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    Py_ssize_t cap = 4, n = 0;
    size_t head = offsetof(PolylineObject, coords);
    PolylineObject *line = PyObject_Malloc(head + (size_t)cap * sizeof(double));  // ok: object-allocator-misuse
    if (line == NULL) {
        Py_DECREF(it);
        return PyErr_NoMemory();
    }
    memset(line, 0, head);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        double v = PyFloat_AsDouble(item);
        Py_DECREF(item);
        if (v == -1.0 && PyErr_Occurred()) {
            break;
        }
        if (n == cap) {
            cap *= 2;
            PolylineObject *bigger = PyObject_Realloc(line, head + (size_t)cap * sizeof(double));  // ok: object-allocator-misuse
            if (bigger == NULL) {
                PyErr_NoMemory();
                break;
            }
            line = bigger;
        }
        line->coords[n++] = v;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        PyObject_Free(line);                                        // ok: object-allocator-misuse
        return NULL;
    }
    PyObject_InitVar((PyVarObject *)line, &Polyline_Type, n);
    return (PyObject *)line;
}

/* A bare PyObject * from the object allocator. */
static PyObject *
geom_origin(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyTypeObject *tp = &Polyline_Type;
    PyObject *op = PyObject_Malloc((size_t)tp->tp_basicsize);      // ok: object-allocator-misuse
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    memset(op, 0, (size_t)tp->tp_basicsize);
    PyObject_InitVar((PyVarObject *)op, tp, 0);
    return op;
}

static Py_ssize_t
Polyline_length(PyObject *op)
{
    return Py_SIZE(op);
}

static PyObject *
Polyline_item(PyObject *op, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return PyFloat_FromDouble(((PolylineObject *)op)->coords[i]);
}

static void
Polyline_dealloc(PyObject *op)
{
    Py_TYPE(op)->tp_free(op);
}

static PySequenceMethods Polyline_as_sequence = {
    .sq_length = Polyline_length,
    .sq_item = Polyline_item,
};

static PyTypeObject Polyline_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "geom.Polyline",
    .tp_basicsize = offsetof(PolylineObject, coords),
    .tp_itemsize = sizeof(double),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_alloc = Polyline_alloc,
    .tp_free = PyObject_Free,
    .tp_dealloc = Polyline_dealloc,
    .tp_as_sequence = &Polyline_as_sequence,
};

static PyMethodDef geom_methods[] = {
    {"polyline", geom_polyline, METH_O, "Build a Polyline from an iterable of floats."},
    {"origin", geom_origin, METH_NOARGS, "An empty Polyline."},
    {NULL, NULL, 0, NULL},
};

static int
geom_exec(PyObject *module)
{
    if (PyType_Ready(&Polyline_Type) < 0) {
        return -1;
    }
    if (PyModule_AddType(module, &Polyline_Type) < 0) {
        return -1;
    }
    PyObject *point = PyType_FromModuleAndSpec(module, &Point_spec, NULL);
    if (point == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Point", point);
    Py_DECREF(point);
    return rc;
}

static PyModuleDef_Slot geom_slots[] = {
    {Py_mod_exec, geom_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef geom_module = {  // expect: module-gil-declaration {{'geom'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "geom",
    .m_methods = geom_methods,
    .m_slots = geom_slots,
};

PyMODINIT_FUNC
PyInit_geom(void)
{
    return PyModuleDef_Init(&geom_module);
}
