"""The age envelope (age-encryption.org/v1, X25519 recipients), streamed by pyrage.

``seal`` pulls the framed plaintext from an iterator; ``unseal`` pushes the decrypted plaintext
into a ``PackageParser``. Neither ever holds a whole package in memory. Our own check of the
age header (``age_header``) comes first: pyrage only sees a header that passed it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, BinaryIO

import pyrage

from workbench.exchange.enrolment.keys import parse_identity, parse_recipient
from workbench.exchange.errors import NotAPackage, NotForUs, PackageDamaged
from workbench.exchange.package.age_header import read_age_header
from workbench.exchange.package.framing import Chunk, ChunkReader, PackageParser

if TYPE_CHECKING:
    from typing_extensions import Buffer


def seal(plaintext: Iterable[Chunk], recipients: Sequence[str], out: BinaryIO) -> None:
    parsed = [parse_recipient(r) for r in recipients]  # pyrage refuses none
    reader = ChunkReader(plaintext)
    try:
        # pyrage pulls a few KiB per read: a C buffer in front keeps those reads out of Python
        pyrage.encrypt_io(io.BufferedReader(reader, buffer_size=GATHER_BYTES), out, parsed)
    except pyrage.EncryptError:
        if reader.error is not None:
            raise reader.error from None
        raise


def unseal(source: BinaryIO, identities: Sequence[str], parser: PackageParser) -> None:
    """Decrypt ``source`` into ``parser``. Errors raised by the parser's handler pass through
    unchanged; the envelope's own failures become coded rejections."""
    keys = [parse_identity(i) for i in identities]
    read_age_header(source)
    source.seek(0)
    sink = _Gathered(parser)
    gathered = io.BufferedWriter(sink, buffer_size=GATHER_BYTES)
    try:
        pyrage.decrypt_io(source, gathered, keys)
        gathered.flush()
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise NotForUs() from exc
        raise NotAPackage(f"数据包文件头无效（{str(exc)[:60]}）") from exc
    except OSError as exc:  # the payload failed authentication: damaged, truncated, tampered
        raise PackageDamaged() from exc
    finally:
        sink.stop()  # whatever the buffer still holds after a failure never reaches the parser
    parser.finish()


GATHER_BYTES = 1 << 20


class _Gathered(io.RawIOBase):
    """The parser behind a C ``BufferedWriter``: pyrage writes the plaintext a few KiB at a
    time, and each Python-level write (through the parser, the handler and the attachment
    writer) costs microseconds; gathered, the parser sees one call per MiB. A failed write
    (a refusal) is raised once; once stopped, the buffer's flush on close is dropped."""

    def __init__(self, parser: PackageParser) -> None:
        self._parser: PackageParser | None = parser

    def stop(self) -> None:
        self._parser = None

    def writable(self) -> bool:
        return True

    def write(self, data: Buffer) -> int:
        view = memoryview(data).cast("B")
        if self._parser is None:
            return len(view)
        try:
            return self._parser.write(view)
        except BaseException:
            self._parser = None
            raise
