#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include "clinux.h"

int clinux_o_path(void) { return O_PATH; }

int clinux_renameat_noreplace(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) {
    return renameat2(olddirfd, oldpath, newdirfd, newpath, RENAME_NOREPLACE);
}

int clinux_memfd(const char *name) { return memfd_create(name, MFD_CLOEXEC); }
