/* abstract.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes abstract.h; its declarations are in the model's Python.h. */
#ifndef Py_ABSTRACTOBJECT_H
#define Py_ABSTRACTOBJECT_H
#include "Python.h"
#endif /* !Py_ABSTRACTOBJECT_H */
