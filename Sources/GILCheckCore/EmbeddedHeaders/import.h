/* import.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes import.h; its declarations are in the model's Python.h. */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H
#include "Python.h"
#endif /* !Py_IMPORT_H */
