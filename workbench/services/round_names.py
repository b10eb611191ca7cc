"""The name a round usually gets (2026年第一轮交叉巡察), offered when the office sets one up.

A name is data, written in Chinese whatever the interface language.
"""

from __future__ import annotations

from workbench.vocab.enums import RoundType

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1–99 the way a round's name writes it (第十二轮); other numbers in digits."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def suggested_round_name(year: int, number: int, round_type: RoundType | None) -> str:
    head = f"{year}年第{chinese_number(number)}轮"
    if round_type is None or round_type is RoundType.REGULAR:
        return f"{head}巡察"
    if round_type is RoundType.REVISIT:
        return f"{head}巡察“回头看”"
    return f"{head}{round_type.label}巡察"
