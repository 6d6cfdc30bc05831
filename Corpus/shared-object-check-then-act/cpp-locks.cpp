// shared-object-check-then-act in C++: RAII locks (std::lock_guard,
// std::unique_lock, std::scoped_lock) protect the rest of their enclosing
// block, and a std::call_once lambda runs once. A guard whose block closed
// before the check protects nothing. Module state is reached with static_cast
// and nullptr comparisons.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <mutex>

struct cpp_state {
    PyObject *cache;      // dict: word -> lower-cased word
    PyObject *stopwords;  // frozenset, created on first use
    PyObject *table;      // dict, created once
    PyObject *scores;     // dict: word -> float
    PyObject *lengths;    // dict: word -> int
    PyObject *labels;     // dict, created on first use
    PyObject *tags;       // dict: word -> tag
    long lookups;
};

static std::mutex cache_mutex;
static std::mutex stats_mutex;
static std::once_flag table_once;

static cpp_state *
get_cpp_state(PyObject *module)
{
    return static_cast<cpp_state *>(PyModule_GetState(module));
}

// ---- negatives -------------------------------------------------------------

static PyObject *
cpp_cached_lower(PyObject *module, PyObject *word)
{
    cpp_state *st = get_cpp_state(module);
    std::lock_guard<std::mutex> guard(cache_mutex);
    PyObject *result = nullptr;
    int found = PyDict_GetItemRef(st->cache, word, &result);  // ok: shared-object-check-then-act
    if (found == 0) {
        result = PyObject_CallMethod(word, "lower", nullptr);
        if (result != nullptr && PyDict_SetItem(st->cache, word, result) < 0) {
            Py_CLEAR(result);
        }
    }
    return result;
}

static PyObject *
cpp_stopwords(PyObject *module, PyObject *)
{
    auto *st = get_cpp_state(module);
    std::unique_lock<std::mutex> lock(cache_mutex);
    if (st->stopwords == nullptr) {  // ok: shared-object-check-then-act
        st->stopwords = PyFrozenSet_New(nullptr);
    }
    return Py_XNewRef(st->stopwords);
}

static PyObject *
cpp_score(PyObject *module, PyObject *word)
{
    auto *st = get_cpp_state(module);
    std::scoped_lock lock(cache_mutex, stats_mutex);
    st->lookups += 1;
    PyObject *score = nullptr;
    int found = PyDict_GetItemRef(st->scores, word, &score);  // ok: shared-object-check-then-act
    if (found == 0) {
        score = PyFloat_FromDouble(1.0 / static_cast<double>(PyUnicode_GetLength(word) + 1));
        if (score != nullptr && PyDict_SetItem(st->scores, word, score) < 0) {
            Py_CLEAR(score);
        }
    }
    return score;
}

static PyObject *
cpp_table(PyObject *module, PyObject *)
{
    auto *st = get_cpp_state(module);
    std::call_once(table_once, [st] {
        if (st->table == nullptr) {  // ok: shared-object-check-then-act
            st->table = PyDict_New();
        }
    });
    if (st->table == nullptr) {
        return PyErr_NoMemory();
    }
    return Py_NewRef(st->table);
}

// The guard is declared in the enclosing (function) block; the check is in a
// nested loop body.
static PyObject *
cpp_tag_all(PyObject *module, PyObject *words)
{
    auto *st = get_cpp_state(module);
    std::lock_guard<std::mutex> guard(cache_mutex);
    Py_ssize_t n = PyList_Size(words);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PyList_GetItemRef(words, i);
        if (w == nullptr) {
            return nullptr;
        }
        int has = PyDict_Contains(st->tags, w);  // ok: shared-object-check-then-act
        int rc = has < 0 ? -1 : (has ? 0 : PyDict_SetItem(st->tags, w, Py_None));
        Py_DECREF(w);
        if (rc < 0) {
            return nullptr;
        }
    }
    Py_RETURN_NONE;
}

// ---- positives -------------------------------------------------------------

// The lock_guard's block ends before the lookup.
static PyObject *
cpp_length(PyObject *module, PyObject *word)
{
    auto *st = get_cpp_state(module);
    {
        std::lock_guard<std::mutex> guard(stats_mutex);
        st->lookups += 1;
    }
    PyObject *len = nullptr;
    if (PyDict_GetItemRef(st->lengths, word, &len) < 0) {  // expect: shared-object-check-then-act {{'st->lengths'}}
        return nullptr;
    }
    if (len == nullptr) {
        len = PyLong_FromSsize_t(PyUnicode_GetLength(word));
        if (len == nullptr || PyDict_SetItem(st->lengths, word, len) < 0) {
            Py_XDECREF(len);
            return nullptr;
        }
    }
    return len;
}

// No lock at all.
static PyObject *
cpp_labels(PyObject *module, PyObject *)
{
    auto *st = static_cast<cpp_state *>(PyModule_GetState(module));
    if (!st->labels) {  // expect: shared-object-check-then-act {{'st->labels'}}
        st->labels = PyDict_New();
    }
    return Py_XNewRef(st->labels);
}

// ---- module boilerplate ----------------------------------------------------

static int
cpp_exec(PyObject *module)
{
    auto *st = get_cpp_state(module);
    st->cache = PyDict_New();
    st->scores = PyDict_New();
    st->lengths = PyDict_New();
    st->tags = PyDict_New();
    if (!st->cache || !st->scores || !st->lengths || !st->tags) {
        return -1;
    }
    return 0;
}

static int
cpp_clear(PyObject *module)
{
    auto *st = get_cpp_state(module);
    Py_CLEAR(st->cache);
    Py_CLEAR(st->stopwords);
    Py_CLEAR(st->table);
    Py_CLEAR(st->scores);
    Py_CLEAR(st->lengths);
    Py_CLEAR(st->labels);
    Py_CLEAR(st->tags);
    return 0;
}

static PyMethodDef cpp_methods[] = {
    {"cached_lower", cpp_cached_lower, METH_O, nullptr},
    {"stopwords", cpp_stopwords, METH_NOARGS, nullptr},
    {"score", cpp_score, METH_O, nullptr},
    {"table", cpp_table, METH_NOARGS, nullptr},
    {"tag_all", cpp_tag_all, METH_O, nullptr},
    {"length", cpp_length, METH_O, nullptr},
    {"labels", cpp_labels, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot cpp_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(cpp_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef cpp_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "cpplocks",                   // m_name
    nullptr,                      // m_doc
    static_cast<Py_ssize_t>(sizeof(cpp_state)),
    cpp_methods,
    cpp_slots,
    nullptr,                      // m_traverse
    cpp_clear,
    nullptr,                      // m_free
};

PyMODINIT_FUNC
PyInit_cpplocks(void)
{
    return PyModuleDef_Init(&cpp_module);
}
