# Top-level entry points.  Sources of MicroPython and Cython are fetched into
# deps/ by tools/fetch-deps.sh (set MICROPY_DIR / CYTHON to use local copies).

PYTHON ?= python3

.PHONY: all deps demo embed-demo check test test-libs test-matrix format cython-tests cython-ratchet test-mpy test-mpy-qemu test-qemu qemu-sizes bench check-reliability clean distclean

all: test

deps:
	tools/fetch-deps.sh

demo: deps
	$(PYTHON) tools/demo.py

# Cython's documentation example of embedding (embedded.pyx with a cdef public
# function, embedded_main.c calling it after Py_Initialize), unchanged, built
# into a C program that embeds MicroPython (docs/embedding.md).
EMBED_EXAMPLE = deps/cython/docs/examples/tutorial/embedding
embed-demo: deps
	./mpcython embed $(EMBED_EXAMPLE)/embedded_main.c $(EMBED_EXAMPLE)/embedded.pyx -o build/embed-demo/embedded
	build/embed-demo/embedded

# The fast loop while editing the layer: ./mpcython's own tests and the
# behaviour tests on unix (no qemu, no package installs, no fuzzing).
check: deps
	$(PYTHON) tests/run_all.py --check

# Everything CI runs (.ci/run), suites side by side (tests/README.md): the
# driver, behaviour (with GC stress), embedding, the behaviour tests on a
# Cortex-M3 and a RISC-V board under qemu and against MicroPython 1.25.0,
# as native .mpy modules on the stock unix MicroPython,
# Cython's must-pass tests, reliability. The qemu and clang/valgrind
# toolchains are installed from Debian here when missing, the other pinned
# MicroPython releases fetched.
test: deps
	tools/fetch-deps.sh releases
	bash tools/qemu-deps.sh arm riscv32
	bash tools/reliability-deps.sh
	$(PYTHON) tests/run_all.py

# Real third-party Cython libraries from Debian source packages (fetched into
# deps/libs/ by `tools/fetch-deps.sh libs`), each compared with CPython
# (tests/libs/run.py, docs/libraries.md).
test-libs: deps
	tools/fetch-deps.sh libs
	$(PYTHON) tests/libs/run.py

# The behaviour tests as native .mpy modules (./mpcython build --mpy) on the
# stock unix MicroPython, compared with CPython; tests/behaviour/MPY lists
# what the natmod flavour cannot pass, with reasons (docs/embedded.md). About
# 13 minutes on 2 cores from a clean build/ (each module's copy of the layer
# linked in), a minute or two when nothing changed.
test-mpy: deps
	bash tools/qemu-deps.sh arm
	$(PYTHON) tests/behaviour/run.py --mpy

# The same as armv7m .mpy modules on the stock qemu Cortex-M3 firmware (one
# board per test, the .mpy folder mounted over its serial link, no gc-stress);
# tests/behaviour/MPY.armv7m lists what is left out there (most modules: the
# board's 140 KB heap must hold a module's copy of the layer in one piece).
test-mpy-qemu: deps
	bash tools/qemu-deps.sh arm
	$(PYTHON) tests/behaviour/run.py --mpy --arch armv7m

# The behaviour tests on MicroPython's qemu port (Cortex-M3, MPS2_AN385) under
# qemu-system-arm; tools/qemu-deps.sh installs the Debian toolchain if missing.
# See docs/embedded.md and tests/qemu/DIFFERENCES.md.
test-qemu: deps
	bash tools/qemu-deps.sh
	$(PYTHON) tests/qemu/run.py

# The behaviour tests on every supported architecture and MicroPython release
# (docs/embedded.md): unix with 1.26.1 and 1.25.0 (and all of Cython's
# must-pass tests on each), the qemu Cortex-M3 (MPS2_AN385) and RISC-V
# (VIRT_RV32) boards with 1.26.1. Ends with one `N passed, N failed` line.
# MATRIX_ARGS: e.g. --only CELL,CELL (--list names them). Hours on 2 cores
# (Cython's must-pass tests, twice); make test has every other cell, and
# MPCY_MATRIX_SAMPLE=N takes a fixed sample of N must-pass tests per release.
test-matrix: deps
	tools/fetch-deps.sh releases
	bash tools/qemu-deps.sh arm riscv32
	$(PYTHON) tests/run_all.py --matrix $(MATRIX_ARGS)

# Firmware text/data/bss: no layer, the layer, the layer + examples/*.pyx.
qemu-sizes: deps
	bash tools/qemu-deps.sh
	$(PYTHON) tools/qemu_sizes.py

# Speed and size against bytecode, native, viper and a hand-written C module
# (bench/run.py): prints one table, writes bench/results.md and results.json.
bench: deps
	bash tools/qemu-deps.sh arm riscv32
	$(PYTHON) bench/run.py

# Cython's own tests/run on MicroPython (resumable; results in build/cython-tests/).
cython-tests: deps
	$(PYTHON) tests/cython/run.py

# All of tests/cython/must-pass.txt (make test runs a fixed sample of it).
cython-ratchet: deps
	$(PYTHON) tests/cython/run.py --must-pass

# Reliability (issue 7, docs/reliability.md): gc-stress of the behaviour and
# Cython must-pass tests, ASan+UBSan and valgrind runs, leak checks, the
# hostile-input table and 10 minutes of libFuzzer; ends with a summary table.
check-reliability: deps
	bash tools/reliability-deps.sh
	$(PYTHON) tests/reliability/all.py

# C in MicroPython's style (its uncrustify configuration), Python with black.
format:
	bash tools/format.sh

clean:
	rm -rf build/

distclean: clean
	rm -rf deps/
