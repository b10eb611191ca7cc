"""Chunked authenticated encryption for files at rest (attachments) — the STREAM construction.

Layout: ``MAGIC (8) ‖ salt (16) ‖ chunk*``. Each chunk is AES-256-GCM over at most ``CHUNK``
plaintext bytes with a 16-byte tag; the nonce is the chunk counter plus a *last chunk* flag. The
associated data is the header, and for the last chunk the header plus the SHA-256 of the whole
plaintext, so a blob is bound to its content address: reordering, truncation, a dropped last
chunk, trailing bytes and a blob swapped for another all fail authentication, and a reader needs
no second pass of hashing. A per-file key comes from HKDF(DEK, salt), so counters never repeat
under one key. Buffers are reused: memory stays at a few chunks whatever the file size.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workbench.errors import AttachmentCorrupt

MAGIC = b"WBBLOB\x00\x02"
SALT_BYTES = 16
HEADER_BYTES = len(MAGIC) + SALT_BYTES
CHUNK = 1 << 20
TAG = 16
FLUSH_EVERY_CHUNKS = 32


def subkey(dek: bytes | bytearray, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(bytes(dek))


def blob_name(dek: bytes | bytearray, sha256_hex: str) -> str:
    """File name for content: keyed, so a known file's hash can't be spotted on a seized disk."""
    key = subkey(dek, b"workbench blob names v1")
    return hmac.new(key, sha256_hex.encode(), hashlib.sha256).hexdigest()


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _fill(source: BinaryIO, buffer: bytearray) -> int:
    """Read until ``buffer`` is full or the source ends; the byte count."""
    view = memoryview(buffer)
    filled = 0
    readinto = getattr(source, "readinto", None)
    while filled < len(buffer):
        if readinto is not None:
            try:
                n = readinto(view[filled:])
            except NotImplementedError:  # a RawIOBase that only overrides read()
                readinto = None
                continue
        else:
            data = source.read(len(buffer) - filled)
            n = len(data)
            view[filled : filled + n] = data
        if not n:
            break
        filled += n
    return filled


def encrypt_stream(
    source: BinaryIO,
    out: BinaryIO,
    dek: bytes | bytearray,
    *,
    on_chunk: Callable[[int], None] = lambda _size: None,
    durable: bool = False,
) -> tuple[str, int]:
    """Encrypt ``source`` into ``out``; returns (SHA-256 hex of the plaintext, size).

    ``on_chunk(total_so_far)`` runs after each chunk and may raise (limit, cancel) to stop.
    Hashing runs on a helper thread (hashlib releases the GIL) while the main thread reads ahead,
    encrypts and writes: the three overlap instead of adding up. ``durable`` ends with an fsync,
    and starts writeback every ``FLUSH_EVERY`` bytes on another thread so that the final fsync
    does not wait for the whole file.
    """
    salt = os.urandom(SALT_BYTES)
    header = MAGIC + salt
    aead = AESGCM(subkey(dek, b"workbench blob v1", salt))
    out.write(header)
    digest = hashlib.sha256()
    buffers = [bytearray(CHUNK), bytearray(CHUNK)]
    sealed = bytearray(CHUNK + TAG)
    current = _fill(source, buffers[0])
    total, counter = current, 0
    flushing: Future[None] | None = None
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="blob") as hasher:
        while True:
            plain = memoryview(buffers[counter % 2])[:current]
            hashing = hasher.submit(digest.update, plain)
            following = _fill(source, buffers[(counter + 1) % 2])  # look ahead for the last flag
            last = following == 0
            if last:  # the last chunk's associated data needs the finished digest
                hashing.result()
            aad = header + digest.digest() if last else header
            n = aead.encrypt_into(
                _nonce(counter, last), plain, aad, memoryview(sealed)[: current + TAG]
            )
            out.write(memoryview(sealed)[:n])
            hashing.result()  # before the buffer is refilled
            on_chunk(total)
            flush_due = durable and (counter + 1) % FLUSH_EVERY_CHUNKS == 0
            if flush_due and (flushing is None or flushing.done()):
                out.flush()
                flushing = hasher.submit(os.fdatasync, out.fileno())
            if last:
                if durable:
                    out.flush()
                    if flushing is not None:
                        flushing.result()
                    os.fsync(out.fileno())
                return digest.hexdigest(), total
            counter += 1
            current = following
            total += following


class BlobWriter:
    """The push side of ``encrypt_stream``, for bytes that arrive from elsewhere (a package being
    decrypted): ``write`` them as they come, ``finish`` after exactly ``size`` bytes. The same
    file format; memory is a few chunks. Not durable until ``finish`` returns.

    Full chunks are hashed, sealed and written on a thread, in order, while the caller produces
    the next ones: hashing and writing release the GIL, so they overlap the caller's decryption.
    An error there (a full disk) is raised by a later ``write`` or by ``finish``."""

    SLOTS = 3  # chunks in flight: one filling, up to two hashed/sealed/written meanwhile

    def __init__(self, out: BinaryIO, dek: bytes | bytearray, size: int) -> None:
        self._out = out
        self._size = size
        salt = os.urandom(SALT_BYTES)
        self._header = MAGIC + salt
        self._aead = AESGCM(subkey(dek, b"workbench blob v1", salt))
        self._digest = hashlib.sha256()
        self._slots = [(bytearray(CHUNK), bytearray(CHUNK + TAG)) for _ in range(self.SLOTS)]
        self._busy: list[Future[None] | None] = [None] * self.SLOTS
        self._slot = 0
        self._filled = 0
        self._counter = 0
        self.written = 0
        self._sealer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blob-seal")
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blob-sync")
        self._syncing: Future[None] | None = None
        out.write(self._header)

    def write(self, data: bytes | memoryview) -> None:
        view = memoryview(data).cast("B")
        if self.written + len(view) > self._size:
            raise ValueError("more bytes than announced")
        self.written += len(view)
        while view:
            plain = self._slots[self._slot][0]
            take = min(CHUNK - self._filled, len(view))
            plain[self._filled : self._filled + take] = view[:take]
            self._filled += take
            view = view[take:]
            # A full chunk is sealed at once unless it may be the last (which needs the digest):
            # it is not while this write has bytes left, even if they end the blob.
            if self._filled == CHUNK and (view or self.written < self._size):
                self._send(last=False)

    def _send(self, *, last: bool) -> None:
        plain, sealed = self._slots[self._slot]
        self._busy[self._slot] = self._sealer.submit(
            self._seal, self._counter, memoryview(plain)[: self._filled], sealed, last
        )
        self._counter += 1
        self._filled = 0
        self._slot = (self._slot + 1) % self.SLOTS
        previous = self._busy[self._slot]
        if previous is not None:
            previous.result()  # that slot's chunk is written: its buffers may be refilled

    def _seal(self, counter: int, plain: memoryview, sealed: bytearray, last: bool) -> None:
        """On the sealing thread, chunk after chunk."""
        self._digest.update(plain)
        aad = self._header + self._digest.digest() if last else self._header
        target = memoryview(sealed)[: len(plain) + TAG]
        n = self._aead.encrypt_into(_nonce(counter, last), plain, aad, target)
        self._out.write(target[:n])
        if (counter + 1) % FLUSH_EVERY_CHUNKS == 0 and (
            self._syncing is None or self._syncing.done()
        ):
            self._out.flush()  # start writeback now, so the final fsync has little left to wait
            self._syncing = self._pool.submit(os.fdatasync, self._out.fileno())

    def finish(self, *, durable: bool = True) -> str:
        """Seal the last chunk (and fsync, unless the caller syncs the file itself); the
        SHA-256 hex of the plaintext."""
        if self.written != self._size:
            raise ValueError("fewer bytes than announced")
        self._send(last=True)
        for busy in self._busy:
            if busy is not None:
                busy.result()
        self._sealer.shutdown()
        self._out.flush()
        if self._syncing is not None:
            self._syncing.result()
        self._pool.shutdown()
        if durable:
            os.fsync(self._out.fileno())
        self._release()
        return self._digest.hexdigest()

    def abandon(self) -> None:
        self._sealer.shutdown(wait=True, cancel_futures=True)
        self._pool.shutdown(wait=True)
        self._release()

    def _release(self) -> None:
        # A package may carry thousands of attachments, each finished writer kept until landed.
        self._slots = []


def authenticated_chunks(
    src: BinaryIO, dek: bytes | bytearray, sha256_hex: str
) -> Iterator[memoryview]:
    """Decrypted chunks as views of one reused buffer: copy a view before the next step."""
    header = src.read(HEADER_BYTES)
    if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
        raise AttachmentCorrupt("附件文件头无效")
    aead = AESGCM(subkey(dek, b"workbench blob v1", header[len(MAGIC) :]))
    last_aad = header + bytes.fromhex(sha256_hex)
    sealed = [bytearray(CHUNK + TAG), bytearray(CHUNK + TAG)]
    plain = bytearray(CHUNK)
    counter = 0
    current = _fill(src, sealed[0])
    while True:
        following = _fill(src, sealed[1 - counter % 2])
        last = following == 0
        if current < TAG:
            raise AttachmentCorrupt("附件文件被截断")
        data = memoryview(sealed[counter % 2])[:current]
        try:
            n = aead.decrypt_into(
                _nonce(counter, last),
                data,
                last_aad if last else header,
                memoryview(plain)[: current - TAG],
            )
        except InvalidTag as exc:
            raise AttachmentCorrupt(f"附件第 {counter + 1} 块校验失败") from exc
        yield memoryview(plain)[:n]
        if last:
            return
        counter += 1
        current = following


def iter_plaintext(src: BinaryIO, dek: bytes | bytearray, sha256_hex: str) -> Iterator[bytes]:
    """Decrypted chunks as independent ``bytes``; raise AttachmentCorrupt on any tampering."""
    for view in authenticated_chunks(src, dek, sha256_hex):
        yield bytes(view)


def decrypt_stream(
    src: BinaryIO,
    out: BinaryIO,
    dek: bytes | bytearray,
    sha256_hex: str,
    *,
    on_chunk: Callable[[int], None] = lambda _size: None,
) -> int:
    """Decrypt straight into ``out`` without copies; the plaintext size."""
    total = 0
    for view in authenticated_chunks(src, dek, sha256_hex):
        out.write(view)
        total += len(view)
        on_chunk(total)
    return total
