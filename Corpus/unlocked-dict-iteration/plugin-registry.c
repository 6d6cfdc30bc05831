// unlocked-dict-iteration on module-level dicts: a plugin registry keeps
// its plugins in a dict in module state and its settings in a static dict;
// register() and configure() change them from any thread while
// other threads list or run the plugins. Also reported through a helper that
// receives the module state. Not reported: the loop in Py_mod_exec (runs
// once, before other threads see the module), loops under a PyMutex or a
// critical section on the dict, and a dict the caller passes in.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *plugins;    /* dict: name -> plugin object */
} plugins_state;

static PyObject *settings;        /* dict: option -> value, created at import */
static PyMutex settings_lock;     /* held by every C-level reader and writer of settings */

static inline plugins_state *
get_plugins_state(PyObject *module)
{
    return (plugins_state *)PyModule_GetState(module);
}

/* ---- positives ---------------------------------------------------------- */

static PyObject *
plugins_names(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    plugins_state *st = get_plugins_state(module);
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *name, *plugin;
    while (PyDict_Next(st->plugins, &pos, &name, &plugin)) {  // expect: unlocked-dict-iteration {{'st->plugins'}}
        if (PyList_Append(names, name) < 0) {
            Py_DECREF(names);
            return NULL;
        }
    }
    return names;
}

/* A helper whose parameter receives the module state. */
static int
run_each(plugins_state *st, PyObject *event)
{
    Py_ssize_t pos = 0;
    PyObject *name, *plugin;
    while (PyDict_Next(st->plugins, &pos, &name, &plugin)) {  // expect: unlocked-dict-iteration {{'st->plugins'}}
        /* Runs Python code: it can register or unregister plugins. */
        PyObject *res = PyObject_CallMethod(plugin, "handle", "O", event);
        if (res == NULL) {
            return -1;
        }
        Py_DECREF(res);
    }
    return 0;
}

static PyObject *
plugins_dispatch(PyObject *module, PyObject *event)
{
    if (run_each(get_plugins_state(module), event) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* A static dict, iterated without the lock its writers take. */
static PyObject *
plugins_settings_repr(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(settings, &pos, &key, &value)) {  // expect: unlocked-dict-iteration {{'settings'}}
        PyObject *item = PyUnicode_FromFormat("%U=%R", key, value);
        if (item == NULL || PyList_Append(parts, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(item);
    }
    return parts;
}

/* ---- negatives ---------------------------------------------------------- */

static PyObject *
plugins_register(PyObject *module, PyObject *args)
{
    PyObject *name, *plugin;
    if (!PyArg_ParseTuple(args, "UO:register", &name, &plugin)) {
        return NULL;
    }
    if (PyDict_SetItem(get_plugins_state(module)->plugins, name, plugin) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
plugins_configure(PyObject *module, PyObject *args)
{
    PyObject *key, *value;
    if (!PyArg_ParseTuple(args, "UO:configure", &key, &value)) {
        return NULL;
    }
    PyMutex_Lock(&settings_lock);
    int rc = PyDict_SetItem(settings, key, value);
    PyMutex_Unlock(&settings_lock);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The fix: a critical section on the dict around the whole loop. */
static PyObject *
plugins_count_enabled(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    plugins_state *st = get_plugins_state(module);
    Py_ssize_t count = 0;
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(st->plugins);
    Py_ssize_t pos = 0;
    PyObject *name, *plugin;
    while (!err && PyDict_Next(st->plugins, &pos, &name, &plugin)) {  // ok: unlocked-dict-iteration
        int enabled = PyObject_HasAttrStringWithError(plugin, "enabled");
        if (enabled < 0) {
            err = 1;
        }
        count += enabled > 0;
    }
    Py_END_CRITICAL_SECTION();
    return err ? NULL : PyLong_FromSsize_t(count);
}

/* Counting under the PyMutex that every writer of `settings` holds. */
static PyObject *
plugins_settings_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t count = 0;
    PyMutex_Lock(&settings_lock);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(settings, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        count += PyUnicode_Check(key);
    }
    PyMutex_Unlock(&settings_lock);
    return PyLong_FromSsize_t(count);
}

/* The caller's dict: a parameter other than the first. */
static PyObject *
plugins_validate(PyObject *module, PyObject *config)
{
    if (!PyDict_Check(config)) {
        PyErr_SetString(PyExc_TypeError, "config must be a dict");
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(config, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        if (!PyUnicode_Check(key)) {
            PyErr_Format(PyExc_TypeError, "option names must be str, not %T", key);
            return NULL;
        }
    }
    Py_RETURN_TRUE;
}

/* ---- module boilerplate ------------------------------------------------- */

static int
plugins_exec(PyObject *module)
{
    plugins_state *st = get_plugins_state(module);
    st->plugins = PyDict_New();
    if (st->plugins == NULL) {
        return -1;
    }
    settings = Py_BuildValue("{s:i,s:s}", "verbosity", 0, "mode", "strict");
    if (settings == NULL) {
        return -1;
    }
    /* Runs once, under the import lock: no other thread can see the dict. */
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(settings, &pos, &key, &value)) {  // ok: unlocked-dict-iteration
        if (PyModule_AddObjectRef(module, PyUnicode_AsUTF8(key), value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
plugins_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(get_plugins_state(module)->plugins);
    return 0;
}

static int
plugins_clear(PyObject *module)
{
    Py_CLEAR(get_plugins_state(module)->plugins);
    return 0;
}

static PyMethodDef plugins_methods[] = {
    {"names", plugins_names, METH_NOARGS, NULL},
    {"dispatch", plugins_dispatch, METH_O, NULL},
    {"settings_repr", plugins_settings_repr, METH_NOARGS, NULL},
    {"register", plugins_register, METH_VARARGS, NULL},
    {"configure", plugins_configure, METH_VARARGS, NULL},
    {"count_enabled", plugins_count_enabled, METH_NOARGS, NULL},
    {"settings_count", plugins_settings_count, METH_NOARGS, NULL},
    {"validate", plugins_validate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot plugins_slots[] = {
    {Py_mod_exec, plugins_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef plugins_module = {  // expect: module-gil-declaration {{'plugins'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "plugins",
    .m_size = sizeof(plugins_state),
    .m_methods = plugins_methods,
    .m_slots = plugins_slots,
    .m_traverse = plugins_traverse,
    .m_clear = plugins_clear,
};

PyMODINIT_FUNC
PyInit_plugins(void)
{
    return PyModuleDef_Init(&plugins_module);
}
