/* pymem.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes pymem.h; its declarations are in the model's Python.h. */
#ifndef Py_PYMEM_H
#define Py_PYMEM_H
#include "Python.h"
#endif /* !Py_PYMEM_H */
