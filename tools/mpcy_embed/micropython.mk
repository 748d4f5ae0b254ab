# What MicroPython's embed port lacks for asyncio, added to the embed library
# (driver/embed.py links this folder beside the layer): extmod's modules
# MPCY_EXTMOD (the driver passes them: time, select, _asyncio), which the
# port copies nowhere, named here for their qstrs and module registrations
# (the driver compiles them from the fetched source), and their tick source,
# mphal_ticks.c. Their options are in runtime/mpconfigport_embed.h.
SRC_USERMOD_C += $(addprefix $(TOP)/extmod/, $(MPCY_EXTMOD))
# (by its real path: it includes ../mpcy_ticks.h, and the build links this folder)
SRC_USERMOD_C += $(realpath $(USERMOD_DIR))/mphal_ticks.c
