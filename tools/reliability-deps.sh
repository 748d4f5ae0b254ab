#!/usr/bin/env bash
# reliability-deps.sh - install what `make check-reliability` needs from
# Debian packages, only when something is missing (tools/apt-lib.sh):
#
#   clang + libclang-rt-dev   clang, AddressSanitizer/UBSan and libFuzzer runtimes
#   valgrind                  memcheck
#
set -euo pipefail

DEPS_NAME=reliability-deps
# shellcheck source=tools/apt-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/apt-lib.sh"

missing_packages() {
    local pkgs=()
    command -v clang >/dev/null 2>&1 || pkgs+=(clang)
    # the sanitizer and libFuzzer runtimes: a one-line fuzz target links
    if ! command -v clang >/dev/null 2>&1 ||
       ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' |
         clang -fsanitize=fuzzer,address,undefined -x c - -o /dev/null >/dev/null 2>&1; then
        pkgs+=(libclang-rt-dev)
    fi
    command -v valgrind >/dev/null 2>&1 || pkgs+=(valgrind)
    echo "${pkgs[@]}"
}

apt_install_missing
