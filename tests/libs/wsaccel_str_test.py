# A str where the library takes bytes (a typed memoryview): CPython refuses it.
from show import show
from wsaccel.utf8validator import Utf8Validator

show("validate str", Utf8Validator().validate, "abc")
