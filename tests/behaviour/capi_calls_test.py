# Calls with more arguments than fit the layer's stack buffer (16) must pass
# all of them; bound methods come apart into their function and self.
import capi_calls as m


def count(*args):
    return len(args), sum(args), args[-1] if args else None


class Target:
    def count(self, *args):
        return len(args), sum(args)

    def me(self):
        return "me"


print(m.call_0(count))
print(m.call_16(count))
print(m.call_17(count))
print(m.call_20(count))
print(m.method_20(Target(), "count"))
try:
    m.method_20(Target(), "missing")
except AttributeError:
    print("AttributeError")
t = Target()
print(m.bound(Target.me, t))
