#!/usr/bin/env bash
# qemu-deps.sh - install the Cortex-M3 / QEMU toolchain from Debian packages,
# only when something is missing (tools/apt-lib.sh):
#
#   gcc-arm-none-eabi libnewlib-arm-none-eabi   arm-none-eabi-gcc + its C library
#   libstdc++-arm-none-eabi-newlib              its C++ library (C++ modules)
#   qemu-system-arm                             the emulated MPS2-AN385 board
#   python3-serial                              pyboard.py's raw REPL over a pty
#
# Used by `./mpcython build --port qemu` and `make test-qemu`.
set -euo pipefail

DEPS_NAME=qemu-deps
# shellcheck source=tools/apt-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/apt-lib.sh"

missing_packages() {
    local pkgs=()
    command -v arm-none-eabi-gcc >/dev/null 2>&1 || pkgs+=(gcc-arm-none-eabi)
    # newlib: the C library headers (string.h, ...) the firmware is built against
    if ! command -v arm-none-eabi-gcc >/dev/null 2>&1 ||
       ! echo '#include <string.h>' | arm-none-eabi-gcc -mthumb -mcpu=cortex-m3 -E -x c - >/dev/null 2>&1; then
        pkgs+=(libnewlib-arm-none-eabi)
    fi
    # libstdc++ for the board's multilib: -print-file-name answers a bare name when absent
    case "$(arm-none-eabi-gcc -mthumb -mcpu=cortex-m3 -print-file-name=libstdc++.a 2>/dev/null)" in
        /*) ;;
        *) pkgs+=(libstdc++-arm-none-eabi-newlib) ;;
    esac
    command -v qemu-system-arm >/dev/null 2>&1 || pkgs+=(qemu-system-arm)
    # pyserial: importable, or Debian's copy (for /usr/bin/python3; driver/qemu.py
    # finds it there when another python3 comes first on PATH)
    python3 -c 'import serial' >/dev/null 2>&1 ||
        [ -f /usr/lib/python3/dist-packages/serial/__init__.py ] || pkgs+=(python3-serial)
    echo "${pkgs[@]}"
}

apt_install_missing
