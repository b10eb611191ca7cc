#!/bin/sh
# Runs inside the bullseye root (installer/compat/compat.sh): builds CPython from the source
# tarball $1 into $2, shared (PyInstaller needs libpython), for a glibc 2.28 floor:
# glibc_compat.h pins libm's 2.29 symbols to their old versions, and sem_clockwait (glibc 2.30)
# is declared absent so that threads wait with sem_timedwait as on older systems.
set -eu
tarball=$1 prefix=$2 here=$(dirname "$0")
work=$(mktemp -d /tmp/python-build.XXXXXX)
tar -xzf "$tarball" -C "$work" --strip-components=1
cd "$work"
./configure --prefix="$prefix" --enable-shared --with-ensurepip=install \
  CFLAGS="-include $here/glibc_compat.h" LDFLAGS="-Wl,-rpath,$prefix/lib" \
  ac_cv_func_sem_clockwait=no ac_cv_func_pthread_cond_clockwait=no >configure.log
make -j"$(nproc)" >make.log 2>&1 || { tail -40 make.log; exit 1; }
make install >install.log 2>&1 || { tail -40 install.log; exit 1; }
cd / && rm -rf "$work"
"$prefix/bin/python3.11" -c 'import ssl, ctypes, lzma, bz2, zlib, uuid, math; print("built", ssl.OPENSSL_VERSION)'
