"""Measuring Chinese text for layout: printed widths and balanced title lines."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from workbench.reports.ooxml import BODY_PT


def text_width_pt(text: str, size_pt: float = BODY_PT) -> float:
    """Approximate printed width: CJK and full-width characters are one em, others half."""
    return sum(size_pt if ord(ch) > 0x2E7F else size_pt / 2 for ch in text)


def balanced_lines(text: str, size_pt: float, width_pt: float) -> list[str]:
    """A title too long for one line, broken into lines of near-equal length (GB/T 9704 7.3.1:
    symmetric lines of suitable length), preferably after 关于, 的 or 对, or before 巡察."""
    if "\n" in text:
        return text.split("\n")
    count = math.ceil(text_width_pt(text, size_pt) / width_pt)
    lines: list[str] = []
    rest = text
    for parts in range(count, 1, -1):
        target = len(rest) / parts
        near = range(max(1, round(target) - 5), min(len(rest) - 1, round(target) + 5) + 1)
        words = [
            i
            for i in near
            if rest[i - 1] in "的对" or rest[:i].endswith("关于") or rest[i:].startswith("巡察")
        ]
        cut = min(words, key=lambda i: abs(i - target)) if words else round(target)
        while cut < len(rest) and rest[cut] in "）》”，。、；：":  # no line starts with these
            cut += 1
        lines.append(rest[:cut])
        rest = rest[cut:]
    return [*lines, rest]


CELL_PAD_PT = 9.0  # a table cell's left and right margins (85 twips each) and a little slack
# a value that must not break: ASCII (numbers such as XS-2025-0001, 2025.6.1, 33.3%) and dates
UNBROKEN = re.compile(r"[\x20-\x7e年月日％]*")
TEXT_CAP_CHARS = 30  # a text column never asks for more than this many characters a line
SHORT_WORD = 4  # a value of this many characters or fewer (王五, 已移交, 长期坚持) stays whole
# Latin glyphs in ems, the wider of Times New Roman and the DejaVu Serif that stands in for it
# where Times is missing (LibreOffice on Linux): a number measured so never breaks in either
LATIN_EM = {**dict.fromkeys("0123456789", 0.64), **dict.fromkeys(".,:;/ ", 0.32), "-": 0.34}
LATIN_UPPER_EM, LATIN_OTHER_EM = 0.75, 0.6


def unbroken_width_pt(text: str, size_pt: float = BODY_PT) -> float:
    """The width a value needs on one line, Latin glyphs measured generously (``LATIN_EM``)."""
    width = 0.0
    for ch in text:
        if ord(ch) > 0x2E7F:
            width += size_pt
        elif ch.isascii() and ch.isupper():
            width += LATIN_UPPER_EM * size_pt
        else:
            width += LATIN_EM.get(ch, LATIN_OTHER_EM) * size_pt
    return width


BREAK = "|"  # in a header: where it may break between words (分管|领导)


def header_text(header: str, width_pt: float, size_pt: float) -> str:
    """A column header as set in a column ``width_pt`` wide: on one line when it fits, else
    broken only where ``|`` marks a break between words."""
    whole = header.replace(BREAK, "")
    if text_width_pt(whole, size_pt) + CELL_PAD_PT <= width_pt + 0.01:
        return whole
    return header.replace(BREAK, "\n")


TEXT_FLOOR_CHARS = 6  # a column of running text is never narrower than this many characters


def _measure(
    headers: Sequence[str], rows: Sequence[Sequence[str]], size_pt: float
) -> tuple[list[float], list[float], list[float]]:
    """Per column: the least width (header's widest word, the widest number, date or short word
    unbroken, and ``TEXT_FLOOR_CHARS`` for running text), the width wanted for one line, and
    its running text's mean width a row (0 for a column of numbers, dates and short words)."""
    least = [
        max(text_width_pt(part, size_pt) for part in h.split(BREAK)) + CELL_PAD_PT for h in headers
    ]
    wanted = [text_width_pt(h.replace(BREAK, ""), size_pt) + CELL_PAD_PT for h in headers]
    cap = TEXT_CAP_CHARS * size_pt + CELL_PAD_PT
    text = [False] * len(headers)  # holds running text, not only numbers, dates and words
    bulk = [0.0] * len(headers)
    for row in rows:
        for i, value in enumerate(row):
            for line in str(value).split("\n"):
                width = text_width_pt(line, size_pt) + CELL_PAD_PT
                bulk[i] += width / max(1, len(rows))
                if UNBROKEN.fullmatch(line) or len(line) <= SHORT_WORD:
                    least[i] = max(least[i], unbroken_width_pt(line, size_pt) + CELL_PAD_PT)
                else:
                    text[i] = True
                wanted[i] = max(wanted[i], least[i], min(width, cap))
    floor = TEXT_FLOOR_CHARS * size_pt + CELL_PAD_PT
    least = [max(m, min(w, floor)) if t else m for m, w, t in zip(least, wanted, text, strict=True)]
    return least, wanted, [b if t else 0.0 for b, t in zip(bulk, text, strict=True)]


def fits(
    headers: Sequence[str], rows: Sequence[Sequence[str]], total_pt: float, size_pt: float
) -> bool:
    """Whether every column gets its least width (``_measure``) within ``total_pt``."""
    return sum(_measure(headers, rows, size_pt)[0]) <= total_pt + 0.01


def fit_widths(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    total_pt: float,
    size_pt: float,
    weights: Sequence[float] | None = None,
) -> list[float]:
    """Column widths in points, summing to ``total_pt``, from what the columns hold. Each column
    gets at least its header's widest word (``header_text``), its widest number, date or short
    word unbroken, and a column of running text ``TEXT_FLOOR_CHARS``; the room left goes to the
    columns of running text in proportion to how much text a row holds in them (a header on one
    line, running text up to ``TEXT_CAP_CHARS``, when everything fits on one line), times the
    column's weight (default 1: the main text column of a list, such as 题名, may claim more);
    a column of numbers and short words only a little, towards its header on one line."""
    least, wanted, text = _measure(headers, [list(r) for r in rows], size_pt)
    need = sum(least)
    if need >= total_pt:  # too many columns even for their least: shrink them all alike
        return [w * total_pt / need for w in least]
    if sum(wanted) <= total_pt:  # all on one line: the rest widens the text columns
        grow = [w if t else 0.0 for w, t in zip(wanted, text, strict=True)]
        if not any(grow):
            grow = list(wanted)
        room = total_pt - sum(wanted)
        return [w + room * g / sum(grow) for w, g in zip(wanted, grow, strict=True)]
    extra = [
        (max(b, m) - m if b else 0.1 * (w - m)) * k
        for w, m, k, b in zip(wanted, least, weights or [1.0] * len(least), text, strict=True)
    ]
    if not any(extra):
        extra = list(least)
    room = total_pt - need
    return [m + room * e / sum(extra) for m, e in zip(least, extra, strict=True)]
