"""The age v1 text header, checked before pyrage sees the file (age-encryption.org/v1).

``age-encryption.org/v1\\n``, then stanzas ``-> type arg…\\n`` each followed by its body in
base64 lines of 64 columns ending with a shorter (possibly empty) line, then ``--- MAC\\n``.
The grammar is the reference implementation's (age's ``internal/format``): canonical unpadded
base64, no CR, arguments of visible ASCII, a body that always ends with a short line.

Anyone who knows a recipient can write a header, and pyrage's parser slows down sharply with
the number of stanzas; a package's header needs a few hundred bytes per recipient. So the
header is read in one bounded piece and refused at the first fault, in time linear in its size,
before the file reaches pyrage or any transaction is opened.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import BinaryIO

from workbench.exchange.errors import NotAPackage, PackageLimit
from workbench.exchange.package.manifest import MAX_RECIPIENTS

AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_HEADER_BYTES = 64 << 10
# One stanza per recipient the manifest may name, and the "grease" stanza rage adds to hide
# how many recipients there are (with a little room should it add more).
MAX_STANZAS = MAX_RECIPIENTS + 4
BODY_COLUMNS = 64
BODY_BYTES = BODY_COLUMNS // 4 * 3
MAC_BYTES = 32

_BASE64 = re.compile(rb"[A-Za-z0-9+/]*")
_ARGUMENT = re.compile(rb"[\x21-\x7e]+")  # visible ASCII, at least one character


@dataclass(frozen=True)
class Stanza:
    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True)
class AgeHeader:
    stanzas: tuple[Stanza, ...]
    mac: bytes
    size: int  # bytes up to and including the MAC line's newline


def read_age_header(source: BinaryIO) -> AgeHeader:
    """Read and check the header at the start of ``source`` (left positioned after what was
    read, at most ``MAX_HEADER_BYTES`` bytes). Refusals: ``NotAPackage`` for a malformed
    header, ``PackageLimit`` for one over the size or stanza cap."""
    data = source.read(MAX_HEADER_BYTES)
    if not data.startswith(AGE_MAGIC):
        raise NotAPackage()
    lines = _Lines(data, len(AGE_MAGIC))
    stanzas: list[Stanza] = []
    while True:
        if data.startswith(b"---", lines.pos):
            return AgeHeader(tuple(stanzas), _mac(lines.next()), lines.pos)
        if len(stanzas) == MAX_STANZAS:
            raise PackageLimit(f"数据包加密文件头的接收方条目超过 {MAX_STANZAS} 个")
        stanzas.append(_stanza(lines))


class _Lines:
    """The header's lines, each without its newline; a line must end within the bytes read."""

    def __init__(self, data: bytes, pos: int) -> None:
        self.data = data
        self.pos = pos

    def next(self) -> bytes:
        end = self.data.find(b"\n", self.pos)
        if end < 0:
            if len(self.data) >= MAX_HEADER_BYTES:
                raise PackageLimit(f"数据包加密文件头超过 {MAX_HEADER_BYTES >> 10} KiB")
            raise NotAPackage("数据包加密文件头不完整")
        line = self.data[self.pos : end]
        self.pos = end + 1
        return line


def _stanza(lines: _Lines) -> Stanza:
    opening = lines.next()
    prefix, *args = opening.split(b" ")
    if prefix != b"->" or not args or not all(_ARGUMENT.fullmatch(a) for a in args):
        raise _malformed("接收方条目的首行格式不正确")
    body = bytearray()
    while True:
        line = lines.next()
        chunk = _decode(line)
        if chunk is None:
            if line.startswith((b"->", b"---")):
                raise _malformed("接收方条目缺少结尾的短行")
            raise _malformed("接收方条目的内容不是规范的 base64")
        if len(chunk) > BODY_BYTES:
            raise _malformed("接收方条目的内容行过长")
        body += chunk
        if len(chunk) < BODY_BYTES:  # a body always ends with a short line, maybe empty
            kind, *rest = (a.decode("ascii") for a in args)
            return Stanza(kind, tuple(rest), bytes(body))


def _mac(line: bytes) -> bytes:
    parts = line.split(b" ")
    mac = _decode(parts[1]) if len(parts) == 2 and parts[0] == b"---" else None
    if mac is None or len(mac) != MAC_BYTES:
        raise _malformed("文件头校验行格式不正确")
    return mac


def _decode(text: bytes) -> bytes | None:
    """Canonical base64 without padding (Go's ``RawStdEncoding.Strict()``); None if not."""
    if not _BASE64.fullmatch(text) or len(text) % 4 == 1:
        return None
    raw = base64.b64decode(text + b"=" * (-len(text) % 4))
    if base64.b64encode(raw).rstrip(b"=") != text:  # unused low bits must be zero
        return None
    return raw


def _malformed(what: str) -> NotAPackage:
    return NotAPackage(f"数据包加密文件头无效：{what}")
