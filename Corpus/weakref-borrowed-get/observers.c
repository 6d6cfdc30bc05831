// weakref-borrowed-get: a subject keeps weak references to its observers in
// module state, and a C callback reaches the module through a weak reference
// (so that the callback does not keep the module alive). Every call of
// PyWeakref_GetObject / PyWeakref_GET_OBJECT is reported: in methods, in a
// non-static function, and in Py_mod_exec, since the API is deprecated in
// CPython 3.13 and removed in 3.15. Not reported: PyWeakref_GetRef,
// PyWeakref_NewRef, code under `#if 0`, and the name in a docstring.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *observers;    /* list of weak references to observer objects */
    PyObject *module_ref;   /* weak reference to this module, for callbacks */
    PyObject *on_event;     /* builtin function bound to module_ref */
} observers_state;

PyDoc_STRVAR(notify_doc,
"notify(event)\n\n"
"Call observer.notify(event) on every live observer. Ported from\n"
"PyWeakref_GetObject to PyWeakref_GetRef for CPython 3.15.");  // ok: weakref-borrowed-get

/* ---- positives ---------------------------------------------------------- */

static PyObject *
observers_notify_all(PyObject *module, PyObject *event)
{
    observers_state *st = (observers_state *)PyModule_GetState(module);
    Py_ssize_t n = PyList_Size(st->observers);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *ref = PyList_GetItemRef(st->observers, i);
        if (ref == NULL) {
            return NULL;
        }
        PyObject *observer = PyWeakref_GetObject(ref);  // expect: weakref-borrowed-get {{'ref'}} {{PyWeakref_GetRef}}
        PyObject *res = NULL;
        if (observer == Py_None) {
            res = Py_NewRef(Py_None);    /* observer already collected */
        }
        else if (observer != NULL) {
            res = PyObject_CallMethod(observer, "notify", "O", event);
        }
        Py_DECREF(ref);
        if (res == NULL) {
            return NULL;
        }
        Py_DECREF(res);
    }
    Py_RETURN_NONE;
}

/* Bound to a weak reference to the module (the `self` of a builtin function
   created in observers_exec). */
static PyObject *
observers_on_event(PyObject *module_ref, PyObject *event)
{
    PyObject *module = PyWeakref_GET_OBJECT(module_ref);  // expect: weakref-borrowed-get {{'module_ref'}}
    if (module == Py_None) {
        Py_RETURN_NONE;                  /* the module was unloaded */
    }
    return observers_notify_all(module, event);
}

/* Exported for the extension's other C files. */
PyObject *
observers_resolve(PyObject *ref)
{
    PyObject *obj = PyWeakref_GetObject(ref);  // expect: weakref-borrowed-get {{'ref'}}
    return Py_XNewRef(obj);
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
observers_notify(PyObject *module, PyObject *event)
{
    observers_state *st = (observers_state *)PyModule_GetState(module);
    Py_ssize_t n = PyList_Size(st->observers);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *ref = PyList_GetItemRef(st->observers, i);
        if (ref == NULL) {
            return NULL;
        }
        PyObject *observer;
        int rc = PyWeakref_GetRef(ref, &observer);  // ok: weakref-borrowed-get
        Py_DECREF(ref);
        if (rc < 0) {
            return NULL;
        }
        if (rc == 0) {
            continue;                    /* observer already collected */
        }
        PyObject *res = PyObject_CallMethod(observer, "notify", "O", event);
        Py_DECREF(observer);
        if (res == NULL) {
            return NULL;
        }
        Py_DECREF(res);
    }
    Py_RETURN_NONE;
}

static PyObject *
observers_attach(PyObject *module, PyObject *observer)
{
    observers_state *st = (observers_state *)PyModule_GetState(module);
    PyObject *ref = PyWeakref_NewRef(observer, NULL);  // ok: weakref-borrowed-get
    if (ref == NULL) {
        return NULL;
    }
    int rc = PyList_Append(st->observers, ref);
    Py_DECREF(ref);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

#if 0
/* The 3.12 implementation, kept for reference. */
static PyObject *
observers_first_live_old(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    observers_state *st = (observers_state *)PyModule_GetState(module);
    return Py_NewRef(PyWeakref_GET_OBJECT(PyList_GET_ITEM(st->observers, 0)));  // ok: weakref-borrowed-get
}
#endif

/* ---- module boilerplate ------------------------------------------------- */

static PyMethodDef on_event_def = {
    "on_event", observers_on_event, METH_O, "Forward an event to the observers."
};

static int
observers_exec(PyObject *module)
{
    observers_state *st = (observers_state *)PyModule_GetState(module);
    st->observers = PyList_New(0);
    if (st->observers == NULL) {
        return -1;
    }
    st->module_ref = PyWeakref_NewRef(module, NULL);  // ok: weakref-borrowed-get
    if (st->module_ref == NULL) {
        return -1;
    }
    /* Import-time code is reported too: the call does not exist in 3.15. */
    if (PyWeakref_GetObject(st->module_ref) != module) {  // expect: weakref-borrowed-get {{'st->module_ref'}}
        PyErr_SetString(PyExc_SystemError, "broken weak reference to the module");
        return -1;
    }
    st->on_event = PyCFunction_New(&on_event_def, st->module_ref);
    if (st->on_event == NULL) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "on_event", st->on_event);
}

static int
observers_traverse(PyObject *module, visitproc visit, void *arg)
{
    observers_state *st = (observers_state *)PyModule_GetState(module);
    Py_VISIT(st->observers);
    Py_VISIT(st->module_ref);
    Py_VISIT(st->on_event);
    return 0;
}

static int
observers_clear(PyObject *module)
{
    observers_state *st = (observers_state *)PyModule_GetState(module);
    Py_CLEAR(st->observers);
    Py_CLEAR(st->module_ref);
    Py_CLEAR(st->on_event);
    return 0;
}

static PyMethodDef observers_methods[] = {
    {"notify_all", observers_notify_all, METH_O, NULL},
    {"notify", observers_notify, METH_O, notify_doc},
    {"attach", observers_attach, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot observers_slots[] = {
    {Py_mod_exec, observers_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef observers_module = {  // expect: module-gil-declaration {{'observers'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "observers",
    .m_size = sizeof(observers_state),
    .m_methods = observers_methods,
    .m_slots = observers_slots,
    .m_traverse = observers_traverse,
    .m_clear = observers_clear,
};

PyMODINIT_FUNC
PyInit_observers(void)
{
    return PyModuleDef_Init(&observers_module);
}
