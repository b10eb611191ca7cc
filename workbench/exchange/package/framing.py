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
from collections.abc import Iterable, Iterator
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
        self._state = "magic"
        self._need = _HEADER.size
        self._parts: list[bytes] = []
        self._sizes: list[int] = []
        self._index = 0
        self._remaining = 0
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
        if self._state != "done":
            raise Truncated()

    # -- the state machine --------------------------------------------------------------------

    def _consume(self, view: memoryview) -> None:
        while True:
            if self._state == "blob":
                if not view:
                    return
                take = min(self._remaining, len(view))
                self._handler.blob_data(self._index, view[:take])
                self._remaining -= take
                view = view[take:]
                if self._remaining == 0:
                    self._blob_done()
                continue
            if self._state == "done":
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
            self._field(field)

    def _expect(self, state: str, size: int) -> None:
        self._state, self._need = state, size

    def _field(self, field: bytes) -> None:
        state = self._state
        if state == "magic":
            magic, version = _HEADER.unpack(field)
            if magic != MAGIC:
                raise BadMagic()
            if version != FORMAT_VERSION:
                raise UnsupportedVersion(f"数据包格式版本 {version} 不受支持（本程序支持 1）")
            self._expect("manifest_len", _U32.size)
        elif state == "manifest_len":
            (size,) = _U32.unpack(field)
            if size == 0:
                raise BadManifest("数据包清单为空")
            if size > self._limits.max_manifest_bytes:
                raise PackageLimit("数据包清单超过大小上限")
            self._expect("manifest", size)
        elif state == "manifest":
            self._parts.append(field)
            self._expect("signature_len", _U32.size)
        elif state == "signature_len":
            (size,) = _U32.unpack(field)
            if size != SIGNATURE_BYTES:
                raise BadSignature("签名长度不正确")
            self._expect("signature", size)
        elif state == "signature":
            self._parts.append(field)
            self._expect("certificate_len", _U32.size)
        elif state == "certificate_len":
            (size,) = _U32.unpack(field)
            if size > self._limits.max_certificate_bytes:
                raise PackageLimit("设备证书超过大小上限")
            self._expect("certificate", size)
            if size == 0:
                self._field(b"")
        elif state == "certificate":
            manifest, signature = self._parts
            self._sizes = list(self._handler.header(manifest, signature, field))
            if len(self._sizes) > self._limits.max_blobs:
                raise PackageLimit("数据包中的文件数量超过上限")
            self._await_blob()
        elif state == "blob_len":
            (size,) = _U64.unpack(field)
            if size != self._sizes[self._index]:
                raise BlobSizeMismatch(f"第 {self._index + 1} 个文件的长度与清单不符")
            if size > self._limits.max_blob_bytes:
                raise PackageLimit("数据包中的文件超过大小上限")
            self._handler.blob_begin(self._index, size)
            if size == 0:
                self._blob_done()
            else:
                self._state, self._remaining = "blob", size

    def _await_blob(self) -> None:
        if self._index >= len(self._sizes):
            self._expect("done", 0)
        else:
            self._expect("blob_len", _U64.size)

    def _blob_done(self) -> None:
        self._handler.blob_end(self._index)
        self._index += 1
        self._await_blob()


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
