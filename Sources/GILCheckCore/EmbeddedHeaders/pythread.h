/* pythread.h -- embedded model of CPython 3.13's pythread.h for gilcheck.
   The real Python.h includes pythread.h, so the thread API (PyThread_type_lock,
   PyThread_allocate_lock/acquire_lock/acquire_lock_timed/release_lock/
   free_lock, WAIT_LOCK/NOWAIT_LOCK, PyLockStatus, Py_tss_t and the
   PyThread_tss_* functions, PyThread_get_thread_ident,
   PyThread_start_new_thread) is declared in the model's Python.h. */
#ifndef Py_PYTHREAD_H
#define Py_PYTHREAD_H
#include "Python.h"
#endif /* !Py_PYTHREAD_H */
