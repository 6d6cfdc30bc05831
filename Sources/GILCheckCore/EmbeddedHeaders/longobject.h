/* longobject.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes longobject.h; its declarations are in the model's Python.h. */
#ifndef Py_LONGOBJECT_H
#define Py_LONGOBJECT_H
#include "Python.h"
#endif /* !Py_LONGOBJECT_H */
