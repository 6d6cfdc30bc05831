/*
 * _vec: two small object types that recycle their instances.
 *
 * Vec keeps the classic free list (`static PyObject *free_list[N]; static int
 * numfree;`): concurrent push/pop hands the same block to two threads.
 * Mat keeps the same free list only in the default build and compiles it out
 * in the free-threaded build, as CPython's own free lists are per thread there.
 */
#include <Python.h>

#define VEC_MAXFREELIST 80
#define MAT_MAXFREELIST 16

typedef struct {
    PyObject_HEAD
    double x, y, z;
} VecObject;

typedef struct {
    PyObject_HEAD
    double m[9];
} MatObject;

static PyObject *free_list[VEC_MAXFREELIST];
static int numfree;

#ifndef Py_GIL_DISABLED
static PyObject *mat_free_list[MAT_MAXFREELIST];
static int mat_numfree;
#endif

static void
Vec_dealloc(VecObject *op)
{
    if (numfree < VEC_MAXFREELIST) {
        free_list[numfree] = (PyObject *)op;                    // expect: static-mutable-state {{'free_list'}}
        numfree++;                                              // expect: static-mutable-state {{'numfree'}}
        return;
    }
    Py_TYPE(op)->tp_free((PyObject *)op);
}

static PyObject *
Vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    VecObject *op;
    double x = 0, y = 0, z = 0;

    if (!PyArg_ParseTuple(args, "|ddd:Vec", &x, &y, &z)) {
        return NULL;
    }
    /* Pop from the free list. Not a lazy initialization: the branch runs
       when the list is non-empty. */
    if (numfree) {                                              // ok: lazy-static-init
        numfree--;
        op = (VecObject *)free_list[numfree];
        (void)PyObject_Init((PyObject *)op, type);
    }
    else {
        op = (VecObject *)type->tp_alloc(type, 0);
        if (op == NULL) {
            return NULL;
        }
    }
    op->x = x;
    op->y = y;
    op->z = z;
    return (PyObject *)op;
}

static void
Mat_dealloc(MatObject *op)
{
#ifndef Py_GIL_DISABLED
    if (mat_numfree < MAT_MAXFREELIST) {
        mat_free_list[mat_numfree] = (PyObject *)op;            // ok: static-mutable-state
        mat_numfree++;                                          // ok: static-mutable-state
        return;
    }
#endif
    Py_TYPE(op)->tp_free((PyObject *)op);
}

static PyObject *
Mat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    MatObject *op;

#ifndef Py_GIL_DISABLED
    if (mat_numfree > 0) {
        op = (MatObject *)mat_free_list[--mat_numfree];         // ok: static-mutable-state
        (void)PyObject_Init((PyObject *)op, type);
    }
    else
#endif
    {
        op = (MatObject *)type->tp_alloc(type, 0);
        if (op == NULL) {
            return NULL;
        }
    }
    memset(op->m, 0, sizeof(op->m));
    return (PyObject *)op;
}

static PyTypeObject Vec_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_vec.Vec",
    .tp_basicsize = sizeof(VecObject),
    .tp_dealloc = (destructor)Vec_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Vec_new,
};

static PyTypeObject Mat_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_vec.Mat",
    .tp_basicsize = sizeof(MatObject),
    .tp_dealloc = (destructor)Mat_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Mat_new,
};

static struct PyModuleDef vec_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_vec",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__vec(void)
{
    PyObject *m;

    if (PyType_Ready(&Vec_Type) < 0 || PyType_Ready(&Mat_Type) < 0) {
        return NULL;
    }
    m = PyModule_Create(&vec_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Vec", (PyObject *)&Vec_Type) < 0
        || PyModule_AddObjectRef(m, "Mat", (PyObject *)&Mat_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
