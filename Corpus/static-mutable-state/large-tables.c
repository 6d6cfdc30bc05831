/*
 * Large tables. Past 256 items gilcheck keeps only the items of an initializer
 * that name something (a generated table of thousands of numbers names
 * nothing). Both functions below are called at import; on_event is also stored
 * at item 290 of a table of callbacks, so it can run in any thread, while
 * count_setup stays init-only.
 */
#include <Python.h>

static long events;                 /* BUG: on_event is also a callback, any thread */
static long setups;                 /* written only at import */

static void
on_event(void)
{
    events++;                                   // expect: static-mutable-state {{'events'}}
}

static void
count_setup(void)
{
    setups++;                                   // ok: static-mutable-state
}

typedef void (*callback)(void);

/* Hundreds of numbers: none names anything. */
static const short weights[300] = {
    0, 919, 838, 757, 676, 595, 514, 433, 352, 271, 190, 109, 28, 947, 866, 785, 704, 623, 542, 461,
    380, 299, 218, 137, 56, 975, 894, 813, 732, 651, 570, 489, 408, 327, 246, 165, 84, 3, 922, 841,
    760, 679, 598, 517, 436, 355, 274, 193, 112, 31, 950, 869, 788, 707, 626, 545, 464, 383, 302, 221,
    140, 59, 978, 897, 816, 735, 654, 573, 492, 411, 330, 249, 168, 87, 6, 925, 844, 763, 682, 601,
    520, 439, 358, 277, 196, 115, 34, 953, 872, 791, 710, 629, 548, 467, 386, 305, 224, 143, 62, 981,
    900, 819, 738, 657, 576, 495, 414, 333, 252, 171, 90, 9, 928, 847, 766, 685, 604, 523, 442, 361,
    280, 199, 118, 37, 956, 875, 794, 713, 632, 551, 470, 389, 308, 227, 146, 65, 984, 903, 822, 741,
    660, 579, 498, 417, 336, 255, 174, 93, 12, 931, 850, 769, 688, 607, 526, 445, 364, 283, 202, 121,
    40, 959, 878, 797, 716, 635, 554, 473, 392, 311, 230, 149, 68, 987, 906, 825, 744, 663, 582, 501,
    420, 339, 258, 177, 96, 15, 934, 853, 772, 691, 610, 529, 448, 367, 286, 205, 124, 43, 962, 881,
    800, 719, 638, 557, 476, 395, 314, 233, 152, 71, 990, 909, 828, 747, 666, 585, 504, 423, 342, 261,
    180, 99, 18, 937, 856, 775, 694, 613, 532, 451, 370, 289, 208, 127, 46, 965, 884, 803, 722, 641,
    560, 479, 398, 317, 236, 155, 74, 993, 912, 831, 750, 669, 588, 507, 426, 345, 264, 183, 102, 21,
    940, 859, 778, 697, 616, 535, 454, 373, 292, 211, 130, 49, 968, 887, 806, 725, 644, 563, 482, 401,
    320, 239, 158, 77, 996, 915, 834, 753, 672, 591, 510, 429, 348, 267, 186, 105, 24, 943, 862, 781,
};

/* Hundreds of slots, one of them a function. */
static const callback handlers[300] = {
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    on_event, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

static PyObject *
fire(PyObject *self, PyObject *arg)
{
    long i = PyLong_AsLong(arg);
    if (i < 0 || i >= 300 || handlers[i] == NULL) {
        Py_RETURN_NONE;
    }
    handlers[i]();
    return PyLong_FromLong(weights[i]);
}

static PyMethodDef methods[] = {
    {"fire", fire, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tables_module = {  // expect: module-gil-declaration
    PyModuleDef_HEAD_INIT, "tables", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_tables(void)
{
    count_setup();
    on_event();
    return PyModule_Create(&tables_module);
}
