// Control characters the REPL reacts to (MicroPython `py/mphal.h`'s CHAR_CTRL_*), as byte values.

export const CHAR_CTRL_A = 0x01;
export const CHAR_CTRL_B = 0x02;
export const CHAR_CTRL_C = 0x03;
export const CHAR_CTRL_D = 0x04;
export const CHAR_CTRL_E = 0x05;
export const CHAR_CTRL_F = 0x06;
export const CHAR_BS = 0x08;
export const CHAR_TAB = 0x09;
export const CHAR_LF = 0x0a;
export const CHAR_CTRL_K = 0x0b;
export const CHAR_CR = 0x0d;
export const CHAR_CTRL_N = 0x0e;
export const CHAR_CTRL_P = 0x10;
export const CHAR_CTRL_U = 0x15;
export const CHAR_CTRL_W = 0x17;
export const CHAR_ESC = 0x1b;
export const CHAR_DEL = 0x7f;
