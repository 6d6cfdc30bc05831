// _imgcodec: C++ extension code in a namespace with class-level statics.
//
// A static data member is one variable shared by every thread, exactly like a
// C static. C++ guarantees that a function-local static is initialized once
// (thread-safe since C++11), but writes after the initialization are ordinary
// unsynchronized writes.
#include <Python.h>

#include <atomic>
#include <cstddef>
#include <mutex>
#include <string>

namespace imgcodec {

struct DecoderStats {
    static long decoded;                    // BUG: bumped without a lock
    static std::atomic<long> failed;
    static std::mutex mutex;
    static std::size_t largest;             // guarded by mutex
};

long DecoderStats::decoded = 0;
std::atomic<long> DecoderStats::failed{0};
std::mutex DecoderStats::mutex;
std::size_t DecoderStats::largest = 0;

class Codec {
public:
    static int quality;                     // BUG: set_quality() writes it
    static const int max_quality = 100;
};

int Codec::quality = 75;

static std::size_t
default_buffer_size()
{
    return 1u << 16;
}

static PyObject *
decode(PyObject *module, PyObject *data)
{
    // Initialized once, thread-safely; never written afterwards.
    static const std::string magic = "\x89PNG";
    static std::size_t buffer_size = default_buffer_size();     // ok: static-mutable-state

    char *bytes;
    Py_ssize_t len;
    if (PyBytes_AsStringAndSize(data, &bytes, &len) < 0) {
        return nullptr;
    }
    if (len < 4 || std::string(bytes, 4) != magic) {
        DecoderStats::failed++;                                  // ok: static-mutable-state
        PyErr_SetString(PyExc_ValueError, "not a PNG stream");
        return nullptr;
    }
    DecoderStats::decoded++;                                     // expect: static-mutable-state {{decoded}}
    {
        std::lock_guard<std::mutex> guard(DecoderStats::mutex);
        if (static_cast<std::size_t>(len) > DecoderStats::largest) {
            DecoderStats::largest = static_cast<std::size_t>(len);   // ok: static-mutable-state
        }
    }
    return PyLong_FromSize_t(len < static_cast<Py_ssize_t>(buffer_size) ? buffer_size : 2 * buffer_size);
}

static PyObject *
set_quality(PyObject *module, PyObject *arg)
{
    int q = PyLong_AsInt(arg);
    if (q == -1 && PyErr_Occurred()) {
        return nullptr;
    }
    if (q < 0 || q > Codec::max_quality) {
        PyErr_SetString(PyExc_ValueError, "quality out of range");
        return nullptr;
    }
    Codec::quality = q;                                          // expect: static-mutable-state {{quality}}
    return Py_NewRef(Py_None);
}

static PyObject *
next_frame_id(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    // The initializer runs once, but the increment runs in every call.
    static long frame_id = 0;
    return PyLong_FromLong(++frame_id);                          // expect: static-mutable-state {{frame_id}}
}

static PyObject *
grow_buffer(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    static std::size_t capacity = default_buffer_size();
    capacity *= 2;                                               // expect: static-mutable-state {{capacity}}
    return PyLong_FromSize_t(capacity);
}

static PyMethodDef methods[] = {
    {"decode", decode, METH_O, nullptr},
    {"set_quality", set_quality, METH_O, nullptr},
    {"next_frame_id", next_frame_id, METH_NOARGS, nullptr},
    {"grow_buffer", grow_buffer, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace imgcodec

static PyModuleDef_Slot imgcodec_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef imgcodec_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "_imgcodec",
    "Toy image codec.",
    0,
    imgcodec::methods,
    imgcodec_slots,
    nullptr,
    nullptr,
    nullptr,
};

PyMODINIT_FUNC
PyInit__imgcodec(void)
{
    return PyModuleDef_Init(&imgcodec_module);
}
