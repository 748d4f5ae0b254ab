"""Results cached by the content of their inputs, so that the fast loop
(`make check`) redoes only what an edit changed.

A cache entry is valid when every input is byte for byte what it was: a
stamp file beside the result holds a key (the command, flags, versions: the
text the caller says the result depends on) and the sha256 of each input
file it was made from (for a C compile, the files gcc's -MD listed: the
source and every header it included). No time stamps: a file rewritten
with the same content keeps its entry, any changed byte drops it. Only
inputs are cached, never what is being tested: the caller decides what may
go in (tests/README.md, "Caches").
"""
import hashlib
import json
import os
import subprocess
import threading

_HASHES = {}
_LOCK = threading.Lock()


def file_hash(path):
    """sha256 of a file's content (memoised for this process: the inputs do
    not change while a suite runs), None when it does not exist."""
    path = os.path.abspath(path)
    with _LOCK:
        if path in _HASHES:
            return _HASHES[path]
    try:
        with open(path, "rb") as f:
            h = hashlib.sha256(f.read()).hexdigest()
    except FileNotFoundError:
        h = None
    with _LOCK:
        _HASHES[path] = h
    return h


def text_hash(text):
    return hashlib.sha256(text.encode()).hexdigest()


def make_deps(dfile):
    """The prerequisites of a make rule written by gcc -MD (the .d file)."""
    with open(dfile) as f:
        text = f.read().replace("\\\n", " ")
    _, _, deps = text.partition(": ")
    return [os.path.abspath(d) for d in deps.split()]


def fresh(stamp, key):
    """True when STAMP was written with KEY and none of its inputs changed since."""
    try:
        with open(stamp) as f:
            saved = json.load(f)
    except (OSError, ValueError):
        return False
    if saved.get("key") != key:
        return False
    return all(file_hash(p) == h for p, h in saved.get("inputs", {}).items())


def write(stamp, key, inputs):
    """Records that the result beside STAMP was made from INPUTS (files) under KEY.
    Call it after the result is in place (a result without a stamp is remade)."""
    data = {"key": key, "inputs": {os.path.abspath(p): file_hash(p) for p in inputs}}
    tmp = "%s.%d" % (stamp, os.getpid())
    with open(tmp, "w") as f:
        json.dump(data, f, indent=0, sort_keys=True)
    os.replace(tmp, stamp)


_GCC = {}


def compile_key(cc, flags):
    """The key of a C compile (CC with FLAGS) besides the files it reads: the
    flags, the compiler's version, and the names of the headers on the
    include path (a new header can hide one of the same name further down)."""
    if cc not in _GCC:
        p = subprocess.run([cc, "--version"], stdout=subprocess.PIPE, text=True)
        _GCC[cc] = p.stdout.splitlines()[:1]
    headers = sorted(
        os.path.join(d, f)
        for i in flags
        if i.startswith("-I")
        for d, _, names in os.walk(i[2:])
        for f in names
        if f.endswith(".h")
    )
    return text_hash(repr((list(flags), _GCC[cc], headers)))


def compile_fresh(base, key):
    """True when BASE.stamp says the compile that wrote it (with -MD -MF
    BASE.d) is still good for KEY."""
    return fresh(base + ".stamp", key)


def compile_done(base, key):
    """Records a compile that succeeded, with the inputs gcc listed in BASE.d."""
    write(base + ".stamp", key, make_deps(base + ".d"))
