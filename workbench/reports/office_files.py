"""Reading an Office file someone handed us (.docx templates, .xlsx ledgers) without trusting it.

Both kinds are zip archives that the program reads whole into memory, so two rules guard them
before any parser sees a byte: the file is a regular file of bounded size, and its members are
packed as Office packs them. zipfile bounds what it inflates by a member's declared size only for
stored and deflated members; a bzip2 or LZMA member declaring 100 bytes unpacks to GiB in one
read (and neither Word nor Excel writes them). Each caller words the refusal for its own user.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

OFFICE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

Why = Literal["not_regular", "too_large", "packed_oddly", "unpacks_too_large"]


class OfficeFileRefused(Exception):
    """The file breaks one of the rules above; ``why`` says which."""

    def __init__(self, why: Why) -> None:
        super().__init__(why)
        self.why: Why = why


def read_regular_file(path: Path, cap: int) -> bytes:
    """The bytes of ``path``, if it is a regular file of at most ``cap`` bytes. Opened without
    waiting for a writer (a named pipe would block) and checked on the open file; OSError as is."""
    with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):  # /dev/zero or a pipe would be read for ever
            raise OfficeFileRefused("not_regular")
        if info.st_size > cap:
            raise OfficeFileRefused("too_large")
        data = f.read(cap + 1)  # it may have grown since
    if len(data) > cap:
        raise OfficeFileRefused("too_large")
    return data


def check_members(members: Sequence[zipfile.ZipInfo], unpacked_cap: int) -> None:
    """Refuse members packed other than stored or deflated, or declaring more than
    ``unpacked_cap`` bytes together (zipfile never inflates more than a member declares)."""
    if any(info.compress_type not in OFFICE_METHODS for info in members):
        raise OfficeFileRefused("packed_oddly")
    if sum(info.file_size for info in members) > unpacked_cap:
        raise OfficeFileRefused("unpacks_too_large")
