// Cython includes this; everything it needs is in Python.h.
#include "Python.h"
