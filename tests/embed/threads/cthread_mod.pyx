# A C thread (pthread_create) that calls a Python callback under
# PyGILState_Ensure/Release, while the calling thread waits in
# Py_BEGIN_ALLOW_THREADS.
cdef extern from *:
    """
    #include <pthread.h>
    typedef struct {
        PyObject *cb;
        int n;
        int ok;
        int failed;
        int held;
        int nested_locked;
    } mpcy_job_t;

    static void *mpcy_job_run(void *arg) {
        mpcy_job_t *job = arg;
        for (int i = 0; i < job->n; i++) {
            PyGILState_STATE st = PyGILState_Ensure();
            job->held += PyGILState_Check();
            PyObject *r = PyObject_CallFunction(job->cb, "i", i);
            if (r == NULL) {
                job->failed++;
                PyErr_Print();
            } else {
                job->ok++;
                Py_DECREF(r);
            }
            PyGILState_STATE st2 = PyGILState_Ensure();
            job->nested_locked += st2 == PyGILState_LOCKED;
            PyGILState_Release(st2);
            PyGILState_Release(st);
        }
        return NULL;
    }

    static PyObject *mpcy_run_in_c_thread(PyObject *cb, int n) {
        mpcy_job_t job = { cb, n, 0, 0, 0, 0 };
        pthread_t t;
        if (pthread_create(&t, NULL, mpcy_job_run, &job) != 0) {
            PyErr_SetString(PyExc_RuntimeError, "pthread_create failed");
            return NULL;
        }
        Py_BEGIN_ALLOW_THREADS
        pthread_join(t, NULL);
        Py_END_ALLOW_THREADS
        return Py_BuildValue("{s:i,s:i,s:i,s:i}", "ok", job.ok, "failed", job.failed,
                             "held", job.held, "nested_locked", job.nested_locked);
    }
    """
    object mpcy_run_in_c_thread(object cb, int n)


def run_in_c_thread(cb, int n):
    return mpcy_run_in_c_thread(cb, n)
