// _wordcount: a C++ extension keeping global word statistics.
//
// std::lock_guard / std::scoped_lock / std::unique_lock protect the rest of
// the block they are declared in. A write before the guard, or after the
// guard's block has closed, is not protected. std::atomic<T> and
// thread_local variables need no lock.
#include <Python.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

std::mutex g_mutex;
std::unordered_map<std::string, long> g_counts;   // guarded by g_mutex
long g_unique_words = 0;                          // guarded by g_mutex
long g_lookups = 0;                               // BUG: bumped after the guard's block
long g_resets = 0;                                // BUG: bumped before the guard
long g_total_length = 0;                          // BUG: summed in a lambda, unlocked
std::atomic<long> g_requests{0};
thread_local long t_nesting = 0;

}  // namespace

static PyObject *
wc_add(PyObject *module, PyObject *arg)
{
    const char *word = PyUnicode_AsUTF8(arg);
    if (word == nullptr) {
        return nullptr;
    }
    g_requests++;                                             // ok: static-mutable-state
    long n;
    {
        std::lock_guard<std::mutex> guard(g_mutex);
        n = ++g_counts[word];
        if (n == 1) {
            g_unique_words++;                                 // ok: static-mutable-state
        }
    }
    g_lookups++;                                              // expect: static-mutable-state {{g_lookups}}
    return PyLong_FromLong(n);
}

static PyObject *
wc_get(PyObject *module, PyObject *arg)
{
    const char *word = PyUnicode_AsUTF8(arg);
    if (word == nullptr) {
        return nullptr;
    }
    t_nesting++;                                              // ok: static-mutable-state
    long n = 0;
    {
        std::unique_lock<std::mutex> lock(g_mutex);
        auto it = g_counts.find(word);
        if (it != g_counts.end()) {
            n = it->second;
        }
    }
    t_nesting--;
    return PyLong_FromLong(n);
}

static PyObject *
wc_reset(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    g_resets++;                                               // expect: static-mutable-state {{g_resets}}
    std::scoped_lock lock(g_mutex);
    g_counts.clear();
    g_unique_words = 0;                                       // ok: static-mutable-state
    return Py_NewRef(Py_None);
}

static PyObject *
wc_add_lengths(PyObject *module, PyObject *arg)
{
    std::vector<long> lengths;
    Py_ssize_t size = PyList_Size(arg);
    if (size < 0) {
        return nullptr;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        PyObject *item = PyList_GetItemRef(arg, i);
        if (item == nullptr) {
            return nullptr;
        }
        lengths.push_back(PyObject_Length(item));
        Py_DECREF(item);
    }
    std::for_each(lengths.begin(), lengths.end(), [](long len) {
        g_total_length += len;                                // expect: static-mutable-state {{g_total_length}}
    });
    return PyLong_FromSsize_t(size);
}

static PyObject *
wc_stats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    long unique;
    {
        std::lock_guard<std::mutex> guard(g_mutex);
        unique = g_unique_words;
    }
    return Py_BuildValue("(llll)", unique, g_lookups, g_requests.load(), g_total_length);
}

static PyMethodDef wc_methods[] = {
    {"add", wc_add, METH_O, nullptr},
    {"get", wc_get, METH_O, nullptr},
    {"reset", wc_reset, METH_NOARGS, nullptr},
    {"add_lengths", wc_add_lengths, METH_O, nullptr},
    {"stats", wc_stats, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot wc_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef wc_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "_wordcount",
    nullptr,
    0,
    wc_methods,
    wc_slots,
    nullptr,
    nullptr,
    nullptr,
};

PyMODINIT_FUNC
PyInit__wordcount(void)
{
    return PyModuleDef_Init(&wc_module);
}
