# Top-level entry points.  Sources of MicroPython and Cython are fetched into
# deps/ by tools/fetch-deps.sh (set MICROPY_DIR / CYTHON to use local copies).

PYTHON ?= python3

.PHONY: all deps demo test clean distclean

all: test

deps:
	tools/fetch-deps.sh

demo: deps
	$(PYTHON) tools/demo.py

test: deps
	$(PYTHON) tests/run_all.py

clean:
	rm -rf build/

distclean: clean
	rm -rf deps/
