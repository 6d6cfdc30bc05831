/*
 * _ledger: accounts that move money between each other. Nested critical
 * sections do not lock two objects together: when the inner section has to
 * wait for its lock it may suspend the outer one, so another thread can run
 * between the two balance updates. Py_BEGIN_CRITICAL_SECTION2(a, b) locks
 * both objects at once (CPython 3.13+, in a deadlock-free order).
 *
 * Not reported: sections one after the other, a section opened in a loop
 * (closed before the next iteration), and a section opened by a helper that is
 * called inside another section (the rule looks at one function at a time;
 * every PyList_Append or PyDict_SetItem called inside a section locks its
 * container the same way).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyTypeObject *AccountType;
    PyObject *audit_log;        /* list of (from, to, amount), created in exec */
} ledger_state;

typedef struct {
    PyObject_HEAD
    long long balance;          /* in cents */
    PyObject *history;          /* list of signed amounts, created in tp_new */
} AccountObject;

static ledger_state *
get_ledger_state(PyObject *module)
{
    return (ledger_state *)PyModule_GetState(module);
}

/* Appends one entry to an account's history: PyList_Append locks the list. */
static int
record_entry(AccountObject *acct, long long delta)
{
    PyObject *entry = PyLong_FromLongLong(delta);
    if (entry == NULL) {
        return -1;
    }
    int rc = PyList_Append(acct->history, entry);
    Py_DECREF(entry);
    return rc;
}

/* ---- positives ---------------------------------------------------------- */

/* transfer_to(other, amount) */
static PyObject *
Account_transfer_to(PyObject *op, PyObject *args)
{
    AccountObject *self = (AccountObject *)op;
    PyObject *other_obj;
    long long amount;
    int moved = 0;

    if (!PyArg_ParseTuple(args, "O!L:transfer_to", Py_TYPE(op), &other_obj, &amount)) {
        return NULL;
    }
    AccountObject *other = (AccountObject *)other_obj;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_BEGIN_CRITICAL_SECTION(other);                   // expect: critical-section-misuse {{'other'}} {{'self'}}
    if (self->balance >= amount) {
        self->balance -= amount;
        other->balance += amount;
        moved = 1;
    }
    Py_END_CRITICAL_SECTION();
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(moved);
}

/* statement(): (balance, [entries...]) as one consistent snapshot. */
static PyObject *
Account_statement(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    AccountObject *self = (AccountObject *)op;
    PyObject *result = NULL;

    Py_BEGIN_CRITICAL_SECTION(self);
    Py_BEGIN_CRITICAL_SECTION(self->history);           // expect: critical-section-misuse {{'self->history'}}
    PyObject *entries = PyList_GetSlice(self->history, 0, PyList_GET_SIZE(self->history));
    if (entries != NULL) {
        result = Py_BuildValue("(LN)", self->balance, entries);
    }
    Py_END_CRITICAL_SECTION();
    Py_END_CRITICAL_SECTION();
    return result;
}

/* settle(a, b): moves b's balance into a and writes the audit log. The
   two-object section is right; the log's section nested inside it is not. */
static PyObject *
ledger_settle(PyObject *module, PyObject *args)
{
    ledger_state *st = get_ledger_state(module);
    PyObject *a_obj, *b_obj;
    PyObject *entry = NULL;
    int rc = -1;

    if (!PyArg_ParseTuple(args, "O!O!:settle", st->AccountType, &a_obj, st->AccountType, &b_obj)) {
        return NULL;
    }
    AccountObject *a = (AccountObject *)a_obj;
    AccountObject *b = (AccountObject *)b_obj;
    PyObject *log = st->audit_log;
    Py_BEGIN_CRITICAL_SECTION2(a, b);                   // ok: critical-section-misuse
    entry = Py_BuildValue("(OOL)", b_obj, a_obj, b->balance);
    if (entry != NULL) {
        Py_BEGIN_CRITICAL_SECTION(log);                 // expect: critical-section-misuse {{'log'}}
        rc = PyList_Append(log, entry);
        Py_END_CRITICAL_SECTION();
    }
    if (rc == 0) {
        a->balance += b->balance;
        b->balance = 0;
    }
    Py_END_CRITICAL_SECTION2();
    Py_XDECREF(entry);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- negatives ---------------------------------------------------------- */

/* The fix for transfer_to: one section on both accounts. */
static PyObject *
Account_transfer_to_locked(PyObject *op, PyObject *args)
{
    AccountObject *self = (AccountObject *)op;
    PyObject *other_obj;
    long long amount;
    int moved = 0;

    if (!PyArg_ParseTuple(args, "O!L:transfer_to_locked", Py_TYPE(op), &other_obj, &amount)) {
        return NULL;
    }
    AccountObject *other = (AccountObject *)other_obj;
    Py_BEGIN_CRITICAL_SECTION2(self, other);            // ok: critical-section-misuse
    if (self->balance >= amount) {
        self->balance -= amount;
        other->balance += amount;
        moved = 1;
    }
    Py_END_CRITICAL_SECTION2();
    return PyBool_FromLong(moved);
}

/* deposit(amount): the balance under a section on self, then the history entry
   through a helper whose PyList_Append locks the list: not nested here. */
static PyObject *
Account_deposit(PyObject *op, PyObject *arg)
{
    AccountObject *self = (AccountObject *)op;
    long long amount = PyLong_AsLongLong(arg);
    int rc;

    if (amount == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    self->balance += amount;
    rc = record_entry(self, amount);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Sections one after the other: each object is locked on its own. */
static PyObject *
Account_richer_than(PyObject *op, PyObject *other_obj)
{
    AccountObject *self = (AccountObject *)op;
    AccountObject *other = (AccountObject *)other_obj;
    long long mine, theirs;

    if (!Py_IS_TYPE(other_obj, Py_TYPE(op))) {
        PyErr_SetString(PyExc_TypeError, "expected an account");
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);                    // ok: critical-section-misuse
    mine = self->balance;
    Py_END_CRITICAL_SECTION();
    Py_BEGIN_CRITICAL_SECTION(other);                   // ok: critical-section-misuse
    theirs = other->balance;
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(mine > theirs);
}

/* total(*accounts): one section per iteration, closed before the next. */
static PyObject *
ledger_total(PyObject *module, PyObject *args)
{
    ledger_state *st = get_ledger_state(module);
    long long total = 0;

    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *arg = PyTuple_GET_ITEM(args, i);
        if (!Py_IS_TYPE(arg, st->AccountType)) {
            PyErr_SetString(PyExc_TypeError, "expected accounts");
            return NULL;
        }
        AccountObject *acct = (AccountObject *)arg;
        Py_BEGIN_CRITICAL_SECTION(acct);                // ok: critical-section-misuse
        total += acct->balance;
        Py_END_CRITICAL_SECTION();
    }
    return PyLong_FromLongLong(total);
}

/* ---- type and module boilerplate ---------------------------------------- */

static PyObject *
Account_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    AccountObject *self = (AccountObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->history = PyList_New(0);
    if (self->history == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int
Account_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(((AccountObject *)op)->history);
    return 0;
}

static int
Account_clear(PyObject *op)
{
    Py_CLEAR(((AccountObject *)op)->history);
    return 0;
}

static void
Account_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    (void)Account_clear(op);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyMethodDef Account_methods[] = {
    {"transfer_to", Account_transfer_to, METH_VARARGS, NULL},
    {"transfer_to_locked", Account_transfer_to_locked, METH_VARARGS, NULL},
    {"statement", Account_statement, METH_NOARGS, NULL},
    {"deposit", Account_deposit, METH_O, NULL},
    {"richer_than", Account_richer_than, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Account_slots[] = {
    {Py_tp_new, Account_new},
    {Py_tp_traverse, Account_traverse},
    {Py_tp_clear, Account_clear},
    {Py_tp_dealloc, Account_dealloc},
    {Py_tp_methods, Account_methods},
    {0, NULL},
};

static PyType_Spec Account_spec = {
    .name = "_ledger.Account",
    .basicsize = sizeof(AccountObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Account_slots,
};

static int
ledger_exec(PyObject *module)
{
    ledger_state *st = get_ledger_state(module);
    st->audit_log = PyList_New(0);
    if (st->audit_log == NULL) {
        return -1;
    }
    st->AccountType = (PyTypeObject *)PyType_FromModuleAndSpec(module, &Account_spec, NULL);
    if (st->AccountType == NULL || PyModule_AddType(module, st->AccountType) < 0) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "audit_log", st->audit_log);
}

static int
ledger_traverse(PyObject *module, visitproc visit, void *arg)
{
    ledger_state *st = get_ledger_state(module);
    Py_VISIT(st->AccountType);
    Py_VISIT(st->audit_log);
    return 0;
}

static int
ledger_clear(PyObject *module)
{
    ledger_state *st = get_ledger_state(module);
    Py_CLEAR(st->AccountType);
    Py_CLEAR(st->audit_log);
    return 0;
}

static PyMethodDef ledger_methods[] = {
    {"settle", ledger_settle, METH_VARARGS, NULL},
    {"total", ledger_total, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot ledger_slots[] = {
    {Py_mod_exec, ledger_exec},
#ifdef Py_GIL_DISABLED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef ledger_module = {  // expect: module-gil-declaration {{'_ledger'}}
    PyModuleDef_HEAD_INIT,
    .m_name = "_ledger",
    .m_size = sizeof(ledger_state),
    .m_methods = ledger_methods,
    .m_slots = ledger_slots,
    .m_traverse = ledger_traverse,
    .m_clear = ledger_clear,
};

PyMODINIT_FUNC
PyInit__ledger(void)
{
    return PyModuleDef_Init(&ledger_module);
}
