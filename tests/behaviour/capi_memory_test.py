# C API memory and capsules: PyMem_Malloc/Realloc/Free keep the content,
# Calloc zeroes, size overflows give NULL without an exception (MemoryError
# raised by the caller), a failed Realloc keeps the block; PyCapsule_New/
# GetPointer (wrong name, not a capsule), IsValid, Get/SetContext, Import
import capi_memory as m
from checks import check, check_type


print("PyMem")
check(m.malloc_realloc, 16, 64)
check(m.malloc_realloc, 1000, 10)
# grows a block to 40 KB: on the Cortex-M3 board (140 KB of heap, ~20 KB taken
# by the module and this script) 100 KB in one piece may not be left
check(m.malloc_realloc, 1, 40000)
check(m.realloc_null, 32)
check(m.zero_sizes)
check(m.calloc_zeroed, 100, 4)
check(m.calloc_zeroed, 0, 8)
check(m.calloc_overflow)
check(m.malloc_too_big)
check(m.realloc_too_big)
check(m.raw_and_object)
check(m.free_null)
check(m.many_live_blocks, 40)

print("capsules")
check(m.capsule_value, m.cap, b"capi_memory.cap")
check(m.capsule_value, m.cap, b"capi_memory.other")
check(m.capsule_value, m.cap, None)
check(m.capsule_value, m.cap_unnamed, None)
check(m.capsule_value, m.cap_unnamed, b"named")
check(m.capsule_value, 5, b"capi_memory.cap")
check(m.capsule_name, m.cap)
check(m.capsule_name, m.cap_unnamed)
check(m.capsule_name, "not a capsule")
check(m.capsule_valid, m.cap, b"capi_memory.cap")
check(m.capsule_valid, m.cap, b"wrong")
check(m.capsule_valid, None, b"capi_memory.cap")
check(m.capsule_null_pointer)
check(m.capsule_context, m.cap)
check(m.capsule_get_context, [])
check(m.capsule_set_context, [])
check(m.capsule_import, b"capi_memory.cap")
check(m.capsule_import, b"capi_memory.not_a_capsule")
check_type(m.capsule_import, b"capi_memory.missing")
check_type(m.capsule_import, b"no_such_module_xyz.cap")
for v in (m.cap, 5, None):
    check(m.capsule_checks, v)

# capsule destructors: after gc.collect() (almost) all of them have run; the
# collector is conservative, so a few capsules may still look reachable
import gc

before = m.destroyed_total()
m.capsules_dropped(50)
gc.collect()
gc.collect()
print(
    "capsule destructors",
    m.destroyed_total() - before >= 45 * 42,
    (m.destroyed_total() - before) % 42,
)
check(m.capsule_setters)
check(m.capsule_set_null_pointer, m.cap)
check(m.capsule_set_name, 5)
check(m.capsule_value, m.cap, b"capi_memory.cap")
