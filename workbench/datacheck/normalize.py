"""Cells as Chinese spreadsheets give them → the values the rules match on. Each function takes
the cell's text (None or blank: no value) and raises ``ValueProblem`` with a reason a person
understands when the text cannot be read.

Names and places are brought to one form for matching, not for display: half-width, no spaces,
繁体 → 简体 character by character (the table in ``resources/datacheck/ts_chars.txt``, from
OpenCC), every kind of middle dot in a minority name as "·". Both sides of a match pass through
the same table, so a character it maps that is also in use as 简体 (於 → 于) still matches.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from workbench.datacheck.kinds import ValueType
from workbench.i18n import N_, Wording

TS_CHARS = Path(__file__).resolve().parents[2] / "resources" / "datacheck" / "ts_chars.txt"


class ValueProblem(ValueError):
    """A cell that cannot be read: ``reason`` (also ``str(problem)``) says why, in Chinese,
    from an ``N_``-marked template the UI translates (``Wording``)."""

    def __init__(self, template: str, /, **fillers: str) -> None:
        self.reason = Wording(template, **fillers)
        super().__init__(self.reason)


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_ZERO = 48 * sum(_ID_WEIGHTS)
_OLDEST_BIRTH_YEAR = 1850  # GB 11643's own example was born in 1880
# how Excel shows a long number (1.10105E+17): a 身份证号 saved as one has lost its last digits
_EXCEL_NUMBER = re.compile(r"\d(\.\d+)?E\+?\d+")
_ID15, _ID18 = re.compile(r"[0-9]{15}"), re.compile(r"[0-9]{17}[0-9X]")
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff\u00ad]+")  # spaces, zero-width marks


def id_check_digit(first17: str) -> str:
    """GB 11643-1999: the 18th character of a 公民身份号码."""
    digits = first17.encode("ascii")
    if len(digits) != len(_ID_WEIGHTS) or not digits.isdigit():
        raise ValueError(first17)
    total = sum(map(operator.mul, _ID_WEIGHTS, digits)) - _ID_ZERO  # bytes are codes: "0" is 48
    return _ID_CHECK[total % 11]


def _plain(text: str | None) -> str:
    """Full-width → half-width (NFKC), every kind of space and zero-width mark removed."""
    if text is None:
        return ""
    text = str(text)
    if text.isascii() and text.isprintable() and " " not in text:
        return text  # most cells: nothing to change
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def _code(text: str | None) -> str:
    """An identifier: plain, upper case, without what keeps Excel from reading it as a number:
    the apostrophe typed before it, or the ="…" a CSV export wraps it in."""
    value = _plain(text).removeprefix("'").removeprefix("‘")
    if value.startswith('="') and value.endswith('"') and len(value) > 3:
        value = value[2:-1]
    return value.upper()


def id_number(text: str | None) -> str | None:
    """An 18-character 身份证号 with an upper-case X; a 15-digit one is converted (19 + year)."""
    value = _code(text)
    if not value:
        return None
    if _EXCEL_NUMBER.fullmatch(value):
        raise ValueProblem(
            N_("身份证号被 Excel 存成了数字，末几位已丢失：请把该列设为文本后重新导出")
        )
    if _ID15.fullmatch(value):
        first17 = value[:6] + "19" + value[6:]
        value = first17 + id_check_digit(first17)
    if not _ID18.fullmatch(value):
        raise ValueProblem(N_("身份证号应为 18 位（或 15 位）"))
    if id_check_digit(value[:17]) != value[17]:
        raise ValueProblem(N_("身份证号校验码不符"))
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValueProblem(N_("身份证号中的出生日期无效")) from None
    if born.year < _OLDEST_BIRTH_YEAR or born > date.today():
        raise ValueProblem(N_("身份证号中的出生日期无效"))
    return value


_DOTS = re.compile(r"[.·・•‧⋅∙˙●。\u0387\u2027\u2e31\u16eb]+")


def name(text: str | None) -> str:
    """A person's name as the rules compare it: half-width, no spaces, 繁体 → 简体, one "·"
    between the parts of a minority name however it was typed."""
    return to_simplified(_DOTS.sub("·", _plain(text)).strip("·"))


def text(text: str | None) -> str:
    """A place, a unit or a category: half-width, no spaces, 繁体 → 简体."""
    return to_simplified(_plain(text))


_ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015: no I, O, S, V, Z
_ORG_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def org_code(text: str | None) -> str:
    """A 统一社会信用代码, checked by its GB 32100-2015 check character."""
    value = _code(text)
    if not value:
        return value
    if not re.fullmatch(f"[{_ORG_CHARS}]{{18}}", value):
        raise ValueProblem(N_("统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）"))
    total = sum(_ORG_CHARS.index(c) * w for c, w in zip(value, _ORG_WEIGHTS, strict=False))
    if _ORG_CHARS[-total % 31] != value[17]:
        raise ValueProblem(N_("统一社会信用代码校验位不符"))
    return value


_EXCEL_EPOCH = date(1899, 12, 30)
_TIME = r"(?:[T\s]*\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2}(?:\.\d+)?秒?)?)?"
_DATE_FORMS = (
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?" + _TIME),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_MONTH_FORMS = (
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?"),
    re.compile(r"(\d{4})(\d{2})"),
)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SERIAL = re.compile(r"\d{5}(\.\d+)?")  # Excel's day count: 1927 to 2173


def day(text: str | None) -> date | None:
    """2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 20230501, with or without a time after it
    (as openpyxl or an export gives a datetime), or an Excel serial number; a month alone
    (2023年5月, 2023年05月份, 2023.05, 2023-05, 202305) is its first day."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not value:
        return None
    try:
        found = _parsed_day(value)
    except ValueError:
        raise ValueProblem(N_("日期“{value}”不存在"), value=value[:20]) from None
    if found is None:
        raise ValueProblem(N_("无法识别的日期“{value}”"), value=value[:20])
    if not 1900 <= found.year <= 2100:
        raise ValueProblem(N_("日期“{value}”超出合理范围"), value=value[:20])
    return found


def _parsed_day(value: str) -> date | None:
    """The day ``value`` names in one of ``day``'s forms, or None; ValueError if none such."""
    if _ISO_DAY.fullmatch(value):  # most cells, and what the reader gives for a date
        return date.fromisoformat(value)
    for form in _DATE_FORMS:
        if match := form.fullmatch(value):
            return date(*(int(part) for part in match.groups()))
    for form in _MONTH_FORMS:
        if match := form.fullmatch(value):
            return date(int(match[1]), int(match[2]), 1)
    if _SERIAL.fullmatch(value):
        return _EXCEL_EPOCH + timedelta(days=int(float(value)))
    return None


_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d*)?")


@dataclass(frozen=True)
class _Quantity:
    """What ``_decimal`` reads: its unit, and its refusals (one template each, for the UI)."""

    unit: str
    unreadable: str
    misgrouped: str
    too_large: str


_AMOUNT = _Quantity(
    "元",
    N_("无法识别的金额“{value}”"),
    N_("无法识别的金额“{value}”（千位分隔符位置不对）"),
    N_("金额超出范围"),
)
_AREA = _Quantity(
    "亩",
    N_("无法识别的面积“{value}”"),
    N_("无法识别的面积“{value}”（千位分隔符位置不对）"),
    N_("面积超出范围"),
)


def _decimal(value: str, what: _Quantity) -> Decimal:
    """A number as typed: thousands separators, 元/万元 (or 亩), ¥, a minus sign or accountants'
    parentheses for a negative amount. A refusal quotes the number without its unit."""
    negative = value.startswith("(") and value.endswith(")")
    value = value.removeprefix("(").removesuffix(")") if negative else value
    scale = Decimal(1)
    value = value.removeprefix("人民币").removeprefix("RMB").lstrip("¥")
    if value.startswith("-"):
        negative, value = not negative, value[1:].lstrip("¥")
    value = value.removesuffix("整").removesuffix(what.unit)
    if value.endswith("万"):
        scale, value = Decimal(10000), value[:-1]
    if "," in value:
        if not _GROUPED.fullmatch(value):
            raise ValueProblem(what.misgrouped, value=value[:20])
        value = value.replace(",", "")
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", value):
        raise ValueProblem(what.unreadable, value=value[:20])
    try:
        number = Decimal(value) * scale
    except InvalidOperation:
        raise ValueProblem(what.unreadable, value=value[:20]) from None
    if number >= Decimal(10) ** 12:
        raise ValueProblem(what.too_large)
    return -number if negative else number


_PLAIN_AMOUNT = re.compile(r"(-?)([0-9]{1,12})(?:\.([0-9]{1,2}))?")


def amount_fen(text: str | None, in_wan: bool = False) -> int | None:
    """An amount in 元 (1,234.50, ¥1234.5, 1.2万元, (300.00) for −300) → fen. ``in_wan``: the
    column's header says 万元, so a bare number is in 万元 (one saying 元 or 万 is as it says)."""
    value = _plain(text)
    if not value:
        return None
    if not in_wan and (plain := _PLAIN_AMOUNT.fullmatch(value)):  # most cells: 315.5
        whole = int(plain[2]) * 100 + int((plain[3] or "").ljust(2, "0"))
        return -whole if plain[1] else whole
    fen = _decimal(value, _AMOUNT) * 100
    if in_wan and not re.search(r"[元万]\)?$", value):
        fen *= 10000
    return int(fen.to_integral_value(ROUND_HALF_UP))


def area_centi(text: str | None) -> int | None:
    """An area in 亩 → 亩 × 100."""
    value = _plain(text)
    if not value:
        return None
    number = _decimal(value, _AREA)
    if number < 0:
        raise ValueProblem(N_("面积不能为负数"))
    return int((number * 100).to_integral_value(ROUND_HALF_UP))


def to_simplified(value: str) -> str:
    """繁体 → 简体, one character at a time (names and places need no phrase conversion)."""
    return value.translate(_traditional())


@functools.cache
def _traditional() -> dict[int, str]:
    """The 繁→简 table, read once when first needed: one line per character pair."""
    table: dict[int, str] = {}
    for line in TS_CHARS.read_text(encoding="utf-8").splitlines():
        if len(line) == 2 and not line.startswith("#"):
            table[ord(line[0])] = line[1]
    return table


NORMALIZERS: dict[ValueType, Any] = {
    ValueType.ID_NUMBER: id_number,
    ValueType.NAME: name,
    ValueType.TEXT: text,
    ValueType.ORG_CODE: org_code,
    ValueType.DATE: day,
    ValueType.AMOUNT: amount_fen,
    ValueType.AREA: area_centi,
}


def normalize(type_: ValueType, cell: str | None, header: str = "") -> Any:
    """The stored value of one cell (see ``NORMALIZERS``). ``header``, the column's title, gives
    the unit of an amount column titled in 万元 (“中标金额（万元）”)."""
    if type_ is ValueType.AMOUNT and "万元" in _plain(header):
        return amount_fen(cell, in_wan=True)
    return NORMALIZERS[type_](cell)
