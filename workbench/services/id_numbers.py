"""公民身份号码 (GB 11643-1999): 18 characters, a region code, a birth date and a check character
(ISO 7064 MOD 11-2). One place checks it, for entry and for the Excel imports alike."""

from __future__ import annotations

import re
from datetime import date

from workbench.errors import ValidationError
from workbench.i18n import N_, Wording

_SHAPE = re.compile(r"[1-9]\d{16}[\dX]")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_character(first17: str) -> str:
    """The 18th character of a number whose first 17 digits are given."""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def id_number_problem(text: str) -> str | None:
    """Why ``text`` is not a valid 身份证号, in Chinese (a ``Wording``); None when it is."""
    number = text.strip().upper()
    if len(number) != 18:
        return Wording(
            N_("身份证号应为 18 位，“{number}”是 {length} 位"),
            number=number,
            length=str(len(number)),
        )
    if not _SHAPE.fullmatch(number):
        return Wording(N_("身份证号前 17 位应为数字，末位为数字或 X"))
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return Wording(N_("身份证号中的出生日期 {born} 不存在"), born=number[6:14])
    if born.year < 1900 or born > date.today():
        return Wording(N_("身份证号中的出生日期 {born} 不合理"), born=number[6:14])
    if check_character(number[:17]) != number[17]:
        return Wording(N_("身份证号校验位不符（GB 11643），请核对是否录错"))
    return None


def checked_id_number(text: str) -> str:
    """The number in its stored form (upper-case X), or ValidationError naming the problem."""
    problem = id_number_problem(text)
    if problem is not None:
        raise ValidationError(problem, field="id_number")
    return text.strip().upper()
