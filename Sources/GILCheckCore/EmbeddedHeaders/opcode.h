/* opcode.h -- embedded model of CPython 3.13's opcode.h (+ opcode_ids.h) for
   gilcheck: a subset of the 3.13 opcode numbers, as used by tracers such as
   coverage's CTracer.  Not included by Python.h (same as CPython). */
#ifndef Py_OPCODE_H
#define Py_OPCODE_H

#include "Python.h"

/* opcode_ids.h (subset) */
#define CACHE                                    0
#define END_FOR                                 11
#define NOP                                     30
#define POP_TOP                                 32
#define PUSH_NULL                               34
#define RETURN_GENERATOR                        35
#define RETURN_VALUE                            36
#define HAVE_ARGUMENT                           44
#define CALL                                    53
#define EXTENDED_ARG                            71
#define JUMP_BACKWARD                           77
#define LOAD_CONST                              83
#define RAISE_VARARGS                          101
#define RERAISE                                102
#define RETURN_CONST                           103
#define SEND                                   104
#define YIELD_VALUE                            118
#define RESUME                                 149
#define MIN_INSTRUMENTED_OPCODE                236
#define INSTRUMENTED_RESUME                    236
#define INSTRUMENTED_RETURN_VALUE              239
#define INSTRUMENTED_YIELD_VALUE               241

/* binary-operator oparg values */
#define NB_ADD                                   0
#define NB_AND                                   1
#define NB_FLOOR_DIVIDE                          2
#define NB_LSHIFT                                3
#define NB_MATRIX_MULTIPLY                       4
#define NB_MULTIPLY                              5
#define NB_REMAINDER                             6
#define NB_OR                                    7
#define NB_POWER                                 8
#define NB_RSHIFT                                9
#define NB_SUBTRACT                             10
#define NB_TRUE_DIVIDE                          11
#define NB_XOR                                  12

#endif /* !Py_OPCODE_H */
