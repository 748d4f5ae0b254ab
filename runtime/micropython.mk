# The mpcython layer as a MicroPython user C module: every runtime/*.c.
MPCY_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(wildcard $(MPCY_DIR)/*.c)
CFLAGS_USERMOD += -I$(MPCY_DIR)/../include -I$(MPCY_DIR)
# Every collection also scans the modules' static variables (runtime/mpcy_roots.c).
CFLAGS_USERMOD += -DMPCY_GC_WRAP=1
LDFLAGS_USERMOD += -Wl,--wrap=gc_collect_start
# The MicroPython options the layer needs, in every file of the build. It
# names qstrs in MicroPython's own files too (its builtins): a change makes
# the build collect every file's qstrs again.
CFLAGS_USERMOD += -include $(MPCY_DIR)/mpcy_config.h
QSTR_GLOBAL_DEPENDENCIES += $(MPCY_DIR)/mpcy_config.h
