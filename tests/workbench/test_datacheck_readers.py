"""Reading list files: the header found under a title, cells as text, the encodings a CSV may
come in, and every file refused with its reason (hostile ones: tests/security)."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from workbench.datacheck.errors import ListFileRefused
from workbench.datacheck.normalize import ValueProblem, id_number
from workbench.datacheck.readers import open_table

ROWS = [
    ["姓名", "身份证号", "村（社区）", "发放金额", "发放日期"],
    ["张三", "11010519491231002X", "东村", 315.5, date(2023, 5, 1)],
    ["李四", "110105194912310037", "西村", 400, datetime(2023, 5, 1, 9, 30)],
]


def xlsx(path: Path, rows: list[list[object]], *, title: str | None = None, **kw: object) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = str(kw.get("sheet", "低保名单"))
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    for ref in kw.get("merge", ()):  # type: ignore[union-attr]
        ws.merge_cells(ref)
    for ref, value in dict(kw.get("cells", {})).items():  # type: ignore[call-overload]
        ws[ref] = value
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def read(path: Path, sheet: str | None = None) -> tuple[object, list[tuple[int, list[str | None]]]]:
    with open_table(path, sheet) as table:
        return table, list(table.rows())


def test_xlsx_cells_come_as_text_under_the_header(tmp_path: Path) -> None:
    table, rows = read(xlsx(tmp_path / "低保.xlsx", ROWS, title="2023年5月城乡低保发放名单"))
    assert table.headers == ("姓名", "身份证号", "村（社区）", "发放金额", "发放日期")
    assert table.header_row == 2
    assert table.sheet == "低保名单" and table.sheets == ("低保名单",)
    assert table.file_name == "低保.xlsx" and len(table.sha256) == 64
    assert rows == [
        (3, ["张三", "11010519491231002X", "东村", "315.5", "2023-05-01"]),
        (4, ["李四", "110105194912310037", "西村", "400", "2023-05-01 09:30:00"]),
    ]


def test_a_merged_title_above_the_header_is_skipped(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", ROWS, title="名单", merge=["A1:E1"])
    table, rows = read(path)
    assert table.header_row == 2 and rows[0][0] == 3


def test_an_id_excel_stored_as_a_number_is_refused_by_id_number(tmp_path: Path) -> None:
    rows = [["姓名", "身份证号"], ["张三", 110105194912310037]]
    path = xlsx(tmp_path / "a.xlsx", [rows[0], [rows[1][0], float(rows[1][1])]])
    _, read_rows = read(path)
    cell = read_rows[0][1][1]
    assert cell == "1.10105194912310E+17"
    with pytest.raises(ValueProblem, match="存成了数字"):
        id_number(cell)


def test_blank_rows_are_skipped_and_short_rows_padded(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [ROWS[0], ["王五"], [None, None], ["赵六", " "]])
    _, rows = read(path)
    assert rows == [(2, ["王五", None, None, None, None]), (4, ["赵六", None, None, None, None])]


def test_a_named_sheet_is_read_and_a_missing_one_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", ROWS, sheet="五月")
    table, _ = read(path, "五月")
    assert table.sheet == "五月"
    with pytest.raises(ListFileRefused, match="没有名为“六月”的工作表"):
        read(path, "六月")


def test_csv_in_utf8_with_bom_and_gb18030(tmp_path: Path) -> None:
    text = '姓名,身份证号,金额\r\n張三,11010519491231002X,"1,200.00"\r\n'
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        table, rows = read(path)
        assert table.headers == ("姓名", "身份证号", "金额"), encoding
        assert rows == [(2, ["張三", "11010519491231002X", "1,200.00"])], encoding


def test_csv_neither_utf8_nor_gb18030_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"\xff\xfe\xff,\x80\x80\r\n1,2\r\n")
    with pytest.raises(ListFileRefused, match="文件编码无法识别，请另存为 UTF-8 或 GB18030"):
        read(path)


def test_an_unknown_extension_and_an_empty_file_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("姓名,身份证号\n")
    with pytest.raises(ListFileRefused, match="只能导入"):
        read(tmp_path / "a.txt")
    (tmp_path / "b.csv").write_bytes(b"")
    with pytest.raises(ListFileRefused, match="文件是空的"):
        read(tmp_path / "b.csv")


def test_merged_cells_in_the_data_are_refused_naming_the_range(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [*ROWS, ["王五", None, None]], merge=["C3:C4"])
    with pytest.raises(ListFileRefused, match="C3:C4 是合并单元格"):
        read(path)


def test_a_formula_in_a_data_cell_is_refused_naming_the_cell(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", ROWS, cells={"D3": "=100*3"})
    with pytest.raises(ListFileRefused, match="D3 是公式"):
        read(path)


def xls(
    path: Path, rows: list[list[object]], *, title: str | None = None, merge: bool = False
) -> Path:
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("名单")
    first = 0
    if title:
        ws.write_merge(0, 0, 0, len(rows[0]) - 1, title)
        first = 1
    as_date = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows, start=first):
        for c, value in enumerate(row):
            if isinstance(value, date):
                ws.write(r, c, value, as_date)
            elif value is not None:
                ws.write(r, c, value)
    if merge:
        ws.merge(first + 1, first + 2, 2, 2)
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_xls_cells_come_as_text_under_the_header(tmp_path: Path) -> None:
    rows = [*ROWS[:2], ["李四", 110105194912310037.0, "西村", 400, date(2023, 5, 2)]]
    table, read_rows = read(xls(tmp_path / "低保.xls", rows, title="2023年5月低保名单"))
    assert table.headers == ("姓名", "身份证号", "村（社区）", "发放金额", "发放日期")
    assert (table.header_row, table.sheet, table.sheets) == (2, "名单", ("名单",))
    assert read_rows == [
        (3, ["张三", "11010519491231002X", "东村", "315.5", "2023-05-01"]),
        (4, ["李四", "1.10105194912310E+17", "西村", "400", "2023-05-02"]),
    ]


def test_xls_merged_data_cells_and_missing_sheet_are_refused(tmp_path: Path) -> None:
    path = xls(tmp_path / "a.xls", [*ROWS[:2], ["王五", None, None]], merge=True)
    with pytest.raises(ListFileRefused, match="C2:C3 是合并单元格"):
        read(path)
    with pytest.raises(ListFileRefused, match="没有名为“六月”的工作表"):
        read(path, "六月")


def test_an_xlsx_renamed_xls_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", ROWS).rename(tmp_path / "a.xls")
    with pytest.raises(ListFileRefused, match=r"不是 Excel 97-2003 工作簿（\.xls）"):
        read(path)


def test_a_tab_separated_csv_and_a_quoted_line_break(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('低保名单\n姓名\t住址\n张三\t"东村\n3组"\n李四\t西村\n', encoding="utf-8")
    table, rows = read(path)
    assert (table.header_row, table.headers) == (2, ("姓名", "住址"))
    assert rows == [(3, ["张三", "东村\n3组"]), (4, ["李四", "西村"])]


def test_an_xlsm_is_not_taken(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", ROWS).rename(tmp_path / "a.xlsm")
    with pytest.raises(ListFileRefused, match="只能导入"):
        read(path)


def test_rows_can_be_read_again_within_the_context(tmp_path: Path) -> None:
    for path in (xlsx(tmp_path / "a.xlsx", ROWS), xls(tmp_path / "a.xls", ROWS)):
        with open_table(path) as table:
            first = list(table.rows())
            assert list(table.rows()) == first and len(first) == 2


def test_a_unit_and_date_line_above_a_wider_header_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "城乡低保发放名单,,,,\n填报单位：东镇民政办,,,单位：元,\n"
        "姓名,身份证号,村（社区）,发放金额,发放日期\n张三,11010519491231002X,东村,315.5,2023-05\n",
        encoding="utf-8",
    )
    table, rows = read(path)
    assert (table.header_row, table.headers[0]) == (3, "姓名")
    assert rows == [(4, ["张三", "11010519491231002X", "东村", "315.5", "2023-05"])]
