"""Cells as Chinese spreadsheets give them → the values the rules match on. Each function takes
the cell's text (None or blank: no value) and raises ``ValueProblem`` with a reason a person
understands when the text cannot be read."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.datacheck.kinds import ValueType


class ValueProblem(ValueError):
    """A cell that cannot be read; ``str(problem)`` is the reason, in Chinese."""


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# how Excel shows a long number (1.10105E+17): a 身份证号 saved as one has lost its last digits
_EXCEL_NUMBER = re.compile(r"\d(\.\d+)?E\+?\d+")


def id_check_digit(first17: str) -> str:
    """GB 11643-1999: the 18th character of a 公民身份号码."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _plain(text: str | None) -> str:
    """Full-width → half-width (NFKC), every kind of space removed."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def id_number(text: str | None) -> str | None:
    """An 18-character 身份证号 with an upper-case X; a 15-digit one is converted (19 + year)."""
    value = _plain(text).upper()
    if not value:
        return None
    if _EXCEL_NUMBER.fullmatch(value):
        raise ValueProblem("身份证号被 Excel 存成了数字，末几位已丢失：请把该列设为文本后重新导出")
    if re.fullmatch(r"\d{15}", value):
        first17 = value[:6] + "19" + value[6:]
        value = first17 + id_check_digit(first17)
    if not re.fullmatch(r"\d{17}[\dX]", value):
        raise ValueProblem("身份证号应为 18 位（或 15 位）")
    if id_check_digit(value[:17]) != value[17]:
        raise ValueProblem("身份证号校验码不符")
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValueProblem("身份证号中的出生日期无效") from None
    return value


def name(text: str | None) -> str:
    """A person's name as the rules compare it: half-width, no spaces, 繁体 → 简体."""
    return to_simplified(_plain(text).replace("•", "·").replace("．", "·"))


def text(text: str | None) -> str:
    """A place, a unit or a category: half-width, no spaces, 繁体 → 简体."""
    return to_simplified(_plain(text))


def org_code(text: str | None) -> str:
    value = _plain(text).upper()
    if value and not re.fullmatch(r"[0-9A-Z]{18}", value):
        raise ValueProblem("统一社会信用代码应为 18 位数字或大写字母")
    return value


_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_FORMS = (
    re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_MONTH_FORMS = (re.compile(r"(\d{4})[-/.年](\d{1,2})月?"), re.compile(r"(\d{4})(\d{2})"))


def day(text: str | None) -> date | None:
    """2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 20230501, an Excel serial number; a month
    alone (2023年5月, 202305) is its first day."""
    value = _plain(text)
    if not value:
        return None
    try:
        for form in _DATE_FORMS:
            if match := form.fullmatch(value):
                return date(*(int(part) for part in match.groups()))
        for form in _MONTH_FORMS:
            if match := form.fullmatch(value):
                return date(int(match[1]), int(match[2]), 1)
        if re.fullmatch(r"\d{5}(\.\d+)?", value):
            return _EXCEL_EPOCH + timedelta(days=int(float(value)))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", value):
            return datetime.fromisoformat(value.replace("T", " ")).date()
    except ValueError:
        pass
    raise ValueProblem(f"无法识别的日期“{value[:20]}”")


def _decimal(value: str, what: str) -> Decimal:
    scale = Decimal(1)
    if value.endswith("万元") or value.endswith("万"):
        scale, value = Decimal(10000), value.removesuffix("元").removesuffix("万")
    value = value.removesuffix("元").removesuffix("亩").replace(",", "").lstrip("¥￥")
    try:
        number = Decimal(value) * scale
    except InvalidOperation:
        raise ValueProblem(f"无法识别的{what}“{value[:20]}”") from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 12:
        raise ValueProblem(f"{what}超出范围")
    return number


def amount_fen(text: str | None) -> int | None:
    """An amount in 元 (1,234.50, ¥1234.5, 1.2万元) → fen."""
    value = _plain(text)
    return None if not value else int((_decimal(value, "金额") * 100).to_integral_value())


def area_centi(text: str | None) -> int | None:
    """An area in 亩 → 亩 × 100."""
    value = _plain(text)
    if not value:
        return None
    number = _decimal(value, "面积")
    if number < 0:
        raise ValueProblem("面积不能为负数")
    return int((number * 100).to_integral_value())


def to_simplified(value: str) -> str:
    """繁体 → 简体, one character at a time (names and places need no phrase conversion)."""
    return value.translate(_TRADITIONAL)


_TRADITIONAL: dict[int, str] = {}

NORMALIZERS: dict[ValueType, Any] = {
    ValueType.ID_NUMBER: id_number,
    ValueType.NAME: name,
    ValueType.TEXT: text,
    ValueType.ORG_CODE: org_code,
    ValueType.DATE: day,
    ValueType.AMOUNT: amount_fen,
    ValueType.AREA: area_centi,
}


def normalize(type_: ValueType, cell: str | None) -> Any:
    """The stored value of one cell (see ``NORMALIZERS``)."""
    return NORMALIZERS[type_](cell)
