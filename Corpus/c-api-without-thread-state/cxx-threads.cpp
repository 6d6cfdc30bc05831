// _stats: C++ statistics over copies of Python data, computed with the
// thread state detached.
//
// The C++ work (std::vector, std::sort, std::thread) needs no thread state.
// Worker threads started in the region run lambdas that attach their own
// thread state with PyGILState_Ensure before calling back into Python: the
// lambda's body runs on another thread, not in the region. A project's RAII
// class that releases the thread state in its constructor (like pybind11's
// gil_scoped_release) is not followed (known false negative).
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

// Releases the thread state for the lifetime of the object.
class ReleaseThreadState {
public:
    ReleaseThreadState() : save_(PyEval_SaveThread()) {}
    ~ReleaseThreadState() { PyEval_RestoreThread(save_); }
    ReleaseThreadState(const ReleaseThreadState &) = delete;
    ReleaseThreadState &operator=(const ReleaseThreadState &) = delete;

private:
    PyThreadState *save_;
};

// Copies a sequence of numbers into out; false with an exception set on error.
static bool
to_vector(PyObject *seq, std::vector<double> &out)
{
    PyObject *tuple = PySequence_Tuple(seq);
    if (tuple == nullptr) {
        return false;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    out.reserve(static_cast<size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = PyFloat_AsDouble(PyTuple_GET_ITEM(tuple, i));
        if (x == -1.0 && PyErr_Occurred()) {
            Py_DECREF(tuple);
            return false;
        }
        out.push_back(x);
    }
    Py_DECREF(tuple);
    return true;
}

// ---- positives ---------------------------------------------------------------

// mean(seq): raises from inside the region.
static PyObject *
stats_mean(PyObject *module, PyObject *seq)
{
    std::vector<double> v;
    if (!to_vector(seq, v)) {
        return nullptr;
    }
    double sum = 0.0;
    bool has_nan = false;
    Py_BEGIN_ALLOW_THREADS
    for (double x : v) {
        if (std::isnan(x)) {
            PyErr_SetString(PyExc_ValueError, "mean() of data with NaN");  // expect: c-api-without-thread-state {{PyErr_SetString}}
            has_nan = true;
            break;
        }
        sum += x;
    }
    Py_END_ALLOW_THREADS
    if (has_nan) {
        return nullptr;
    }
    return PyFloat_FromDouble(v.empty() ? 0.0 : sum / static_cast<double>(v.size()));
}

// sorted(seq): drops the tuple as soon as it is copied, but too late.
static PyObject *
stats_sorted(PyObject *module, PyObject *seq)
{
    PyObject *tuple = PySequence_Tuple(seq);
    if (tuple == nullptr) {
        return nullptr;
    }
    std::vector<double> v;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); i++) {
        v.push_back(PyFloat_AsDouble(PyTuple_GET_ITEM(tuple, i)));
    }
    if (PyErr_Occurred()) {
        Py_DECREF(tuple);
        return nullptr;
    }
    Py_BEGIN_ALLOW_THREADS
    Py_DECREF(tuple);                                       // expect: c-api-without-thread-state {{Py_DECREF}}
    std::sort(v.begin(), v.end());
    Py_END_ALLOW_THREADS
    PyObject *result = PyList_New(static_cast<Py_ssize_t>(v.size()));
    for (size_t i = 0; result != nullptr && i < v.size(); i++) {
        PyObject *f = PyFloat_FromDouble(v[i]);
        if (f == nullptr) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, static_cast<Py_ssize_t>(i), f);
    }
    return result;
}

// median(seq): the RAII form of the same mistake.
static PyObject *
stats_median(PyObject *module, PyObject *seq)
{
    std::vector<double> v;
    if (!to_vector(seq, v)) {
        return nullptr;
    }
    double m = 0.0;
    {
        ReleaseThreadState nogil;
        if (v.empty()) {
            PyErr_SetString(PyExc_ValueError, "median() of empty data");  // todo-expect: c-api-without-thread-state
            return nullptr;
        }
        auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
        std::nth_element(v.begin(), mid, v.end());
        m = *mid;
    }
    return PyFloat_FromDouble(m);
}

// ---- negatives ---------------------------------------------------------------

// quantiles(seq, n): copied before the region, sorted in it, returned after.
static PyObject *
stats_quantiles(PyObject *module, PyObject *args)
{
    PyObject *seq;
    int n;
    if (!PyArg_ParseTuple(args, "Oi:quantiles", &seq, &n)) {
        return nullptr;
    }
    std::vector<double> v;
    if (!to_vector(seq, v)) {
        return nullptr;
    }
    if (v.empty() || n < 1) {
        PyErr_SetString(PyExc_ValueError, "need data and n >= 1");
        return nullptr;
    }
    std::vector<double> cuts;
    Py_BEGIN_ALLOW_THREADS
    std::sort(v.begin(), v.end(), [](double a, double b) { return a < b; });  // ok: c-api-without-thread-state
    for (int i = 1; i < n; i++) {
        cuts.push_back(v[v.size() * static_cast<size_t>(i) / static_cast<size_t>(n)]);  // ok: c-api-without-thread-state
    }
    Py_END_ALLOW_THREADS
    PyObject *result = PyList_New(0);                       // ok: c-api-without-thread-state
    for (double c : cuts) {
        PyObject *f = PyFloat_FromDouble(c);
        if (f == nullptr || PyList_Append(result, f) < 0) {
            Py_XDECREF(f);
            Py_CLEAR(result);
            break;
        }
        Py_DECREF(f);
    }
    return result;
}

// run_workers(callback, n): n threads call callback(i); each attaches its own
// thread state. The caller waits for them with its thread state detached.
static PyObject *
stats_run_workers(PyObject *module, PyObject *args)
{
    PyObject *callback;
    int n;
    if (!PyArg_ParseTuple(args, "Oi:run_workers", &callback, &n)) {
        return nullptr;
    }
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < n; i++) {
        threads.emplace_back([callback, i, &failures] {
            PyGILState_STATE gstate = PyGILState_Ensure();              // ok: c-api-without-thread-state
            PyObject *r = PyObject_CallFunction(callback, "i", i);      // ok: c-api-without-thread-state
            if (r == nullptr) {
                PyErr_WriteUnraisable(callback);                        // ok: c-api-without-thread-state
                failures++;
            }
            Py_XDECREF(r);                                              // ok: c-api-without-thread-state
            PyGILState_Release(gstate);
        });
    }
    for (std::thread &t : threads) {
        t.join();
    }
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(failures.load());
}

// ---- module boilerplate ------------------------------------------------------

static PyMethodDef stats_methods[] = {
    {"mean", stats_mean, METH_O, nullptr},
    {"sorted", stats_sorted, METH_O, nullptr},
    {"median", stats_median, METH_O, nullptr},
    {"quantiles", stats_quantiles, METH_VARARGS, nullptr},
    {"run_workers", stats_run_workers, METH_VARARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot stats_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef stats_module = {  // expect: module-gil-declaration {{'_stats'}}
    PyModuleDef_HEAD_INIT,
    "_stats",       // m_name
    nullptr,        // m_doc
    0,              // m_size
    stats_methods,
    stats_slots,
    nullptr,        // m_traverse
    nullptr,        // m_clear
    nullptr,        // m_free
};

PyMODINIT_FUNC
PyInit__stats(void)
{
    return PyModuleDef_Init(&stats_module);
}
