// onedef_c: bench/onedef.pyx written by hand as a MicroPython user C module
// (the "c" variant of the one-def row of the footprint table).
#include "py/runtime.h"

static mp_obj_t onedef_c_add(mp_obj_t a, mp_obj_t b) {
    return mp_binary_op(MP_BINARY_OP_ADD, a, b);
}
static MP_DEFINE_CONST_FUN_OBJ_2(onedef_c_add_obj, onedef_c_add);

static const mp_rom_map_elem_t onedef_c_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_onedef_c) },
    { MP_ROM_QSTR(MP_QSTR_add), MP_ROM_PTR(&onedef_c_add_obj) },
};
static MP_DEFINE_CONST_DICT(onedef_c_globals, onedef_c_globals_table);

const mp_obj_module_t onedef_c_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&onedef_c_globals,
};

MP_REGISTER_MODULE(MP_QSTR_onedef_c, onedef_c_user_cmodule);
