/* methodobject.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes methodobject.h; its declarations are in the model's Python.h. */
#ifndef Py_METHODOBJECT_H
#define Py_METHODOBJECT_H
#include "Python.h"
#endif /* !Py_METHODOBJECT_H */
