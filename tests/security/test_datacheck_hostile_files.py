"""Hostile list files handed to the 碰撞比对 import: each is refused with WB-DATA-FILE and a
reason in Chinese before any parser reads it, and reading writes nothing to disk (no temp
files: the lists are personal data)."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from tests.security.test_xlsx_hostile import rewrite, spaces
from tests.workbench.test_datacheck_readers import ROWS, xls, xlsx
from workbench.datacheck.errors import ListFileRefused
from workbench.datacheck.readers import open_table
from workbench.reports.xlsx_guard import MAX_UNPACKED_BYTES

MIB = 1024 * 1024


def refused(path: Path, reason: str) -> ListFileRefused:
    with pytest.raises(ListFileRefused, match=reason) as err, open_table(path):
        pass
    assert err.value.code == "WB-DATA-FILE"
    return err.value


def test_a_docx_renamed_xlsx_is_refused(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("姓名 身份证号")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "名单.xlsx"
    path.write_bytes(buffer.getvalue())
    refused(path, r"是 Word 文档（\.docx）改了扩展名")


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("名单.csv", "姓名,身份证号\n")
    refused(path, "不是 Excel 工作簿")


def test_a_text_file_renamed_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_text("姓名,身份证号\n张三,11010519491231002X\n", encoding="utf-8")
    refused(path, r"不是有效的 Excel 文件（\.xlsx）")


def test_a_zip_bomb_is_refused_by_its_ratio_before_it_is_inflated(tmp_path: Path) -> None:
    # the lists' absolute cap is 2 GB; 100 MB of whitespace in ~100 KB is refused by the
    # ratio cap (100 × the file's size, at least the ledgers' 64 MB)
    base = xlsx(tmp_path / "base.xlsx", ROWS)
    bomb = rewrite(
        base, tmp_path / "bomb.xlsx", extra={"xl/pad.xml": spaces("xl/pad.xml", 100 * MIB)}
    )
    assert bomb.stat().st_size < 200 * 1024
    refused(bomb, f"解压后超过 {MAX_UNPACKED_BYTES // MIB} MB，不是可导入的名单")


def test_a_zip_bomb_lying_about_its_size_is_refused_while_inflating(tmp_path: Path) -> None:
    size = 100 * MIB
    base = xlsx(tmp_path / "base.xlsx", ROWS)
    honest = rewrite(
        base, tmp_path / "honest.xlsx", extra={"xl/pad.xml": spaces("xl/pad.xml", size)}
    )
    data = honest.read_bytes()
    for width in (8, 4):  # the zip64 extra and the central directory
        data = data.replace(size.to_bytes(width, "little"), (1000).to_bytes(width, "little"))
    lying = tmp_path / "lying.xlsx"
    lying.write_bytes(data)
    with zipfile.ZipFile(lying) as z:
        assert sum(i.file_size for i in z.infolist()) < MIB  # the lie holds
    refused(lying, "解压后超过|不是有效的 Excel 文件")


def test_an_entity_declaration_in_a_sheet_is_refused(tmp_path: Path) -> None:
    base = xlsx(tmp_path / "base.xlsx", ROWS)
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'

    def edit(name: str, data: bytes) -> bytes:
        return doctype + data.split(b"?>", 1)[-1] if name == "xl/worksheets/sheet1.xml" else data

    refused(rewrite(base, tmp_path / "xxe.xlsx", edit), "DOCTYPE")


def test_an_old_or_encrypted_workbook_renamed_xlsx_is_refused(tmp_path: Path) -> None:
    path = xls(tmp_path / "a.xls", ROWS).rename(tmp_path / "a.xlsx")
    refused(path, "已加密）或是旧版 .xls 格式")


def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "名单.csv"
    os.mkfifo(path)
    refused(path, "不是普通文件")


def test_a_csv_in_utf16_is_refused_by_its_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,身份证号\r\n张三,11010519491231002X\r\n".encode("utf-16"))
    refused(path, "含有 NUL 字符")


def test_a_csv_row_wider_than_its_header_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text("姓名,金额\n张三,1,200.00\n", encoding="utf-8")
    with (
        pytest.raises(ListFileRefused, match=r"第 2 行有 3 列，比表头（2 列）多"),
        open_table(path) as table,
    ):
        list(table.rows())


def test_a_csv_with_a_broken_quote_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text('姓名,金额\n张三,"12"3\n', encoding="utf-8")
    with (
        pytest.raises(ListFileRefused, match="CSV 格式有误：第 2 行的引号不成对"),
        open_table(path) as table,
    ):
        list(table.rows())


def test_a_csv_value_past_the_field_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text("姓名,备注\n张三,ok\n李四," + "长" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(ListFileRefused, match=r"第 3 行.*过长"), open_table(path) as table:
        list(table.rows())


def test_merged_header_cells_are_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [["姓名", "身份证号", None], *ROWS[1:]], merge=["B1:C1"])
    refused(path, "B1:C1 是合并单元格")


def test_a_formula_in_the_header_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", ROWS, cells={"E1": '="发放"&"日期"'})
    refused(path, "E1 是公式")


def test_an_empty_sheet_and_a_sheet_without_header_are_refused(tmp_path: Path) -> None:
    refused(xlsx(tmp_path / "a.xlsx", []), "是空的")
    refused(xlsx(tmp_path / "b.xlsx", [["只有一列"], ["张三"]]), "没有表头")
    (tmp_path / "c.csv").write_bytes(b"\r\n\r\n")
    refused(tmp_path / "c.csv", "文件是空的")


@pytest.fixture
def empty_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR (and tempfile's cached choice) pointed at an empty folder for the test."""
    spill = tmp_path / "spill"
    spill.mkdir()
    monkeypatch.setenv("TMPDIR", str(spill))
    monkeypatch.setattr(tempfile, "tempdir", None)
    yield spill
    tempfile.tempdir = None


def test_reading_lists_writes_no_temp_file(tmp_path: Path, empty_tmpdir: Path) -> None:
    files = tmp_path / "files"
    files.mkdir()
    big = [
        ROWS[0],
        *([f"张{i}", "11010519491231002X", "东村", i, "2023-05-01"] for i in range(5000)),
    ]
    xlsx(files / "a.xlsx", big, title="名单")  # type: ignore[list-item]
    xls(files / "a.xls", ROWS)
    (files / "a.csv").write_bytes("\n".join(",".join(map(str, r)) for r in big).encode("gb18030"))
    before = sorted(files.iterdir())
    for path in before:
        with open_table(path) as table:
            assert sum(1 for _ in table.rows()) in (2, 5000)
    assert tempfile.gettempdir() == str(empty_tmpdir)
    assert list(empty_tmpdir.iterdir()) == []
    assert sorted(files.iterdir()) == before


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_workbooks_are_refused_not_crashed_on(tmp_path: Path, cut: float) -> None:
    for made in (xlsx(tmp_path / "a.xlsx", ROWS), xls(tmp_path / "a.xls", ROWS)):
        data = made.read_bytes()
        broken = tmp_path / f"broken{made.suffix}"
        broken.write_bytes(data[: int(len(data) * cut)])
        refused(broken, "无法读取")


def test_an_xls_of_garbage_behind_the_ole_signature_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.xls"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 64)
    refused(path, r"不是 Excel 97-2003 工作簿（\.xls），或文件已损坏")
