/* gilcheck: included before a file when the Python headers are older than 3.13.
 *
 * Free-threading-aware code uses 3.13 names under `#ifdef Py_GIL_DISABLED`, which gilcheck
 * always defines. With older headers those names do not exist, clang drops every statement that
 * mentions them, and locks would go unseen. This declares them as 3.13 does (names, signatures,
 * macro expansions), using `struct _object` since PyObject is not declared yet.
 */
#ifndef GILCHECK_COMPAT_PRE313_H
#define GILCHECK_COMPAT_PRE313_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct PyMutex { unsigned char _bits; } PyMutex;
void PyMutex_Lock(PyMutex *m);
void PyMutex_Unlock(PyMutex *m);

typedef struct PyCriticalSection { void *_cs_prev; PyMutex *_cs_mutex; } PyCriticalSection;
typedef struct PyCriticalSection2 { PyCriticalSection _cs_base; PyMutex *_cs_mutex2; } PyCriticalSection2;
void PyCriticalSection_Begin(PyCriticalSection *c, struct _object *op);
void PyCriticalSection_End(PyCriticalSection *c);
void PyCriticalSection2_Begin(PyCriticalSection2 *c, struct _object *a, struct _object *b);
void PyCriticalSection2_End(PyCriticalSection2 *c);

#define Py_BEGIN_CRITICAL_SECTION(op) \
    { PyCriticalSection _py_cs; PyCriticalSection_Begin(&_py_cs, (struct _object *)(op))
#define Py_END_CRITICAL_SECTION() \
    PyCriticalSection_End(&_py_cs); }
#define Py_BEGIN_CRITICAL_SECTION2(a, b) \
    { PyCriticalSection2 _py_cs2; PyCriticalSection2_Begin(&_py_cs2, (struct _object *)(a), (struct _object *)(b))
#define Py_END_CRITICAL_SECTION2() \
    PyCriticalSection2_End(&_py_cs2); }

#define Py_mod_multiple_interpreters 3
#define Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED ((void *)0)
#define Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED ((void *)1)
#define Py_MOD_PER_INTERPRETER_GIL_SUPPORTED ((void *)2)
#define Py_mod_gil 4
#define Py_MOD_GIL_USED ((void *)0)
#define Py_MOD_GIL_NOT_USED ((void *)1)
int PyUnstable_Module_SetGIL(struct _object *module, void *gil);

#ifdef __cplusplus
}
/* C++ rejects calls to undeclared functions, so calls to the 3.13 reference-returning API would
 * vanish from the AST. Declared as templates, they coexist with the inline backports that
 * pythoncapi_compat.h defines for older Pythons (a template and a function may share a name). */
#define GILCHECK_INT_API(name) template <class... A> int name(A...);
#define GILCHECK_OBJECT_API(name) template <class... A> struct _object *name(A...);
GILCHECK_INT_API(PyDict_GetItemRef)
GILCHECK_INT_API(PyDict_GetItemStringRef)
GILCHECK_INT_API(PyDict_SetDefaultRef)
GILCHECK_INT_API(PyDict_ContainsString)
GILCHECK_INT_API(PyDict_Pop)
GILCHECK_INT_API(PyDict_PopString)
GILCHECK_INT_API(PyWeakref_GetRef)
GILCHECK_INT_API(PyObject_GetOptionalAttr)
GILCHECK_INT_API(PyObject_GetOptionalAttrString)
GILCHECK_INT_API(PyObject_HasAttrWithError)
GILCHECK_INT_API(PyObject_HasAttrStringWithError)
GILCHECK_INT_API(PyMapping_GetOptionalItem)
GILCHECK_INT_API(PyMapping_GetOptionalItemString)
GILCHECK_INT_API(PyMapping_HasKeyWithError)
GILCHECK_INT_API(PyMapping_HasKeyStringWithError)
GILCHECK_INT_API(PyLong_AsInt)
GILCHECK_INT_API(PyList_Extend)
GILCHECK_INT_API(PyList_Clear)
GILCHECK_OBJECT_API(PyList_GetItemRef)
GILCHECK_OBJECT_API(PyImport_AddModuleRef)
GILCHECK_OBJECT_API(PyEval_GetFrameGlobals)
GILCHECK_OBJECT_API(PyEval_GetFrameLocals)
GILCHECK_OBJECT_API(PyEval_GetFrameBuiltins)
#undef GILCHECK_INT_API
#undef GILCHECK_OBJECT_API
#endif
#endif
