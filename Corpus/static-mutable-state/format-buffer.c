/*
 * _point: repr and error texts built in static buffers. A static buffer
 * filled by snprintf/strcpy/memcpy and then returned is shared by every
 * thread: one thread can overwrite it while another is still reading it.
 */
#include <Python.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    double x;
    double y;
} PointObject;

static char repr_buf[256];
static char errbuf[512];
static char path_buf[1024];
static unsigned char scratch[64];
static char tag_buf[32];

static const char *
describe_error(int code)
{
    /* Returns a pointer into a static buffer: the old non-reentrant idiom. */
    sprintf(errbuf, "point error %d", code);                        // expect: static-mutable-state {{'errbuf'}}
    return errbuf;
}

static PyObject *
Point_repr(PointObject *self)
{
    snprintf(repr_buf, sizeof(repr_buf), "Point(%g, %g)", self->x, self->y);  // expect: static-mutable-state {{'repr_buf'}}
    return PyUnicode_FromString(repr_buf);
}

static PyObject *
Point_str(PointObject *self)
{
    /* A buffer on the stack is private to the call. */
    char buf[64];

    snprintf(buf, sizeof(buf), "(%g, %g)", self->x, self->y);       // ok: static-mutable-state
    return PyUnicode_FromString(buf);
}

static PyObject *
Point_tag(PointObject *self, PyObject *Py_UNUSED(ignored))
{
    /* CPython's portable snprintf writes its destination like snprintf. */
    PyOS_snprintf(tag_buf, sizeof(tag_buf), "pt@%p", (void *)self);   // expect: static-mutable-state {{'tag_buf'}}
    return PyUnicode_FromString(tag_buf);
}

static PyObject *
Point_validate(PointObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->x != self->x || self->y != self->y) {
        PyErr_SetString(PyExc_ValueError, describe_error(1));
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
Point_save(PointObject *self, PyObject *arg)
{
    const char *dir = PyUnicode_AsUTF8(arg);

    if (dir == NULL) {
        return NULL;
    }
    strcpy(path_buf, dir);                                          // expect: static-mutable-state {{'path_buf'}}
    strcat(path_buf, "/point.bin");
    memcpy(scratch, &self->x, sizeof(self->x));                     // expect: static-mutable-state {{'scratch'}}
    memcpy(scratch + sizeof(self->x), &self->y, sizeof(self->y));
    return PyBytes_FromStringAndSize((const char *)scratch, 2 * sizeof(double));
}

static PyObject *
Point_hex(PointObject *self, PyObject *Py_UNUSED(ignored))
{
    /* Per-thread buffer (C11): each thread formats into its own copy. */
    static _Thread_local char hexbuf[64];

    snprintf(hexbuf, sizeof(hexbuf), "%a,%a", self->x, self->y);    // ok: static-mutable-state
    return PyUnicode_FromString(hexbuf);
}

static PyMethodDef Point_methods[] = {
    {"tag", (PyCFunction)Point_tag, METH_NOARGS, NULL},
    {"validate", (PyCFunction)Point_validate, METH_NOARGS, NULL},
    {"save", (PyCFunction)Point_save, METH_O, NULL},
    {"hex", (PyCFunction)Point_hex, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Point_slots[] = {
    {Py_tp_repr, Point_repr},
    {Py_tp_str, Point_str},
    {Py_tp_methods, Point_methods},
    {0, NULL},
};

static PyType_Spec Point_spec = {
    .name = "_point.Point",
    .basicsize = sizeof(PointObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Point_slots,
};

static int
point_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Point_spec, NULL);

    if (type == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "Point", type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    Py_DECREF(type);
    return 0;
}

static PyModuleDef_Slot point_slots[] = {
    {Py_mod_exec, point_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef point_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_point",
    .m_size = 0,
    .m_slots = point_slots,
};

PyMODINIT_FUNC
PyInit__point(void)
{
    return PyModuleDef_Init(&point_module);
}
