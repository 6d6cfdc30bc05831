/*
 * _serde: lazily imported helpers kept as members of a static struct and of
 * a struct reached through a static pointer (g.member, state->member).
 * The member is the lazily initialized variable.
 *
 * Copying the member into a local first and checking the local is the same
 * race, but the check is on a local variable, which the rule does not follow
 * (known false negative); the store itself is then an unsynchronized write
 * reported by static-mutable-state.
 */
#include <Python.h>

typedef struct {
    PyMutex lock;
    PyObject *json_dumps;
    PyObject *json_loads;
} json_cache;

static struct {
    PyObject *Decimal;              /* created at import */
    PyObject *Fraction;             /* BUG: lazy */
    PyObject *UUID;                 /* BUG: lazy through a local */
} g_types;

static json_cache *cache;           /* allocated at import */

static PyObject *
import_attr(const char *modname, const char *attr)
{
    PyObject *mod = PyImport_ImportModule(modname);
    PyObject *res;

    if (mod == NULL) {
        return NULL;
    }
    res = PyObject_GetAttrString(mod, attr);
    Py_DECREF(mod);
    return res;
}

static PyObject *
serde_fraction(PyObject *module, PyObject *arg)
{
    if (g_types.Fraction == NULL) {                         // expect: lazy-static-init {{Fraction}}
        g_types.Fraction = import_attr("fractions", "Fraction");
        if (g_types.Fraction == NULL) {
            return NULL;
        }
    }
    return PyObject_CallOneArg(g_types.Fraction, arg);
}

static PyObject *
serde_decimal(PyObject *module, PyObject *arg)
{
    /* Created at import: only read here. */
    if (g_types.Decimal == NULL) {                          // ok: lazy-static-init
        PyErr_SetString(PyExc_ImportError, "decimal is unavailable");
        return NULL;
    }
    return PyObject_CallOneArg(g_types.Decimal, arg);
}

static PyObject *
serde_uuid(PyObject *module, PyObject *arg)
{
    PyObject *cls = g_types.UUID;

    if (cls == NULL) {                                      // todo-expect: lazy-static-init
        cls = import_attr("uuid", "UUID");
        if (cls == NULL) {
            return NULL;
        }
        g_types.UUID = cls;                                 // expect: static-mutable-state {{g_types}}
    }
    return PyObject_CallOneArg(cls, arg);
}

static PyObject *
serde_dumps(PyObject *module, PyObject *obj)
{
    if (!cache->json_dumps) {                               // expect: lazy-static-init {{json_dumps}}
        cache->json_dumps = import_attr("json", "dumps");
        if (!cache->json_dumps) {                           // ok: lazy-static-init
            return NULL;
        }
    }
    return PyObject_CallOneArg(cache->json_dumps, obj);
}

static PyObject *
serde_loads(PyObject *module, PyObject *text)
{
    PyObject *loads, *res;

    PyMutex_Lock(&cache->lock);
    if (cache->json_loads == NULL) {                        // ok: lazy-static-init
        cache->json_loads = import_attr("json", "loads");
    }
    loads = Py_XNewRef(cache->json_loads);
    PyMutex_Unlock(&cache->lock);
    if (loads == NULL) {                                    // ok: lazy-static-init
        return NULL;
    }
    res = PyObject_CallOneArg(loads, text);
    Py_DECREF(loads);
    return res;
}

static PyMethodDef serde_methods[] = {
    {"fraction", serde_fraction, METH_O, NULL},
    {"decimal", serde_decimal, METH_O, NULL},
    {"uuid", serde_uuid, METH_O, NULL},
    {"dumps", serde_dumps, METH_O, NULL},
    {"loads", serde_loads, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef serde_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT,
    .m_name = "_serde",
    .m_size = -1,
    .m_methods = serde_methods,
};

PyMODINIT_FUNC
PyInit__serde(void)
{
    cache = PyMem_RawCalloc(1, sizeof(*cache));             // ok: static-mutable-state
    if (cache == NULL) {
        return PyErr_NoMemory();
    }
    g_types.Decimal = import_attr("decimal", "Decimal");    // ok: static-mutable-state
    if (g_types.Decimal == NULL) {
        return NULL;
    }
    return PyModule_Create(&serde_module);
}
