"""Spool files: where a package's attachments wait, encrypted, until the package is accepted.

The plaintext never touches the disk: each spool is sealed in 64 KiB chunks with
ChaCha20-Poly1305 under a random key that lives only in memory (nonce = chunk counter plus a
last-chunk flag, so truncation and reordering fail). A crash leaves unreadable bytes that the next
import removes.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from workbench.errors import IntegrityError
from workbench.store.fsutil import make_private_dir, open_private

CHUNK = 64 << 10
TAG = 16


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class Spool:
    def __init__(self, directory: Path) -> None:
        make_private_dir(directory)
        self.path = directory / f"{uuid.uuid4().hex}.spool"
        self._aead = ChaCha20Poly1305(os.urandom(32))
        self._file = open_private(self.path)  # closed by close()/discard()
        self._pending = bytearray()
        self._counter = 0

    def write(self, data: bytes | memoryview) -> None:
        self._pending += data
        # Keep at least one byte back: the last chunk must carry the last flag.
        while len(self._pending) > CHUNK:
            self._seal(bytes(self._pending[:CHUNK]), last=False)
            del self._pending[:CHUNK]

    def _seal(self, plain: bytes, *, last: bool) -> None:
        self._file.write(self._aead.encrypt(_nonce(self._counter, last), plain, None))
        self._counter += 1

    def close(self) -> None:
        if not self._file.closed:
            self._seal(bytes(self._pending), last=True)
            self._pending.clear()
            self._file.close()

    def chunks(self) -> Iterator[bytes]:
        self.close()
        counter = 0
        with open(self.path, "rb") as src:
            sealed = src.read(CHUNK + TAG)
            while True:
                following = src.read(CHUNK + TAG)
                last = not following
                try:
                    yield self._aead.decrypt(_nonce(counter, last), sealed, None)
                except InvalidTag as exc:
                    raise IntegrityError("暂存文件被改动") from exc
                if last:
                    return
                counter += 1
                sealed = following

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(OSError):
            self.path.unlink()
