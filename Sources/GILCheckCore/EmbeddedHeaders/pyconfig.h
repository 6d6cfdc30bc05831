/* pyconfig.h -- embedded model for gilcheck.  The configuration macros
   (SIZEOF_*, HAVE_*, WITH_DOC_STRINGS, PYLONG_BITS_IN_DIGIT, MS_WINDOWS, ...)
   live in the "pyconfig.h" block of the model's Python.h, so this file just
   includes it.  Py_GIL_DISABLED is not defined here: the analysis passes it
   on the command line. */
#ifndef Py_PYCONFIG_MODEL_H
#define Py_PYCONFIG_MODEL_H
#include "Python.h"
#endif /* !Py_PYCONFIG_MODEL_H */
