"""Measuring Chinese text for layout: printed widths and balanced title lines."""

from __future__ import annotations

import math

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
