"""The checks an edited .xlsx passes before openpyxl parses it: a file that someone else made
must not take the workbench's memory or time, nor reach a file through an XML entity.

The file is read once into memory (it is small: ``MAX_FILE_BYTES``), so what is checked is what
is parsed. Every member is inflated here in chunks and its bytes counted: a zip's declared sizes
are checked first but may lie, so the count is what holds the cap (``MAX_UNPACKED_BYTES``, shared
strings included, which openpyxl loads whole). Inflating also checks every CRC. Only stored and
deflated members are read: zipfile bounds each read's output for deflate alone (bzip2 and LZMA
inflate a whole compressed read at once, a few KB to GB), and Excel writes nothing else. XML with a
document type declaration is refused: OOXML never has one, and it is where entity expansion
(billion laughs) and external entities (XXE) live. So is XML declaring an encoding in which the
declaration could hide (Excel writes UTF-8).
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from workbench.reports.errors import LedgerFileInvalid
from workbench.reports.office_files import OfficeFileRefused, check_members, read_regular_file

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # all members together, as inflated
MAX_MEMBERS = 1_000
# Elements (counted as "<") a part may hold. openpyxl streams worksheets and the shared strings
# but still keeps some of each element; the other parts (workbook, styles, relationships) it
# parses whole into objects, so they get a tighter cap.
MAX_STREAMED_ELEMENTS = 2_000_000
MAX_PARSED_ELEMENTS = 250_000


@dataclass(frozen=True)
class Caps:
    """The bounds one kind of import sets. ``ratio``, when set, also bounds the unpacked size to
    that many times the file's size (at least ``unpacked_bytes`` of the ledger caps): a
    spreadsheet packs about tenfold, a zip bomb a thousandfold."""

    file_bytes: int = MAX_FILE_BYTES
    unpacked_bytes: int = MAX_UNPACKED_BYTES
    streamed_elements: int = MAX_STREAMED_ELEMENTS
    ratio: int | None = None
    what: str = "台账"  # what the refusals say the file is not: 不是可导入的台账

    def unpacked_cap(self, file_bytes: int) -> int:
        if self.ratio is None:
            return self.unpacked_bytes
        return min(self.unpacked_bytes, max(MAX_UNPACKED_BYTES, self.ratio * file_bytes))


LEDGER_CAPS = Caps()
_STREAMED = re.compile(r"xl/(worksheets/[^/]+\.xml|sharedStrings\.xml)")
_CHUNK = 1024 * 1024
_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")  # an encrypted .xlsx or an old .xls
# "<!DOCTYPE" as UTF-8, UTF-16 and UTF-32 in both byte orders (what expat or libxml2 detect)
_DOCTYPES = tuple(
    "<!DOCTYPE".encode(codec)
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_OVERLAP = max(len(d) for d in _DOCTYPES) - 1
_ASCII = "".join(map(chr, range(32, 127)))
_DECLARATION = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
# what zipfile raises on a damaged archive: bad headers or CRCs, impossible offsets or sizes
# (ValueError, OverflowError, struct.error), methods or flags it does not support
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    OverflowError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    OSError,
)


def _refuse(path: Path, reason: str) -> LedgerFileInvalid:
    return LedgerFileInvalid(f"无法读取“{path.name}”：{reason}")


def _read_capped(path: Path, caps: Caps) -> bytes:
    cap = caps.file_bytes
    try:
        return read_regular_file(path, cap)
    except OfficeFileRefused as refused:
        if refused.why == "not_regular":
            raise _refuse(path, "不是普通文件") from None
        too_large = f"文件超过 {cap // (1024 * 1024)} MB，不是可导入的{caps.what}"
        raise _refuse(path, too_large) from None
    except OSError as exc:
        raise _refuse(path, f"无法打开文件（{exc.strerror or exc}）") from exc


def _plain_encoding(head: bytes) -> bool:
    """Whether a member's first bytes, if an XML declaration, name an encoding in which the
    scan would see a ``<!DOCTYPE``: UTF-16, or one that writes all of ASCII as ASCII (UTF-7 and
    EBCDIC do not)."""
    declaration = _DECLARATION.match(head.removeprefix(b"\xef\xbb\xbf"))
    if declaration is None:
        return True
    name = declaration[1].decode("ascii", "replace")
    try:
        return _ASCII.encode(name) == _ASCII.encode() or codecs.lookup(name).name == "utf-16"
    except (LookupError, ValueError):
        return False


def _inflate_member(
    path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, streamed: int
) -> int:
    """Inflate one member, counting its bytes against ``budget``; returns the bytes inflated
    (stopping once past the budget)."""
    inflated = elements = 0
    cap = streamed if _STREAMED.fullmatch(info.filename) else MAX_PARSED_ELEMENTS
    tail = b""
    with zf.open(info) as member:
        while chunk := member.read(_CHUNK):
            inflated += len(chunk)
            if inflated > budget:
                return inflated
            elements += chunk.count(b"<")
            if elements > cap:
                raise _refuse(path, f"“{info.filename}”的内容超出 Excel 文件的常见规模")
            if inflated == len(chunk) and not _plain_encoding(chunk):
                raise _refuse(path, f"“{info.filename}”使用了 Excel 不用的字符编码")
            window = tail + chunk
            if any(d in window for d in _DOCTYPES):
                raise _refuse(path, "含有 XML 文档类型声明（DOCTYPE），不是 Excel 保存的文件")
            tail = window[-_OVERLAP:]
    return inflated


def checked_xlsx(path: Path, caps: Caps = LEDGER_CAPS) -> io.BytesIO:
    """The file's bytes, once they pass every cap and check; ``LedgerFileInvalid`` otherwise."""
    data = _read_capped(path, caps)
    most = caps.unpacked_cap(len(data))
    if data.startswith(_OLE_MAGIC):
        raise _refuse(
            path,
            "文件设置了打开密码（已加密）或是旧版 .xls 格式，"
            "请在 Excel 中取消密码并另存为 .xlsx 后再导入",
        )
    unpacked_cap = f"解压后超过 {most // (1024 * 1024)} MB，不是可导入的{caps.what}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise _refuse(path, f"压缩包内文件超过 {MAX_MEMBERS} 个，不是可导入的{caps.what}")
            if any(info.flag_bits & 0x1 for info in members):
                raise _refuse(path, "文件内容已加密，请在 Excel 中取消密码后再导入")
            try:
                check_members(members, most)
            except OfficeFileRefused as refused:
                if refused.why == "packed_oddly":
                    packed = f"使用了 Excel 不用的压缩方式，不是可导入的{caps.what}"
                    raise _refuse(path, packed) from None
                raise _refuse(path, unpacked_cap) from None
            left = most
            for info in members:
                left -= _inflate_member(path, zf, info, left, caps.streamed_elements)
                if left < 0:
                    raise _refuse(path, unpacked_cap)
    except _DAMAGED as exc:
        raise _refuse(path, "不是有效的 Excel 文件（.xlsx），或文件已损坏") from exc
    return io.BytesIO(data)
