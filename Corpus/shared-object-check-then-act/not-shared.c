// expect-no-findings
// shared-object-check-then-act only concerns containers and objects that
// other threads can reach. Not reported: dicts and sets created in the same
// function, kwargs, containers passed in as arguments other than the first,
// and fields of structs that are local or passed as a later argument.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* A dict created here and returned: no other thread can see it yet. */
static PyObject *
nshared_word_frequencies(PyObject *module, PyObject *words)
{
    PyObject *counts = PyDict_New();
    if (counts == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(words);
    if (it == NULL) {
        Py_DECREF(counts);
        return NULL;
    }
    PyObject *word;
    while ((word = PyIter_Next(it)) != NULL) {
        PyObject *old = PyDict_GetItemWithError(counts, word);  // ok: shared-object-check-then-act
        long n = old != NULL ? PyLong_AsLong(old) : 0;
        PyObject *value = PyErr_Occurred() ? NULL : PyLong_FromLong(n + 1);
        int rc = value == NULL ? -1 : PyDict_SetItem(counts, word, value);
        Py_XDECREF(value);
        Py_DECREF(word);
        if (rc < 0) {
            break;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(counts);
        return NULL;
    }
    return counts;
}

/* A set created here. */
static PyObject *
nshared_unique(PyObject *module, PyObject *words)
{
    PyObject *seen = PySet_New(NULL);
    PyObject *result = PyList_New(0);
    if (seen == NULL || result == NULL) {
        goto error;
    }
    Py_ssize_t n = PyList_Size(words);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PyList_GetItemRef(words, i);
        if (w == NULL) {
            goto error;
        }
        int dup = PySet_Contains(seen, w);  // ok: shared-object-check-then-act
        int rc = dup < 0 ? -1 : (dup ? 0 : (PySet_Add(seen, w) < 0 ? -1 : PyList_Append(result, w)));
        Py_DECREF(w);
        if (rc < 0) {
            goto error;
        }
    }
    Py_DECREF(seen);
    return result;

error:
    Py_XDECREF(seen);
    Py_XDECREF(result);
    return NULL;
}

/* kwargs fills in a default before forwarding: the dict belongs to this call. */
static PyObject *
nshared_split(PyObject *module, PyObject *args, PyObject *kwargs)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U:split", &text)) {
        return NULL;
    }
    PyObject *kw = kwargs != NULL ? PyDict_Copy(kwargs) : PyDict_New();
    if (kw == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *meth = NULL;
    int has = PyDict_ContainsString(kw, "maxsplit");  // ok: shared-object-check-then-act
    if (has < 0) {
        goto done;
    }
    if (!has) {
        PyObject *minus_one = PyLong_FromLong(-1);
        if (minus_one == NULL || PyDict_SetItemString(kw, "maxsplit", minus_one) < 0) {
            Py_XDECREF(minus_one);
            goto done;
        }
        Py_DECREF(minus_one);
    }
    meth = PyObject_GetAttrString(text, "split");
    if (meth != NULL) {
        result = PyObject_VectorcallDict(meth, NULL, 0, kw);
    }
done:
    Py_XDECREF(meth);
    Py_DECREF(kw);
    return result;
}

static PyObject *
nshared_set_defaults(PyObject *module, PyObject *args, PyObject *kwargs)
{
    if (kwargs == NULL) {
        Py_RETURN_NONE;
    }
    if (PyDict_GetItemString(kwargs, "lang") == NULL) {  // ok: shared-object-check-then-act
        PyObject *en = PyUnicode_FromString("en");
        if (en == NULL || PyDict_SetItemString(kwargs, "lang", en) < 0) {
            Py_XDECREF(en);
            return NULL;
        }
        Py_DECREF(en);
    }
    return PyDict_Copy(kwargs);
}

/* The dict is the caller's: a METH_O argument after the module. */
static PyObject *
nshared_count_into(PyObject *module, PyObject *counts)
{
    PyObject *total;
    if (PyDict_GetItemStringRef(counts, "total", &total) < 0) {  // ok: shared-object-check-then-act
        return NULL;
    }
    if (total == NULL) {
        total = PyLong_FromLong(0);
        if (total == NULL || PyDict_SetItemString(counts, "total", total) < 0) {
            Py_XDECREF(total);
            return NULL;
        }
    }
    return total;
}

/* METH_FASTCALL: the dict comes from the argument vector. */
static PyObject *
nshared_mark(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "mark(dict, key) takes exactly 2 arguments");
        return NULL;
    }
    int present = PyDict_Contains(args[0], args[1]);  // ok: shared-object-check-then-act
    if (present < 0) {
        return NULL;
    }
    if (!present && PyDict_SetItem(args[0], args[1], Py_True) < 0) {
        return NULL;
    }
    return PyBool_FromLong(!present);
}

/* Fields of a struct that lives on the caller's stack and is passed as the
   second argument. */
typedef struct {
    PyObject *tokens;
    Py_ssize_t count;
} parse_result;

static int
parse_into(PyObject *text, parse_result *out)
{
    if (out->tokens == NULL) {  // ok: shared-object-check-then-act
        out->tokens = PyList_New(0);
        if (out->tokens == NULL) {
            return -1;
        }
    }
    PyObject *parts = PyUnicode_Split(text, NULL, -1);
    if (parts == NULL) {
        return -1;
    }
    int rc = PyList_SetSlice(out->tokens, PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, parts);
    out->count = PyList_GET_SIZE(out->tokens);
    Py_DECREF(parts);
    return rc;
}

static PyObject *
nshared_tokens(PyObject *module, PyObject *text)
{
    parse_result res = {NULL, 0};
    if (parse_into(text, &res) < 0) {
        Py_XDECREF(res.tokens);
        return NULL;
    }
    return res.tokens;
}

static PyMethodDef nshared_methods[] = {
    {"word_frequencies", nshared_word_frequencies, METH_O, NULL},
    {"unique", nshared_unique, METH_O, NULL},
    {"split", (PyCFunction)(void (*)(void))nshared_split, METH_VARARGS | METH_KEYWORDS, NULL},
    {"set_defaults", (PyCFunction)(void (*)(void))nshared_set_defaults, METH_VARARGS | METH_KEYWORDS, NULL},
    {"count_into", nshared_count_into, METH_O, NULL},
    {"mark", (PyCFunction)(void (*)(void))nshared_mark, METH_FASTCALL, NULL},
    {"tokens", nshared_tokens, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot nshared_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef nshared_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "nshared",
    .m_methods = nshared_methods,
    .m_slots = nshared_slots,
};

PyMODINIT_FUNC
PyInit_nshared(void)
{
    return PyModuleDef_Init(&nshared_module);
}
