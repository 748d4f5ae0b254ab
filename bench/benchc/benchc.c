// benchc: the typed kernels of bench/kernels.pyx written by hand as a
// MicroPython user C module (the practical speed limit), plus the
// call-overhead functions and set_emit() for the benchmark runner.
#include <math.h>
#include <string.h>
#if defined(__linux__)
#include <time.h>
#endif
#include "py/runtime.h"
#include "py/objstr.h"
#include "py/mpstate.h"

#define M 1000000007

static mp_obj_t benchc_fib_iter(mp_obj_t n_in) {
    mp_int_t n = mp_obj_get_int(n_in);
    mp_int_t a = 0, b = 1, c;
    for (mp_int_t i = 0; i < n; i++) {
        c = a + b;
        if (c >= M) {
            c -= M;
        }
        a = b;
        b = c;
    }
    return mp_obj_new_int(a);
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_fib_iter_obj, benchc_fib_iter);

static int cfib(int n) {
    if (n < 2) {
        return n;
    }
    return cfib(n - 1) + cfib(n - 2);
}

static mp_obj_t benchc_fib_rec(mp_obj_t n_in) {
    return mp_obj_new_int(cfib(mp_obj_get_int(n_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_fib_rec_obj, benchc_fib_rec);

static mp_obj_t benchc_nbody(mp_obj_t steps_in) {
    int steps = mp_obj_get_int(steps_in);
    double x[5], y[5], z[5], vx[5], vy[5], vz[5], m[5];
    double dx, dy, dz, d2, mag, dt = 0.01, e;
    for (int i = 0; i < 5; i++) {
        x[i] = i * 1.5;
        y[i] = i * 0.5 - 1.0;
        z[i] = 0.25 * i * i;
        vx[i] = 0.1 * i;
        vy[i] = -0.05 * i;
        vz[i] = 0.02;
        m[i] = 1.0 + i;
    }
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                dx = x[i] - x[j];
                dy = y[i] - y[j];
                dz = z[i] - z[j];
                d2 = dx * dx + dy * dy + dz * dz + 0.01;
                mag = dt / (d2 * sqrt(d2));
                vx[i] -= dx * m[j] * mag;
                vy[i] -= dy * m[j] * mag;
                vz[i] -= dz * m[j] * mag;
                vx[j] += dx * m[i] * mag;
                vy[j] += dy * m[i] * mag;
                vz[j] += dz * m[i] * mag;
            }
        }
        for (int i = 0; i < 5; i++) {
            x[i] += dt * vx[i];
            y[i] += dt * vy[i];
            z[i] += dt * vz[i];
        }
    }
    e = 0.0;
    for (int i = 0; i < 5; i++) {
        e += 0.5 * m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
    }
    return mp_obj_new_float((mp_float_t)e);
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_nbody_obj, benchc_nbody);

static mp_obj_t benchc_checksum(mp_obj_t data_in) {
    mp_buffer_info_t buf;
    mp_get_buffer_raise(data_in, &buf, MP_BUFFER_READ);
    const unsigned char *p = buf.buf;
    unsigned long a = 1, b = 0;
    for (size_t i = 0; i < buf.len; i++) {
        a += p[i];
        if (a >= 65521) {
            a -= 65521;
        }
        b += a;
        if (b >= 65521) {
            b -= 65521;
        }
    }
    return mp_obj_new_int_from_uint((b << 16) | a);
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_checksum_obj, benchc_checksum);

static mp_obj_t benchc_strbuild(mp_obj_t n_in) {
    mp_int_t n = mp_obj_get_int(n_in);
    vstr_t vstr;
    // room for every piece up front (a vstr grows linearly, not geometrically)
    vstr_init(&vstr, n * 16 + 16);
    for (mp_int_t i = 0; i < n; i++) {
        if (i) {
            vstr_add_byte(&vstr, ',');
        }
        vstr_printf(&vstr, "%d:%d", (int)i, (int)(i * 7));
    }
    return mp_obj_new_str_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_strbuild_obj, benchc_strbuild);

static mp_obj_t benchc_wordcount(mp_obj_t text_in) {
    size_t len;
    const char *s = mp_obj_str_get_data(text_in, &len);
    const char *end = s + len;
    mp_obj_t d = mp_obj_new_dict(0);
    mp_map_t *map = mp_obj_dict_get_map(d);
    while (s < end) {
        while (s < end && unichar_isspace(*s)) {
            s++;
        }
        const char *w = s;
        while (s < end && !unichar_isspace(*s)) {
            s++;
        }
        if (s > w) {
            mp_obj_t key = mp_obj_new_str(w, s - w);
            mp_map_elem_t *e = mp_map_lookup(map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
            e->value = MP_OBJ_NEW_SMALL_INT(e->value == MP_OBJ_NULL ? 1 : MP_OBJ_SMALL_INT_VALUE(e->value) + 1);
        }
    }
    return d;
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_wordcount_obj, benchc_wordcount);

// Call overhead: the same signatures as kernels.pyx's f_int, f_kw, K.m.
static mp_obj_t benchc_f_int(mp_obj_t x_in) {
    return mp_obj_new_int(mp_obj_get_int(x_in) + 1);
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_f_int_obj, benchc_f_int);

static mp_obj_t benchc_f_kw(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_x, ARG_y };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_x, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_y, MP_ARG_INT, {.u_int = 0} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);
    return mp_obj_new_int(args[ARG_x].u_int + args[ARG_y].u_int);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(benchc_f_kw_obj, 1, benchc_f_kw);

static mp_obj_t benchc_k_m(mp_obj_t self, mp_obj_t x_in) {
    (void)self;
    return mp_obj_new_int(mp_obj_get_int(x_in) + 1);
}
static MP_DEFINE_CONST_FUN_OBJ_2(benchc_k_m_obj, benchc_k_m);

static mp_obj_t benchc_k_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 0, false);
    mp_obj_base_t *o = mp_obj_malloc(mp_obj_base_t, type);
    return MP_OBJ_FROM_PTR(o);
}

static const mp_rom_map_elem_t benchc_k_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_m), MP_ROM_PTR(&benchc_k_m_obj) },
};
static MP_DEFINE_CONST_DICT(benchc_k_locals, benchc_k_locals_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    benchc_type_K, MP_QSTR_K, MP_TYPE_FLAG_NONE,
    make_new, benchc_k_make_new,
    locals_dict, &benchc_k_locals
    );

// The runner compiles a module with the native emitter by importing it
// between set_emit(MP_EMIT_OPT_NATIVE_PYTHON) and set_emit(0), like `-X emit=native`.
static mp_obj_t benchc_set_emit(mp_obj_t opt) {
    #if MICROPY_EMIT_NATIVE
    MP_STATE_VM(default_emit_opt) = mp_obj_get_int(opt);
    #endif
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_set_emit_obj, benchc_set_emit);

// measured(f): f() for bench/profile.py, which counts instructions only
// inside this function (valgrind --toggle-collect=benchc_measured).
static mp_obj_t benchc_measured(mp_obj_t f) {
    return mp_call_function_0(f);
}
static MP_DEFINE_CONST_FUN_OBJ_1(benchc_measured_obj, benchc_measured);

// cpu_us(): CPU time of this thread in microseconds, so that timings do not
// count the time other processes run (0 off Linux: timings run on unix only).
static mp_obj_t benchc_cpu_us(void) {
    #if defined(__linux__) && defined(CLOCK_THREAD_CPUTIME_ID)
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return mp_obj_new_int_from_ll((long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
    #else
    return MP_OBJ_NEW_SMALL_INT(0);
    #endif
}
static MP_DEFINE_CONST_FUN_OBJ_0(benchc_cpu_us_obj, benchc_cpu_us);

static const mp_rom_map_elem_t benchc_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_benchc) },
    { MP_ROM_QSTR(MP_QSTR_fib_iter), MP_ROM_PTR(&benchc_fib_iter_obj) },
    { MP_ROM_QSTR(MP_QSTR_fib_rec), MP_ROM_PTR(&benchc_fib_rec_obj) },
    { MP_ROM_QSTR(MP_QSTR_nbody), MP_ROM_PTR(&benchc_nbody_obj) },
    { MP_ROM_QSTR(MP_QSTR_checksum), MP_ROM_PTR(&benchc_checksum_obj) },
    { MP_ROM_QSTR(MP_QSTR_strbuild), MP_ROM_PTR(&benchc_strbuild_obj) },
    { MP_ROM_QSTR(MP_QSTR_wordcount), MP_ROM_PTR(&benchc_wordcount_obj) },
    { MP_ROM_QSTR(MP_QSTR_f_int), MP_ROM_PTR(&benchc_f_int_obj) },
    { MP_ROM_QSTR(MP_QSTR_f_kw), MP_ROM_PTR(&benchc_f_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_K), MP_ROM_PTR(&benchc_type_K) },
    { MP_ROM_QSTR(MP_QSTR_set_emit), MP_ROM_PTR(&benchc_set_emit_obj) },
    { MP_ROM_QSTR(MP_QSTR_measured), MP_ROM_PTR(&benchc_measured_obj) },
    { MP_ROM_QSTR(MP_QSTR_cpu_us), MP_ROM_PTR(&benchc_cpu_us_obj) },
};
static MP_DEFINE_CONST_DICT(benchc_globals, benchc_globals_table);

const mp_obj_module_t benchc_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&benchc_globals,
};

MP_REGISTER_MODULE(MP_QSTR_benchc, benchc_user_cmodule);
