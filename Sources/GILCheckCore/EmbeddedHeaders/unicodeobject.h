/* unicodeobject.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes unicodeobject.h; its declarations are in the model's Python.h. */
#ifndef Py_UNICODEOBJECT_H
#define Py_UNICODEOBJECT_H
#include "Python.h"
#endif /* !Py_UNICODEOBJECT_H */
