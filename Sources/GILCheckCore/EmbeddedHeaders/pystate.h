/* pystate.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes pystate.h; its declarations are in the model's Python.h. */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H
#include "Python.h"
#endif /* !Py_PYSTATE_H */
