"""The plaintext inside the age envelope: our own length-prefixed framing, no archive format.

``MAGIC ‖ u16 version ‖ u32 len ‖ manifest ‖ u32 len ‖ signature ‖ u32 len ‖ certificate ‖
(u64 len ‖ blob)*`` with big-endian integers and the blobs in manifest order. There are no names,
paths or offsets to trust: a blob is known only by its position and the manifest's hash of it.

``PackageParser`` is a push parser: age decryption writes plaintext into it chunk by chunk, and
every limit is enforced on the bytes as they arrive, never on what the package declares.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from workbench.errors import DiskFull, WorkbenchError
from workbench.exchange.enrolment.keys import SIGNATURE_BYTES
from workbench.exchange.errors import (
    BadMagic,
    BadManifest,
    BadSignature,
    BlobSizeMismatch,
    PackageLimit,
    StagingFailed,
    TrailingData,
    Truncated,
    UnsupportedVersion,
)
from workbench.store.fsutil import is_disk_full

Chunk = bytes | memoryview  # a piece of plaintext on its way into the envelope
MAGIC = b"WBPKG\x00\r\n"  # CR LF: a transfer in text mode is caught at the first bytes
FORMAT_VERSION = 1
_HEADER = struct.Struct(">8sH")
_U32 = struct.Struct(">I")
_U64 = struct.Struct(">Q")


@dataclass(frozen=True)
class Limits:
    """Upper bounds, enforced while streaming (docs/package-format.md "Limits")."""

    max_package_bytes: int = 16 << 30  # the encrypted file and the decrypted stream
    max_manifest_bytes: int = 1 << 20
    max_certificate_bytes: int = 64 << 10
    max_blobs: int = 10_000
    max_blob_bytes: int = 4 << 30
    max_records_bytes: int = 128 << 20  # the records blob is parsed in memory
    max_records: int = 500_000
    # One record line: refused before it is held whole, since parsing costs ~5x its size.
    max_record_line: int = 16 << 20
    max_taxonomy_bytes: int = 8 << 20


class FrameHandler(Protocol):
    """What the parser reports. ``header`` verifies the manifest and returns the declared blob
    sizes; any method may raise to abort the whole package."""

    def header(self, manifest: bytes, signature: bytes, certificate: bytes) -> list[int]: ...

    def blob_begin(self, index: int, size: int) -> None: ...

    def blob_data(self, index: int, chunk: memoryview) -> None: ...

    def blob_end(self, index: int) -> None: ...


class PackageParser:
    """A file-like sink for ``pyrage.decrypt_io``; call ``finish()`` after the last write."""

    def __init__(self, handler: FrameHandler, limits: Limits) -> None:
        self._handler = handler
        self._limits = limits
        self._buf = bytearray()
        self._fields = self._frames()
        self._need = next(self._fields)
        self._done = self._failed = False
        self._blob = self._remaining = 0  # the blob whose bytes pass through, and how many
        self.total = 0

    # -- the file-like side -------------------------------------------------------------------

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        self.total += len(view)
        if self.total > self._limits.max_package_bytes:
            raise PackageLimit("数据包解密后超过大小上限")
        try:
            self._consume(view)
        except OSError as exc:  # our own sinks (spool files), not the decryption
            if is_disk_full(exc):
                raise DiskFull() from exc
            raise StagingFailed() from exc
        return len(view)

    def flush(self) -> None:
        """pyrage may flush its writer; nothing is buffered beyond the current field."""

    def finish(self) -> None:
        if not self._done:
            raise Truncated()

    # -- the fields, in order ------------------------------------------------------------------

    def _consume(self, view: memoryview) -> None:
        while True:
            if self._remaining:
                if not view:
                    return
                take = min(self._remaining, len(view))
                self._handler.blob_data(self._blob, view[:take])
                self._remaining -= take
                view = view[take:]
                if not self._remaining:
                    self._next(b"")
                continue
            if self._done:
                if view:
                    raise TrailingData()
                return
            take = min(self._need - len(self._buf), len(view))
            self._buf += view[:take]
            view = view[take:]
            if len(self._buf) < self._need:
                return
            field = bytes(self._buf)
            self._buf.clear()
            self._next(field)

    def _next(self, field: bytes) -> None:
        # A refusal closes the generator, and a closed generator's next send ends it as if the
        # package were whole: a refused stream must stay refused, whoever writes to it next.
        if self._failed:
            raise Truncated()
        try:
            self._need = self._fields.send(field)
        except StopIteration:
            self._done = True
        except BaseException:
            self._failed = True
            raise

    def _frames(self) -> Generator[int, bytes, None]:
        """The package from its first byte: each ``yield n`` is answered with the next ``n``
        bytes, but a blob's bytes go to the handler as they arrive (``_consume``)."""
        limits = self._limits
        magic, version = _HEADER.unpack((yield _HEADER.size))
        if magic != MAGIC:
            raise BadMagic()
        if version != FORMAT_VERSION:
            raise UnsupportedVersion(f"数据包格式版本 {version} 不受支持（本程序支持 1）")
        (size,) = _U32.unpack((yield _U32.size))
        if size == 0:
            raise BadManifest("数据包清单为空")
        if size > limits.max_manifest_bytes:
            raise PackageLimit("数据包清单超过大小上限")
        manifest = yield size
        (size,) = _U32.unpack((yield _U32.size))
        if size != SIGNATURE_BYTES:
            raise BadSignature("签名长度不正确")
        signature = yield size
        (size,) = _U32.unpack((yield _U32.size))
        if size > limits.max_certificate_bytes:
            raise PackageLimit("设备证书超过大小上限")
        sizes = self._handler.header(manifest, signature, (yield size))
        if len(sizes) > limits.max_blobs:
            raise PackageLimit("数据包中的文件数量超过上限")
        for index, declared in enumerate(sizes):
            (size,) = _U64.unpack((yield _U64.size))
            if size != declared:
                raise BlobSizeMismatch(f"第 {index + 1} 个文件的长度与清单不符")
            if size > limits.max_blob_bytes:
                raise PackageLimit("数据包中的文件超过大小上限")
            self._handler.blob_begin(index, size)
            if size:
                # answered by ``_consume`` once the blob's ``size`` bytes have passed through
                self._blob, self._remaining = index, size
                yield 0
            self._handler.blob_end(index)


# -- writing ----------------------------------------------------------------------------------


def iter_plaintext(
    manifest: bytes,
    signature: bytes,
    certificate: bytes,
    blobs: Iterable[Iterable[Chunk]],
    sizes: Iterable[int],
) -> Iterator[Chunk]:
    """The framed plaintext, blob by blob (each blob an iterable of chunks of its ``size``). A
    chunk may be a view its source reuses for the next one: it is passed on, never kept."""
    yield _HEADER.pack(MAGIC, FORMAT_VERSION)
    for part in (manifest, signature, certificate):
        yield _U32.pack(len(part))
        yield part
    for chunks, size in zip(blobs, sizes, strict=True):
        yield _U64.pack(size)
        written = 0
        for chunk in chunks:
            written += len(chunk)
            yield chunk
        if written != size:  # the source changed under us: never emit a lying frame
            raise WorkbenchError(f"导出时文件长度变化（应为 {size}，实为 {written}）")


class ChunkReader(io.RawIOBase):
    """A readable stream over an iterator of byte chunks (pyrage pulls plaintext from it)."""

    def __init__(self, chunks: Iterable[Chunk]) -> None:
        self._chunks = iter(chunks)
        self._pending = memoryview(b"")
        # What the iterator raised: pyrage reports it as its own EncryptError, the caller
        # re-raises this instead (a cancel must stay a cancel).
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                self._pending = memoryview(next(self._chunks))
            except StopIteration:
                return 0
            except BaseException as exc:
                self.error = exc
                raise
        n = min(len(buffer), len(self._pending))
        memoryview(buffer).cast("B")[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n
