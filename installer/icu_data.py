"""Qt's ICU data trimmed to what Qt Core asks of it here: 31 MB → a few.

PySide6's wheels link QtCore against their own ICU, whose data library (libicudata.so.NN) holds
every locale of CLDR. Qt Core uses ICU for collation (QCollator: the file dialog sorts Chinese
file names by it), character set converters (QStringConverter beyond UTF/Latin-1) and time zone
names; case mapping and normalisation tables are built into ICU's code, and Qt does its own text
breaking, number and date formatting from its own CLDR tables. So the trimmed data keeps the
root, English and Chinese collation, names and supplemental data and the Chinese converters
(GB18030, GBK, GB2312, Big5; UTF-8/16/32, ASCII and Latin-1 are in ICU's code), and drops the
other languages and converters, the
transliterators, spelled-out numbers, break iterators and dictionaries, and character names.

``trimmed_library(original, out_dir)`` reads the data out of the original library (the symbol
``icudtNN_dat``), rewrites ICU's common-data package ("CmnD": a table of contents sorted by name,
then the items, each 16-byte aligned) with the items kept, and links a new shared library with
the same soname and symbol (the C compiler's assembler and linker: ``cc``). No third-party
import: the PyInstaller spec uses it.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

from linux_deps import _elf64, _linked_strings, _sections, _string

_SHT_DYNSYM = 11
_ALIGN = 16

# Locale-named resources (in every tree: the root, coll/, zone/, lang/, curr/, …) are kept for
# these locales only; resources with other names (supplementalData, zoneinfo64, ucadata…) stay.
_LOCALE = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]*)*\.res$")
_KEPT_LOCALE = re.compile(
    r"^(?:root|pool|res_index|en|en_US|en_GB|en_001|zh(?:_[A-Za-z0-9]+)*)\.res$"
)
_DROPPED_TREES = ("brkitr/", "translit/", "rbnf/")
_DROPPED_FILES = {"unames.icu"}  # u_charName: Unicode character names
_CHINESE_CONVERTERS = re.compile(
    r"^(?:gb18030|windows-936|ibm-1383|ibm-1386|windows-950|ibm-1373|ibm-1375|ibm-5471)"
)


def kept(name: str) -> bool:
    """Whether the item ``name`` (below icudtNNl/) stays in the trimmed data."""
    if name.startswith(_DROPPED_TREES) or name in _DROPPED_FILES:
        return False
    base = name.rsplit("/", 1)[-1]
    if base.endswith(".cnv"):
        return bool(_CHINESE_CONVERTERS.match(base))
    if _LOCALE.match(base):
        return bool(_KEPT_LOCALE.match(base))
    return True


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(item name, item bytes), …]) of a little-endian ICU common-data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = data[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((_string(toc, name_at), toc[data_at:end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package again, with ``items`` (kept in the given, sorted, order)."""
    names = b"".join(name.encode() + b"\0" for name, _ in items)
    names_at = 4 + 8 * len(items)
    first = -(-(names_at + len(names)) // _ALIGN) * _ALIGN
    offsets, position, name_at = [], first, names_at
    for name, item in items:
        offsets.append((name_at, position))
        name_at += len(name.encode()) + 1
        position += -(-len(item) // _ALIGN) * _ALIGN
    toc = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *o) for o in offsets)
    out = bytearray(toc + names)
    for _name, item in items:
        out += b"\xaa" * (-len(out) % _ALIGN)  # the fill ICU pads with
        out += item
    return header + bytes(out)


def _symbol(data: bytes, prefix: str) -> tuple[str, int, int]:
    """(name, file offset, size) of the dynamic symbol whose name starts with ``prefix``."""
    sections = _sections(_elf64(data))
    for sh_type, _addr, offset, size, link in sections:
        if sh_type != _SHT_DYNSYM:
            continue
        names = _linked_strings(data, sections, link)
        for pos in range(offset, offset + size, 24):
            name_at, _info, _other, index, value, length = struct.unpack_from("<IBBHQQ", data, pos)
            name = _string(names, name_at)
            if name.startswith(prefix) and length:
                _t, section_addr, section_offset, _s, _l = sections[index]
                return name, section_offset + value - section_addr, length
    raise LookupError(f"no {prefix}* symbol")


def trimmed_library(original: Path, out_dir: Path) -> Path:
    """A copy of ICU's data library ``original`` (libicudata.so.NN) holding the kept items."""
    data = original.read_bytes()
    symbol, at, size = _symbol(data, "icudt")
    header, items = read_package(data[at : at + size])
    prefix = symbol.removesuffix("_dat") + "l/"  # icudt73_dat → items named icudt73l/…
    chosen = [(n, b) for n, b in items if kept(n.removeprefix(prefix))]
    out_dir.mkdir(parents=True, exist_ok=True)
    package = out_dir / f"{prefix[:-1]}.dat"
    package.write_bytes(write_package(header, chosen))
    source = out_dir / "icudata.S"
    source.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, %object\n\t.balign 16\n"
        f'{symbol}:\n\t.incbin "{package}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",%progbits\n',
        "ascii",
    )
    library = out_dir / original.name
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise SystemExit("trimming Qt's ICU data needs a C compiler (cc): apt-get install gcc")
    subprocess.run(  # noqa: S603 - our own arguments
        [
            compiler,
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{original.name}",
            "-Wl,--build-id=none",
            "-o",
            str(library),
            str(source),
        ],
        check=True,
    )
    return library
