/*
 * A cached hash on self: two threads that both find it unset compute the same value and store
 * it; nothing leaks and no reference is replaced (zope.interface IB_hash, immutables
 * map_py_hash). Object references cached the same way are the rule's concern.
 */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *module;
    Py_hash_t cached_hash;      /* -1 until computed */
    long cached_length;         /* 0 until computed */
    PyObject *cached_repr;      /* NULL until computed */
} SpecObject;

static Py_hash_t
Spec_hash(PyObject *op)
{
    SpecObject *self = (SpecObject *)op;
    if (self->cached_hash != -1) {              // ok: shared-object-check-then-act
        return self->cached_hash;
    }
    PyObject *tuple = PyTuple_Pack(2, self->name, self->module);
    if (tuple == NULL) {
        return -1;
    }
    self->cached_hash = PyObject_Hash(tuple);
    Py_DECREF(tuple);
    return self->cached_hash;
}

static PyObject *
Spec_length(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    SpecObject *self = (SpecObject *)op;
    if (!self->cached_length) {                 // ok: shared-object-check-then-act
        self->cached_length = (long)PyObject_Length(self->name);
    }
    return PyLong_FromLong(self->cached_length);
}

static PyObject *
Spec_repr(PyObject *op)
{
    SpecObject *self = (SpecObject *)op;
    if (self->cached_repr == NULL) {            // expect: shared-object-check-then-act {{'self->cached_repr'}}
        self->cached_repr = PyUnicode_FromFormat("<Spec %R>", self->name);
    }
    return Py_XNewRef(self->cached_repr);
}

static PyMethodDef Spec_methods[] = {
    {"length", Spec_length, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Spec_slots[] = {
    {Py_tp_hash, Spec_hash},
    {Py_tp_repr, Spec_repr},
    {Py_tp_methods, Spec_methods},
    {0, NULL},
};

static PyType_Spec Spec_spec = {
    .name = "scalar.Spec",
    .basicsize = sizeof(SpecObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Spec_slots,
};

static int
scalar_exec(PyObject *module)
{
    return PyModule_AddType(module, (PyTypeObject *)PyType_FromSpec(&Spec_spec));
}

static PyModuleDef_Slot scalar_slots[] = {
    {Py_mod_exec, scalar_exec},
    {0, NULL},
};

static struct PyModuleDef scalar_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT, .m_name = "scalar", .m_size = 0, .m_slots = scalar_slots,
};

PyMODINIT_FUNC
PyInit_scalar(void)
{
    return PyModuleDef_Init(&scalar_module);
}
