#!/usr/bin/env bash
# fetch-deps.sh - obtain the MicroPython and Cython sources for this project.
#
# Both come from Debian *source* packages, fetched through the machine's own
# apt configuration (the archive URI is derived at run time from the apt
# sources of this machine; no host name is written down here).  Only the
# upstream orig tarballs are downloaded, checked against pinned sha256 sums
# and unpacked (top folder stripped) into:
#
#     deps/micropython/     (stamp: deps/micropython/.mpcy-stamp)
#     deps/cython/          (stamp: deps/cython/.mpcy-stamp)
#
# With MICROPY_VERSION=V (one of the MP_PINS versions, e.g. 1.25.0) the
# MicroPython of that pin alone goes into deps/micropython-V/ instead, beside
# the default one (the supported releases: docs/embedded.md).
#
# A second run with both stamps present does no network access at all.
#
# `tools/fetch-deps.sh releases` fetches instead every other pinned
# MicroPython release (the matrix's, tests/run_all.py) into
# deps/micropython-V/, as MICROPY_VERSION=V would one by one.
#
# `tools/fetch-deps.sh libs` fetches instead the third-party Cython libraries
# of the library suite (tests/libs, docs/libraries.md), one Debian source
# package each, the same way, into deps/libs/NAME/.
#
# Environment:
#   MICROPY_DIR   use this MicroPython tree instead (must hold py/obj.h)
#   CYTHON        use this Cython instead (Cython is not fetched)
#   MICROPY_VERSION  fetch this pinned MicroPython release into deps/micropython-V
#   MPCY_APT_URI_OVERRIDE   testing only: use this archive URI instead of
#                 the ones found in the machine's apt sources
#
# apt's verbose output goes to deps/fetch-deps.log; stderr gets short lines.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS=$ROOT/deps
LOG=$DEPS/fetch-deps.log
APTDIR=$DEPS/apt
DLDIR=$DEPS/downloads
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
SRC_SUITES="trixie sid"

# Pins: "package version orig-tarball sha256", in order of preference (the
# first is the default release, the others fallbacks and MICROPY_VERSION's).
MP_PINS=(
    "micropython 1.26.1+ds-1 micropython_1.26.1+ds.orig.tar.xz f5ad2ec89d3e921f753d448955af98b6005655f84ba26087dde6ba0e8d062f34"
    "micropython 1.25.0+ds-1 micropython_1.25.0+ds.orig.tar.xz 7b25be99a502f070b2de81dafc08da7051d992325d6e67daa9045a918fffdbea"
)
CY_PINS=(
    "cython 3.1.6+dfsg-4 cython_3.1.6+dfsg.orig.tar.xz 9de56310c9a51b1de840ae817899cd287d72e8b9a42da529044fbfd7334fa77c"
)

# The library suite (tests/libs/run.py): "name package version orig-tarball sha256".
LIB_PINS=(
    "tinyalign python-tinyalign 0.2.2-2 python-tinyalign_0.2.2.orig.tar.gz fa75038e2d6408c4b60bfc0014bc85ef5b07cefb3793d3dd9631e11a0913aabd"
    "pyxdameraulevenshtein pyxdameraulevenshtein 1.9.0-1 pyxdameraulevenshtein_1.9.0.orig.tar.gz 6a2a2ab90f31744f92c59a69344d6aa489565fdff062d9dc3ceb1d9d1a8e5fb5"
    "rencode python-rencode 1.0.6-2.1 python-rencode_1.0.6.orig.tar.xz b0a2d1672e4e7e2016ba32f882c633544a31179366b2fc3fa38a1f1d12796c9f"
    "wsaccel python-wsaccel 0.6.3-6 python-wsaccel_0.6.3.orig.tar.xz ed742c09c7a133b496496888dbdf7b6070720fa856134f7434f85f71c93d51ca"
    "reedsolo python-reedsolo 1.7.0-1 python-reedsolo_1.7.0.orig.tar.gz 37eaea9344cd4f98aa85c69aab785bf420088d24bbaba9180b3eb88b981a99c3"
    "cymem python-cymem 2.0.11-1 python-cymem_2.0.11.orig.tar.gz c845688ee35627fe1de69a9ee79febe729ea577567df06aa3ce8dd296e94d1f8"
    "httptools python-httptools 0.1.1-3 python-httptools_0.1.1.orig.tar.gz a340ec4ffeb3cf2ae7248d561d73437d255b78c5c315b8c31f6008af477b317b"
    "http-parser http-parser 2.9.4-6 http-parser_2.9.4.orig.tar.gz 467b9e30fd0979ee301065e70f637d525c28193449e1b13fbcb1b1fab3ad224f"
    "cwcwidth python-cwcwidth 0.1.12-1 python-cwcwidth_0.1.12.orig.tar.gz bfc16531d1246dd2558eb9b3a63aa37a9978672b956860dc5426da2343ebf366"
    "propcache python-propcache 0.5.2-3 python-propcache_0.5.2.orig.tar.gz 01c4fc7480cd0598bb4b57022df55b9ca296da7fc5a8760bd8451a7e63a7d427"
)

say() { echo "fetch-deps: $*" >&2; }
die() { echo "fetch-deps: $*" >&2; exit 1; }
log() { echo "[$(date '+%F %T')] $*" >>"$LOG"; }

# ---------------------------------------------------------------- toolchain
# Install the host build tools from Debian, but only if something is missing.
ensure_toolchain() {
    local missing=() c inc
    for c in gcc make python3 xz pkg-config; do
        command -v "$c" >/dev/null 2>&1 || missing+=("$c")
    done
    if command -v python3 >/dev/null 2>&1; then
        inc=$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["include"])' 2>/dev/null || true)
        [ -n "$inc" ] && [ -f "$inc/Python.h" ] || missing+=("Python.h")
    fi
    [ ${#missing[@]} -eq 0 ] && return 0

    say "missing host tools: ${missing[*]}; installing Debian packages"
    if [ "$(id -u)" != 0 ]; then
        die "need root to install build-essential python3 python3-dev xz-utils pkg-config"
    fi
    mkdir -p "$DEPS"
    log "toolchain: missing ${missing[*]}"
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
            --no-install-recommends build-essential python3 python3-dev xz-utils pkg-config
         } >>"$LOG" 2>&1; then
        die "installing the host toolchain with apt-get failed (see $LOG)"
    fi
    inc=$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["include"])' 2>/dev/null || true)
    [ -n "$inc" ] && [ -f "$inc/Python.h" ] ||
        die "Python.h still not found for $(command -v python3) (include dir: ${inc:-?})"
}

# ------------------------------------------------------- archive discovery
# Print "URI SUITE" for every enabled 'deb' entry of the machine's apt sources
# (one-line sources.list / *.list and deb822 *.sources).
apt_deb_entries() {
    local f files=()
    [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
    for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        case "$f" in *.disabled*) continue ;; esac
        files+=("$f")
    done
    for f in "${files[@]}"; do
        case "$f" in
        *.sources)
            awk '
                function flush() {
                    if (types ~ /(^| )deb( |$)/ && tolower(enabled) != "no") {
                        nu = split(uris, U, " "); ns = split(suites, S, " ")
                        for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++) print U[i], S[j]
                    }
                    types = uris = suites = last = ""; enabled = "yes"
                }
                BEGIN { enabled = "yes" }
                /^[ \t]*#/ { next }
                /^[ \t]*$/ { flush(); next }
                /^[ \t]/   { v = $0; gsub(/^[ \t]+|[ \t]+$/, "", v)
                             if (last == "types") types = types " " v
                             else if (last == "uris") uris = uris " " v
                             else if (last == "suites") suites = suites " " v
                             next }
                {
                    k = tolower($0); sub(/:.*/, "", k)
                    v = $0; sub(/^[^:]*:[ \t]*/, "", v); gsub(/[ \t]+$/, "", v)
                    last = k
                    if (k == "types") types = v
                    else if (k == "uris") uris = v
                    else if (k == "suites") suites = v
                    else if (k == "enabled") enabled = v
                }
                END { flush() }
            ' "$f"
            ;;
        *)
            sed -e 's/#.*//' -e 's/\[[^]]*\]//g' "$f" | awk '$1 == "deb" && NF >= 3 { print $2, $3 }'
            ;;
        esac
    done
}

# The machine's own downloaded Release file for URI/SUITE, if any.
local_release_file() {
    local uri=$1 suite=$2 p f
    p=${uri#*://}; p=${p#*@}; p=${p%/}; p=${p//\//_}
    for f in "/var/lib/apt/lists/${p}_dists_${suite}_InRelease" \
             "/var/lib/apt/lists/${p}_dists_${suite}_Release"; do
        [ -f "$f" ] && { echo "$f"; return 0; }
    done
    return 1
}

# Print the URIs of Debian's main archive found in the apt sources.
debian_archive_uris() {
    if [ -n "${MPCY_APT_URI_OVERRIDE:-}" ]; then
        echo "$MPCY_APT_URI_OVERRIDE"
        return 0
    fi
    local codenames='^(jessie|stretch|buster|bullseye|bookworm|trixie|forky|duke|sid|oldoldstable|oldstable|stable|testing|unstable)$'
    local uri suite rel seen=" "
    while read -r uri suite; do
        [[ $suite =~ $codenames ]] || continue          # skips -updates, -security, third-party suites
        case "$uri" in http://* | https://*) ;; *) continue ;; esac
        # If apt already has this suite's Release file, it must be Debian's.
        if rel=$(local_release_file "$uri" "$suite"); then
            grep -q '^Origin: Debian$' "$rel" || continue
        fi
        uri=${uri%/}
        case "$seen" in *" $uri "*) continue ;; esac
        seen="$seen$uri "
        echo "$uri"
    done < <(apt_deb_entries)
}

# ---------------------------------------------------------- private apt
APT_OPTS=()
setup_private_apt() {
    local uris
    uris=$(debian_archive_uris | tr '\n' ' ')
    uris=${uris% }
    [ -n "$uris" ] || die "no Debian archive found in the apt sources of this machine; set MICROPY_DIR and CYTHON to use local copies"
    [ -f "$KEYRING" ] || die "$KEYRING is missing (install debian-archive-keyring); set MICROPY_DIR and CYTHON to use local copies"

    mkdir -p "$APTDIR"/lists/partial "$APTDIR"/cache/archives/partial \
             "$APTDIR"/etc/sources.list.d "$APTDIR"/etc/preferences.d
    rm -f "$APTDIR"/etc/sources.list.d/*
    cat >"$APTDIR/etc/sources.list.d/mpcy-src.sources" <<EOF
Types: deb-src
URIs: $uris
Suites: $SRC_SUITES
Components: main
Signed-By: $KEYRING
EOF
    APT_OPTS=(
        -o "Dir::State=$APTDIR"
        -o "Dir::Cache=$APTDIR/cache"
        -o "Dir::Etc::SourceList=/dev/null"
        -o "Dir::Etc::SourceParts=$APTDIR/etc/sources.list.d"
        -o "Dir::Etc::Preferences=/dev/null"
        -o "Dir::Etc::PreferencesParts=$APTDIR/etc/preferences.d"
    )
    say "updating source package lists ($SRC_SUITES) from $uris"
    log "apt-get update with URIs: $uris, suites: $SRC_SUITES"
    # Drop old lists so that a failed update cannot pass on stale ones.
    find "$APTDIR/lists" -maxdepth 1 -type f -name '*Sources*' -delete
    local ok=1
    apt-get "${APT_OPTS[@]}" -q update >>"$LOG" 2>&1 || ok=0
    # apt-get update only warns (exit 0) on unreachable hosts: check the lists.
    if [ $ok = 1 ] && ! find "$APTDIR/lists" -maxdepth 1 -type f -name '*_Sources*' | grep -q .; then
        ok=0
    fi
    if [ $ok = 0 ]; then
        echo "fetch-deps: cannot reach the Debian archive (apt-get update failed); set MICROPY_DIR and CYTHON to use local copies" >&2
        exit 1
    fi
}

# ---------------------------------------------------------- orig tarballs
sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

# Print the URI of ORIGNAME for source package PKG (trying VERSION first,
# then every other version the archive offers); non-zero if none.
find_orig_uri() {
    local pkg=$1 version=$2 origname=$3 v out uri
    local versions=("$version")
    while read -r v; do
        [ "$v" = "$version" ] || versions+=("$v")
    done < <(apt-cache "${APT_OPTS[@]}" showsrc --only-source "$pkg" 2>>"$LOG" |
             awk '/^Version:/ { print $2 }' | sort -u)
    versions+=("")   # finally: the package name without a version
    for v in "${versions[@]}"; do
        out=$(cd "$APTDIR" && apt-get "${APT_OPTS[@]}" source --print-uris --download-only \
                "$pkg${v:+=$v}" 2>>"$LOG") || continue
        uri=$(awk -v n="$origname" '$2 == n { gsub(/\047/, "", $1); print $1; exit }' <<<"$out")
        if [ -n "$uri" ]; then
            log "$origname: found via $pkg${v:+=$v}: $uri"
            echo "$uri"
            return 0
        fi
    done
    return 1
}

download() {
    local uri=$1 dest=$2
    rm -f "$dest.part"
    if command -v curl >/dev/null 2>&1; then
        curl -fsSL --retry 3 --connect-timeout 30 -o "$dest.part" "$uri" 2>>"$LOG" || { rm -f "$dest.part"; return 1; }
    else
        python3 - "$uri" "$dest.part" 2>>"$LOG" <<'EOF' || { rm -f "$dest.part"; return 1; }
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=60) as r, open(sys.argv[2], "wb") as f:
    shutil.copyfileobj(r, f)
EOF
    fi
    mv "$dest.part" "$dest"
}

# Fetch (if needed), verify and unpack the first available pin of NAME.
# Usage: fetch_one NAME PIN...
fetch_one() {
    local name=$1; shift
    local dest=$DEPS/$name pin pkg version origname sha file uri tmp
    mkdir -p "$DLDIR"
    file=""
    # A verified tarball from an earlier run needs no network.
    for pin in "$@"; do
        read -r pkg version origname sha <<<"$pin"
        if sha_ok "$DLDIR/$origname" "$sha"; then file=$DLDIR/$origname; break; fi
    done
    if [ -z "$file" ]; then
        [ ${#APT_OPTS[@]} -gt 0 ] || setup_private_apt
        for pin in "$@"; do
            read -r pkg version origname sha <<<"$pin"
            uri=$(find_orig_uri "$pkg" "$version" "$origname") || {
                say "$origname is not offered by the archive"; continue; }
            say "downloading $origname"
            download "$uri" "$DLDIR/$origname" ||
                die "cannot download $origname from the Debian archive (see $LOG); set MICROPY_DIR and CYTHON to use local copies"
            if ! sha_ok "$DLDIR/$origname" "$sha"; then
                rm -f "$DLDIR/$origname"
                die "sha256 mismatch for $origname (expected $sha); file deleted"
            fi
            file=$DLDIR/$origname
            break
        done
        [ -n "$file" ] || die "no pinned $name source tarball is available from the archive (see $LOG)"
    fi
    origname=${file##*/}
    say "unpacking $origname into deps/$name/"
    tmp=$DEPS/.${name//\//-}.tmp
    rm -rf "$tmp"; mkdir -p "$tmp" "$(dirname "$dest")"
    tar -xf "$file" -C "$tmp" --strip-components=1 || { rm -rf "$tmp"; die "cannot unpack $origname"; }
    rm -rf "$dest"
    mv "$tmp" "$dest"
    echo "$origname" >"$dest/.mpcy-stamp"
}

# True if deps/NAME carries a stamp naming one of the given pins.
stamped() {
    local name=$1; shift
    local stamp=$DEPS/$name/.mpcy-stamp pin pkg version origname sha
    [ -f "$stamp" ] || return 1
    for pin in "$@"; do
        read -r pkg version origname sha <<<"$pin"
        [ "$(cat "$stamp")" = "$origname" ] && return 0
    done
    return 1
}

# MP_NAME, MP_USE: the folder under deps/ and the pins for MICROPY_VERSION.
select_micropython() {
    MP_NAME=micropython
    MP_USE=("${MP_PINS[@]}")
    [ -n "${MICROPY_VERSION:-}" ] || return 0
    local pin pkg version origname sha known=()
    for pin in "${MP_PINS[@]}"; do
        read -r pkg version origname sha <<<"$pin"
        version=${version%%+*}
        known+=("$version")
        if [ "$version" = "$MICROPY_VERSION" ]; then
            MP_NAME=micropython-$version
            MP_USE=("$pin")
            return 0
        fi
    done
    die "MICROPY_VERSION=$MICROPY_VERSION is not pinned (pinned: ${known[*]})"
}

# deps/micropython-V for each MicroPython pin after the default one.
fetch_releases() {
    local pin pkg version origname sha
    mkdir -p "$DEPS"
    for pin in "${MP_PINS[@]:1}"; do
        read -r pkg version origname sha <<<"$pin"
        version=${version%%+*}
        stamped "micropython-$version" "$pin" || fetch_one "micropython-$version" "$pin"
    done
}

# The library suite's sources: deps/libs/NAME for each of LIB_PINS.
fetch_libs() {
    local entry name pin
    mkdir -p "$DEPS"
    for entry in "${LIB_PINS[@]}"; do
        read -r name pin <<<"$entry"
        stamped "libs/$name" "$pin" || fetch_one "libs/$name" "$pin"
    done
}

# ------------------------------------------------------------------ main
main() {
    case "${1:-}" in
    libs) fetch_libs; return 0 ;;
    releases) fetch_releases; return 0 ;;
    esac
    mkdir -p "$DEPS"
    ensure_toolchain
    select_micropython

    local need_mp=1 need_cy=1
    if [ -n "${MICROPY_DIR:-}" ]; then
        [ -f "$MICROPY_DIR/py/obj.h" ] || die "MICROPY_DIR=$MICROPY_DIR has no py/obj.h"
        need_mp=0
    elif stamped "$MP_NAME" "${MP_USE[@]}" && [ -f "$DEPS/$MP_NAME/py/obj.h" ]; then
        need_mp=0
    fi
    if [ -n "${CYTHON:-}" ]; then
        need_cy=0
    elif stamped cython "${CY_PINS[@]}" && [ -d "$DEPS/cython/Cython" ]; then
        need_cy=0
    fi
    [ $need_mp = 0 ] && [ $need_cy = 0 ] && return 0

    log "=== fetching into $DEPS"
    [ $need_mp = 1 ] && fetch_one "$MP_NAME" "${MP_USE[@]}"
    [ $need_cy = 1 ] && fetch_one cython "${CY_PINS[@]}"
    say "done"
}

main "$@"
