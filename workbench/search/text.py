"""Text folding and the token streams fed to the two FTS5 tables.

Everything indexed and every query goes through :func:`fold`, so both sides always agree. Folding
is NFKC plus lower-casing *per code point* (a cached ``str.translate`` table): full-width Latin,
digits and punctuation become half-width, and because each character folds on its own the
snippet code can map a match in folded text back to the original characters. (Whole-string NFKC
would differ only for decomposed combining sequences, which Chinese input methods do not produce.)
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from operator import add
from typing import Any, NamedTuple, cast

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


# pypinyin first cuts text into maximal runs of Han characters (its RE_HANS, per character) and
# the stretches between them, segments words only inside a Han run and hands each stretch between
# runs to the ``errors`` callback. So text converts exactly as its Han runs do one by one, and a
# run (a name, 巡察组, 反映张三) is converted once per process: a pypinyin call costs 20-90 µs,
# which was most of the time of indexing an imported package.
#
# pypinyin's dictionaries take ~55 MB: they are loaded on the first conversion, not at import, so
# a process that only imports or exports packages (records indexed later) never holds them.
class _Engine(NamedTuple):
    han_run: re.Pattern[str]
    pinyin: Any


# pypinyin's modules import each other: two threads importing them at once (a desktop's
# warm-up and a save or catch-up) fail with "partially initialized module".
_IMPORTING = threading.Lock()


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    with _IMPORTING:
        from pypinyin.constants import RE_HANS
        from pypinyin.converter import UltimateConverter
        from pypinyin.core import Pinyin

    hans_class = RE_HANS.pattern.removeprefix("^(?:").removesuffix(")+$")
    if not (hans_class.startswith("[") and hans_class.endswith("]")):
        raise ImportError("pypinyin's RE_HANS is no longer one character class")
    # Pinyin(UltimateConverter()) is what lazy_pinyin builds on every call, with its defaults
    return _Engine(re.compile(hans_class + "+"), Pinyin(UltimateConverter()))


_NO_PINYIN = "-"  # stands for a Han character pypinyin has no reading of: neither letter nor space


def _no_pinyin_impl(chars: str) -> list[str]:
    return [_NO_PINYIN] * len(chars)


# One item per character keeps the answer aligned with the run. pypinyin accepts a list from this
# callback (documented) though its stub only admits str.
_no_pinyin = cast(Callable[[str], str], _no_pinyin_impl)


class _RunPinyin(NamedTuple):
    initials: tuple[str, ...] | None  # per character, '' if none; None: not aligned (never seen)
    initial_words: tuple[str, ...]  # the initials, split where a character has none
    full_words: tuple[str, ...]  # toneless syllables glued into words of ASCII letters


@lru_cache(maxsize=1 << 16)  # distinct runs kept; one costs a few hundred bytes
def _run_pinyin(run: str) -> _RunPinyin:
    """One pypinyin call per Han run serves both streams: Style.FIRST_LETTER is, by pypinyin's
    definition, the first letter of Style.NORMAL (``to_normal(pinyin)[0]``)."""
    syllables = _engine().pinyin.lazy_pinyin(run, errors=_no_pinyin)
    full = "".join(" " if s == _NO_PINYIN else s for s in syllables).split()
    full_words = tuple(word for word in full if word.isascii() and word.isalpha())
    if len(syllables) != len(run):
        return _RunPinyin(None, (), full_words)
    initials = tuple(s[:1] if s[:1].isascii() and s[:1].isalpha() else "" for s in syllables)
    initial_words = tuple("".join(letter or " " for letter in initials).split())
    return _RunPinyin(initials, initial_words, full_words)


def initials_per_char(text: str) -> list[str]:
    """The pinyin initial of every character of ``text`` ('' for non-Chinese), aligned 1:1.

    pypinyin segments words first, so heteronyms get the initial their context calls for
    (银行行长 → y h h z).
    """
    letters = [""] * len(text)
    for match in _engine().han_run.finditer(text):
        initials = _run_pinyin(match.group()).initials
        if initials is None:  # keep the 1:1 contract rather than misalign
            return [""] * len(text)
        letters[match.start() : match.end()] = initials
    return letters


def _initial_runs(text: str) -> list[str]:
    words: list[str] = []
    for run in _engine().han_run.findall(fold(text)):
        converted = _run_pinyin(run)
        if converted.initials is None:  # as initials_per_char: the whole text gets none
            return []
        words.extend(converted.initial_words)
    return words


def pinyin_initials(names: str, title: str) -> str:
    """Pinyin initials of the names and the title's Chinese stretches, space-separated.

    ``王建国 李明`` + ``巡察组报告`` gives ``wjg lm xczbg``. Non-Chinese text breaks a run, so the
    initials of 巡察组 are never glued to a case number's letters.
    """
    return " ".join([*_initial_runs(names), *_initial_runs(title)])


def pinyin_full(names: str) -> str:
    """Full toneless pinyin of each name (``wangjianguo``), for typing a name out in full."""
    runs = _engine().han_run.findall(fold(names))
    return " ".join(word for run in runs for word in _run_pinyin(run).full_words)
