"""Text folding and the token streams fed to the two FTS5 tables.

Everything indexed and every query goes through :func:`fold`, so both sides always agree. Folding
is NFKC plus lower-casing *per code point* (a cached ``str.translate`` table): full-width Latin,
digits and punctuation become half-width, and because each character folds on its own the
snippet code can map a match in folded text back to the original characters. (Whole-string NFKC
would differ only for decomposed combining sequences, which Chinese input methods do not produce.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from operator import add
from typing import cast

from pypinyin import Style, lazy_pinyin

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        if unicodedata.category(char) == "Cc":
            # Control characters act as spaces: a NUL would end an FTS5 query string early, and
            # stored text must never carry highlight markers (\x02, \x03) of its own.
            folded = " "
        else:
            folded = unicodedata.normalize("NFKC", char).lower()
        self[codepoint] = folded
        return folded


_FOLD = _FoldTable()

# A "run" is a maximal stretch of letters/digits (CJK ideographs are letters). unicode61 splits on
# everything else, so bigrams are only ever formed inside a run and never across punctuation.
_RUN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """NFKC + lower case, one code point at a time (see module docstring)."""
    return text.translate(_FOLD)


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Folded text and, if lengths differ, the original index of every folded character."""
    folded = text.translate(_FOLD)
    if len(folded) == len(text):
        return folded, None  # every character folded to exactly one: offsets are the identity
    offsets: list[int] = []
    for index, char in enumerate(text):
        offsets.extend([index] * len(_FOLD[ord(char)]))
    return folded, offsets


def runs(folded: str) -> list[str]:
    """The letter/digit runs of already folded text."""
    return _RUN.findall(folded)


def bigram_text(folded: str) -> str:
    """Space-separated character bigrams of every run, each run closed by its last character.

    ``巡察组，贪`` becomes ``巡察 察组 组 贪``. The trailing single character lets a one-character
    query (a prefix query ``"贪" *``) find a character that ends a run; a phrase of adjacent bigrams
    cannot cross runs because that closing token sits between them.
    """
    parts: list[str] = []
    for run in _RUN.findall(folded):
        parts.extend(map(add, run[:-1], run[1:]))
        parts.append(run[-1])
    return " ".join(parts)


def bigram_phrase(run: str) -> str:
    """The query-side bigrams of one run (no closing character: a phrase may end mid-run)."""
    return " ".join(map(add, run[:-1], run[1:]))


def _blank_each_impl(chars: str) -> list[str]:
    return [""] * len(chars)


# One "" per non-Chinese character keeps pypinyin's output aligned with the input. pypinyin
# accepts a list from this callback (documented) though its stub only admits str.
_blank_each = cast(Callable[[str], str], _blank_each_impl)


def initials_per_char(text: str) -> list[str]:
    """The pinyin initial of every character of ``text`` ('' for non-Chinese), aligned 1:1.

    pypinyin segments words first, so heteronyms get the initial their context calls for
    (银行行长 → y h h z).
    """
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=_blank_each)
    if len(letters) != len(text):  # never seen; keep the 1:1 contract rather than misalign
        return [""] * len(text)
    return [letter if letter.isascii() and letter.isalpha() else "" for letter in letters]


def _initial_runs(text: str) -> list[str]:
    return "".join(letter or " " for letter in initials_per_char(fold(text))).split()


def pinyin_initials(names: str, title: str) -> str:
    """Pinyin initials of the names and the title's Chinese stretches, space-separated.

    ``王建国 李明`` + ``巡察组报告`` gives ``wjg lm xczbg``. Non-Chinese text breaks a run, so the
    initials of 巡察组 are never glued to a case number's letters.
    """
    return " ".join([*_initial_runs(names), *_initial_runs(title)])


def _as_space(_chars: str) -> str:
    return " "


def pinyin_full(names: str) -> str:
    """Full toneless pinyin of each name (``wangjianguo``), for typing a name out in full."""
    syllables = lazy_pinyin(fold(names), errors=_as_space)
    return " ".join(run for run in "".join(syllables).split() if run.isascii() and run.isalpha())
