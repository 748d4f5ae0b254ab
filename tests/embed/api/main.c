/* The embedding API from C: Py_Initialize, PyRun_SimpleString (a raising
   script prints its traceback and returns -1), PyRun_String with each start
   symbol and globals/locals dicts, Py_CompileString + PyEval_EvalCode,
   PyErr_Print, PyImport_*, PyObject_Call* on Python functions, Py_BuildValue,
   Py_FinalizeEx and a second Py_Initialize; PyGILState_* and
   Py_BEGIN_ALLOW_THREADS in a program without threads. */
// EXPECT-STDERR: ValueError: boom
// EXPECT-STDERR: SyntaxError
// EXPECT-STDERR: NameError
// EXPECT-STDERR: RuntimeError: set from C
#define PY_SSIZE_T_CLEAN
#include "../embed_test.h"

static void show(const char *label, PyObject *o) {
    show_as(label, o, PyObject_Repr);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("initialized before: %d\n", Py_IsInitialized());
    Py_Initialize();
    printf("initialized: %d\n", Py_IsInitialized());

    printf("SimpleString ok: %d\n", PyRun_SimpleString("x = 6 * 7\nprint('x is', x)"));
    printf("SimpleString raising: %d\n", PyRun_SimpleString("def f():\n    raise ValueError('boom')\nf()\n"));
    printf("SimpleString syntax error: %d\n", PyRun_SimpleString("1 +"));
    printf("error pending: %d\n", PyErr_Occurred() != NULL);

    PyObject *main_mod = PyImport_AddModule("__main__");
    PyObject *main_dict = PyModule_GetDict(main_mod);
    show("__main__.x", PyDict_GetItemString(main_dict, "x"));

    PyObject *globals = PyDict_New();
    PyObject *locals = PyDict_New();
    show("eval", PyRun_String("2 ** 100 + 1", Py_eval_input, globals, globals));
    show("file", PyRun_String("a = 1\nb = a + 1\n", Py_file_input, globals, locals));
    show("locals a", PyDict_GetItemString(locals, "a"));
    printf("globals has a: %d\n", PyDict_GetItemString(globals, "a") != NULL);
    show("eval with locals", PyRun_String("a * 10 + b", Py_eval_input, globals, locals));
    show("single", PyRun_String("40 + 2", Py_single_input, globals, locals));
    show("single statement", PyRun_String("c = 3", Py_single_input, globals, locals));
    show("locals c", PyDict_GetItemString(locals, "c"));
    show("file in globals", PyRun_String("g = [i * i for i in range(5)]\n", Py_file_input, globals, globals));
    show("globals g", PyDict_GetItemString(globals, "g"));
    show("eval error", PyRun_String("undefined_name + 1", Py_eval_input, globals, globals));
    show("eval syntax error", PyRun_String("1 +", Py_eval_input, globals, globals));

    printf("SimpleStringFlags: %d\n", PyRun_SimpleStringFlags("print('flags', 2 + 2)", NULL));
    show("StringFlags", PyRun_StringFlags("[a, b]", Py_eval_input, globals, locals, NULL));
    PyObject *fcode = Py_CompileStringFlags("a - b", "<flags>", Py_eval_input, NULL);
    show("CompileStringFlags", PyEval_EvalCode(fcode, globals, locals));

    PyObject *code = Py_CompileString("total = sum(range(n))\n", "<embedded>", Py_file_input);
    printf("code: %d\n", code != NULL);
    PyDict_SetItemString(globals, "n", PyLong_FromLong(101));
    show("EvalCode", PyEval_EvalCode(code, globals, globals));
    show("total", PyDict_GetItemString(globals, "total"));
    PyDict_SetItemString(globals, "n", PyLong_FromLong(11));
    show("EvalCode again", PyEval_EvalCode(code, globals, globals));
    show("total", PyDict_GetItemString(globals, "total"));
    PyObject *expr = Py_CompileString("n * 2", "<expr>", Py_eval_input);
    show("EvalCode eval", PyEval_EvalCode(expr, globals, globals));
    printf("compile error: %d\n", Py_CompileString("def (:", "<bad>", Py_file_input) == NULL);
    printf("is SyntaxError: %d\n", PyErr_ExceptionMatches(PyExc_SyntaxError));
    PyErr_Clear();

    PyErr_SetString(PyExc_RuntimeError, "set from C");
    PyErr_Print();
    printf("after PyErr_Print: %d\n", PyErr_Occurred() != NULL);

    PyRun_SimpleString(
        "def add(a, b=10, *, scale=1):\n"
        "    return (a + b) * scale\n"
        "class Counter:\n"
        "    def __init__(self, start):\n"
        "        self.n = start\n"
        "    def bump(self, by=1):\n"
        "        self.n += by\n"
        "        return self.n\n");
    PyObject *add = PyDict_GetItemString(main_dict, "add");
    show("CallObject", PyObject_CallObject(add, Py_BuildValue("(ii)", 1, 2)));
    show("CallObject NULL args", PyObject_CallObject(PyDict_GetItemString(main_dict, "Counter"), NULL));
    show("CallFunction", PyObject_CallFunction(add, "i", 5));
    show("CallFunction tuple", PyObject_CallFunction(add, "(ii)", 5, 6));
    show("CallFunctionObjArgs", PyObject_CallFunctionObjArgs(add, PyLong_FromLong(1), PyLong_FromLong(1), NULL));
    PyObject *kwargs = Py_BuildValue("{s:i}", "scale", 3);
    show("Call with kwargs", PyObject_Call(add, Py_BuildValue("(i)", 2), kwargs));
    show("CallOneArg", PyObject_CallOneArg(add, PyLong_FromLong(-10)));
    PyObject *counter = PyObject_CallFunction(PyDict_GetItemString(main_dict, "Counter"), "i", 100);
    show("CallMethod", PyObject_CallMethod(counter, "bump", NULL));
    show("CallMethod arg", PyObject_CallMethod(counter, "bump", "i", 5));
    show("CallMethodObjArgs", PyObject_CallMethodObjArgs(counter, PyUnicode_FromString("bump"), PyLong_FromLong(10), NULL));
    show("CallNoArgs error", PyObject_CallNoArgs(add));
    show("str method", PyObject_CallMethod(PyUnicode_FromString("a-b-c"), "split", "s", "-"));

    show("BuildValue", Py_BuildValue("(i,s,d,[i,i],{s:O},N,z,y#,())", 7, "seven", 0.5, 1, 2, "k", Py_True,
        PyLong_FromLong(8), NULL, "ab\0c", (Py_ssize_t)4));
    show("BuildValue one", Py_BuildValue("i", 5));
    show("BuildValue none", Py_BuildValue(""));
    show("BuildValue long long", Py_BuildValue("(LK)", (long long)-1 << 62, (unsigned long long)1 << 63));

    PyObject *math = PyImport_ImportModule("math");
    show("math.sqrt", PyObject_CallMethod(math, "sqrt", "d", 16.0));
    PyObject *name = PyUnicode_FromString("math");
    printf("PyImport_Import same module: %d\n", PyImport_Import(name) == math);
    show("missing module", PyImport_ImportModule("no_such_module_here"));

    /* One thread holding the interpreter: Ensure finds the GIL held;
       Py_BEGIN_ALLOW_THREADS gives it up and takes it back (no-ops on a
       port without threads). */
    printf("GILState_Check: %d\n", PyGILState_Check());
    PyGILState_STATE gs = PyGILState_Ensure();
    printf("Ensure while held: %s\n", gs == PyGILState_LOCKED ? "LOCKED" : "UNLOCKED");
    PyGILState_Release(gs);
    long sum = 0;
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < 1000; i++) {
        sum += i;
    }
    Py_END_ALLOW_THREADS
    printf("after ALLOW_THREADS: %ld %d\n", sum, PyRun_SimpleString("print('still running')"));

    printf("finalize: %d\n", Py_FinalizeEx());
    printf("initialized after finalize: %d\n", Py_IsInitialized());
    Py_Initialize();
    printf("again: %d\n", PyRun_SimpleString("print('second life', sum(range(10)))"));
    printf("x gone: %d\n", PyRun_SimpleString("x"));
    Py_Finalize();
    return 0;
}
