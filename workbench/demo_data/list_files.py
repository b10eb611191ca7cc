"""How the synthetic lists are laid out and written: the columns an office's list of each kind
has (Chinese headers as departments title them, extra columns the import must skip), and the
file each becomes (.xlsx with or without a title row, .csv in UTF-8 or GB18030).

Rows are dicts of field key → cell text; ``#`` (序号), ``sex`` (性别, read from the 身份证号),
``town`` and ``note`` are columns no field maps to.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.vocab.enums import DataListKind as Kind

Row = dict[str, str]
Cell = str | int | float | date


@dataclass(frozen=True)
class Layout:
    """One list as a department sends it."""

    label: str  # 数据来源
    stem: str  # file name without the suffix
    columns: tuple[tuple[str, str], ...]  # (header, field key or an extra column)
    form: str  # "xlsx", "csv-utf8", "csv-utf8-sig", "csv-gb18030"
    title: str = ""  # a title row above the header (xlsx only)

    @property
    def mapping(self) -> dict[str, int]:
        """Field key → column index, for the columns a field maps to."""
        extra = ("#", "sex", "town", "note")
        return {key: i for i, (_, key) in enumerate(self.columns) if key not in extra}

    def suffix(self) -> str:
        return ".xlsx" if self.form == "xlsx" else ".csv"


LAYOUTS: dict[Kind, Layout] = {
    Kind.ASSISTANCE: Layout(
        "县民政局",
        "低保特困人员发放花名册",
        (
            ("序号", "#"),
            ("姓名", "name"),
            ("性别", "sex"),
            ("身份证号码", "id_number"),
            ("乡镇（街道）", "town"),
            ("村（社区）", "place"),
            ("救助类别", "category"),
            ("保障金额（元）", "amount"),
            ("发放时间", "paid_on"),
            ("享受起始时间", "since"),
        ),
        "xlsx",
        "云川县2026年城乡低保、特困人员救助金发放花名册",
    ),
    Kind.SUBSIDY: Layout(
        "县农业农村局",
        "耕地地力保护补贴发放清册",
        (
            ("序号", "#"),
            ("户主姓名", "name"),
            ("身份证号", "id_number"),
            ("村组", "place"),
            ("补贴项目", "category"),
            ("补贴面积(亩)", "subsidy_area"),
            ("确权承包面积(亩)", "contract_area"),
            ("补贴金额(元)", "amount"),
            ("发放日期", "paid_on"),
        ),
        "csv-gb18030",
    ),
    Kind.STAFF: Layout(
        "县委组织部、县人社局",
        "财政供养人员信息表",
        (
            ("姓名", "name"),
            ("公民身份号码", "id_number"),
            ("工作单位", "org"),
            ("人员类别", "category"),
            ("所在地", "place"),
            ("备注", "note"),
        ),
        "xlsx",
    ),
    Kind.CADRES: Layout(
        "县委组织部",
        "村社区干部名册",
        (
            ("序号", "#"),
            ("姓名", "name"),
            ("身份证号", "id_number"),
            ("所在村（社区）", "place"),
            ("现任职务", "category"),
            ("任职时间", "since"),
        ),
        "csv-utf8-sig",
    ),
    Kind.RELATIVES: Layout(
        "县委组织部",
        "村社区干部近亲属信息表",
        (
            ("干部姓名", "related_name"),
            ("干部身份证号", "related_id"),
            ("亲属姓名", "name"),
            ("亲属身份证号", "id_number"),
            ("与干部关系", "category"),
            ("村（社区）", "place"),
        ),
        "xlsx",
        "村（社区）“两委”干部近亲属信息统计表",
    ),
    Kind.DEATHS: Layout(
        "县公安局、县殡葬服务中心",
        "死亡火化人员名单",
        (
            ("姓名", "name"),
            ("性别", "sex"),
            ("身份证号码", "id_number"),
            ("死亡日期", "died_on"),
            ("户籍地", "place"),
        ),
        "csv-gb18030",
    ),
    Kind.BUSINESS: Layout(
        "县市场监管局",
        "企业登记人员信息",
        (
            ("企业名称", "org"),
            ("统一社会信用代码", "org_code"),
            ("人员姓名", "name"),
            ("证件号码", "id_number"),
            ("人员身份", "category"),
        ),
        "xlsx",
    ),
    Kind.PROJECTS: Layout(
        "县公共资源交易中心",
        "工程项目中标信息",
        (
            ("项目名称", "project"),
            ("项目所在村（社区）", "place"),
            ("中标单位", "org"),
            ("统一社会信用代码", "org_code"),
            ("中标金额（元）", "amount"),
            ("中标日期", "awarded_on"),
        ),
        "csv-utf8",
    ),
    Kind.CONTRACTS: Layout(
        "县农经站",
        "村集体三资合同台账",
        (
            ("合同名称", "contract"),
            ("村（社区）", "place"),
            ("承包方", "name"),
            ("承包方身份证号", "id_number"),
            ("承包单位", "org"),
            ("合同金额（元）", "amount"),
            ("签订日期", "signed_on"),
        ),
        "xlsx",
        "村集体经济组织“三资”合同台账",
    ),
}


_NUMBERS = frozenset({"amount", "subsidy_area", "contract_area"})
_DATES = frozenset({"paid_on", "since", "died_on", "awarded_on", "signed_on"})
_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _cells(layout: Layout, rows: Iterable[Row], typed: bool = False) -> Iterable[list[Cell]]:
    """Each row's cells in column order; ``typed``: plain numbers and ISO dates become numbers
    and dates, as a spreadsheet holds them (identity numbers stay text, as offices keep them)."""
    keys = [key for _, key in layout.columns]
    for serial, row in enumerate(rows, 1):
        row["#"] = str(serial)
        if "sex" in keys:
            row["sex"] = _sex(row.get("id_number", ""))
        if typed:
            yield [_typed(key, row.get(key, "")) for key in keys]
        else:
            yield [row.get(key, "") for key in keys]


def _typed(key: str, text: str) -> Cell:
    if key == "#":
        return int(text)
    if key in _NUMBERS and _PLAIN_NUMBER.fullmatch(text):
        return float(text) if "." in text else int(text)
    if key in _DATES and _ISO_DATE.fullmatch(text):
        return date.fromisoformat(text)
    return text


def _sex(id_text: str) -> str:
    digits = id_text.strip()
    index = 16 if len(digits) >= 18 else 14
    if len(digits) <= index:
        return ""
    digit = digits[index]
    if not digit.isdigit():  # full-width digits: their code point keeps the parity
        digit = chr(ord(digit) - 0xFEE0)
    return "男" if digit.isdigit() and int(digit) % 2 else "女"


def write_list(folder: Path, layout: Layout, rows: Iterable[Row], *, form: str = "") -> Path:
    """Write ``rows`` as ``layout`` says (``form`` overrides its file form); the file's path."""
    form = form or layout.form
    path = folder / (layout.stem + (".xlsx" if form == "xlsx" else ".csv"))
    headers = [header for header, _ in layout.columns]
    if form == "xlsx":
        path.write_bytes(_xlsx(layout.title, headers, _cells(layout, rows, typed=True)))
        return path
    encoding = {"csv-utf8": "utf-8", "csv-utf8-sig": "utf-8-sig", "csv-gb18030": "gb18030"}[form]
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        writer.writerows(_cells(layout, rows))
    return path


def _xlsx(title: str, headers: list[str], rows: Iterable[list[Cell]]) -> bytes:
    """A plain workbook built in memory (write-only mode would go through temp files)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    if title:  # a title line above the header, in its first cell only (no merged cells)
        sheet.append([title])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
