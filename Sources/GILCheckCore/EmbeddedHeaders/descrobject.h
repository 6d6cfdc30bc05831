/* descrobject.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes descrobject.h; its declarations are in the model's Python.h. */
#ifndef Py_DESCROBJECT_H
#define Py_DESCROBJECT_H
#include "Python.h"
#endif /* !Py_DESCROBJECT_H */
