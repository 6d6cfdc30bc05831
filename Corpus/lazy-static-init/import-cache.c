/*
 * _convert: Python-level helpers (decimal.Decimal, datetime, json.loads,
 * pickle.dumps) imported lazily on first use and cached in statics. Covers
 * every spelling of the check: `V == NULL`, `!V`, `NULL == V`, and the
 * early-exit forms `if (V) return ...;` / `if (V != NULL) goto done;`
 * followed by the store.
 */
#include <Python.h>

static PyObject *Decimal;           /* decimal.Decimal */
static PyObject *datetime_module;   /* the datetime module */
static PyObject *json_loads;        /* json.loads */
static PyObject *pickle_dumps;      /* pickle.dumps */

/* Borrowed reference, or NULL with an exception set. */
static PyObject *
get_decimal_type(void)
{
    if (Decimal == NULL) {                                  // expect: lazy-static-init {{'Decimal'}}
        PyObject *mod = PyImport_ImportModule("decimal");
        if (mod == NULL) {                                  // ok: lazy-static-init
            return NULL;
        }
        Decimal = PyObject_GetAttrString(mod, "Decimal");
        Py_DECREF(mod);
    }
    return Decimal;
}

/* New reference. */
static PyObject *
import_datetime(void)
{
    if (datetime_module)                                    // expect: lazy-static-init {{'datetime_module'}}
        return Py_NewRef(datetime_module);
    datetime_module = PyImport_ImportModule("datetime");
    return Py_XNewRef(datetime_module);
}

static PyObject *
conv_to_decimal(PyObject *module, PyObject *arg)
{
    PyObject *cls = get_decimal_type();

    if (cls == NULL) {                                      // ok: lazy-static-init
        return NULL;
    }
    return PyObject_CallOneArg(cls, arg);
}

static PyObject *
conv_from_timestamp(PyObject *module, PyObject *arg)
{
    PyObject *dt_mod, *cls, *res;

    dt_mod = import_datetime();
    if (dt_mod == NULL) {
        return NULL;
    }
    cls = PyObject_GetAttrString(dt_mod, "datetime");
    Py_DECREF(dt_mod);
    if (cls == NULL) {
        return NULL;
    }
    res = PyObject_CallMethod(cls, "fromtimestamp", "O", arg);
    Py_DECREF(cls);
    return res;
}

static PyObject *
conv_parse_json(PyObject *module, PyObject *text)
{
    PyObject *json;

    if (json_loads != NULL)                                 // expect: lazy-static-init {{'json_loads'}}
        goto done;
    json = PyImport_ImportModule("json");
    if (json == NULL) {
        return NULL;
    }
    json_loads = PyObject_GetAttrString(json, "loads");
    Py_DECREF(json);
    if (json_loads == NULL) {
        return NULL;
    }
done:
    return PyObject_CallOneArg(json_loads, text);
}

static PyObject *
conv_pickle(PyObject *module, PyObject *obj)
{
    if (NULL == pickle_dumps) {                             // expect: lazy-static-init {{'pickle_dumps'}}
        PyObject *pickle = PyImport_ImportModule("pickle");
        if (pickle == NULL) {
            return NULL;
        }
        pickle_dumps = PyObject_GetAttrString(pickle, "dumps");
        Py_DECREF(pickle);
        if (pickle_dumps == NULL) {
            return NULL;
        }
    }
    return PyObject_CallOneArg(pickle_dumps, obj);
}

static PyMethodDef conv_methods[] = {
    {"to_decimal", conv_to_decimal, METH_O, NULL},
    {"from_timestamp", conv_from_timestamp, METH_O, NULL},
    {"parse_json", conv_parse_json, METH_O, NULL},
    {"pickle", conv_pickle, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot conv_slots[] = {
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef conv_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_convert",
    .m_size = 0,
    .m_methods = conv_methods,
    .m_slots = conv_slots,
};

PyMODINIT_FUNC
PyInit__convert(void)
{
    return PyModuleDef_Init(&conv_module);
}
