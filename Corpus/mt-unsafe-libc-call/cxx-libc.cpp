// mt-unsafe-libc-call in C++: the same libc functions reached as std::
// names from <ctime>, <cstring> and <cstdlib>, next to look-alikes that are
// not libc calls (a member function named rand(), a lambda named localtime)
// and to C++ guards (std::lock_guard, std::call_once).
#include <Python.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace {

std::mutex time_mutex;
std::once_flag editor_once;
std::string editor;                         // set once, inside std::call_once

// A per-object random source with a member function called rand().
class Dice {
public:
    explicit Dice(unsigned seed) : engine_(seed) {}
    int rand() { return std::uniform_int_distribution<int>(1, 6)(engine_); }

private:
    std::mt19937 engine_;
};

PyObject *
tm_to_tuple(const std::tm &tm)
{
    return Py_BuildValue("(iiiiii)", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                         tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// ---- positives -------------------------------------------------------------

PyObject *
when(PyObject *module, PyObject *arg)
{
    std::time_t t = static_cast<std::time_t>(PyLong_AsLongLong(arg));
    if (t == -1 && PyErr_Occurred()) {
        return nullptr;
    }
    std::tm *tm = std::localtime(&t);                       // expect: mt-unsafe-libc-call {{localtime_r}}
    if (tm == nullptr) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tm_to_tuple(*tm);
}

PyObject *
words(PyObject *module, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == nullptr) {
        return nullptr;
    }
    std::vector<char> buf(s, s + std::strlen(s) + 1);
    PyObject *result = PyList_New(0);
    for (char *tok = std::strtok(buf.data(), " \t");       // expect: mt-unsafe-libc-call {{strtok_r}}
         result != nullptr && tok != nullptr;
         tok = std::strtok(nullptr, " \t")) {              // expect: mt-unsafe-libc-call {{strtok_r}}
        PyObject *w = PyUnicode_FromString(tok);
        if (w == nullptr || PyList_Append(result, w) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(w);
    }
    return result;
}

PyObject *
roll(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(1 + std::rand() % 6);           // expect: mt-unsafe-libc-call {{rand_r}}
}

PyObject *
pager(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    const char *p = ::getenv("PAGER");                      // expect: mt-unsafe-libc-call {{getenv}}
    return PyUnicode_FromString(p != nullptr ? p : "less");
}

// ---- negatives -------------------------------------------------------------

PyObject *
when_locked(PyObject *module, PyObject *arg)
{
    std::time_t t = static_cast<std::time_t>(PyLong_AsLongLong(arg));
    if (t == -1 && PyErr_Occurred()) {
        return nullptr;
    }
    std::tm copy{};
    bool ok = false;
    {
        std::lock_guard<std::mutex> guard(time_mutex);
        std::tm *tm = std::localtime(&t);                   // ok: mt-unsafe-libc-call
        if (tm != nullptr) {
            copy = *tm;
            ok = true;
        }
    }
    if (!ok) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tm_to_tuple(copy);
}

PyObject *
when_r(PyObject *module, PyObject *arg)
{
    std::time_t t = static_cast<std::time_t>(PyLong_AsLongLong(arg));
    if (t == -1 && PyErr_Occurred()) {
        return nullptr;
    }
    std::tm tm{};
    if (gmtime_r(&t, &tm) == nullptr) {                     // ok: mt-unsafe-libc-call
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tm_to_tuple(tm);
}

PyObject *
roll_seeded(PyObject *module, PyObject *arg)
{
    unsigned long seed = PyLong_AsUnsignedLongMask(arg);
    if (PyErr_Occurred()) {
        return nullptr;
    }
    Dice dice(static_cast<unsigned>(seed));
    int a = dice.rand();                                    // ok: mt-unsafe-libc-call
    int b = dice.rand();                                    // ok: mt-unsafe-libc-call
    return Py_BuildValue("(ii)", a, b);
}

PyObject *
midnight(PyObject *module, PyObject *arg)
{
    std::time_t t = static_cast<std::time_t>(PyLong_AsLongLong(arg));
    if (t == -1 && PyErr_Occurred()) {
        return nullptr;
    }
    auto localtime = [](std::time_t when) {
        std::tm tm{};
        localtime_r(&when, &tm);                            // ok: mt-unsafe-libc-call
        return tm;
    };
    std::tm tm = localtime(t);                              // ok: mt-unsafe-libc-call
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    return PyLong_FromLongLong(static_cast<long long>(std::mktime(&tm)));
}

PyObject *
editor_name(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    std::call_once(editor_once, [] {
        const char *e = std::getenv("EDITOR");              // ok: mt-unsafe-libc-call
        editor = e != nullptr ? e : "vi";
    });
    return PyUnicode_FromStringAndSize(editor.data(), static_cast<Py_ssize_t>(editor.size()));
}

PyMethodDef methods[] = {
    {"when", when, METH_O, nullptr},
    {"words", words, METH_O, nullptr},
    {"roll", roll, METH_NOARGS, nullptr},
    {"pager", pager, METH_NOARGS, nullptr},
    {"when_locked", when_locked, METH_O, nullptr},
    {"when_r", when_r, METH_O, nullptr},
    {"roll_seeded", roll_seeded, METH_O, nullptr},
    {"midnight", midnight, METH_O, nullptr},
    {"editor_name", editor_name, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

int
clocks_exec(PyObject *module)
{
    std::srand(static_cast<unsigned>(std::time(nullptr))); // ok: mt-unsafe-libc-call
    return 0;
}

PyModuleDef_Slot slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(clocks_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

}  // namespace

static struct PyModuleDef clocks_module = {  // expect: module-gil-declaration {{'clocks'}}
    PyModuleDef_HEAD_INIT,
    "clocks",           // m_name
    nullptr,            // m_doc
    0,                  // m_size
    methods,
    slots,
    nullptr,            // m_traverse
    nullptr,            // m_clear
    nullptr,            // m_free
};

PyMODINIT_FUNC
PyInit_clocks(void)
{
    return PyModuleDef_Init(&clocks_module);
}
