// borrowed-reference in C++: an event bus keeps its handlers in a static dict
// and its pending events in a list held in module state. Handlers are
// replaced by subscribe() and events are removed by drain(), from any thread.
// Not reported: lookups under a std::lock_guard, results compared with
// nullptr only, and the strong-reference replacements.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <mutex>

struct bus_state {
    PyObject *pending;    // list of events; drain() empties it
};

static PyObject *g_handlers = nullptr;   // dict: event name -> callable, created at import
static std::mutex g_handlers_mutex;      // held by subscribe() and handler_for()

static bus_state *
get_bus_state(PyObject *module)
{
    return static_cast<bus_state *>(PyModule_GetState(module));
}

// ---- positives -------------------------------------------------------------

static PyObject *
bus_dispatch(PyObject *, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "dispatch(event, payload) takes exactly 2 arguments");
        return nullptr;
    }
    PyObject *handler = PyDict_GetItemWithError(g_handlers, args[0]);  // expect: borrowed-reference {{'g_handlers'}} {{PyDict_GetItemRef}}
    if (handler == nullptr) {
        return PyErr_Occurred() ? nullptr : Py_NewRef(Py_None);
    }
    // The handler can run Python code that unsubscribes itself: the dict drops
    // its reference while the call is still using the object.
    return PyObject_CallOneArg(handler, args[1]);
}

static PyObject *
bus_peek(PyObject *module, PyObject *)
{
    auto *st = get_bus_state(module);
    auto *event = PyList_GetItem(st->pending, 0);  // expect: borrowed-reference {{'st->pending'}} {{PyList_GetItemRef}}
    if (event == nullptr) {
        return nullptr;
    }
    return Py_NewRef(event);
}

// ---- negatives -------------------------------------------------------------

static PyObject *
bus_dispatch_ref(PyObject *, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "dispatch_ref(event, payload) takes exactly 2 arguments");
        return nullptr;
    }
    PyObject *handler = nullptr;
    int found = PyDict_GetItemRef(g_handlers, args[0], &handler);  // ok: borrowed-reference
    if (found <= 0) {
        return found < 0 ? nullptr : Py_NewRef(Py_None);
    }
    PyObject *result = PyObject_CallOneArg(handler, args[1]);
    Py_DECREF(handler);
    return result;
}

static PyObject *
bus_has_handler(PyObject *, PyObject *event)
{
    PyObject *handler = PyDict_GetItemWithError(g_handlers, event);  // ok: borrowed-reference
    if (handler == nullptr && PyErr_Occurred()) {
        return nullptr;
    }
    return PyBool_FromLong(handler != nullptr);
}

static PyObject *
bus_handler_for(PyObject *, PyObject *event)
{
    PyObject *handler;
    {
        std::lock_guard<std::mutex> guard(g_handlers_mutex);
        handler = PyDict_GetItemWithError(g_handlers, event);  // ok: borrowed-reference
        Py_XINCREF(handler);
    }
    if (handler == nullptr && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return handler;
}

static PyObject *
bus_peek_ref(PyObject *module, PyObject *)
{
    auto *st = get_bus_state(module);
    return PyList_GetItemRef(st->pending, 0);  // ok: borrowed-reference
}

static PyObject *
bus_subscribe(PyObject *, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "subscribe(event, handler) takes exactly 2 arguments");
        return nullptr;
    }
    int rc;
    {
        std::lock_guard<std::mutex> guard(g_handlers_mutex);
        rc = PyDict_SetItem(g_handlers, args[0], args[1]);
    }
    if (rc < 0) {
        return nullptr;
    }
    Py_RETURN_NONE;
}

static PyObject *
bus_drain(PyObject *module, PyObject *)
{
    auto *st = get_bus_state(module);
    PyObject *events;
    Py_BEGIN_CRITICAL_SECTION(st->pending);
    events = PyList_GetSlice(st->pending, 0, PY_SSIZE_T_MAX);
    if (events != nullptr && PyList_SetSlice(st->pending, 0, PY_SSIZE_T_MAX, nullptr) < 0) {
        Py_CLEAR(events);
    }
    Py_END_CRITICAL_SECTION();
    return events;
}

// ---- module boilerplate ----------------------------------------------------

static int
bus_exec(PyObject *module)
{
    auto *st = get_bus_state(module);
    st->pending = PyList_New(0);
    if (st->pending == nullptr) {
        return -1;
    }
    if (g_handlers == nullptr) {
        g_handlers = PyDict_New();
        if (g_handlers == nullptr) {
            return -1;
        }
    }
    return PyModule_AddObjectRef(module, "handlers", g_handlers);
}

static int
bus_traverse(PyObject *module, visitproc visit, void *arg)
{
    auto *st = get_bus_state(module);
    Py_VISIT(st->pending);
    return 0;
}

static int
bus_clear(PyObject *module)
{
    auto *st = get_bus_state(module);
    Py_CLEAR(st->pending);
    return 0;
}

static PyMethodDef bus_methods[] = {
    {"dispatch", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(bus_dispatch)), METH_FASTCALL, nullptr},
    {"peek", bus_peek, METH_NOARGS, nullptr},
    {"dispatch_ref", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(bus_dispatch_ref)), METH_FASTCALL, nullptr},
    {"has_handler", bus_has_handler, METH_O, nullptr},
    {"handler_for", bus_handler_for, METH_O, nullptr},
    {"peek_ref", bus_peek_ref, METH_NOARGS, nullptr},
    {"subscribe", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(bus_subscribe)), METH_FASTCALL, nullptr},
    {"drain", bus_drain, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot bus_slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(bus_exec)},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef bus_module = {  // expect: module-gil-declaration {{'eventbus'}}
    PyModuleDef_HEAD_INIT,
    "eventbus",                   // m_name
    nullptr,                      // m_doc
    static_cast<Py_ssize_t>(sizeof(bus_state)),
    bus_methods,
    bus_slots,
    bus_traverse,
    bus_clear,
    nullptr,                      // m_free
};

PyMODINIT_FUNC
PyInit_eventbus(void)
{
    return PyModuleDef_Init(&bus_module);
}
