/* bytesobject.h -- embedded model for gilcheck.  The bytes API (PyBytes_*,
   PyBytesObject, _PyBytes_Resize) is declared in the model's Python.h, which
   the real Python.h also always includes. */
#ifndef Py_BYTESOBJECT_H
#define Py_BYTESOBJECT_H
#include "Python.h"
#endif /* !Py_BYTESOBJECT_H */
