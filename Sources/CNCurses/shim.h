#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D flags ("prohibited flag(s)"), so the wide-char API is switched
   on here, before curses.h (see docs/design.md, "ncurses"). */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* C globals (stdscr, LINES, COLS) are shared mutable state to Swift 6: read them through
   functions. */
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }

/* Function-like macros are not imported by Swift. */
static inline attr_t nc_color_pair(short n) { return COLOR_PAIR(n); }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_dim(void) { return A_DIM; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline int nc_attrset(attr_t a) { return attrset((int)a); }
static inline int nc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int nc_key_f(int n) { return KEY_F(n); }

/* The terminal this session draws on (newterm's result), and whether the locale's character set
   is UTF-8. */
static inline int nc_codeset_is_utf8(void) {
    const char *set = nl_langinfo(CODESET);
    return set != NULL && (set[0] == 'U' || set[0] == 'u') && (set[1] == 'T' || set[1] == 't')
        && (set[2] == 'F' || set[2] == 'f') && set[3] == '-' && set[4] == '8';
}

/* tigetstr answers (char *)-1 for "not a string capability". */
static inline const char *nc_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return value == (char *)-1 ? NULL : value;
}
/* Mouse reports through curses (which knows from terminfo how the terminal sends them, X10 or
   SGR): the left button pressed and the wheel, reported at once (no click timing). The mask
   macros are not imported by Swift. */
static inline int nc_mouse_on(void) {
    mouseinterval(0);
    return mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
}
static inline void nc_mouse_off(void) { mousemask(0, NULL); }
/* The mouse event behind KEY_MOUSE: 1 left button, 2 wheel up, 3 wheel down, 0 anything else. */
static inline int nc_mouse_event(int *row, int *column) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *row = event.y;
    *column = event.x;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}

/* newterm on the process's standard streams (stdout and stdin are C globals too). NULL when
   the terminal type is unknown, instead of exiting as initscr does. */
static inline SCREEN *nc_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
#endif
