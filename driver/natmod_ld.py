"""MicroPython's tools/mpy_ld.py for natmod code compiled without -fpic
(driver/natmod.py, armv7m): run as `natmod_ld.py MPY_TOOLS_DIR ARG...`
with mpy_ld's own arguments.

Position-independent Thumb code reaches every global through the GOT: a
load of the GOT entry's offset, a second load through the GOT, then the
access, and const tables of pointers become .data.rel.ro. Without -fpic a
global's address is one word in the function's literal pool (an
R_ARM_ABS32 relocation, which mpy_ld already turns into a load-time
relocation of the .mpy), as in a firmware build: the layer's armv7m text
is some 10 % smaller.

mpy_ld handles such a word for the module's own sections and for the
firmware's types in mp_fun_table, but not for the three tables it knows
only through the GOT: mp_fun_table itself, mp_native_qstr_table and
mp_native_obj_table. Their .mpy relocations exist (py/persistentcode.c
mp_native_relocate adds the table's address to the word, which holds the
offset into it), so the word gets the one mpy_ld gives their GOT entries.
"""

import os
import sys

# The firmware tables known only by name: the .mpy relocation kind of each
# (mpy_ld's names for them).
TABLES = ("mp_fun_table", "mp_native_qstr_table", "mp_native_obj_table")


def main():
    sys.path.insert(0, sys.argv.pop(1))
    import mpy_ld

    plain = mpy_ld.do_relocation_data

    def do_relocation_data(env, text_addr, r):
        s = getattr(r.sym, "resolved", r.sym)
        if (
            env.arch.name == "EM_ARM"
            and r["r_info_type"] == mpy_ld.R_ARM_ABS32
            and s.name in TABLES
            and s.section.name.startswith(".external")
        ):
            offset = r["r_offset"] + text_addr
            assert offset % env.arch.word_size == 0, (s.name, offset)
            env.mpy_relocs.append((".text", offset, s.name))
            return
        plain(env, text_addr, r)

    mpy_ld.do_relocation_data = do_relocation_data
    sys.argv[0] = os.path.join(os.path.dirname(mpy_ld.__file__), "mpy_ld.py")
    mpy_ld.main()


if __name__ == "__main__":
    main()
