/* pyport.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes pyport.h; its declarations are in the model's Python.h. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H
#include "Python.h"
#endif /* !Py_PYPORT_H */
