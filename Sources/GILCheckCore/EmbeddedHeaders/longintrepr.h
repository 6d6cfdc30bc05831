/* longintrepr.h -- embedded model for gilcheck.  Since 3.11 the long integer
   representation (digit, PyLong_SHIFT, _PyLongValue, struct _longobject) is
   in Include/cpython/longintrepr.h and included by Python.h; the model's
   Python.h declares it.  Kept so that older `#include "longintrepr.h"` lines
   still resolve. */
#ifndef Py_LONGINTREPR_H
#define Py_LONGINTREPR_H
#include "Python.h"
#endif /* !Py_LONGINTREPR_H */
