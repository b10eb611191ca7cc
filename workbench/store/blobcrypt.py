"""Chunked authenticated encryption for files at rest (attachments) — the STREAM construction.

Layout: ``MAGIC (8) ‖ salt (16) ‖ chunk*``. Each chunk is AES-256-GCM over at most ``CHUNK``
plaintext bytes with a 16-byte tag; the nonce is the chunk counter plus a *last chunk* flag, and
the header is the associated data. A per-file key comes from HKDF(DEK, salt), so counters never
repeat under one key. Reordering, truncation, a dropped last chunk and trailing bytes all fail.
Memory stays at about two chunks whatever the file size.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workbench.errors import AttachmentCorrupt

MAGIC = b"WBBLOB\x00\x01"
SALT_BYTES = 16
HEADER_BYTES = len(MAGIC) + SALT_BYTES
CHUNK = 1 << 20
TAG = 16


def subkey(dek: bytes | bytearray, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(bytes(dek))


def blob_name(dek: bytes | bytearray, sha256_hex: str) -> str:
    """File name for content: keyed, so a known file's hash can't be spotted on a seized disk."""
    key = subkey(dek, b"workbench blob names v1")
    return hmac.new(key, sha256_hex.encode(), hashlib.sha256).hexdigest()


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class BlobWriter:
    """Encrypts what is written to it into ``out``; ``close()`` seals the last chunk."""

    def __init__(self, out: BinaryIO, dek: bytes | bytearray) -> None:
        salt = os.urandom(SALT_BYTES)
        self._header = MAGIC + salt
        self._aead = AESGCM(subkey(dek, b"workbench blob v1", salt))
        self._out = out
        self._buffer = bytearray()
        self._counter = 0
        out.write(self._header)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self._buffer += data
        # Keep at least one byte back: the last chunk must be sealed with the last flag.
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def _emit(self, plain: bytes, *, last: bool) -> None:
        self._out.write(self._aead.encrypt(_nonce(self._counter, last), plain, self._header))
        self._counter += 1

    def close(self) -> None:
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()


def iter_plaintext(src: BinaryIO, dek: bytes | bytearray) -> Iterator[bytes]:
    """Yield decrypted chunks; raise AttachmentCorrupt on any tampering or truncation."""
    header = src.read(HEADER_BYTES)
    if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
        raise AttachmentCorrupt("附件文件头无效")
    aead = AESGCM(subkey(dek, b"workbench blob v1", header[len(MAGIC) :]))
    counter = 0
    current = src.read(CHUNK + TAG)
    while True:
        following = src.read(CHUNK + TAG)
        last = not following
        if len(current) < TAG:
            raise AttachmentCorrupt("附件文件被截断")
        try:
            yield aead.decrypt(_nonce(counter, last), current, header)
        except InvalidTag as exc:
            raise AttachmentCorrupt(f"附件第 {counter + 1} 块校验失败") from exc
        if last:
            return
        counter += 1
        current = following
