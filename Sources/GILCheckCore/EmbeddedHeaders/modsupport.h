/* modsupport.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes modsupport.h; its declarations are in the model's Python.h. */
#ifndef Py_MODSUPPORT_H
#define Py_MODSUPPORT_H
#include "Python.h"
#endif /* !Py_MODSUPPORT_H */
