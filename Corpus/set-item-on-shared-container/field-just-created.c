/*
 * Filling a list that was just created and stored in a struct field (Brotli's
 * BlocksOutputBuffer_InitAndGrow): nobody else can see it yet.
 */
// expect-no-findings
#include <Python.h>

typedef struct {
    PyObject *list;
    Py_ssize_t allocated;
} OutputBuffer;

static int
buffer_init(OutputBuffer *buffer, Py_ssize_t size)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, size);
    if (b == NULL) {
        return -1;
    }
    buffer->list = PyList_New(1);
    if (buffer->list == NULL) {
        Py_DECREF(b);
        return -1;
    }
    PyList_SET_ITEM(buffer->list, 0, b);  // ok: set-item-on-shared-container
    buffer->allocated = size;
    return 0;
}

static PyObject *
field_compress(PyObject *module, PyObject *arg)
{
    OutputBuffer buffer;
    if (buffer_init(&buffer, PyBytes_Size(arg)) < 0) {
        return NULL;
    }
    return buffer.list;
}

static PyMethodDef field_methods[] = {
    {"compress", field_compress, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot field_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef field_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "field",
    .m_methods = field_methods,
    .m_slots = field_slots,
};

PyMODINIT_FUNC
PyInit_field(void)
{
    return PyModuleDef_Init(&field_module);
}
