/*
 * Fields of plain C structs are not Python objects other threads hold: a matcher's per-call
 * state on the caller's stack (regex's RE_State), a node of a private tree, a list walked
 * through `p = p->next`. Only the first parameter that points to a Python object (PyObject *,
 * or a struct that starts with PyObject_HEAD) is `self`.
 */
#include <Python.h>

typedef struct Node {
    struct Node *next;
    struct Node *child;
    PyObject *value;
} Node;

typedef struct {
    PyObject *pattern;
    PyObject *groups;       /* created on the first match */
    Node *nodes;
    long count;
} MatchState;

static int
save_groups(MatchState *state)
{
    if (state->groups == NULL) {                 // ok: shared-object-check-then-act
        state->groups = PyList_New(0);
        if (state->groups == NULL) {
            return -1;
        }
    }
    return 0;
}

static Node *
add_child(Node *node, PyObject *value)
{
    if (node->child == NULL) {                  // ok: shared-object-check-then-act
        node->child = PyMem_Calloc(1, sizeof(Node));
    }
    Node *p = node->child;
    while (p->next != NULL) {
        p = p->next;
    }
    p->value = value;
    return p;
}

static PyObject *
plain_match(PyObject *module, PyObject *pattern)
{
    MatchState state = {pattern, NULL, NULL, 0};
    Node root = {NULL, NULL, NULL};
    if (save_groups(&state) < 0) {
        return NULL;
    }
    add_child(&root, pattern);
    PyMem_Free(root.child);
    return state.groups;
}

static PyMethodDef plain_methods[] = {
    {"match", plain_match, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef plain_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT, .m_name = "plain", .m_size = 0, .m_methods = plain_methods,
};

PyMODINIT_FUNC
PyInit_plain(void)
{
    return PyModuleDef_Init(&plain_module);
}
