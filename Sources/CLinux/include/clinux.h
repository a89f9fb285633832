#ifndef CLINUX_H
#define CLINUX_H
/* Linux calls and constants that glibc declares only under _GNU_SOURCE, which Swift's Glibc
   module is not built with. They are defined in clinux.c, compiled with _GNU_SOURCE. */

/** O_PATH: a descriptor that names a file without opening it (for openat, fstat, readlinkat). */
int clinux_o_path(void);

/** renameat2(..., RENAME_NOREPLACE): rename, failing with EEXIST if the new name exists. */
int clinux_renameat_noreplace(int olddirfd, const char *oldpath, int newdirfd, const char *newpath);

/** memfd_create(name, MFD_CLOEXEC): an anonymous file that lives in memory only. */
int clinux_memfd(const char *name);

#endif
