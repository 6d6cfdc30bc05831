/* pythonrun.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes pythonrun.h; its declarations are in the model's Python.h. */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H
#include "Python.h"
#endif /* !Py_PYTHONRUN_H */
