"""File-system helpers: crash-safe writes, and owner-only files and folders.

The store (encrypted, but its names and sizes still say something), backups, packages and the
plaintext the user exports are created for their owner only: files 0600, folders 0700, whatever
the umask (which can only take bits away; a chmod after creating sets the exact mode). Windows
keeps its ACLs: there ``chmod`` only sets the read-only flag, so it is skipped.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path
from typing import BinaryIO

from workbench.errors import DiskFull, UsageError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
# Python hands a file name's bytes that are not UTF-8 over as lone surrogates (surrogateescape);
# SQLite cannot store them, and nothing can show them.
_UNDECODABLE = re.compile("[\ud800-\udfff]")


def readable_name(text: str) -> str:
    """A file name or path (or text holding one) that can be stored and shown: its undecodable
    bytes become U+FFFD."""
    return _UNDECODABLE.sub("\ufffd", text)


def _set_mode(path: Path, mode: int) -> None:
    if os.name != "nt":
        os.chmod(path, mode)


def restrict(path: Path) -> None:
    """Make an existing file or folder owner-only (a store made before modes were set); a path
    that is missing or not ours to change is left as it is."""
    with contextlib.suppress(OSError):
        _set_mode(path, PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)


def open_private(path: Path, *, exclusive: bool = False) -> BinaryIO:
    """Open ``path`` for binary writing as an owner-only file (created, or truncated and tightened
    if it exists; ``exclusive``: it must not exist)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    try:
        if os.name != "nt":
            os.fchmod(fd, PRIVATE_FILE)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def create_private(path: Path) -> None:
    """Create ``path`` as an empty owner-only file if it is missing (SQLite then keeps the mode,
    and gives its -wal and -shm files the database's)."""
    with contextlib.suppress(FileExistsError), open_private(path, exclusive=True):
        pass


def make_private_dir(path: Path) -> Path:
    """Make ``path`` and its missing parents as owner-only folders; folders that already exist
    are left as they are."""
    missing: list[Path] = []
    folder = path
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(PRIVATE_DIR)
        except FileExistsError:
            continue  # made meanwhile by another thread or process: its maker set the mode
        _set_mode(folder, PRIVATE_DIR)
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(path))
    return path


def fsync_dir(directory: Path) -> None:
    """Make a rename inside ``directory`` durable (a no-op where directories can't be opened)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    Temp file in the same folder, fsync, atomic replace, fsync of the folder.
    """
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open_private(tmp) as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno == errno.ENOSPC:
            raise DiskFull() from exc
        raise
    fsync_dir(path.parent)


def refuse_folder(path: Path) -> None:
    """Refuse an output path that is a folder before any work: replacing it with the finished
    file would fail only at the end."""
    if path.is_dir():
        raise UsageError(f"“{path}”是文件夹：请给出要写入的文件路径", path=str(path))


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
