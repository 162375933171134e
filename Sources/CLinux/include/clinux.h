#ifndef SORD_CLINUX_H
#define SORD_CLINUX_H
/// Linux calls that glibc declares only under _GNU_SOURCE, which Swift's Glibc module does not see.

/// syncfs(2): flush every dirty page of the file system holding `fd`.
int sord_syncfs(int fd);

/// renameat2(2) with RENAME_NOREPLACE: rename, failing with EEXIST instead of replacing `to`.
int sord_rename_noreplace(const char *from, const char *to);
#endif
