"""Cutting a short highlighted excerpt out of the original (unfolded) text.

The FTS tables are contentless, so FTS5's ``snippet()`` has nothing to cut from; doing it here on
the ≤ ``limit`` hits is cheap and lets us find matches in *folded* text while showing the
*original* characters (full-width punctuation and all). Markers are control characters, never
HTML: the UI splits on them and renders plain text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from workbench.search.text import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    fold,
    fold_with_offsets,
    initials_per_char,
)

SNIPPET_CHARS = 80  # characters of original text in one snippet
_LEAD = 20  # characters kept before the first match
_ELLIPSIS = "…"


def _spans(folded: str, needles: Sequence[str], lo: int, hi: int) -> list[tuple[int, int]]:
    """Folded-text spans of every needle occurrence overlapping [lo, hi)."""
    spans: list[tuple[int, int]] = []
    for needle in needles:
        start = folded.find(needle, max(0, lo - len(needle) + 1), hi + len(needle) - 1)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + 1, hi + len(needle) - 1)
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:  # touching spans stay apart: [巡察][巡察]
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _plain(text: str) -> str:
    """Display text: no stray markers, whitespace (newlines too) collapsed to single spaces."""
    text = text.replace(HIGHLIGHT_START, " ").replace(HIGHLIGHT_END, " ")
    stripped = " ".join(text.split())
    # keep one space at a piece edge that had whitespace, so words around a highlight stay apart
    if stripped and text[:1].isspace():
        stripped = " " + stripped
    if stripped and text[-1:].isspace():
        stripped += " "
    return stripped


def _window(length: int, first: int) -> tuple[int, int]:
    """Start/end of a SNIPPET_CHARS window showing ``first`` with some lead-in."""
    end = min(length, max(0, first - _LEAD) + SNIPPET_CHARS)
    return max(0, end - SNIPPET_CHARS), end


def _mark(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the spans (original coordinates) wrapped in markers."""
    clipped = [(max(s, start), min(e, end)) for s, e in spans]
    pieces: list[str] = [_ELLIPSIS] if start > 0 else []
    cursor = start
    for s, e in _merge([span for span in clipped if span[0] < span[1]]):
        pieces += [_plain(text[cursor:s]), HIGHLIGHT_START, _plain(text[s:e]), HIGHLIGHT_END]
        cursor = e
    pieces.append(_plain(text[cursor:end]))
    if end < len(text):
        pieces.append(_ELLIPSIS)
    return "".join(pieces).strip()


def highlight(text: str, needles: Sequence[str]) -> str | None:
    """An excerpt of ``text`` around the first match, matches marked; None if nothing matches."""
    needles = [needle for needle in needles if needle]
    folded, offsets = fold_with_offsets(text)
    firsts = [pos for needle in needles if (pos := folded.find(needle)) != -1]
    if not firsts:
        return None

    def original(pos: int) -> int:  # folded position → original position
        return pos if offsets is None else offsets[pos]

    def folded_pos(pos: int) -> int:  # original position → first folded position at or after it
        return pos if offsets is None else bisect_left(offsets, pos)

    start, end = _window(len(text), original(min(firsts)))
    spans = [
        (original(s), original(e - 1) + 1)
        for s, e in _spans(folded, needles, folded_pos(start), folded_pos(end))
    ]
    return _mark(text, start, end, spans)


def highlight_initials(text: str, terms: Sequence[str]) -> str | None:
    """Like ``highlight`` but matching pinyin initials (``xcz`` marks 巡察组)."""
    if not terms:
        return None
    initials = _initials(text)
    spans = _spans(initials, terms, 0, len(initials))
    if not spans:
        return None
    start, end = _window(len(text), min(spans)[0])
    return _mark(text, start, end, spans)


@lru_cache(maxsize=2048)
def _initials(title: str) -> str:
    """Title-aligned initials; cached because pypinyin costs ~0.1 ms a title and typing a query
    letter by letter shows the same titles again."""
    return "".join(letter or " " for letter in initials_per_char(fold(title)))


def make_snippet(
    title: str, body: str, needles: Sequence[str], pinyin_terms: Sequence[str] = ()
) -> str:
    """Body excerpt if the body matches, else the title (by text, then by pinyin initials); the
    plain start of the body when only the names matched."""
    excerpt = highlight(body, needles) or highlight(title, needles)
    if excerpt is None:  # only now pay for pypinyin
        excerpt = highlight_initials(title, pinyin_terms)
    return excerpt or _mark(body, 0, min(len(body), SNIPPET_CHARS), [])
