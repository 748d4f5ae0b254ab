# The mpcython layer as a MicroPython user C module.
MPCY_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(addprefix $(MPCY_DIR)/, \
	abstract.c bltinmodule.c containers.c descrobject.c dynload.c errors.c longobject.c \
	getargs.c import.c modsupport.c moduleobject.c object.c pylifecycle.c pystate.c pythonrun.c \
	typeobject.c unicodeobject.c)
CFLAGS_USERMOD += -I$(MPCY_DIR)/../include -I$(MPCY_DIR)
# Every collection also scans the modules' static variables (runtime/object.c).
CFLAGS_USERMOD += -DMPCY_GC_WRAP=1
LDFLAGS_USERMOD += -Wl,--wrap=gc_collect_start
# The MicroPython options the layer needs, in every file of the build.
CFLAGS_USERMOD += -include $(MPCY_DIR)/mpcy_config.h
