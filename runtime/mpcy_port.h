// Force-included into every file of a unix build that can load .so modules
// (the driver passes -include): the start-up hook that installs the import
// hook (runtime/dynload.c), without editing MicroPython.
#if MPCY_DYNLOAD
void mpcy_port_init(void);
#define MICROPY_PORT_INIT_FUNC mpcy_port_init()
#endif
