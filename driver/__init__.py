"""mpcython's build driver: Cython modules into MicroPython (./mpcython is
its launcher; tools and tests import the parts they share).

  cli       the command line (argparse): build, run, host, embed
  common    the checkout, messages, the fetched dependencies, names, digests
  layer     the layer's sources (every runtime/*.c) and how a build takes it
  cython    finding Cython, the options every build passes, the cached compile
  generate  the C around Cython's: module wrappers, the statics scan, import glue
  usermods  a build's user-module folder (layer + modules), the same for every port
  unix      the unix port: executables, the .so host, .so modules, the C flags
  qemu      the qemu port (Cortex-M3 under qemu-system-arm): firmware, runs, sizes
  embed     C programs embedding MicroPython (the embed port)
  errors    failed C builds explained in one line
"""
