// refcount-uniqueness-check: reusing an argument or a field's object when its
// reference count says nobody else holds it.
//
// Arguments: from CPython 3.14 the interpreter can pass objects without a new
// reference, so a count of 1 no longer means "temporary"; use
// PyUnstable_Object_IsUniqueReferencedTemporary (3.14). Fields: copy-on-write
// buffers hand out references to readers; on free-threaded CPython a reader
// in another thread can take one right after the test, and a critical section
// on the owner does not stop that.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *data;     /* bytes, shared with readers until the next write */
} BufferObject;

/* ---- positives ---------------------------------------------------------- */

/* extended(lst, items): extends lst in place when it looks temporary. */
static PyObject *
listops_extended(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "extended(list, iterable)");
        return NULL;
    }
    PyObject *result;
    if (PyList_CheckExact(args[0]) && Py_REFCNT(args[0]) == 1) {    // expect: refcount-uniqueness-check {{'args[0]'}}
        result = Py_NewRef(args[0]);
    }
    else if ((result = PySequence_List(args[0])) == NULL) {
        return NULL;
    }
    PyObject *tail = PySequence_InPlaceConcat(result, args[1]);
    Py_DECREF(result);
    return tail;
}

/* sorted_(lst): sorts a temporary list in place instead of copying it. */
static PyObject *
listops_sorted(PyObject *module, PyObject *lst)
{
    PyObject *result;
    if (PyList_CheckExact(lst) && Py_REFCNT(lst) == 1) {            // expect: refcount-uniqueness-check {{'lst'}}
        result = Py_NewRef(lst);
    }
    else if ((result = PySequence_List(lst)) == NULL) {
        return NULL;
    }
    if (PyList_Sort(result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* Buffer.fill(byte): writes into the bytes object directly when no reader
   holds it. The critical section serializes writers, not readers. */
static PyObject *
Buffer_fill(BufferObject *self, PyObject *arg)
{
    long byte = PyLong_AsLong(arg);
    if (byte == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int ok = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->data != NULL && Py_REFCNT(self->data) == 1) {         // expect: refcount-uniqueness-check {{'self->data'}}
        memset(PyBytes_AS_STRING(self->data), (int)byte, (size_t)PyBytes_GET_SIZE(self->data));
        ok = 1;
    }
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        PyErr_SetString(PyExc_BufferError, "buffer is shared; use replace()");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The count is kept in a local first: still the same test, but the rule only
   recognizes Py_REFCNT(...) inside the comparison. */
static PyObject *
Buffer_is_private(BufferObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t refs;
    Py_BEGIN_CRITICAL_SECTION(self);
    refs = Py_REFCNT(self->data);
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(refs == 1);                              // todo-expect: refcount-uniqueness-check
}

/* ---- negatives ---------------------------------------------------------- */

/* 3.14: the argument is a temporary only if this says so; 3.13: copy. */
static PyObject *
listops_reversed(PyObject *module, PyObject *lst)
{
    PyObject *result = NULL;
#if PY_VERSION_HEX >= 0x030E0000
    if (PyList_CheckExact(lst) && PyUnstable_Object_IsUniqueReferencedTemporary(lst)) {  // ok: refcount-uniqueness-check
        result = Py_NewRef(lst);
    }
#endif
    if (result == NULL && (result = PySequence_List(lst)) == NULL) {
        return NULL;
    }
    if (PyList_Reverse(result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* Shortcut compiled only for the GIL build. */
static PyObject *
listops_doubled(PyObject *module, PyObject *lst)
{
    PyObject *result = NULL;
#if !defined(Py_GIL_DISABLED)
    if (PyList_CheckExact(lst) && Py_REFCNT(lst) == 1) {            // ok: refcount-uniqueness-check
        result = Py_NewRef(lst);
    }
#endif
    if (result == NULL && (result = PySequence_List(lst)) == NULL) {
        return NULL;
    }
    PyObject *twice = PySequence_InPlaceRepeat(result, 2);
    Py_DECREF(result);
    return twice;
}

/* Buffer.replace(bytes): always swaps in a new object; readers keep the old. */
static PyObject *
Buffer_replace(BufferObject *self, PyObject *arg)
{
    if (!PyBytes_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "expected bytes");
        return NULL;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(self);
    old = self->data;
    self->data = Py_NewRef(arg);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Buffer_get_data(BufferObject *self, void *Py_UNUSED(closure))
{
    PyObject *data;
    Py_BEGIN_CRITICAL_SECTION(self);
    data = Py_XNewRef(self->data);
    Py_END_CRITICAL_SECTION();
    if (data == NULL) {
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    return data;
}

static int
Buffer_init(BufferObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t size = 0;
    static char *kwlist[] = {"size", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|n:Buffer", kwlist, &size)) {
        return -1;
    }
    PyObject *data = PyBytes_FromStringAndSize(NULL, size);
    if (data == NULL) {
        return -1;
    }
    memset(PyBytes_AS_STRING(data), 0, (size_t)size);
    Py_XSETREF(self->data, data);
    return 0;
}

static void
Buffer_dealloc(BufferObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_CLEAR(self->data);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Buffer_methods[] = {
    {"fill", (PyCFunction)Buffer_fill, METH_O, NULL},
    {"is_private", (PyCFunction)Buffer_is_private, METH_NOARGS, NULL},
    {"replace", (PyCFunction)Buffer_replace, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Buffer_getset[] = {
    {"data", (getter)Buffer_get_data, NULL, "the current bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot Buffer_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Buffer_init},
    {Py_tp_dealloc, Buffer_dealloc},
    {Py_tp_methods, Buffer_methods},
    {Py_tp_getset, Buffer_getset},
    {0, NULL},
};

static PyType_Spec Buffer_spec = {
    .name = "listops.Buffer",
    .basicsize = sizeof(BufferObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Buffer_slots,
};

static PyMethodDef listops_methods[] = {
    {"extended", (PyCFunction)(void (*)(void))listops_extended, METH_FASTCALL, NULL},
    {"sorted_", listops_sorted, METH_O, NULL},
    {"reversed_", listops_reversed, METH_O, NULL},
    {"doubled", listops_doubled, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static int
listops_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Buffer_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Buffer", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot listops_slots[] = {
    {Py_mod_exec, listops_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef listops_module = {  // expect: module-gil-declaration {{'listops'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "listops",
    .m_methods = listops_methods,
    .m_slots = listops_slots,
};

PyMODINIT_FUNC
PyInit_listops(void)
{
    return PyModuleDef_Init(&listops_module);
}
