"""Hostile .xlsx files handed to the 整改台账 import: each is refused with WB-LEDGER-INVALID
(never WB-INTERNAL), before it can take the workbench's memory or time, and the store stays as
it was. The caps themselves are in ``xlsx_guard``, ``xlsx_sheet`` and ``xlsx_rows``."""

from __future__ import annotations

import os
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.models import AuditEntry, Rectification
from workbench.reports import (
    DocRequest,
    LedgerFileInvalid,
    import_rectification_ledger,
    write_document,
)
from workbench.reports.xlsx_guard import MAX_UNPACKED_BYTES
from workbench.reports.xlsx_rows import MAX_CELL_CHARS, MAX_ROWS
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy
SHEET = "xl/worksheets/sheet1.xml"  # 整改台账
META = "xl/worksheets/sheet2.xml"  # _meta
MIB = 1024 * 1024


@pytest.fixture
def ledger(seeded_copy: Vault, seeded: Seeded, tmp_path: Path) -> Path:
    path = tmp_path / "整改台账.xlsx"
    with seeded_copy.read() as s:
        write_document(s, DocRequest("rectification", round_id=seeded.round_id), path, "xlsx")
    return path


def rewrite(
    src: Path,
    dst: Path,
    edit: Callable[[str, bytes], bytes | None] = lambda _n, data: data,
    extra: dict[str, bytes | Callable[[zipfile.ZipFile], None]] | None = None,
) -> Path:
    """A copy of ``src`` with each member passed through ``edit`` (None drops it) and the
    ``extra`` members added (bytes, or a function that streams them into the archive)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = edit(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, content in (extra or {}).items():
            if callable(content):
                content(zout)
            else:
                zout.writestr(name, content)
    return dst


def spaces(name: str, size: int, head: bytes = b"", tail: bytes = b"") -> Callable[..., None]:
    """A member of ``size`` bytes of whitespace, streamed (compresses about 1000:1)."""

    def write(zout: zipfile.ZipFile) -> None:
        with zout.open(name, "w", force_zip64=True) as out:
            out.write(head)
            chunk = b" " * MIB
            for _ in range(size // MIB):
                out.write(chunk)
            out.write(tail)

    return write


def in_sheet(xml: bytes) -> Callable[[str, bytes], bytes]:
    """Replace the 整改台账 sheet's XML."""
    return lambda name, data: xml if name == SHEET else data


def sheet_xml(rows: str, before: str = "", after: str = "") -> bytes:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return (
        f'<worksheet xmlns="{ns}">{before}<sheetData>{rows}</sheetData>{after}</worksheet>'
    ).encode()


def header_row(path: Path) -> str:
    """The exported header row, as XML."""
    with zipfile.ZipFile(path) as z:
        xml = z.read(SHEET).decode()
    return xml[xml.index('<row r="1"') : xml.index("</row>") + len("</row>")]


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def column_of(path: Path, header: str) -> str:
    ws = load_workbook(path, read_only=True)["整改台账"]
    row = next(ws.iter_rows(max_row=1))
    return next(str(c.column_letter) for c in row if c.value == header)


def refused(vault: Vault, path: Path, match: str | None = None) -> LedgerFileInvalid:
    """Import ``path``: it must be refused as WB-LEDGER-INVALID with nothing written."""
    with vault.read() as s:
        before = (
            s.scalar(select(func.count(AuditEntry.seq))),
            s.scalar(select(func.count(Rectification.id))),
        )
    with pytest.raises(LedgerFileInvalid, match=match) as err:
        import_rectification_ledger(vault, path)
    assert err.value.code == "WB-LEDGER-INVALID" and err.value.exit_code == 8
    with vault.read() as s:
        after = (
            s.scalar(select(func.count(AuditEntry.seq))),
            s.scalar(select(func.count(Rectification.id))),
        )
    assert after == before
    return err.value


# -- size ------------------------------------------------------------------------------------


@pytest.mark.parametrize("member", [SHEET, "xl/sharedStrings.xml", "xl/styles.xml"])
def test_a_whitespace_bomb_is_refused_by_its_inflated_size(
    seeded_copy: Vault, ledger: Path, tmp_path: Path, member: str
) -> None:
    # the file: 300 MB of whitespace in 318 KB; here just past the cap, in any part
    size = MAX_UNPACKED_BYTES + MIB
    bomb = rewrite(
        ledger,
        tmp_path / "bomb.xlsx",
        lambda n, d: None if n == member else d,
        {member: spaces(member, size)},
    )
    assert bomb.stat().st_size < 200 * 1024
    refused(seeded_copy, bomb, "解压后超过 64 MB")


def test_a_zip_that_lies_about_its_sizes_is_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path
) -> None:
    size = MAX_UNPACKED_BYTES + MIB
    honest = rewrite(
        ledger, tmp_path / "honest.xlsx", extra={"xl/pad.xml": spaces("xl/pad.xml", size)}
    )
    data = honest.read_bytes()
    # the size is declared in the central directory (4 bytes) and the zip64 extra (8 bytes)
    for width in (8, 4):
        declared = size.to_bytes(width, "little")
        assert declared in data
        data = data.replace(declared, (1000).to_bytes(width, "little"))
    lying = tmp_path / "lying.xlsx"
    lying.write_bytes(data)
    with zipfile.ZipFile(lying) as z:
        assert sum(i.file_size for i in z.infolist()) < MAX_UNPACKED_BYTES  # the lie holds
    refused(seeded_copy, lying)


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_members_packed_other_than_stored_or_deflated_are_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path, method: int
) -> None:
    # zipfile bounds a read's output for deflate only: a bzip2 member of 13 KB declaring 100
    # bytes inflated to 4.3 GB in one read. Refused by its method, before any member is read.
    packed = tmp_path / "packed.xlsx"
    with zipfile.ZipFile(ledger) as zin, zipfile.ZipFile(packed, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info), compress_type=method)
    refused(seeded_copy, packed, "压缩方式")


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are a POSIX thing here")
def test_a_named_pipe_is_refused_without_opening_it(seeded_copy: Vault, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    stop = threading.Event()

    def release_readers() -> None:
        """Code that reads the pipe sees a writer come and go, so its read ends; this never
        blocks itself (with no reader yet, a non-blocking open for writing fails at once)."""
        while not stop.is_set():
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                stop.wait(0.01)

    writer = threading.Thread(target=release_readers)
    writer.start()
    try:
        refused(seeded_copy, fifo, "不是普通文件")
    finally:
        stop.set()
        writer.join()


def test_parts_dense_with_elements_are_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path
) -> None:
    # openpyxl parses styles whole into objects: 300,000 empty elements in 1.5 MB would be GBs
    styles = b"<styleSheet><cellXfs>" + b"<xf/>" * 300_000 + b"</cellXfs></styleSheet>"
    dense = rewrite(
        ledger, tmp_path / "dense.xlsx", lambda n, d: styles if n == "xl/styles.xml" else d
    )
    refused(seeded_copy, dense, "styles.xml")


# -- the sheet's shape -------------------------------------------------------------------------


def test_rows_out_of_order_or_past_excels_limits_are_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path
) -> None:
    head = header_row(ledger)
    cases = {
        "beyond": head
        + '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>',
        "backwards": head + '<row r="3"/><row r="2"/>',
        "repeated": head + '<row r="2"/>' * 3,
        "wide": head + '<row r="2">' + '<c t="inlineStr"><is><t>x</t></is></c>' * 16_385 + "</row>",
    }
    for name, rows in cases.items():
        path = rewrite(ledger, tmp_path / f"{name}.xlsx", in_sheet(sheet_xml(rows)))
        refused(seeded_copy, path, "不是 Excel 保存的文件")
    many = sheet_xml(
        head, after="<mergeCells>" + '<mergeCell ref="A1:B2"/>' * 50_001 + "</mergeCells>"
    )
    refused(seeded_copy, rewrite(ledger, tmp_path / "merged.xlsx", in_sheet(many)), "单元格以外")


def test_a_far_row_does_not_make_openpyxl_pad_for_ever(
    seeded_copy: Vault, ledger: Path, tmp_path: Path
) -> None:
    # one row at Excel's last row number, and a <dimension> claiming every row and column:
    # read (the pads are skipped) rather than refused, and the row is imported
    head = header_row(ledger)
    problem = column_of(ledger, "问题表现")
    far = f'<row r="1048576">{cell(f"{problem}1048576", "最后一行的问题")}</row>'
    xml = sheet_xml(head + far, before='<dimension ref="A1:XFD1048576"/>')
    report = import_rectification_ledger(
        seeded_copy, rewrite(ledger, tmp_path / "far.xlsx", in_sheet(xml)), dry_run=True
    )
    assert [(o.row, o.action) for o in report.outcomes] == [(1_048_576, "created")]


def test_an_oversized_cell_and_too_many_rows_are_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path
) -> None:
    # openpyxl cuts a longer string when it saves: write the cell's XML
    measures = column_of(ledger, "整改措施")
    long = f'<row r="5">{cell(f"{measures}5", "措" * (MAX_CELL_CHARS + 1))}</row>'
    path = rewrite(ledger, tmp_path / "cell.xlsx", in_sheet(sheet_xml(header_row(ledger) + long)))
    refused(seeded_copy, path, "32,767 个字符")

    wb = load_workbook(ledger)
    ws = wb["整改台账"]
    cols = {c.value: c.column for c in ws[1]}
    for n in range(MAX_ROWS + 1):
        ws.cell(n + 2, cols["问题表现"]).value = f"问题{n}"
    wb.save(tmp_path / "rows.xlsx")
    refused(seeded_copy, tmp_path / "rows.xlsx", "超过 10,000 行")


# -- malformed and hostile XML -----------------------------------------------------------------


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData>'
    b"</worksheet>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    b"</sheetData></worksheet>"
)


@pytest.mark.parametrize(
    ("member", "xml"),
    [
        (SHEET, XXE),
        (SHEET, LAUGHS),
        ("xl/workbook.xml", XXE.replace(b"worksheet", b"workbook")),
        (SHEET, XXE.decode().encode("utf-16")),  # the same declaration in UTF-16
        ("xl/workbook.xml", XXE.replace(b"worksheet", b"workbook").decode().encode("utf-32")),
    ],
    ids=["xxe", "billion-laughs", "xxe-in-workbook", "xxe-utf16", "xxe-utf32"],
)
def test_document_type_declarations_are_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path, member: str, xml: bytes
) -> None:
    path = rewrite(ledger, tmp_path / "dtd.xlsx", lambda n, d: xml if n == member else d)
    refused(seeded_copy, path, "DOCTYPE")


@pytest.mark.parametrize("encoding", ["cp500", "utf-7"])
def test_an_encoding_that_could_hide_a_declaration_is_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path, encoding: str
) -> None:
    # in EBCDIC or UTF-7 "<!DOCTYPE" is other bytes: the whole encoding is refused
    head = f'<?xml version="1.0" encoding="{encoding}"?>'.encode()
    body = XXE.split(b"?>", 1)[1].decode().encode(encoding)
    path = rewrite(ledger, tmp_path / "enc.xlsx", lambda n, d: head + body if n == SHEET else d)
    refused(seeded_copy, path, "字符编码")


@pytest.mark.parametrize(
    "member", [SHEET, META, "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"]
)
def test_malformed_xml_is_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path, member: str
) -> None:
    cut = rewrite(
        ledger, tmp_path / "cut.xlsx", lambda n, d: d[: len(d) // 2] if n == member else d
    )
    refused(seeded_copy, cut)


def test_files_that_are_no_workbook_are_refused(
    seeded_copy: Vault, ledger: Path, tmp_path: Path
) -> None:
    text = tmp_path / "text.xlsx"
    text.write_text("not a workbook")
    refused(seeded_copy, text, "不是有效的 Excel 文件")
    empty_zip = tmp_path / "empty.xlsx"
    zipfile.ZipFile(empty_zip, "w").close()
    refused(seeded_copy, empty_zip)
    no_book = rewrite(
        ledger, tmp_path / "nobook.xlsx", lambda n, d: None if n == "xl/workbook.xml" else d
    )
    refused(seeded_copy, no_book)
    # an Excel file with an open password is an OLE compound file, as an old .xls is
    ole = tmp_path / "encrypted.xlsx"
    ole.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(4096))
    refused(seeded_copy, ole, "打开密码")
    flagged = bytearray(ledger.read_bytes())  # a zip member flagged as encrypted
    at = flagged.index(b"PK\x01\x02")  # the first central directory entry: its flag bits
    flagged[at + 8] |= 0x1
    (tmp_path / "flagged.xlsx").write_bytes(bytes(flagged))
    refused(seeded_copy, tmp_path / "flagged.xlsx", "加密")


def test_a_one_cell_meta_row_is_read(
    seeded_copy: Vault, seeded: Seeded, ledger: Path, tmp_path: Path
) -> None:
    meta = sheet_xml(
        f'<row r="1">{cell("A1", "ledger")}</row>'  # one cell: the kind of ledger left out
        f'<row r="2">{cell("A2", "round_id")}{cell("B2", seeded.round_id)}</row>'
        f'<row r="3">{cell("A3", "x")}</row>'
    )
    path = rewrite(ledger, tmp_path / "meta.xlsx", lambda n, d: meta if n == META else d)
    report = import_rectification_ledger(seeded_copy, path)
    assert report.round_id == seeded.round_id and report.saved
    assert [o.action for o in report.outcomes] == ["unchanged"] * 3


@pytest.mark.parametrize("version", ["²", "9" * 5_000])
def test_a_version_cell_int_cannot_read_is_no_crash(
    seeded_copy: Vault, seeded: Seeded, ledger: Path, tmp_path: Path, version: str
) -> None:
    # "²".isdigit() is true and int() refuses it, as it refuses 5,000 digits
    wb = load_workbook(ledger)
    ws = wb["整改台账"]
    cols = {c.value: c.column for c in ws[1]}
    # an item not yet 销号: a closed one is locked, whatever its version says
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, cols["销号日期"]).value is None)
    ws.cell(row, cols["版本（勿改）"]).value = version
    ws.cell(row, cols["进展情况"]).value = "新的进展"
    wb.save(tmp_path / "version.xlsx")
    report = import_rectification_ledger(seeded_copy, tmp_path / "version.xlsx", dry_run=True)
    assert {o.row: o.action for o in report.outcomes}[row] == "updated"
