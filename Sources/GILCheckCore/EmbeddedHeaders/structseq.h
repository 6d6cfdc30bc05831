/* structseq.h -- embedded model stub for gilcheck.  CPython 3.13's Python.h always
   includes structseq.h; its declarations are in the model's Python.h. */
#ifndef Py_STRUCTSEQ_H
#define Py_STRUCTSEQ_H
#include "Python.h"
#endif /* !Py_STRUCTSEQ_H */
