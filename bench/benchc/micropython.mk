# The hand-written MicroPython C module the benchmarks compare against.
BENCHC_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(BENCHC_DIR)/benchc.c
