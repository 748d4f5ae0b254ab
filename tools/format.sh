#!/usr/bin/env bash
# `make format`: the layer's C in MicroPython's style (its own uncrustify
# configuration and fix-ups: tools/codeformat.py of the fetched MicroPython),
# the Python in black's (MicroPython's line length, 99). uncrustify and black
# come from Debian and are installed here when missing. Generated and fetched
# code is left alone.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS_NAME=format-deps
# shellcheck source=tools/apt-lib.sh
. "$ROOT/tools/apt-lib.sh"

missing_packages() {
    local pkgs=()
    command -v uncrustify >/dev/null 2>&1 || pkgs+=(uncrustify)
    command -v black >/dev/null 2>&1 || pkgs+=(black)
    echo "${pkgs[@]}"
}
apt_install_missing

cd "$ROOT"
MP=${MICROPY_DIR:-$ROOT/deps/micropython}
mapfile -t c_files < <(git ls-files 'runtime/*.c' 'runtime/*.h' 'include/*.h' 'tests/**/*.c' 'bench/**/*.c' 'tools/**/*.c')
# codeformat.py rewrites every file (uncrustify --replace, then its
# fix-ups): a file whose text did not change gets its old mtime back, or
# every build folder would recompile the layer and its modules.
stamps=$(mktemp)
trap 'rm -f "$stamps"' EXIT
python3 -c 'import hashlib, json, os, sys
json.dump({f: [os.stat(f).st_mtime_ns, hashlib.sha256(open(f, "rb").read()).hexdigest()] for f in sys.argv[2:]}, open(sys.argv[1], "w"))' "$stamps" "${c_files[@]}"
python3 "$MP/tools/codeformat.py" -c "${c_files[@]}"
python3 -c 'import hashlib, json, os, sys
for f, (t, h) in json.load(open(sys.argv[1])).items():
    if hashlib.sha256(open(f, "rb").read()).hexdigest() == h:
        os.utime(f, ns=(t, t))' "$stamps"
mapfile -t py_files < <(git ls-files '*.py' mpcython)
black -q -l 99 "${py_files[@]}"
