// refcount-uniqueness-check in C++: bytearray transforms that work in place
// when the argument looks unshared.
//
// What differs from C: the test can sit in a member function of a helper
// class (still concurrent code when a method calls it), and C++ code has
// look-alikes that are not Python reference counts (std::shared_ptr's
// use_count(), a class's own refcount()).
#include <Python.h>

#include <cassert>
#include <cstddef>
#include <memory>
#include <utility>

// Owning handle for a new reference.
class Ref {
public:
    Ref() = default;
    explicit Ref(PyObject *p) noexcept : p_(p) {}
    Ref(const Ref &) = delete;
    Ref &operator=(const Ref &) = delete;
    Ref(Ref &&other) noexcept : p_(other.release()) {}
    Ref &operator=(Ref &&other) noexcept
    {
        PyObject *old = p_;
        p_ = other.release();
        Py_XDECREF(old);
        return *this;
    }
    ~Ref() { Py_XDECREF(p_); }
    PyObject *get() const noexcept { return p_; }
    PyObject *release() noexcept { return std::exchange(p_, nullptr); }
    explicit operator bool() const noexcept { return p_ != nullptr; }

private:
    PyObject *p_ = nullptr;
};

// Decides whether a transform may write into its input.
class ReusePolicy {
public:
    explicit ReusePolicy(bool allow) : allow_(allow) {}

    bool may_reuse(PyObject *o) const
    {
        return allow_ && PyByteArray_CheckExact(o) && Py_REFCNT(o) < 2;    // expect: refcount-uniqueness-check {{'o'}}
    }

private:
    bool allow_;
};

// A plain C++ node with its own reference count: not a Python object.
struct Table {
    int refs = 1;
    unsigned char map[256] = {};
    int refcount() const { return refs; }
};

// Returns a new reference to a bytearray that the caller may modify.
static PyObject *
writable_copy(PyObject *data, const ReusePolicy &policy)
{
    if (policy.may_reuse(data)) {
        return Py_NewRef(data);
    }
    return PyByteArray_FromObject(data);
}

// ---- positives -------------------------------------------------------------

// xor_(data, key): XOR every byte with key.
static PyObject *
bytetools_xor(PyObject *module, PyObject *args)
{
    PyObject *data;
    int key;
    if (!PyArg_ParseTuple(args, "Oi:xor_", &data, &key)) {
        return nullptr;
    }
    Ref out;
    if (PyByteArray_CheckExact(data) && Py_REFCNT(data) == 1) {          // expect: refcount-uniqueness-check {{'data'}}
        out = Ref(Py_NewRef(data));
    }
    else {
        out = Ref(PyByteArray_FromObject(data));
    }
    if (!out) {
        return nullptr;
    }
    char *p = PyByteArray_AS_STRING(out.get());
    for (Py_ssize_t i = 0; i < PyByteArray_GET_SIZE(out.get()); i++) {
        p[i] = static_cast<char>(p[i] ^ key);
    }
    return out.release();
}

// upper(data): ASCII upper-case, reusing the input when the policy allows.
static PyObject *
bytetools_upper(PyObject *module, PyObject *data)
{
    ReusePolicy policy(true);
    Ref out(writable_copy(data, policy));
    if (!out) {
        return nullptr;
    }
    char *p = PyByteArray_AS_STRING(out.get());
    for (Py_ssize_t i = 0; i < PyByteArray_GET_SIZE(out.get()); i++) {
        if (p[i] >= 'a' && p[i] <= 'z') {
            p[i] = static_cast<char>(p[i] - 'a' + 'A');
        }
    }
    return out.release();
}

// ---- negatives -------------------------------------------------------------

// translate(data): maps every byte through a C++ table. The table is
// reference-counted by std::shared_ptr and by its own counter; neither is a
// Python reference count.
static std::shared_ptr<Table>
make_table()
{
    auto t = std::make_shared<Table>();
    for (int i = 0; i < 256; i++) {
        t->map[i] = static_cast<unsigned char>(255 - i);
    }
    return t;
}

static PyObject *
bytetools_translate(PyObject *module, PyObject *data)
{
    std::shared_ptr<Table> table = make_table();
    if (table.use_count() == 1 && table->refcount() == 1) {             // ok: refcount-uniqueness-check
        table->map[0] = 0;              // sole owner: patch the table in place
    }
    Ref out(PyByteArray_FromObject(data));
    if (!out) {
        return nullptr;
    }
    assert(Py_REFCNT(out.get()) == 1);                                  // ok: refcount-uniqueness-check
    auto *p = reinterpret_cast<unsigned char *>(PyByteArray_AS_STRING(out.get()));
    for (Py_ssize_t i = 0; i < PyByteArray_GET_SIZE(out.get()); i++) {
        p[i] = table->map[p[i]];
    }
    return out.release();
}

// reverse(data): 3.14's safe test for a temporary argument; 3.13 copies.
static PyObject *
bytetools_reverse(PyObject *module, PyObject *data)
{
    Ref out;
#if PY_VERSION_HEX >= 0x030E0000
    if (PyByteArray_CheckExact(data) && PyUnstable_Object_IsUniqueReferencedTemporary(data)) {  // ok: refcount-uniqueness-check
        out = Ref(Py_NewRef(data));
    }
#endif
#ifndef Py_GIL_DISABLED
    if (!out && PyByteArray_CheckExact(data) && Py_REFCNT(data) == 1) {  // ok: refcount-uniqueness-check
        out = Ref(Py_NewRef(data));
    }
#endif
    if (!out) {
        out = Ref(PyByteArray_FromObject(data));
        if (!out) {
            return nullptr;
        }
    }
    char *p = PyByteArray_AS_STRING(out.get());
    Py_ssize_t n = PyByteArray_GET_SIZE(out.get());
    for (Py_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        std::swap(p[i], p[j]);
    }
    return out.release();
}

static PyMethodDef bytetools_methods[] = {
    {"xor_", bytetools_xor, METH_VARARGS, nullptr},
    {"upper", bytetools_upper, METH_O, nullptr},
    {"translate", bytetools_translate, METH_O, nullptr},
    {"reverse", bytetools_reverse, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot bytetools_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static struct PyModuleDef bytetools_module = {  // expect: module-gil-declaration {{'bytetools'}}
    PyModuleDef_HEAD_INIT,
    "bytetools",        // m_name
    nullptr,            // m_doc
    0,                  // m_size
    bytetools_methods,
    bytetools_slots,
    nullptr,            // m_traverse
    nullptr,            // m_clear
    nullptr,            // m_free
};

PyMODINIT_FUNC
PyInit_bytetools(void)
{
    return PyModuleDef_Init(&bytetools_module);
}
