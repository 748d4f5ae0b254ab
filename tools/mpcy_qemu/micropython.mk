# What MicroPython's qemu port lacks for asyncio, added to a firmware with
# the layer (driver/qemu.py links this folder beside the layer on every
# board): the port's configuration with time, select and _asyncio turned on
# (mpconfigport_asyncio.h, as MP_CONFIGFILE: the port sets them to 0 in its
# mpconfigport.h, so a -D cannot), and the tick source they need
# (mphal_ticks.c).
CFLAGS_USERMOD += -DMP_CONFIGFILE='"$(USERMOD_DIR)/mpconfigport_asyncio.h"'
# (by its real path: it includes ../mpcy_ticks.h, and the build links this folder)
SRC_USERMOD_C += $(realpath $(USERMOD_DIR))/mphal_ticks.c
