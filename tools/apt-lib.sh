# apt-lib.sh - sourced by tools/*-deps.sh: installs the Debian packages that
# the sourcing script's missing_packages function names, only when it names
# any (as root, through the machine's own apt configuration; no archive host
# is named here). The sourcing script sets DEPS_NAME; apt's output goes to
# build/$DEPS_NAME.log, stderr gets short lines.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOG=$ROOT/build/$DEPS_NAME.log

say() { echo "$DEPS_NAME: $*" >&2; }
die() { echo "$DEPS_NAME: $*" >&2; exit 1; }

apt_install_missing() {
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
