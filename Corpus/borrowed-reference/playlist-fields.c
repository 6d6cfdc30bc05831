// borrowed-reference on containers stored in fields of `self`: a Playlist
// object keeps a list of tracks and a dict from title to track, and any
// thread holding the playlist can call remove() or clear() on them while
// another one uses a track it got from PyList_GetItem, PyList_GET_ITEM or
// PyDict_GetItemWithError. Not reported: lookups inside a critical section
// on self (which covers self->tracks) or on the container, the
// strong-reference replacements, tuples (immutable, even in a field), lists
// built in this function, and a result only compared with NULL.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *tracks;     /* list of track objects; remove()/clear() mutate it */
    PyObject *by_title;   /* dict: title -> track */
    PyObject *tags;       /* tuple of str, fixed in tp_init */
} PlaylistObject;

static Py_ssize_t
index_arg(PyObject *arg)
{
    return PyLong_AsSsize_t(arg);
}

/* ---- positives ---------------------------------------------------------- */

static PyObject *
Playlist_get(PlaylistObject *self, PyObject *arg)
{
    Py_ssize_t i = index_arg(arg);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *track = PyList_GetItem(self->tracks, i);  // expect: borrowed-reference {{'self->tracks'}} {{PyList_GetItemRef}}
    if (track == NULL) {
        return NULL;
    }
    return Py_NewRef(track);
}

static PyObject *
Playlist_first(PlaylistObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyList_GET_SIZE(self->tracks) == 0) {
        Py_RETURN_NONE;
    }
    /* Another thread can empty the list between the size check and the read. */
    return Py_NewRef(PyList_GET_ITEM(self->tracks, 0));  // expect: borrowed-reference {{'self->tracks'}}
}

/* METH_NOARGS with a PyObject *self, cast to the object struct. */
static PyObject *
Playlist_last_title(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PlaylistObject *pl = (PlaylistObject *)self;
    PyObject *tracks = pl->tracks;
    Py_ssize_t n = PyList_GET_SIZE(tracks);
    if (n == 0) {
        Py_RETURN_NONE;
    }
    PyObject *last = PyList_GET_ITEM(tracks, n - 1);  // expect: borrowed-reference {{PyList_GetItemRef}}
    return PyObject_GetAttrString(last, "title");
}

static PyObject *
Playlist_find(PlaylistObject *self, PyObject *title)
{
    PyObject *track = PyDict_GetItemWithError(self->by_title, title);  // expect: borrowed-reference {{'self->by_title'}} {{PyDict_GetItemRef}}
    if (track == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, title);
        }
        return NULL;
    }
    return Py_NewRef(track);
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix for lists: PyList_GetItemRef (CPython 3.13) returns a strong reference. */
static PyObject *
Playlist_get_ref(PlaylistObject *self, PyObject *arg)
{
    Py_ssize_t i = index_arg(arg);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyList_GetItemRef(self->tracks, i);  // ok: borrowed-reference
}

/* A critical section on self: self->tracks is only changed under it. */
static PyObject *
Playlist_first_locked(PlaylistObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *track = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (PyList_GET_SIZE(self->tracks) > 0) {
        track = Py_NewRef(PyList_GET_ITEM(self->tracks, 0));  // ok: borrowed-reference
    }
    Py_END_CRITICAL_SECTION();
    if (track == NULL) {
        Py_RETURN_NONE;
    }
    return track;
}

/* A critical section on the dict itself. */
static PyObject *
Playlist_find_locked(PlaylistObject *self, PyObject *title)
{
    PyObject *track;
    Py_BEGIN_CRITICAL_SECTION(self->by_title);
    track = PyDict_GetItemWithError(self->by_title, title);  // ok: borrowed-reference
    Py_XINCREF(track);
    Py_END_CRITICAL_SECTION();
    if (track == NULL && !PyErr_Occurred()) {
        PyErr_SetObject(PyExc_KeyError, title);
    }
    return track;
}

/* Only compared with NULL. */
static PyObject *
Playlist_contains_title(PlaylistObject *self, PyObject *title)
{
    PyObject *track = PyDict_GetItemWithError(self->by_title, title);  // ok: borrowed-reference
    if (track == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(track != NULL);
}

/* Tuples never change: a borrowed item stays valid while the tuple lives. */
static PyObject *
Playlist_main_tag(PlaylistObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyTuple_GET_SIZE(self->tags) == 0) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(PyTuple_GET_ITEM(self->tags, 0));  // ok: borrowed-reference
}

/* A sorted copy made in this function: no other thread can reach it. */
static PyObject *
Playlist_smallest(PlaylistObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *sorted = PyList_New(0);
    if (sorted == NULL) {
        return NULL;
    }
    if (PyList_SetSlice(sorted, 0, 0, self->tracks) < 0 || PyList_Sort(sorted) < 0) {
        Py_DECREF(sorted);
        return NULL;
    }
    PyObject *result = Py_None;
    if (PyList_GET_SIZE(sorted) > 0) {
        result = PyList_GetItem(sorted, 0);  // ok: borrowed-reference
    }
    Py_INCREF(result);
    Py_DECREF(sorted);
    return result;
}

/* ---- type boilerplate --------------------------------------------------- */

static int
Playlist_init(PlaylistObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *tags = NULL;
    static char *kwlist[] = {"tags", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O!:Playlist", kwlist, &PyTuple_Type, &tags)) {
        return -1;
    }
    PyObject *tracks = PyList_New(0);
    PyObject *by_title = PyDict_New();
    if (tracks == NULL || by_title == NULL) {
        Py_XDECREF(tracks);
        Py_XDECREF(by_title);
        return -1;
    }
    Py_XSETREF(self->tracks, tracks);
    Py_XSETREF(self->by_title, by_title);
    Py_XSETREF(self->tags, tags != NULL ? Py_NewRef(tags) : PyTuple_New(0));
    return self->tags != NULL ? 0 : -1;
}

static int
Playlist_traverse(PlaylistObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->tracks);
    Py_VISIT(self->by_title);
    Py_VISIT(self->tags);
    return 0;
}

static int
Playlist_clear(PlaylistObject *self)
{
    Py_CLEAR(self->tracks);
    Py_CLEAR(self->by_title);
    Py_CLEAR(self->tags);
    return 0;
}

static void
Playlist_dealloc(PlaylistObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)Playlist_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyMethodDef Playlist_methods[] = {
    {"get", (PyCFunction)Playlist_get, METH_O, NULL},
    {"first", (PyCFunction)Playlist_first, METH_NOARGS, NULL},
    {"last_title", Playlist_last_title, METH_NOARGS, NULL},
    {"find", (PyCFunction)Playlist_find, METH_O, NULL},
    {"get_ref", (PyCFunction)Playlist_get_ref, METH_O, NULL},
    {"first_locked", (PyCFunction)Playlist_first_locked, METH_NOARGS, NULL},
    {"find_locked", (PyCFunction)Playlist_find_locked, METH_O, NULL},
    {"contains_title", (PyCFunction)Playlist_contains_title, METH_O, NULL},
    {"main_tag", (PyCFunction)Playlist_main_tag, METH_NOARGS, NULL},
    {"smallest", (PyCFunction)Playlist_smallest, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Playlist_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Playlist_init},
    {Py_tp_traverse, Playlist_traverse},
    {Py_tp_clear, Playlist_clear},
    {Py_tp_dealloc, Playlist_dealloc},
    {Py_tp_methods, Playlist_methods},
    {0, NULL},
};

static PyType_Spec Playlist_spec = {
    .name = "playlist.Playlist",
    .basicsize = sizeof(PlaylistObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Playlist_slots,
};

static int
playlist_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &Playlist_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Playlist", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot playlist_slots[] = {
    {Py_mod_exec, playlist_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef playlist_module = {  // expect: module-gil-declaration {{'playlist'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "playlist",
    .m_size = 0,
    .m_slots = playlist_slots,
};

PyMODINIT_FUNC
PyInit_playlist(void)
{
    return PyModuleDef_Init(&playlist_module);
}
