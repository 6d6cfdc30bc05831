// unlocked-dict-iteration on a dict held in a field of `self`: a Record keeps
// its fields in a dict that set()/delete() change from any thread.
// PyDict_Next does not lock the dict (the HOWTO calls it the notable
// exception), so a concurrent insert or delete can resize the table under
// the loop and free the borrowed key and value. Not reported: loops inside a
// critical section on the dict or on self, which holds it (also through
// Py_BEGIN_CRITICAL_SECTION2), kwargs, and dicts built in this function. A
// critical section on some other object does not protect the dict.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *fields;     /* dict: field name -> value */
} RecordObject;

/* ---- positives ---------------------------------------------------------- */

static PyObject *
Record_keys_upper(RecordObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(self->fields, &pos, &key, &value)) {  // expect: unlocked-dict-iteration {{'self->fields'}} {{Py_BEGIN_CRITICAL_SECTION}}
        PyObject *upper = PyObject_CallMethod(key, "upper", NULL);
        if (upper == NULL || PyList_Append(result, upper) < 0) {
            Py_XDECREF(upper);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(upper);
    }
    return result;
}

/* PyObject *self cast to the struct, and the dict copied to a local. */
static PyObject *
Record_total(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    RecordObject *rec = (RecordObject *)self;
    PyObject *fields = rec->fields;
    PyObject *total = PyLong_FromLong(0);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (total != NULL && PyDict_Next(fields, &pos, &key, &value)) {  // expect: unlocked-dict-iteration {{'fields'}}
        if (PyLong_Check(value)) {
            Py_SETREF(total, PyNumber_Add(total, value));
        }
    }
    return total;
}

/* Locks the destination, not the dict it iterates. */
static PyObject *
Record_export(RecordObject *self, PyObject *target)
{
    if (!PyDict_Check(target)) {
        PyErr_SetString(PyExc_TypeError, "export() needs a dict");
        return NULL;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(target);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (rc == 0 && PyDict_Next(self->fields, &pos, &key, &value)) {  // expect: unlocked-dict-iteration {{'self->fields'}}
        rc = PyDict_SetItem(target, key, value);
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix from the HOWTO: a critical section on the dict around the loop. */
static PyObject *
Record_field_names(RecordObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return NULL;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(self->fields);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (rc == 0 && PyDict_Next(self->fields, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        rc = PyList_Append(names, key);
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        Py_DECREF(names);
        return NULL;
    }
    return names;
}

/* A critical section on self covers the dict it holds. */
static PyObject *
Record_count_none(RecordObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t count = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(self->fields, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        if (value == Py_None) {
            count++;
        }
    }
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(count);
}

/* Two records compared under Py_BEGIN_CRITICAL_SECTION2 on both. */
static PyObject *
Record_same_keys(RecordObject *self, PyObject *other)
{
    if (!PyObject_TypeCheck(other, Py_TYPE(self))) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    RecordObject *that = (RecordObject *)other;
    int same = 1;
    Py_BEGIN_CRITICAL_SECTION2(self, other);
    if (PyDict_GET_SIZE(self->fields) != PyDict_GET_SIZE(that->fields)) {
        same = 0;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (same == 1 && PyDict_Next(self->fields, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        same = PyDict_Contains(that->fields, key);
    }
    Py_END_CRITICAL_SECTION2();
    if (same < 0) {
        return NULL;
    }
    return PyBool_FromLong(same);
}

/* kwargs is private to this call. */
static PyObject *
Record_update(RecordObject *self, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "update() takes keyword arguments only");
        return NULL;
    }
    if (kwargs == NULL) {
        Py_RETURN_NONE;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        if (PyDict_SetItem(self->fields, key, value) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* Iterating a private copy: the copy cannot change under the loop. */
static PyObject *
Record_nonempty(RecordObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *snapshot = PyDict_Copy(self->fields);
    if (snapshot == NULL) {
        return NULL;
    }
    PyObject *result = PyDict_New();
    if (result == NULL) {
        Py_DECREF(snapshot);
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(snapshot, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        int truth = PyObject_IsTrue(value);
        if (truth < 0 || (truth && PyDict_SetItem(result, key, value) < 0)) {
            Py_CLEAR(result);
            break;
        }
    }
    Py_DECREF(snapshot);
    return result;
}

/* A dict built here and iterated before anyone else can see it. */
static PyObject *
Record_from_pairs(RecordObject *self, PyObject *pairs)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    if (PyDict_MergeFromSeq2(d, pairs, 1) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(d, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        if (!PyUnicode_Check(key)) {
            PyErr_Format(PyExc_TypeError, "field names must be str, not %T", key);
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* ---- type and module boilerplate ---------------------------------------- */

static int
Record_init(RecordObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *fields = kwds != NULL ? PyDict_Copy(kwds) : PyDict_New();
    if (fields == NULL) {
        return -1;
    }
    Py_XSETREF(self->fields, fields);
    return 0;
}

static int
Record_traverse(RecordObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->fields);
    return 0;
}

static int
Record_clear(RecordObject *self)
{
    Py_CLEAR(self->fields);
    return 0;
}

static void
Record_dealloc(RecordObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Record_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Record_methods[] = {
    {"keys_upper", (PyCFunction)Record_keys_upper, METH_NOARGS, NULL},
    {"total", Record_total, METH_NOARGS, NULL},
    {"export", (PyCFunction)Record_export, METH_O, NULL},
    {"field_names", (PyCFunction)Record_field_names, METH_NOARGS, NULL},
    {"count_none", (PyCFunction)Record_count_none, METH_NOARGS, NULL},
    {"same_keys", (PyCFunction)Record_same_keys, METH_O, NULL},
    {"update", (PyCFunction)(void (*)(void))Record_update, METH_VARARGS | METH_KEYWORDS, NULL},
    {"nonempty", (PyCFunction)Record_nonempty, METH_NOARGS, NULL},
    {"from_pairs", (PyCFunction)Record_from_pairs, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Record_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Record_init},
    {Py_tp_traverse, Record_traverse},
    {Py_tp_clear, Record_clear},
    {Py_tp_dealloc, Record_dealloc},
    {Py_tp_methods, Record_methods},
    {0, NULL},
};

static PyType_Spec Record_spec = {
    .name = "records.Record",
    .basicsize = sizeof(RecordObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Record_slots,
};

static int
records_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Record_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Record", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot records_slots[] = {
    {Py_mod_exec, records_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef records_module = {  // expect: module-gil-declaration {{'records'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "records",
    .m_size = 0,
    .m_slots = records_slots,
};

PyMODINIT_FUNC
PyInit_records(void)
{
    return PyModuleDef_Init(&records_module);
}
