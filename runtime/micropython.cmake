# The mpcython layer as a MicroPython user C module (CMake ports).
add_library(usermod_mpcy INTERFACE)
file(GLOB MPCY_SOURCES ${CMAKE_CURRENT_LIST_DIR}/*.c)
target_sources(usermod_mpcy INTERFACE ${MPCY_SOURCES})
target_include_directories(usermod_mpcy INTERFACE
    ${CMAKE_CURRENT_LIST_DIR}
    ${CMAKE_CURRENT_LIST_DIR}/../include)
target_link_libraries(usermod INTERFACE usermod_mpcy)
# Every collection also scans the modules' static variables (runtime/mpcy_roots.c).
target_compile_definitions(usermod_mpcy INTERFACE MPCY_GC_WRAP=1)
target_link_options(usermod_mpcy INTERFACE -Wl,--wrap=gc_collect_start)
