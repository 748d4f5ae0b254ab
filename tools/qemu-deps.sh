#!/usr/bin/env bash
# qemu-deps.sh [ARCH ...] - install the toolchains of MicroPython's qemu port
# from Debian packages, only when something is missing (tools/apt-lib.sh).
# ARCH: arm (the default) and/or riscv32.
#
#   arm:     gcc-arm-none-eabi libnewlib-arm-none-eabi  arm-none-eabi-gcc + its C library
#            libstdc++-arm-none-eabi-newlib             its C++ library (C++ modules)
#            qemu-system-arm                            the emulated MPS2-AN385 board
#   riscv32: gcc-riscv64-unknown-elf                    riscv64-unknown-elf-gcc (rv32 too)
#            picolibc-riscv64-unknown-elf               its C library
#            qemu-system-misc                           qemu-system-riscv32 (the virt board)
#   both:    python3-pyelftools                         tools/mpy_ld.py: native .mpy modules
#                                                       (tests/driver's stock firmware case)
#
# Used by `./mpcython build --port qemu [--board ...]`, `make test-qemu`,
# `make test`, `make test-matrix`.
set -euo pipefail

DEPS_NAME=qemu-deps
# shellcheck source=tools/apt-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/apt-lib.sh"

ARCHES=("$@")
[ ${#ARCHES[@]} -gt 0 ] || ARCHES=(arm)
for arch in "${ARCHES[@]}"; do
    case "$arch" in arm | riscv32) ;; *) die "unknown architecture $arch (arm or riscv32)" ;; esac
done

# PACKAGE if CC cannot preprocess <string.h> with FLAGS (the C library's headers).
need_libc() {
    local pkg=$1 cc=$2; shift 2
    if ! command -v "$cc" >/dev/null 2>&1 ||
       ! echo '#include <string.h>' | "$cc" "$@" -E -x c - >/dev/null 2>&1; then
        echo "$pkg"
    fi
}

missing_packages() {
    local pkgs=() arch
    for arch in "${ARCHES[@]}"; do
        case "$arch" in
        arm)
            command -v arm-none-eabi-gcc >/dev/null 2>&1 || pkgs+=(gcc-arm-none-eabi)
            pkgs+=($(need_libc libnewlib-arm-none-eabi arm-none-eabi-gcc -mthumb -mcpu=cortex-m3))
            # libstdc++ for the board's multilib: -print-file-name answers a bare name when absent
            case "$(arm-none-eabi-gcc -mthumb -mcpu=cortex-m3 -print-file-name=libstdc++.a 2>/dev/null)" in
                /*) ;;
                *) pkgs+=(libstdc++-arm-none-eabi-newlib) ;;
            esac
            command -v qemu-system-arm >/dev/null 2>&1 || pkgs+=(qemu-system-arm)
            ;;
        riscv32)
            command -v riscv64-unknown-elf-gcc >/dev/null 2>&1 || pkgs+=(gcc-riscv64-unknown-elf)
            pkgs+=($(need_libc picolibc-riscv64-unknown-elf riscv64-unknown-elf-gcc \
                --specs=picolibc.specs -march=rv32imac_zicsr -mabi=ilp32))
            command -v qemu-system-riscv32 >/dev/null 2>&1 || pkgs+=(qemu-system-misc)
            ;;
        esac
    done
    python3 -c 'import elftools' >/dev/null 2>&1 ||
        [ -f /usr/lib/python3/dist-packages/elftools/__init__.py ] || pkgs+=(python3-pyelftools)
    echo "${pkgs[@]}"
}

apt_install_missing
