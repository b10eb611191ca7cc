"""Small but real attachment files: a grey-scale PNG "scan" and a UTF-8 text note.

Each file embeds its title, so two records never share one blob by accident.
"""

from __future__ import annotations

import random
import struct
import zlib

_WIDTH, _HEIGHT = 120, 160
_PAPER, _INK = 0xF2, 0x38


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def scan_png(title: str, rng: random.Random) -> bytes:
    """A page of "text lines" on paper, like a low-resolution scan; ``title`` goes into an
    iTXt chunk (UTF-8)."""
    rows = []
    line_ends = [rng.randint(40, _WIDTH - 10) for _ in range(_HEIGHT // 8)]
    for y in range(_HEIGHT):
        band, offset = divmod(y, 8)
        inked = 12 <= y < _HEIGHT - 12 and offset in (3, 4)
        end = line_ends[band] if inked else 0
        row = bytes(_INK if 10 <= x < end else _PAPER for x in range(_WIDTH))
        rows.append(b"\x00" + row)
    header = struct.pack(">IIBBBBB", _WIDTH, _HEIGHT, 8, 0, 0, 0, 0)
    text = b"Title\x00\x00\x00\x00\x00" + title.encode("utf-8")
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"iTXt", text),
            _chunk(b"IDAT", zlib.compress(b"".join(rows), 6)),
            _chunk(b"IEND", b""),
        )
    )


def note_text(title: str, lines: list[str]) -> bytes:
    return ("\n".join([title, "=" * 20, *lines, ""])).encode("utf-8")
