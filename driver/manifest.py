# The Python modules frozen into the MicroPython the project builds
# (driver/frozen.py passes this file as FROZEN_MANIFEST): MicroPython's own
# asyncio, as the ports' manifests freeze it (the unix standard variant's
# manifest has exactly this line), and the layer's own modules, every .py in
# runtime/frozen/ (enum: docs/enum.md). The ports' other default entries are
# micropython-lib packages (unix-ffi, ssl, mip-cmdline; the qemu port's
# unittest), which the Debian +ds source lacks.
include("$(MPY_DIR)/extmod/asyncio")
freeze("../runtime/frozen")
