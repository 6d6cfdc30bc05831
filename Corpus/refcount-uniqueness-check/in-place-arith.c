// refcount-uniqueness-check: "steal the operand if nobody else holds it".
//
// A vector type reuses an operand's buffer when its reference count is 1, as
// CPython did for str concatenation. On free-threaded CPython the count is
// split between the owning thread and a shared counter, and another thread
// can take a new reference (from a list, a dict or a borrowed pointer) right
// after the test, so Py_REFCNT(o) == 1 no longer proves that the object is
// private: the in-place update is then visible to, and races with, the other
// holder. Fix: PyUnstable_Object_IsUniquelyReferenced (3.14) or always copy.
#include <Python.h>
#include <assert.h>
#include <math.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t n;
    double *data;       /* PyMem_Malloc'ed, n items */
} VecObject;

static PyTypeObject Vec_Type;

#define Vec_Check(op) PyObject_TypeCheck((op), &Vec_Type)

static VecObject *
vec_alloc(Py_ssize_t n)
{
    VecObject *v = PyObject_New(VecObject, &Vec_Type);
    if (v == NULL) {
        return NULL;
    }
    v->n = n;
    v->data = PyMem_Calloc(n > 0 ? (size_t)n : 1, sizeof(double));
    if (v->data == NULL) {
        Py_DECREF(v);
        return (VecObject *)PyErr_NoMemory();
    }
    return v;
}

static VecObject *
vec_copy(VecObject *src)
{
    VecObject *v = vec_alloc(src->n);
    if (v != NULL) {
        memcpy(v->data, src->data, (size_t)src->n * sizeof(double));
    }
    return v;
}

/* ---- positives ---------------------------------------------------------- */

static PyObject *
Vec_add(PyObject *a, PyObject *b)
{
    if (!Vec_Check(a) || !Vec_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    VecObject *va = (VecObject *)a, *vb = (VecObject *)b;
    if (va->n != vb->n) {
        PyErr_SetString(PyExc_ValueError, "length mismatch");
        return NULL;
    }
    VecObject *r;
    if (Py_REFCNT(a) == 1) {                    // expect: refcount-uniqueness-check {{'a'}}
        r = (VecObject *)Py_NewRef(a);          /* a temporary, as in x + y + z: reuse it */
    }
    else if ((r = vec_copy(va)) == NULL) {
        return NULL;
    }
    double *d = r->data;
    const double *e = vb->data;
    for (Py_ssize_t i = 0; i < r->n; i++) {
        d[i] += e[i];
    }
    return (PyObject *)r;
}

static PyObject *
Vec_mul(PyObject *a, PyObject *b)
{
    if (!Vec_Check(a) || !PyFloat_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    double k = PyFloat_AS_DOUBLE(b);
    VecObject *r;
    if (1 == Py_REFCNT(a)) {                    // expect: refcount-uniqueness-check {{'a'}}
        r = (VecObject *)Py_NewRef(a);
    }
    else if ((r = vec_copy((VecObject *)a)) == NULL) {
        return NULL;
    }
    double *d = r->data;
    for (Py_ssize_t i = 0; i < r->n; i++) {
        d[i] *= k;
    }
    return (PyObject *)r;
}

static PyObject *
Vec_negative(PyObject *self)
{
    VecObject *r;
    if (Py_REFCNT(self) <= 1) {                 // expect: refcount-uniqueness-check {{'self'}}
        r = (VecObject *)Py_NewRef(self);
    }
    else if ((r = vec_copy((VecObject *)self)) == NULL) {
        return NULL;
    }
    double *d = r->data;
    for (Py_ssize_t i = 0; i < r->n; i++) {
        d[i] = -d[i];
    }
    return (PyObject *)r;
}

static PyObject *
Vec_absolute(PyObject *self)
{
    VecObject *r;
    if (Py_REFCNT(self) < 2) {                  // expect: refcount-uniqueness-check {{'self'}}
        r = (VecObject *)Py_NewRef(self);
    }
    else if ((r = vec_copy((VecObject *)self)) == NULL) {
        return NULL;
    }
    double *d = r->data;
    for (Py_ssize_t i = 0; i < r->n; i++) {
        d[i] = fabs(d[i]);
    }
    return (PyObject *)r;
}

/* normalize(v): copy-on-write, spelled the other way round. */
static PyObject *
vec_normalize(PyObject *module, PyObject *v)
{
    if (!Vec_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "expected a Vec");
        return NULL;
    }
    VecObject *r;
    if (Py_REFCNT(v) > 1) {                     // expect: refcount-uniqueness-check {{'v'}}
        if ((r = vec_copy((VecObject *)v)) == NULL) {
            return NULL;
        }
    }
    else {
        r = (VecObject *)Py_NewRef(v);
    }
    double *d = r->data, norm = 0.0;
    for (Py_ssize_t i = 0; i < r->n; i++) {
        norm += d[i] * d[i];
    }
    norm = sqrt(norm);
    for (Py_ssize_t i = 0; norm > 0.0 && i < r->n; i++) {
        d[i] /= norm;
    }
    return (PyObject *)r;
}

/* clip(v, lo, hi) */
static PyObject *
vec_clip(PyObject *module, PyObject *args)
{
    PyObject *v;
    double lo, hi;
    if (!PyArg_ParseTuple(args, "O!dd:clip", &Vec_Type, &v, &lo, &hi)) {
        return NULL;
    }
    VecObject *r;
    if (Py_REFCNT(v) != 1) {                    // expect: refcount-uniqueness-check {{'v'}}
        if ((r = vec_copy((VecObject *)v)) == NULL) {
            return NULL;
        }
    }
    else {
        r = (VecObject *)Py_NewRef(v);
    }
    double *d = r->data;
    for (Py_ssize_t i = 0; i < r->n; i++) {
        d[i] = d[i] < lo ? lo : (d[i] > hi ? hi : d[i]);
    }
    return (PyObject *)r;
}

/* ---- negatives ---------------------------------------------------------- */

/* The safe test on 3.14; on 3.13 always copy. */
static PyObject *
Vec_positive(PyObject *self)
{
#if PY_VERSION_HEX >= 0x030E0000
    if (PyUnstable_Object_IsUniquelyReferenced(self)) { // ok: refcount-uniqueness-check
        return Py_NewRef(self);
    }
#endif
    return (PyObject *)vec_copy((VecObject *)self);
}

/* The shortcut is kept for the GIL build only: in the free-threaded build
   (the one gilcheck analyzes) this code does not exist. */
static PyObject *
vec_scaled(PyObject *module, PyObject *args)
{
    PyObject *v;
    double k;
    if (!PyArg_ParseTuple(args, "O!d:scaled", &Vec_Type, &v, &k)) {
        return NULL;
    }
    VecObject *r = NULL;
#ifndef Py_GIL_DISABLED
    if (Py_REFCNT(v) == 1) {                    // ok: refcount-uniqueness-check
        r = (VecObject *)Py_NewRef(v);
    }
#endif
    if (r == NULL && (r = vec_copy((VecObject *)v)) == NULL) {
        return NULL;
    }
    double *d = r->data;
    for (Py_ssize_t i = 0; i < r->n; i++) {
        d[i] *= k;
    }
    return (PyObject *)r;
}

/* zeros(n): a fresh object; the assert documents an invariant, it does not
   decide anything (and is compiled out with NDEBUG). */
static PyObject *
vec_zeros(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    VecObject *r = vec_alloc(n);
    if (r == NULL) {
        return NULL;
    }
    assert(Py_REFCNT(r) == 1);                  // ok: refcount-uniqueness-check
    return (PyObject *)r;
}

/* Debugging helpers: reference counts reported, not used to decide a
   mutation. */
static PyObject *
vec_debug_refs(PyObject *module, PyObject *v)
{
    Py_ssize_t refs = Py_REFCNT(v);             // ok: refcount-uniqueness-check
    if (Py_REFCNT(v) > 1000000) {               // ok: refcount-uniqueness-check
        return PyUnicode_FromString("immortal");
    }
    if (Py_REFCNT(v) == 0) {                    // ok: refcount-uniqueness-check
        return PyUnicode_FromString("dead");
    }
    return PyUnicode_FromFormat("%zd references", refs);
}

static void
Vec_dealloc(VecObject *self)
{
    PyMem_Free(self->data);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyNumberMethods Vec_as_number = {
    .nb_add = Vec_add,
    .nb_multiply = Vec_mul,
    .nb_negative = Vec_negative,
    .nb_positive = Vec_positive,
    .nb_absolute = Vec_absolute,
};

static PyTypeObject Vec_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "vecs.Vec",
    .tp_basicsize = sizeof(VecObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Vec_dealloc,
    .tp_as_number = &Vec_as_number,
};

/* Called only from vecs_exec: the defaults tuple is not published yet. */
static int
fill_unit(PyObject *unit)
{
    if (Py_REFCNT(unit) == 1) {                 // ok: refcount-uniqueness-check
        double *d = ((VecObject *)unit)->data;
        d[0] = 1.0;
        return 0;
    }
    return -1;
}

static int
vecs_exec(PyObject *module)
{
    if (PyType_Ready(&Vec_Type) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "Vec", (PyObject *)&Vec_Type) < 0) {
        return -1;
    }
    PyObject *unit = (PyObject *)vec_alloc(3);
    if (unit == NULL) {
        return -1;
    }
    if (fill_unit(unit) < 0) {
        Py_DECREF(unit);
        PyErr_SetString(PyExc_RuntimeError, "unit vector is shared");
        return -1;
    }
    return PyModule_Add(module, "unit_x", unit);
}

static PyMethodDef vecs_methods[] = {
    {"normalize", vec_normalize, METH_O, NULL},
    {"clip", vec_clip, METH_VARARGS, NULL},
    {"scaled", vec_scaled, METH_VARARGS, NULL},
    {"zeros", vec_zeros, METH_O, NULL},
    {"_debug_refs", vec_debug_refs, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot vecs_slots[] = {
    {Py_mod_exec, vecs_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef vecs_module = {  // expect: module-gil-declaration {{'vecs'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "vecs",
    .m_methods = vecs_methods,
    .m_slots = vecs_slots,
};

PyMODINIT_FUNC
PyInit_vecs(void)
{
    return PyModuleDef_Init(&vecs_module);
}
