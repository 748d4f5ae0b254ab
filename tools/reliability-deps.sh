#!/usr/bin/env bash
# reliability-deps.sh - install what `make check-reliability` needs from
# Debian packages, only when something is missing (as root, through the
# machine's own apt configuration; no archive host is named here):
#
#   clang + libclang-rt-dev   clang, AddressSanitizer/UBSan and libFuzzer runtimes
#   valgrind                  memcheck
#
# apt's output goes to build/reliability-deps.log; stderr gets short lines.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOG=$ROOT/build/reliability-deps.log

say() { echo "reliability-deps: $*" >&2; }
die() { echo "reliability-deps: $*" >&2; exit 1; }

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

main() {
    local pkgs
    pkgs=$(missing_packages)
    [ -z "$pkgs" ] && return 0
    say "missing: $pkgs; installing Debian packages"
    [ "$(id -u)" = 0 ] || die "need root to run: apt-get install $pkgs"
    mkdir -p "$ROOT/build"
    # shellcheck disable=SC2086
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
            --no-install-recommends $pkgs; } >>"$LOG" 2>&1; then
        die "apt-get install $pkgs failed (see $LOG)"
    fi
    pkgs=$(missing_packages)
    [ -z "$pkgs" ] || die "still missing after install: $pkgs (see $LOG)"
    say "done"
}

main "$@"
