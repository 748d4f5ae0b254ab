# cdef public and cdef api functions called from C (shapes.h / shapes_api.h),
# a cdef public class, and an exception propagating back to C.
cdef public struct Point:
    double x
    double y

cdef public double scale = 2.0

cdef public double area(double w, double h) except? -1:
    if w < 0 or h < 0:
        raise ValueError("negative size: %r x %r" % (w, h))
    return w * h * scale

cdef public object describe(Point p):
    return "Point(%g, %g)" % (p.x, p.y)

cdef api int api_add(int a, int b) except? -1:
    if a == 13:
        raise RuntimeError("unlucky")
    return a + b

cdef api object api_upper(object s):
    return s.upper()

def set_scale(double s):
    global scale
    scale = s
