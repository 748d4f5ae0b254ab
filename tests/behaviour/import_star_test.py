# from-import-* at module level of a compiled module
import import_star as m

print(m.use())
print(m.names())
print(m.heappop is not None, callable(m.heapify))
