// object-field-race in C++: a histogram type whose object struct holds C++
// members (constructed with placement new in tp_new, destroyed in tp_dealloc).
//
// What differs from C: `self` is often a reinterpret_cast copy of the
// PyObject * parameter; std::atomic members are atomic; a std::mutex member
// held with std::lock_guard is a guard; and member functions of plain C++
// classes (`this->total++`) are not fields of a Python object.
#include <Python.h>

#include <atomic>
#include <cstddef>
#include <mutex>
#include <new>
#include <vector>

// Plain C++ class: not a Python object, even when owned by one.
struct Bins {
    std::vector<long> counts;
    long total = 0;

    explicit Bins(std::size_t n) : counts(n, 0) {}

    void add(std::size_t i)
    {
        counts[i]++;
        this->total++;                          // ok: object-field-race
    }
};

struct HistObject {
    PyObject_HEAD
    Bins *bins;                     // owned
    double low;
    double width;
    Py_ssize_t samples;             // racy counter
    Py_ssize_t overflow;            // racy counter
    Py_ssize_t locked_samples;      // guarded by mu
    std::atomic<Py_ssize_t> reads;  // atomic member
    std::mutex mu;
    PyObject *label;
};

static std::size_t
bin_index(const HistObject *h, double x)
{
    double pos = (x - h->low) / h->width;
    return pos <= 0.0 ? 0 : static_cast<std::size_t>(pos);
}

// ---- positives -------------------------------------------------------------

static PyObject *
Hist_add(PyObject *op, PyObject *arg)
{
    auto *h = reinterpret_cast<HistObject *>(op);
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) {
        return nullptr;
    }
    std::size_t i = bin_index(h, x);
    if (i >= h->bins->counts.size()) {
        h->overflow += 1;                       // expect: object-field-race {{'h->overflow'}} {{'Hist_add'}}
    }
    else {
        h->bins->add(i);
    }
    h->samples++;                               // expect: object-field-race {{'h->samples'}} {{'Hist_add'}}
    Py_RETURN_NONE;
}

static PyObject *
Hist_clear_overflow(HistObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = self->overflow;
    self->samples -= n;                         // expect: object-field-race {{'self->samples'}} {{'Hist_clear_overflow'}}
    self->overflow = 0;                         // ok: object-field-race
    return PyLong_FromSsize_t(n);
}

static int
Hist_set_label(PyObject *op, PyObject *value, void *Py_UNUSED(closure))
{
    auto *self = reinterpret_cast<HistObject *>(op);
    if (value != nullptr && !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "label must be a str");
        return -1;
    }
    Py_XSETREF(self->label, Py_XNewRef(value)); // expect: object-field-race {{'self->label'}} {{'Hist_set_label'}}
    return 0;
}

// ---- negatives -------------------------------------------------------------

static PyObject *
Hist_add_locked(PyObject *op, PyObject *arg)
{
    auto *self = reinterpret_cast<HistObject *>(op);
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) {
        return nullptr;
    }
    {
        std::lock_guard<std::mutex> guard(self->mu);
        self->locked_samples++;                 // ok: object-field-race
    }
    Py_RETURN_NONE;
}

static PyObject *
Hist_add_in_section(PyObject *op, PyObject *arg)
{
    auto *self = reinterpret_cast<HistObject *>(op);
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) {
        return nullptr;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    std::size_t i = bin_index(self, x);
    if (i >= self->bins->counts.size()) {
        self->overflow++;                       // ok: object-field-race
    }
    else {
        self->bins->add(i);
    }
    self->samples++;                            // ok: object-field-race
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
Hist_total(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    auto *self = reinterpret_cast<HistObject *>(op);
    self->reads++;                              // ok: object-field-race
    Py_ssize_t samples;
    Py_BEGIN_CRITICAL_SECTION(op);
    samples = self->samples;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(samples);
}

static PyObject *
Hist_get_label(PyObject *op, void *Py_UNUSED(closure))
{
    auto *self = reinterpret_cast<HistObject *>(op);
    PyObject *label;
    Py_BEGIN_CRITICAL_SECTION(op);
    label = Py_XNewRef(self->label);
    Py_END_CRITICAL_SECTION();
    return label != nullptr ? label : Py_NewRef(Py_None);
}

// ---- lifecycle -------------------------------------------------------------

static PyObject *
Hist_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    double low = 0.0, high = 1.0;
    Py_ssize_t nbins = 10;
    static const char *kwlist[] = {"low", "high", "bins", nullptr};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ddn:Hist", const_cast<char **>(kwlist),
                                     &low, &high, &nbins)) {
        return nullptr;
    }
    if (nbins <= 0 || high <= low) {
        PyErr_SetString(PyExc_ValueError, "need bins > 0 and high > low");
        return nullptr;
    }
    auto *self = reinterpret_cast<HistObject *>(type->tp_alloc(type, 0));
    if (self == nullptr) {
        return nullptr;
    }
    new (&self->reads) std::atomic<Py_ssize_t>(0);
    new (&self->mu) std::mutex();
    self->bins = new Bins(static_cast<std::size_t>(nbins));
    self->low = low;
    self->width = (high - low) / static_cast<double>(nbins);
    Py_XSETREF(self->label, PyUnicode_FromString("hist"));  // ok: object-field-race
    return reinterpret_cast<PyObject *>(self);
}

static void
Hist_dealloc(PyObject *op)
{
    auto *self = reinterpret_cast<HistObject *>(op);
    PyTypeObject *tp = Py_TYPE(op);
    Py_CLEAR(self->label);                      // ok: object-field-race
    delete self->bins;
    self->mu.~mutex();
    using atomic_ssize = std::atomic<Py_ssize_t>;
    self->reads.~atomic_ssize();
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyMethodDef Hist_methods[] = {
    {"add", Hist_add, METH_O, nullptr},
    {"clear_overflow", reinterpret_cast<PyCFunction>(Hist_clear_overflow), METH_NOARGS, nullptr},
    {"add_locked", Hist_add_locked, METH_O, nullptr},
    {"add_in_section", Hist_add_in_section, METH_O, nullptr},
    {"total", Hist_total, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyGetSetDef Hist_getset[] = {
    {"label", Hist_get_label, Hist_set_label, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static PyType_Slot Hist_slots[] = {
    {Py_tp_new, reinterpret_cast<void *>(Hist_new)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Hist_dealloc)},
    {Py_tp_methods, Hist_methods},
    {Py_tp_getset, Hist_getset},
    {0, nullptr},
};

static PyType_Spec Hist_spec = {
    "histo.Hist",
    static_cast<int>(sizeof(HistObject)),
    0,
    Py_TPFLAGS_DEFAULT,
    Hist_slots,
};

static int
histo_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Hist_spec, nullptr);
    if (type == nullptr) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Hist", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot histo_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(histo_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static struct PyModuleDef histo_module = {  // expect: module-gil-declaration {{'histo'}}
    PyModuleDef_HEAD_INIT,
    "histo",     // m_name
    nullptr,     // m_doc
    0,           // m_size
    nullptr,     // m_methods
    histo_slots,
    nullptr,     // m_traverse
    nullptr,     // m_clear
    nullptr,     // m_free
};

PyMODINIT_FUNC
PyInit_histo(void)
{
    return PyModuleDef_Init(&histo_module);
}
