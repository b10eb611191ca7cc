"""Normalising list cells: 身份证号 (GB 11643), 统一社会信用代码 (GB 32100), names, dates and
amounts in the forms Chinese spreadsheets use."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.datacheck.kinds import ValueType
from workbench.datacheck.normalize import (
    ValueProblem,
    amount_fen,
    area_centi,
    day,
    id_check_digit,
    id_number,
    name,
    normalize,
    org_code,
    text,
    to_simplified,
)

# GB 11643-1999's own examples (北京市朝阳区 1949-12-31; 广东省汕头市潮阳县 1880-01-01)
VALID_IDS = ("11010519491231002X", "440524188001010014")


def checked(first17: str) -> str:
    """An ID with a right check digit, so that only its birth date is wrong."""
    return first17 + id_check_digit(first17)


@pytest.mark.parametrize("value", VALID_IDS)
def test_published_id_numbers_pass_their_check_digit(value: str) -> None:
    assert id_check_digit(value[:17]) == value[17]
    assert id_number(value) == value


def test_id_number_forms_people_type() -> None:
    assert id_number("11010519491231002x") == "11010519491231002X"  # lower-case x
    assert id_number("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"  # full-width
    assert id_number(" 110105 1949 1231 002X ") == "11010519491231002X"
    assert id_number("'11010519491231002X") == "11010519491231002X"  # Excel's text mark
    assert id_number('="11010519491231002X"') == "11010519491231002X"  # as CSV exports keep it
    assert id_number("11010519491231002X\u200b") == "11010519491231002X"
    assert id_number(None) is None and id_number("  ") is None


def test_a_15_digit_number_becomes_18_with_its_check_digit() -> None:
    assert id_number("110105491231002") == "11010519491231002X"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("110105194912310021", "校验码不符"),
        ("11010519491231002", "应为 18 位"),
        ("1101051949123100XX", "应为 18 位"),
        (checked("11010519490230002"), "出生日期无效"),  # 30 February
        (checked("11010518491231002"), "出生日期无效"),  # born 1849
        (checked("11010529991231002"), "出生日期无效"),  # born in the future
        ("1.10105194912310E+17", "存成了数字"),
        ("1.10105E+17", "存成了数字"),
    ],
)
def test_bad_id_numbers_are_refused_with_the_reason(value: str, reason: str) -> None:
    with pytest.raises(ValueProblem, match=reason):
        id_number(value)


def test_org_code_check_character() -> None:
    assert org_code("91440300708461136t") == "91440300708461136T"
    assert org_code("91350100M000100Y43") == "91350100M000100Y43"
    with pytest.raises(ValueProblem, match="校验位不符"):
        org_code("91440300708461136A")
    with pytest.raises(ValueProblem, match="18 位"):
        org_code("9144030070846113O6")  # the letter O is never used
    assert org_code("") == ""


def test_names_full_width_spaces_traditional_and_middle_dots() -> None:
    assert name("張　三") == "张三"
    assert name(" 張 三 ") == "张三"
    assert name("劉德華") == "刘德华"
    assert name("ＡＢＣ") == "ABC"
    for dotted in ("阿依古丽·买买提", "阿依古丽•买买提", "阿依古丽.买买提", "阿依古丽・买买提"):
        assert name(dotted) == "阿依古丽·买买提", dotted
    assert name("阿依古丽．买买提") == "阿依古丽·买买提"  # full-width full stop
    assert name("阿依古丽 · 买买提") == "阿依古丽·买买提"
    assert name(None) == ""


def test_traditional_table_is_loaded_and_leaves_simplified_alone() -> None:
    assert to_simplified("鄭陳鍾後髮") == "郑陈钟后发"
    assert to_simplified("郑陈钟张三abc123") == "郑陈钟张三abc123"
    assert text("東村（社區）") == "东村(社区)"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2023-05-01", date(2023, 5, 1)),
        ("2023/5/1", date(2023, 5, 1)),
        ("2023.5.1", date(2023, 5, 1)),
        ("2023年5月1日", date(2023, 5, 1)),
        ("2023 年 5 月 1 日", date(2023, 5, 1)),
        ("２０２３年０５月０１日", date(2023, 5, 1)),
        ("20230501", date(2023, 5, 1)),
        ("2023-05-01 09:30:00", date(2023, 5, 1)),  # a datetime as the reader gives it
        ("2023/5/1 9:30", date(2023, 5, 1)),
        ("2023-05-01T09:30:00", date(2023, 5, 1)),
        ("45047", date(2023, 5, 1)),  # Excel serial number
        ("45047.375", date(2023, 5, 1)),
        ("2023年05月", date(2023, 5, 1)),
        ("2023年5月份", date(2023, 5, 1)),
        ("2023.05", date(2023, 5, 1)),
        ("2023-05", date(2023, 5, 1)),
        ("202305", date(2023, 5, 1)),
        ("", None),
        (None, None),
    ],
)
def test_dates_in_the_forms_spreadsheets_use(cell: str | None, expected: date | None) -> None:
    assert day(cell) == expected


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("2023-02-30", "不存在"),
        ("2023年13月", "不存在"),
        ("五月一日", "无法识别"),
        ("1800-01-01", "超出"),
    ],
)
def test_impossible_dates_are_refused(cell: str, reason: str) -> None:
    with pytest.raises(ValueProblem, match=reason):
        day(cell)


@pytest.mark.parametrize(
    ("cell", "fen"),
    [
        ("315.5", 31550),
        ("1,234.50", 123450),
        ("１，２３４．５０", 123450),
        ("¥1,234.5", 123450),
        ("￥1234.5元", 123450),
        ("1234.5 元", 123450),
        ("1.2万元", 1200000),
        ("1.2万", 1200000),
        ("-300", -30000),
        ("(300.00)", -30000),
        ("（300.00）", -30000),
        ("0.005", 1),
        ("", None),
    ],
)
def test_amounts_in_the_forms_spreadsheets_use(cell: str, fen: int | None) -> None:
    assert amount_fen(cell) == fen


@pytest.mark.parametrize("cell", ["12,34", "1.2.3", "三百元", "NaN", "Infinity", "1e5", "--3"])
def test_unreadable_amounts_are_refused(cell: str) -> None:
    with pytest.raises(ValueProblem, match="无法识别的金额"):
        amount_fen(cell)


def test_areas_in_mu() -> None:
    assert area_centi("3.5") == 350
    assert area_centi("3.5亩") == 350
    assert area_centi("1,200.25") == 120025
    with pytest.raises(ValueProblem, match="不能为负数"):
        area_centi("-1")


def test_normalize_dispatches_by_value_type() -> None:
    assert normalize(ValueType.NAME, "張三") == "张三"
    assert normalize(ValueType.AMOUNT, "1.2万元") == 1200000


def test_an_amount_column_titled_in_wan_yuan_scales_bare_numbers() -> None:
    assert normalize(ValueType.AMOUNT, "35.6", "中标金额（万元）") == 35_600_000
    assert normalize(ValueType.AMOUNT, "35.6万元", "中标金额（万元）") == 35_600_000
    assert normalize(ValueType.AMOUNT, "3,000元", "中标金额（万元）") == 300_000
    assert normalize(ValueType.AMOUNT, "35.6", "中标金额（元）") == 3_560
