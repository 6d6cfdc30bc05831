/* ceval.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes ceval.h; its declarations are in the model's Python.h. */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H
#include "Python.h"
#endif /* !Py_CEVAL_H */
