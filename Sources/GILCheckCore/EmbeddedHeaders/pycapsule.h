/* pycapsule.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes pycapsule.h; its declarations are in the model's Python.h. */
#ifndef Py_CAPSULE_H
#define Py_CAPSULE_H
#include "Python.h"
#endif /* !Py_CAPSULE_H */
