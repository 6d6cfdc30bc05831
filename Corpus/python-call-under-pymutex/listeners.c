/*
 * _events: listener callbacks registered in module state and guarded by a
 * PyMutex in the same state. Calling a listener, importing a module or
 * looking up an attribute while the mutex is held runs Python code that can
 * call subscribe() on the same thread (self-deadlock: PyMutex is not
 * reentrant) or block on another lock while every other thread waits for
 * this one.
 *
 * Not reported: the same work done on a snapshot taken under the lock and
 * used after PyMutex_Unlock; an exception raised after an early unlock;
 * Python calls inside Py_BEGIN_CRITICAL_SECTION (a critical section is
 * suspended while its thread blocks); and a pthread mutex, which is not a
 * PyMutex (this rule only looks at PyMutex).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>

typedef struct {
    PyMutex lock;               /* guards every field below */
    PyObject **listeners;       /* strong references */
    Py_ssize_t n_listeners;
    Py_ssize_t cap_listeners;
    PyObject *json_dumps;       /* json.dumps, imported on first use */
    PyObject *defaults;         /* dict: event name -> default payload */
    unsigned long version;      /* bumped on every change of defaults */
} events_state;

/* Set from C code that embeds the interpreter; guarded by hook_lock. */
static pthread_mutex_t hook_lock = PTHREAD_MUTEX_INITIALIZER;
static PyObject *error_hook;

static events_state *
get_events_state(PyObject *module)
{
    return (events_state *)PyModule_GetState(module);
}

/* ---- positives ---------------------------------------------------------- */

/* emit(event): calls every listener with the lock held. */
static PyObject *
events_emit(PyObject *module, PyObject *event)
{
    events_state *st = get_events_state(module);
    int rc = 0;

    PyMutex_Lock(&st->lock);
    for (Py_ssize_t i = 0; i < st->n_listeners && rc == 0; i++) {
        PyObject *res = PyObject_CallOneArg(st->listeners[i], event);  // expect: python-call-under-pymutex {{'st->lock'}} {{PyObject_CallOneArg}}
        if (res == NULL) {
            rc = -1;
        }
        Py_XDECREF(res);                                // ok: python-call-under-pymutex
    }
    PyMutex_Unlock(&st->lock);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* to_json(event): imports json on first use, under the lock. The import can
   wait for the import lock that another thread holds while it waits for
   st->lock. */
static PyObject *
events_to_json(PyObject *module, PyObject *event)
{
    events_state *st = get_events_state(module);
    PyObject *dumps;

    PyMutex_Lock(&st->lock);
    if (st->json_dumps == NULL) {
        PyObject *json = PyImport_ImportModule("json");     // expect: python-call-under-pymutex {{PyImport_ImportModule}}
        if (json != NULL) {
            st->json_dumps = PyObject_GetAttrString(json, "dumps");  // ok: python-call-under-pymutex
            Py_DECREF(json);                            // ok: python-call-under-pymutex
        }
    }
    dumps = Py_XNewRef(st->json_dumps);
    PyMutex_Unlock(&st->lock);
    if (dumps == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(dumps, event);
    Py_DECREF(dumps);
    return res;
}

/* listener_names(): asks each listener for its __qualname__ under the lock
   (a property can run any code). */
static PyObject *
events_listener_names(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    events_state *st = get_events_state(module);
    PyObject *names = PyList_New(0);

    if (names == NULL) {
        return NULL;
    }
    PyMutex_Lock(&st->lock);
    for (Py_ssize_t i = 0; i < st->n_listeners; i++) {
        PyObject *name = PyObject_GetAttrString(st->listeners[i], "__qualname__");  // expect: python-call-under-pymutex {{PyObject_GetAttrString}}
        if (name == NULL || PyList_Append(names, name) < 0) {
            Py_XDECREF(name);                           // ok: python-call-under-pymutex
            Py_CLEAR(names);                            // ok: python-call-under-pymutex
            break;
        }
        Py_DECREF(name);                                // ok: python-call-under-pymutex
    }
    PyMutex_Unlock(&st->lock);
    return names;
}

/* set_default(name, payload): PyDict_SetItem drops the previous payload under
   the lock, which can run its __del__. Not in the rule's list of calls. */
static PyObject *
events_set_default(PyObject *module, PyObject *args)
{
    events_state *st = get_events_state(module);
    PyObject *name, *payload;
    int rc;

    if (!PyArg_ParseTuple(args, "UO:set_default", &name, &payload)) {
        return NULL;
    }
    PyMutex_Lock(&st->lock);
    rc = PyDict_SetItem(st->defaults, name, payload);   // todo-expect: python-call-under-pymutex
    if (rc == 0) {
        st->version++;
    }
    PyMutex_Unlock(&st->lock);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- negatives ---------------------------------------------------------- */

/* subscribe(callback): only C state and new references under the lock; the
   exception is raised after the early unlock. */
static PyObject *
events_subscribe(PyObject *module, PyObject *callback)
{
    events_state *st = get_events_state(module);

    if (!PyCallable_Check(callback)) {
        PyErr_SetString(PyExc_TypeError, "listener must be callable");
        return NULL;
    }
    PyMutex_Lock(&st->lock);
    if (st->n_listeners == st->cap_listeners) {
        Py_ssize_t cap = st->cap_listeners ? st->cap_listeners * 2 : 8;
        PyObject **grown = PyMem_Realloc(st->listeners, (size_t)cap * sizeof(PyObject *));
        if (grown == NULL) {
            PyMutex_Unlock(&st->lock);
            return PyErr_NoMemory();                    // ok: python-call-under-pymutex
        }
        st->listeners = grown;
        st->cap_listeners = cap;
    }
    st->listeners[st->n_listeners++] = Py_NewRef(callback);  // ok: python-call-under-pymutex
    PyMutex_Unlock(&st->lock);
    Py_RETURN_NONE;
}

/* unsubscribe(callback): removed under the lock, released after it. */
static PyObject *
events_unsubscribe(PyObject *module, PyObject *callback)
{
    events_state *st = get_events_state(module);
    PyObject *removed = NULL;

    PyMutex_Lock(&st->lock);
    for (Py_ssize_t i = 0; i < st->n_listeners; i++) {
        if (st->listeners[i] == callback) {
            removed = st->listeners[i];
            st->listeners[i] = st->listeners[--st->n_listeners];
            break;
        }
    }
    PyMutex_Unlock(&st->lock);
    if (removed == NULL) {
        PyErr_SetString(PyExc_ValueError, "not a listener");     // ok: python-call-under-pymutex
        return NULL;
    }
    Py_DECREF(removed);                                 // ok: python-call-under-pymutex
    Py_RETURN_NONE;
}

/* emit_safe(event): the fix for emit(): snapshot under the lock, call after. */
static PyObject *
events_emit_safe(PyObject *module, PyObject *event)
{
    events_state *st = get_events_state(module);
    PyObject **snapshot;
    Py_ssize_t n;
    int rc = 0;

    PyMutex_Lock(&st->lock);
    n = st->n_listeners;
    snapshot = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(PyObject *));
    if (snapshot == NULL) {
        PyMutex_Unlock(&st->lock);
        return PyErr_NoMemory();                        // ok: python-call-under-pymutex
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        snapshot[i] = Py_NewRef(st->listeners[i]);      // ok: python-call-under-pymutex
    }
    PyMutex_Unlock(&st->lock);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (rc == 0) {
            PyObject *res = PyObject_CallOneArg(snapshot[i], event);  // ok: python-call-under-pymutex
            if (res == NULL) {
                rc = -1;
            }
            Py_XDECREF(res);
        }
        Py_DECREF(snapshot[i]);
    }
    PyMem_Free(snapshot);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* pop_default(name): a critical section on the dict, not a PyMutex. */
static PyObject *
events_pop_default(PyObject *module, PyObject *name)
{
    events_state *st = get_events_state(module);
    PyObject *payload = NULL;

    Py_BEGIN_CRITICAL_SECTION(st->defaults);
    int found = PyDict_Pop(st->defaults, name, &payload);
    if (found == 0) {
        PyErr_SetObject(PyExc_KeyError, name);          // ok: python-call-under-pymutex
    }
    Py_END_CRITICAL_SECTION();
    return payload;
}

/* set_error_hook(hook): a pthread mutex (shared with the embedding C code)
   is not a PyMutex. */
static PyObject *
events_set_error_hook(PyObject *module, PyObject *hook)
{
    PyObject *old;

    pthread_mutex_lock(&hook_lock);
    old = error_hook;
    error_hook = hook == Py_None ? NULL : Py_NewRef(hook);
    Py_XDECREF(old);                                    // ok: python-call-under-pymutex
    pthread_mutex_unlock(&hook_lock);
    Py_RETURN_NONE;
}

/* ---- module boilerplate ------------------------------------------------- */

static int
events_exec(PyObject *module)
{
    events_state *st = get_events_state(module);
    st->defaults = PyDict_New();
    return st->defaults != NULL ? 0 : -1;
}

static int
events_traverse(PyObject *module, visitproc visit, void *arg)
{
    events_state *st = get_events_state(module);
    for (Py_ssize_t i = 0; i < st->n_listeners; i++) {
        Py_VISIT(st->listeners[i]);
    }
    Py_VISIT(st->json_dumps);
    Py_VISIT(st->defaults);
    return 0;
}

static int
events_clear(PyObject *module)
{
    events_state *st = get_events_state(module);
    for (Py_ssize_t i = 0; i < st->n_listeners; i++) {
        Py_CLEAR(st->listeners[i]);
    }
    st->n_listeners = 0;
    Py_CLEAR(st->json_dumps);
    Py_CLEAR(st->defaults);
    return 0;
}

static void
events_free(void *module)
{
    events_state *st = get_events_state((PyObject *)module);
    (void)events_clear((PyObject *)module);
    PyMem_Free(st->listeners);
    st->listeners = NULL;
}

static PyMethodDef events_methods[] = {
    {"emit", events_emit, METH_O, NULL},
    {"to_json", events_to_json, METH_O, NULL},
    {"listener_names", events_listener_names, METH_NOARGS, NULL},
    {"set_default", events_set_default, METH_VARARGS, NULL},
    {"subscribe", events_subscribe, METH_O, NULL},
    {"unsubscribe", events_unsubscribe, METH_O, NULL},
    {"emit_safe", events_emit_safe, METH_O, NULL},
    {"pop_default", events_pop_default, METH_O, NULL},
    {"set_error_hook", events_set_error_hook, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot events_slots[] = {
    {Py_mod_exec, events_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef events_module = {  // expect: module-gil-declaration {{'_events'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "_events",
    .m_size = sizeof(events_state),
    .m_methods = events_methods,
    .m_slots = events_slots,
    .m_traverse = events_traverse,
    .m_clear = events_clear,
    .m_free = events_free,
};

PyMODINIT_FUNC
PyInit__events(void)
{
    return PyModuleDef_Init(&events_module);
}
