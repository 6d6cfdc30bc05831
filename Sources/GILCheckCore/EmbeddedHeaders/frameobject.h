/* frameobject.h -- embedded model of CPython 3.13's frameobject.h (+
   cpython/frameobject.h) for gilcheck; declarations only, see Python.h.
   PyFrameObject stays opaque, as in 3.11+.  The PyFrame_Get* accessors
   (pyframe.h) are declared in Python.h. */
#ifndef Py_FRAMEOBJECT_H
#define Py_FRAMEOBJECT_H

#include "Python.h"

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyFrameObject *) PyFrame_New(PyThreadState *, PyCodeObject *,
                                        PyObject *, PyObject *);
PyAPI_FUNC(void) PyFrame_LocalsToFast(PyFrameObject *, int);
PyAPI_FUNC(int) PyFrame_FastToLocalsWithError(PyFrameObject *f);
PyAPI_FUNC(void) PyFrame_FastToLocals(PyFrameObject *);

typedef struct {
    PyObject_HEAD
    PyFrameObject* frame;
} PyFrameLocalsProxyObject;

#ifdef __cplusplus
}
#endif
#endif /* !Py_FRAMEOBJECT_H */
