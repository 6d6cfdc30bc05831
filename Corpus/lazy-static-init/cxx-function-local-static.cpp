// _textutil: function-local statics in C++.
//
// A function-local static with an initializer is initialized exactly once,
// even with concurrent callers (C++11 [stmt.dcl]), so `static PyObject *x =
// make();` is not a lazy-init race. A function-local static that is checked
// and assigned at run time is, whether or not it also has an initializer.
#include <Python.h>

#include <string>

namespace textutil {

class Formatter {
public:
    static PyObject *
    default_format()
    {
        static PyObject *fmt = PyUnicode_FromString("{}");          // ok: lazy-static-init
        return fmt;
    }
};

static PyObject *
empty_tuple(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    static PyObject *empty = PyTuple_New(0);                        // ok: lazy-static-init
    return Py_XNewRef(empty);
}

static PyObject *
join_words(PyObject *module, PyObject *words)
{
    static PyObject *space = PyUnicode_InternFromString(" ");
    // Only reads the static: nothing is assigned in the branch.
    if (!space) {                                                   // ok: lazy-static-init
        return nullptr;
    }
    return PyUnicode_Join(space, words);
}

static PyObject *
version_info(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    // Initialized by an immediately invoked lambda: still a one-time,
    // thread-safe initialization.
    static PyObject *info = [] {                                    // ok: lazy-static-init
        return Py_BuildValue("(iii)", 1, 4, 2);
    }();
    return Py_XNewRef(info);
}

static PyObject *
separator(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    // C-style lazy initialization inside C++: no initializer at all.
    static PyObject *sep;
    if (!sep) {                                                     // expect: lazy-static-init {{sep}}
        sep = PyUnicode_InternFromString(", ");
    }
    return Py_XNewRef(sep);
}

static PyObject *
locale_name(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    // The initializer runs once, but the check and the assignment below run
    // in every call: the initializer does not make them safe.
    static PyObject *cached = nullptr;
    if (cached == nullptr) {                                        // expect: lazy-static-init {{cached}}
        cached = PyUnicode_FromString("C.UTF-8");
    }
    return Py_XNewRef(cached);
}

static PyObject *
format_one(PyObject *module, PyObject *value)
{
    PyObject *fmt = Formatter::default_format();
    if (fmt == nullptr) {                                           // ok: lazy-static-init
        return nullptr;
    }
    return PyObject_CallMethod(fmt, "format", "O", value);
}

static PyMethodDef methods[] = {
    {"empty_tuple", empty_tuple, METH_NOARGS, nullptr},
    {"join_words", join_words, METH_O, nullptr},
    {"version_info", version_info, METH_NOARGS, nullptr},
    {"separator", separator, METH_NOARGS, nullptr},
    {"locale_name", locale_name, METH_NOARGS, nullptr},
    {"format_one", format_one, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace textutil

static PyModuleDef_Slot textutil_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef textutil_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    "_textutil",
    nullptr,
    0,
    textutil::methods,
    textutil_slots,
    nullptr,
    nullptr,
    nullptr,
};

PyMODINIT_FUNC
PyInit__textutil(void)
{
    return PyModuleDef_Init(&textutil_module);
}
