// _unitconv: a C++ extension whose lookup tables are built on first use.
//
// Safe forms: std::call_once (with a lambda or a function), the whole
// check-and-build under std::lock_guard / std::unique_lock, publication with
// std::atomic compare_exchange, and per-thread (thread_local) state.
// The unsafe form is the plain `if (!table) table = new ...;` on a namespace
// variable or a static data member.
//
// The tables hold plain C++ data, so no Python API is called while a C++
// lock is held or while another thread waits in std::call_once.
#include <Python.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace unitconv {

using Table = std::unordered_map<std::string, double>;

std::once_flag prefixes_once;
Table *si_prefixes = nullptr;           // built by std::call_once + lambda

std::once_flag aliases_once;
Table *aliases = nullptr;               // built by std::call_once + function

std::mutex table_mutex;
Table *lengths = nullptr;               // guarded by table_mutex
bool imperial_loaded = false;           // guarded by table_mutex
Table *imperial = nullptr;              // guarded by table_mutex

std::atomic<Table *> derived{nullptr};  // published with compare_exchange

Table *symbols = nullptr;               // BUG: lazy, no synchronization

class Registry {
public:
    static Table *custom;               // BUG: lazy, no synchronization
};
Table *Registry::custom = nullptr;

thread_local bool rng_seeded = false;   // per-thread
thread_local std::uint32_t rng_state = 0;

static void
build_aliases()
{
    aliases = new Table{{"meter", 1.0}, {"metre", 1.0}, {"foot", 0.3048}};    // ok: static-mutable-state
}

static const Table &
get_prefixes()
{
    std::call_once(prefixes_once, [] {
        si_prefixes = new Table{{"k", 1e3}, {"M", 1e6}, {"m", 1e-3}};          // ok: static-mutable-state
    });
    return *si_prefixes;
}

static const Table &
get_aliases()
{
    std::call_once(aliases_once, build_aliases);
    return *aliases;
}

static double
length_factor(const std::string &name)
{
    std::lock_guard<std::mutex> guard(table_mutex);
    if (!lengths) {                                                             // ok: lazy-static-init
        lengths = new Table{{"inch", 0.0254}, {"yard", 0.9144}};
    }
    auto it = lengths->find(name);
    return it == lengths->end() ? 0.0 : it->second;
}

static double
imperial_factor(const std::string &name)
{
    std::unique_lock<std::mutex> lock(table_mutex);
    if (!imperial_loaded) {                                                     // ok: lazy-static-init
        imperial = new Table{{"mile", 1609.344}, {"furlong", 201.168}};
        imperial_loaded = true;
    }
    auto it = imperial->find(name);
    return it == imperial->end() ? 0.0 : it->second;
}

static const Table *
get_derived()
{
    Table *t = derived.load(std::memory_order_acquire);
    if (!t) {                                                                   // ok: lazy-static-init
        Table *fresh = new Table{{"newton", 1.0}, {"joule", 1.0}};
        if (derived.compare_exchange_strong(t, fresh, std::memory_order_acq_rel)) {
            t = fresh;
        }
        else {
            delete fresh;       // another thread won; t now holds its table
        }
    }
    return t;
}

static const Table *
get_symbols()
{
    if (!symbols) {                                                             // expect: lazy-static-init {{symbols}}
        symbols = new Table{{"m", 1.0}, {"s", 1.0}, {"kg", 1.0}};
    }
    return symbols;
}

static Table *
custom_table()
{
    if (Registry::custom == nullptr) {                                          // expect: lazy-static-init {{custom}}
        Registry::custom = new Table();
    }
    return Registry::custom;
}

static std::uint32_t
next_random()
{
    if (!rng_seeded) {                                                          // ok: lazy-static-init
        rng_state = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&rng_state));
        rng_seeded = true;
    }
    rng_state = rng_state * 1103515245u + 12345u;
    return rng_state;
}

static PyObject *
factor(PyObject *module, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == nullptr) {
        return nullptr;
    }
    std::string name(s);
    double f = 0.0;
    const Table &prefixes = get_prefixes();
    const Table &names = get_aliases();
    const Table *der = get_derived();
    const Table *sym = get_symbols();
    if (auto it = prefixes.find(name); it != prefixes.end()) {
        f = it->second;
    }
    else if (auto it2 = names.find(name); it2 != names.end()) {
        f = it2->second;
    }
    else if (der->count(name)) {
        f = der->at(name);
    }
    else if (sym->count(name)) {
        f = sym->at(name);
    }
    else {
        f = length_factor(name);
        if (f == 0.0) {
            f = imperial_factor(name);
        }
    }
    return PyFloat_FromDouble(f);
}

static PyObject *
define(PyObject *module, PyObject *args)
{
    const char *name;
    double value;
    if (!PyArg_ParseTuple(args, "sd:define", &name, &value)) {
        return nullptr;
    }
    Table *table = custom_table();
    {
        std::lock_guard<std::mutex> guard(table_mutex);
        (*table)[name] = value;
    }
    return Py_NewRef(Py_None);
}

static PyObject *
jitter(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromUnsignedLong(next_random());
}

static PyMethodDef methods[] = {
    {"factor", factor, METH_O, nullptr},
    {"define", define, METH_VARARGS, nullptr},
    {"jitter", jitter, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace unitconv

static PyModuleDef_Slot unitconv_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef unitconv_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "_unitconv",
    nullptr,
    0,
    unitconv::methods,
    unitconv_slots,
    nullptr,
    nullptr,
    nullptr,
};

PyMODINIT_FUNC
PyInit__unitconv(void)
{
    return PyModuleDef_Init(&unitconv_module);
}
