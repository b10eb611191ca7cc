"""The per-run pinyin cache gives exactly what one pypinyin call per text gave.

The oracle below is the implementation the cache replaced, kept verbatim: one ``lazy_pinyin``
call per text. The only intended difference: a Han character pypinyin has no reading for (㐂,
𠮷) made the oracle raise IndexError (and so failed the save that indexed it); it now has no
initial. Those inputs are left out of the comparison and tested on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.search.text import fold, initials_per_char, pinyin_full, pinyin_initials
from workbench.services.indexing import _all_docs
from workbench.store.vault import Vault

# -- the oracle: workbench/search/text.py before the cache ---------------------------------------


def _blank_each_impl(chars: str) -> list[str]:
    return [""] * len(chars)


_blank_each = cast(Callable[[str], str], _blank_each_impl)


def old_initials_per_char(text: str) -> list[str]:
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=_blank_each)
    if len(letters) != len(text):
        return [""] * len(text)
    return [letter if letter.isascii() and letter.isalpha() else "" for letter in letters]


def _old_initial_runs(text: str) -> list[str]:
    return "".join(letter or " " for letter in old_initials_per_char(fold(text))).split()


def old_pinyin_initials(names: str, title: str) -> str:
    return " ".join([*_old_initial_runs(names), *_old_initial_runs(title)])


def _as_space(_chars: str) -> str:
    return " "


def old_pinyin_full(names: str) -> str:
    syllables = lazy_pinyin(fold(names), errors=_as_space)
    return " ".join(run for run in "".join(syllables).split() if run.isascii() and run.isalpha())


# -- comparison ------------------------------------------------------------------------------


def assert_same(names: str, title: str) -> None:
    assert pinyin_initials(names, title) == old_pinyin_initials(names, title)
    assert pinyin_full(names) == old_pinyin_full(names)
    for text in (names, title):
        folded = fold(text)
        assert initials_per_char(folded) == old_initials_per_char(folded)


def test_every_demo_document_converts_as_before(demo_dir: Path) -> None:
    with Vault.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE) as vault, vault.read() as s:
        docs = list(_all_docs(s))
    assert len(docs) > 200
    for doc in docs:
        assert_same(doc.names, doc.title)
        assert_same(doc.title, doc.body)  # the body through the names path too: longer text


HETERONYMS = ["银行行长", "重庆", "长大", "行长", "朝阳", "重要", "长江", "银行", "还款", "了解"]
FRAGMENTS = [
    *HETERONYMS,
    "王建国",
    "李明",
    "巡察组",
    "反映",
    "XF-2026-001",
    "ＡＢＣ１２３",  # full-width Latin and digits fold to ASCII
    "（党支部书记）",
    "、",
    "，",
    "。",
    " ",
    "\u3000",
    "〇",  # in pypinyin's Han class
    "䶮",  # CJK extension A, with a reading
    "堃",
    "﨑",  # CJK compatibility ideograph: NFKC folds it
]
CHARACTERS = st.characters(
    categories=("Lo", "Lu", "Ll", "Nd", "Po", "Ps", "Pe", "Zs", "Sm"),
    max_codepoint=0x2FFFF,
)
TEXTS = st.lists(st.sampled_from(FRAGMENTS) | st.text(CHARACTERS, max_size=4), max_size=8).map(
    "".join
)


def oracle_raises(text: str) -> bool:
    try:
        old_pinyin_initials(text, text)
    except IndexError:
        return True
    return False


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=TEXTS, title=TEXTS)
@example(names="银行行长 重庆", title="长大以后，XF-2026-001重庆银行行长")
@example(names="", title="")
@example(names="ＡＢＣ王建国１２３", title="〇一二三")
def test_generated_text_converts_as_before(names: str, title: str) -> None:
    assume(not oracle_raises(names) and not oracle_raises(title))
    assert_same(names, title)


def test_heteronyms_take_their_word_reading() -> None:
    assert pinyin_initials("", "银行行长") == "yhhz"
    assert pinyin_full("重庆 长大") == "chongqing zhangda"
    assert initials_per_char("长大") == ["z", "d"]


@pytest.mark.parametrize("name", ["刘㐂", "𠮷田", "张𠮷华"])
def test_a_han_character_without_reading_no_longer_fails(name: str) -> None:
    with pytest.raises(IndexError):  # what the old code did: the record could not be saved
        old_pinyin_initials(name, "")
    letters = initials_per_char(name)
    assert len(letters) == len(name)
    assert [c for c, letter in zip(name, letters, strict=True) if not letter] in (["㐂"], ["𠮷"])
    assert pinyin_full(name) == old_pinyin_full(name)  # this path never failed
