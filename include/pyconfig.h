// The platform's facts (CPython's pyconfig.h, which code may include on its
// own): taken from the compiler, so one header serves every port.
#ifndef MPCY_PYCONFIG_H
#define MPCY_PYCONFIG_H

#define HAVE_LONG_LONG 1
#define HAVE_WCHAR_H 1
#define SIZEOF_VOID_P __SIZEOF_POINTER__
#define SIZEOF_SIZE_T __SIZEOF_SIZE_T__
#define SIZEOF_LONG __SIZEOF_LONG__
#define SIZEOF_INT __SIZEOF_INT__
#define SIZEOF_LONG_LONG __SIZEOF_LONG_LONG__
#define SIZEOF_WCHAR_T __SIZEOF_WCHAR_T__

#endif
