/* patchlevel.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes patchlevel.h; its declarations are in the model's Python.h. */
#ifndef Py_PATCHLEVEL_H
#define Py_PATCHLEVEL_H
#include "Python.h"
#endif /* !Py_PATCHLEVEL_H */
