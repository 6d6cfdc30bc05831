// object-allocator-misuse in C++: casts spelled static_cast /
// reinterpret_cast, `auto` variables, object structs that inherit from
// PyObject instead of starting with PyObject_HEAD, and class-level
// operator new.
#include <Python.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <new>
#include <utility>

// A Python object declared the C++ way: derived from PyObject.
struct MatrixObject : PyObject {
    Py_ssize_t rows;
    Py_ssize_t cols;
    double *cells;              // PyMem_Calloc'ed rows * cols
};

// A plain C++ class (not a Python object) with a class-level allocator.
struct Cell {
    double value;
    Cell *next;

    static void *operator new(std::size_t n)
    {
        void *p = PyObject_Malloc(n);                               // expect: object-allocator-misuse {{'p'}}
        if (p == nullptr) {
            throw std::bad_alloc();
        }
        return p;
    }
    static void operator delete(void *p) { PyObject_Free(p); }
};

static PyTypeObject *Matrix_Type;   // set once by matrices_exec

// ---- positives -------------------------------------------------------------

// hexdigest(data): a char buffer through static_cast and auto.
static PyObject *
matrices_hexdigest(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return nullptr;
    }
    auto *out = static_cast<char *>(PyObject_Malloc(static_cast<std::size_t>(view.len) * 2 + 1));  // expect: object-allocator-misuse {{'out'}} {{PyMem_Malloc}}
    if (out == nullptr) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    const auto *p = static_cast<const unsigned char *>(view.buf);
    for (Py_ssize_t i = 0; i < view.len; i++) {
        std::snprintf(out + 2 * i, 3, "%02x", p[i]);
    }
    PyObject *result = PyUnicode_FromStringAndSize(out, view.len * 2);
    PyObject_Free(out);
    PyBuffer_Release(&view);
    return result;
}

// checksum(data): a table of words through reinterpret_cast.
static PyObject *
matrices_checksum(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return nullptr;
    }
    std::uint32_t *sums = reinterpret_cast<std::uint32_t *>(PyObject_Calloc(4, sizeof(std::uint32_t)));  // expect: object-allocator-misuse {{'sums'}} {{PyMem_Calloc}}
    if (sums == nullptr) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    const auto *p = static_cast<const unsigned char *>(view.buf);
    for (Py_ssize_t i = 0; i < view.len; i++) {
        sums[i % 4] = sums[i % 4] * 31u + p[i];
    }
    std::uint32_t total = sums[0] ^ sums[1] ^ sums[2] ^ sums[3];
    PyObject_Free(sums);
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(total);
}

// chain(n): builds a linked list of Cells with the class's operator new.
static PyObject *
matrices_chain(PyObject *module, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return nullptr;
    }
    Cell *head = nullptr;
    try {
        for (long i = 0; i < n; i++) {
            head = new Cell{static_cast<double>(i), head};
        }
    }
    catch (const std::bad_alloc &) {
        while (head != nullptr) {
            delete std::exchange(head, head->next);
        }
        return PyErr_NoMemory();
    }
    double total = 0.0;
    while (head != nullptr) {
        total += head->value;
        delete std::exchange(head, head->next);
    }
    return PyFloat_FromDouble(total);
}

// ---- negatives -------------------------------------------------------------

// Matrix objects come from the object allocator: that is what it is for.
static PyObject *
Matrix_alloc(PyTypeObject *type, Py_ssize_t nitems)
{
    auto *self = static_cast<MatrixObject *>(PyObject_Calloc(1, static_cast<std::size_t>(type->tp_basicsize)));  // ok: object-allocator-misuse
    if (self == nullptr) {
        return PyErr_NoMemory();
    }
    return PyObject_Init(self, type);
}

// zeros(rows, cols): a matrix built by hand, its cells from PyMem.
static PyObject *
matrices_zeros(PyObject *module, PyObject *args)
{
    Py_ssize_t rows, cols;
    if (!PyArg_ParseTuple(args, "nn:zeros", &rows, &cols)) {
        return nullptr;
    }
    if (rows < 0 || cols < 0) {
        PyErr_SetString(PyExc_ValueError, "negative dimension");
        return nullptr;
    }
    PyTypeObject *tp = Matrix_Type;
    auto *m = static_cast<MatrixObject *>(PyObject_Malloc(static_cast<std::size_t>(tp->tp_basicsize)));  // ok: object-allocator-misuse
    if (m == nullptr) {
        return PyErr_NoMemory();
    }
    std::memset(static_cast<void *>(m), 0, static_cast<std::size_t>(tp->tp_basicsize));
    PyObject_Init(m, tp);
    m->rows = rows;
    m->cols = cols;
    m->cells = static_cast<double *>(PyMem_Calloc(static_cast<std::size_t>(rows * cols) + 1, sizeof(double)));  // ok: object-allocator-misuse
    if (m->cells == nullptr) {
        Py_DECREF(m);
        return PyErr_NoMemory();
    }
    return m;
}

// A PyObject * from the object allocator, cast the C++ way.
static PyObject *
matrices_empty(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyTypeObject *tp = Matrix_Type;
    PyObject *op = reinterpret_cast<PyObject *>(PyObject_Calloc(1, static_cast<std::size_t>(tp->tp_basicsize)));  // ok: object-allocator-misuse
    if (op == nullptr) {
        return PyErr_NoMemory();
    }
    return PyObject_Init(op, tp);
}

static void
Matrix_dealloc(PyObject *op)
{
    auto *self = static_cast<MatrixObject *>(op);
    PyTypeObject *tp = Py_TYPE(op);
    PyMem_Free(self->cells);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *
Matrix_shape(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    auto *self = static_cast<MatrixObject *>(op);
    return Py_BuildValue("(nn)", self->rows, self->cols);
}

static PyMethodDef Matrix_methods[] = {
    {"shape", Matrix_shape, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyType_Slot Matrix_slots[] = {
    {Py_tp_alloc, reinterpret_cast<void *>(Matrix_alloc)},
    {Py_tp_free, reinterpret_cast<void *>(PyObject_Free)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Matrix_dealloc)},
    {Py_tp_methods, Matrix_methods},
    {0, nullptr},
};

static PyType_Spec Matrix_spec = {
    "matrices.Matrix",
    static_cast<int>(sizeof(MatrixObject)),
    0,
    Py_TPFLAGS_DEFAULT,
    Matrix_slots,
};

static PyMethodDef matrices_methods[] = {
    {"hexdigest", matrices_hexdigest, METH_O, nullptr},
    {"checksum", matrices_checksum, METH_O, nullptr},
    {"chain", matrices_chain, METH_O, nullptr},
    {"zeros", matrices_zeros, METH_VARARGS, nullptr},
    {"empty", matrices_empty, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static int
matrices_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Matrix_spec, nullptr);
    if (type == nullptr) {
        return -1;
    }
    Matrix_Type = reinterpret_cast<PyTypeObject *>(type);   // kept alive by the module
    int rc = PyModule_AddObjectRef(module, "Matrix", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot matrices_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(matrices_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static struct PyModuleDef matrices_module = {  // expect: module-gil-declaration {{'matrices'}}
    PyModuleDef_HEAD_INIT,
    "matrices",         // m_name
    nullptr,            // m_doc
    0,                  // m_size
    matrices_methods,
    matrices_slots,
    nullptr,            // m_traverse
    nullptr,            // m_clear
    nullptr,            // m_free
};

PyMODINIT_FUNC
PyInit_matrices(void)
{
    return PyModuleDef_Init(&matrices_module);
}
