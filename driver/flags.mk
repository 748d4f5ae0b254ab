# Read after a port's own Makefile (driver/unix.py runs
#   make -C PORT -f Makefile -f flags.mk print-cflags  + the build's variables):
# prints, as one line `mpcy-cflags: FLAGS`, the C flags the port compiles the
# layer with. What is compiled outside the port's build and linked to it
# must share them (.so modules: `./mpcython build --shared`,
# tests/cython/run.py). Printed as make holds them: shell words.
.PHONY: print-cflags
print-cflags:
	$(info mpcy-cflags: $(CFLAGS))
	@:
