#ifndef MPCY_PYSTRTOD_H
#define MPCY_PYSTRTOD_H
double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception);
#endif
