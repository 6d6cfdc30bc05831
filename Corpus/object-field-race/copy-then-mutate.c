/*
 * Persistent structures copy, then change the copy (pyrsistent's extendWithItem): the copy is
 * a new object until it is returned, so updating its fields races with nothing.
 */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t count;
    Py_ssize_t shift;
} VecObject;

static PyTypeObject *Vec_Type;

static VecObject *
copy_vec(VecObject *original)
{
    VecObject *copy = PyObject_New(VecObject, Vec_Type);
    if (copy == NULL) {
        return NULL;
    }
    copy->count = original->count;
    copy->shift = original->shift;
    return copy;
}

/* Every caller passes a vector it just copied. */
static void
grow(VecObject *vec)
{
    vec->count++;      // ok: object-field-race
    vec->shift += 5;   // ok: object-field-race
}

static PyObject *
Vec_append(VecObject *self, PyObject *item)
{
    VecObject *result = copy_vec(self);
    if (result == NULL) {
        return NULL;
    }
    grow(result);
    result->count += 1;   // ok: object-field-race
    return (PyObject *)result;
}

/* Mutating self itself is the race. */
static PyObject *
Vec_append_in_place(VecObject *self, PyObject *item)
{
    self->count++;   // expect: object-field-race {{'self->count'}}
    Py_RETURN_NONE;
}

static PyMethodDef Vec_methods[] = {
    {"append", (PyCFunction)Vec_append, METH_O, NULL},
    {"append_in_place", (PyCFunction)Vec_append_in_place, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Vec_slots[] = {
    {Py_tp_methods, Vec_methods},
    {0, NULL},
};

static PyType_Spec Vec_spec = {
    .name = "copyvec.Vec",
    .basicsize = sizeof(VecObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Vec_slots,
};

static int
copyvec_exec(PyObject *module)
{
    Vec_Type = (PyTypeObject *)PyType_FromSpec(&Vec_spec);
    return Vec_Type == NULL ? -1 : PyModule_AddType(module, Vec_Type);
}

static PyModuleDef_Slot copyvec_slots[] = {
    {Py_mod_exec, copyvec_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef copyvec_module = {  // expect: module-gil-declaration {{'copyvec'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "copyvec",
    .m_slots = copyvec_slots,
};

PyMODINIT_FUNC
PyInit_copyvec(void)
{
    return PyModuleDef_Init(&copyvec_module);
}
