/* weakrefobject.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes weakrefobject.h; its declarations are in the model's Python.h. */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H
#include "Python.h"
#endif /* !Py_WEAKREFOBJECT_H */
