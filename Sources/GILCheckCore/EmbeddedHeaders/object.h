/* object.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes object.h; its declarations are in the model's Python.h. */
#ifndef Py_OBJECT_H
#define Py_OBJECT_H
#include "Python.h"
#endif /* !Py_OBJECT_H */
