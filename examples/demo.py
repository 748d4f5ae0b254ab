import fib, shapes, checks

print("fib(90) =", fib.fib(90), " fib(200) =", fib.fib(200))
print("fast_fib(90) =", fib.fast_fib(90))
r = shapes.Rect(3, 4.5)
print(r, "area", r.area(), "perimeter", r.perimeter, "id", r.id)
r.w = 10
print("after r.w = 10:", r)
try:
    r.id = 3
except AttributeError as e:
    print("AttributeError:", e)
print("parse_age('42') =", checks.parse_age("42"))
try:
    checks.parse_age(42)
except TypeError as e:
    print("TypeError:", e)
try:
    checks.parse_age("-5")
except ValueError as e:
    print("ValueError:", e)
    import sys

    sys.print_exception(e)
