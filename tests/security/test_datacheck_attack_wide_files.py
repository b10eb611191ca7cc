"""A list file as wide as it can be made: a CSV line of millions of “a,” (the csv module splits
a whole line into a list before any cell can be counted: 50 MB took 1 GB), a CSV header of
20,000 columns (Excel stops at 16,384), and an .xlsx whose every row has one cell in column XFD
(openpyxl builds each row as wide as its last cell: 20,000 such rows, a 100 KB file, took 46 s
of CPU under the write lock). The CSVs are refused before they are split; the .xlsx is read
only as wide as its header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from workbench.datacheck.errors import ListFileRefused
from workbench.datacheck.readers import MAX_CSV_LINE, open_table


def test_a_csv_line_longer_than_a_row_is_refused_before_it_is_split(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_bytes(b"a," * (MAX_CSV_LINE // 2 + 1) + b"\n")
    with pytest.raises(ListFileRefused, match="第 1 行超过"), open_table(path):
        pass


def test_a_csv_header_wider_than_excel_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"列{i}" for i in range(20_000)) + "\n", encoding="utf-8")
    with pytest.raises(ListFileRefused, match="超过 Excel 的列数上限"), open_table(path):
        pass


def test_a_row_quoted_over_lines_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text('姓名,备注\n张三,"第一行\n第二行"\n李四,无\n', encoding="utf-8")
    with open_table(path) as table:
        assert [cells for _, cells in table.rows()] == [["张三", "第一行\n第二行"], ["李四", "无"]]


def test_an_xlsx_row_is_read_only_as_wide_as_the_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = Workbook()
    ws: Any = wb.active
    ws.append(["姓名", "身份证号"])
    for r in range(2, 12):
        ws.cell(row=r, column=1, value=f"人{r}")
        ws.cell(row=r, column=16_384, value=1)  # XFD
    path = tmp_path / "xfd.xlsx"
    wb.save(path)
    widths: list[int] = []
    built = ReadOnlyWorksheet._get_row

    def watched(self: Any, *args: Any, **kwargs: Any) -> Any:
        row = built(self, *args, **kwargs)
        widths.append(len(row))
        return row

    monkeypatch.setattr(ReadOnlyWorksheet, "_get_row", watched)
    with open_table(path) as table:
        widths.clear()  # the header's search reads the first rows whole
        read = [cells for _, cells in table.rows()]
    assert read[0] == ["人2", None] and len(read) == 10
    assert max(widths) == 2  # not 16,384 per row
