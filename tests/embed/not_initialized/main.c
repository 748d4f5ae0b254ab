/* Calling into the interpreter before Py_Initialize: a fatal error that
   names the function, not a crash. Each call runs in a child process (the
   error aborts it); the parent reports how the child ended. CPython's
   behaviour here is undefined (it crashes or stops on an assertion), hence
   no CPython run. */
// MPCY-ONLY: CPython's behaviour before Py_Initialize is undefined
// EXPECT-STDOUT: Py_IsInitialized: 0
// EXPECT-STDOUT: PyRun_SimpleString: killed by signal 6
// EXPECT-STDOUT: PyImport_ImportModule: killed by signal 6
// EXPECT-STDOUT: PyObject_CallObject: killed by signal 6
// EXPECT-STDOUT: Py_BuildValue: killed by signal 6
// EXPECT-STDOUT: PyUnicode_FromString: killed by signal 6
// EXPECT-STDOUT: PyArg_ParseTuple: killed by signal 6
// EXPECT-STDOUT: after Py_Initialize: 0
// EXPECT-STDOUT: after Py_FinalizeEx: killed by signal 6
// EXPECT-STDERR: Fatal Python error: PyRun_SimpleString: the interpreter is not initialized (call Py_Initialize() first)
// EXPECT-STDERR: Fatal Python error: PyImport_ImportModule: the interpreter is not initialized (call Py_Initialize() first)
// EXPECT-STDERR: Fatal Python error: PyObject_CallObject: the interpreter is not initialized
// EXPECT-STDERR: Fatal Python error: Py_BuildValue: the interpreter is not initialized
// EXPECT-STDERR: Fatal Python error: PyUnicode_FromString: the interpreter is not initialized
// EXPECT-STDERR: Fatal Python error: PyArg_ParseTuple: the interpreter is not initialized
#include <Python.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void child(const char *label, int which) {
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        int r = 0;
        switch (which) {
            case 0:
                r = PyRun_SimpleString("print('never')");
                break;
            case 1:
                r = PyImport_ImportModule("sys") != NULL;
                break;
            case 2:
                r = PyObject_CallObject(Py_None, NULL) != NULL;
                break;
            case 3:
                r = Py_BuildValue("(ii)", 1, 2) != NULL;
                break;
            case 4:
                r = PyUnicode_FromString("text") != NULL;
                break;
            case 5: { int i;
                      r = PyArg_ParseTuple(Py_None, "i", &i);
                      break;
            }
            case 6:
                Py_Initialize();
                r = PyRun_SimpleString("pass");
                Py_FinalizeEx();
                break;
            case 7:
                Py_Initialize();
                Py_FinalizeEx();
                r = PyRun_SimpleString("pass");
                break;
        }
        printf("%s: %d\n", label, r);
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
        printf("%s: killed by signal %d\n", label, WTERMSIG(status));
    }
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("Py_IsInitialized: %d\n", Py_IsInitialized());
    child("PyRun_SimpleString", 0);
    child("PyImport_ImportModule", 1);
    child("PyObject_CallObject", 2);
    child("Py_BuildValue", 3);
    child("PyUnicode_FromString", 4);
    child("PyArg_ParseTuple", 5);
    child("after Py_Initialize", 6);
    child("after Py_FinalizeEx", 7);
    return 0;
}
