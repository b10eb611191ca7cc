"""Every document type with a Word layout, built from the seeded store and rendered by
LibreOffice, checked page by page (tests/workbench/pdf_layout.py): A4, text inside the 版心,
page numbers 7 mm below it, at most 22 body lines a page and 28 characters a line, no page
that holds only the 署名 and 成文日期; for a framed type the 版头 on page 1 and the 版记 at
the foot of an even last page (a blank page only right before it), else no blank page. A type
added to the registry is covered once ``request_for`` (test_docs_layout.py) knows its record.
Documents made to end at the foot of a page check the page flow, one made of full lines the
28-character grid; all are converted in one LibreOffice run. Skipped without soffice and
pdftotext."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbench import pdf_layout
from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded, open_seeded
from tests.workbench.test_docs_layout import DOCX_TYPES, request_for
from workbench.reports import write_document
from workbench.reports.frame import FrameValues, frame_values
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.registry import resolve

seeded = docs_data.seeded  # the shared fixture
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not pdf_layout.RENDER_TOOLS, reason="needs LibreOffice (soffice) and poppler (pdftotext)"
    ),
]


# -- documents made to end where a page does, and one of full lines ----------------------------

LINE = "巡察组按照工作方案深入了解被巡察党组织履行职责情况等"  # 26 characters: one indented line
assert len(LINE) == 26
PROSE = "经查阅账目和个别谈话了解相关单位在资金拨付审核和公示环节把关不严部分资金未按规定程序"
THREE_LINES = (PROSE * 2)[:80]  # 26 + 28 + 26
ISSUER, DATE = "县委第一巡察组", "2025年6月20日"


def ending_at(
    lines: int, *, last: str = "", table_rows: int = 0, dated: bool = False
) -> OfficialDocument:
    """A body of one-line paragraphs filling ``lines`` grid lines of page 1, then ``last`` (a
    closing paragraph) or a table, then the 署名 and date (or a 统计日期 line)."""
    doc = OfficialDocument(title="版式")
    for _ in range(lines):
        doc.text(LINE)
    if last:
        doc.text(last)
    if table_rows:
        doc.table(["序号", "事项"], ([str(n), f"第{n}项工作"] for n in range(table_rows)), [1, 4])
    if dated:
        doc.closing_line(f"统计日期：{DATE}", size_pt=14)
    else:
        doc.signature(ISSUER, DATE)
    return doc


FLOW = {
    # the body ends on line 20, 21 or 22: the 署名 (and date) used to go over alone
    "ends-20": ending_at(20),
    "ends-21": ending_at(21),
    "ends-22": ending_at(22),
    # a three-line paragraph ends on line 21; a one-line 特此报告 after a paragraph on line 21
    "paragraph-21": ending_at(18, last=THREE_LINES),
    "closing-21": ending_at(17, last=THREE_LINES + "\n特此报告。"),
    # a table ends the body near the foot of the page
    "table-end": ending_at(15, table_rows=7),
    "table-end-2": ending_at(15, table_rows=8),
    # the 统计表's closing 统计日期 line
    "dated-21": ending_at(21, dated=True),
    "dated-table-end": ending_at(15, table_rows=8, dated=True),
}


def grid_document() -> OfficialDocument:
    doc = OfficialDocument(title="版式")
    doc.title("关于版心和行格的测试")
    doc.heading(1, "一、每行二十八字")
    doc.text(PROSE * 6)
    doc.table(["序号", "内容"], [["1", "表格文字" * 30]], [1, 5])
    return doc


@pytest.fixture(scope="module")
def rendered(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The PDF of every registry type (by code) and of the documents above (by name), all
    converted by one soffice call (starting LibreOffice is the slow part)."""
    folder = tmp_path_factory.mktemp("pdf-layout")
    files = {}
    with open_seeded(seeded, tmp_path_factory) as vault, vault.read() as session:
        for code in DOCX_TYPES:
            files[code] = folder / f"{code}.docx"
            write_document(session, request_for(code, seeded), files[code], use_template=False)
    for name, doc in {**FLOW, "grid": grid_document()}.items():
        files[name] = folder / f"made-{name}.docx"
        doc.save(files[name])
    pdf_layout.convert(list(files.values()), folder, folder / "lo-profile")
    return {name: path.with_suffix(".pdf") for name, path in files.items()}


@pytest.fixture(scope="module")
def frames(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, FrameValues]:
    """The frame each framed type's document above was given (its 标志, whether it has 抄送)."""
    with open_seeded(seeded, tmp_path_factory) as vault, vault.read() as session:
        out = {}
        for code in DOCX_TYPES:
            spec, request = resolve(session, request_for(code, seeded))
            if spec.frame is not None:
                out[code] = frame_values(session, spec.frame, request, copy_no="", secrecy="")
        return out


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_rendered_pages_keep_the_gbt9704_layout(
    rendered: dict[str, Path], frames: dict[str, FrameValues], code: str
) -> None:
    pages = pdf_layout.pdf_pages(rendered[code])
    assert pages
    assert pdf_layout.problems(pages) == []
    frame = frames.get(code)
    if frame is None:
        assert all(page.lines for page in pages), "a blank page"
    else:  # the 版头 on page 1, the 版记 at the foot of the even last page
        assert pdf_layout.frame_problems(pages, frame.mark, bool(frame.cc)) == []


@pytest.mark.parametrize("name", list(FLOW))
def test_the_signature_never_stands_alone_on_a_page(rendered: dict[str, Path], name: str) -> None:
    pages = pdf_layout.pdf_pages(rendered[name])
    assert pdf_layout.problems(pages) == []
    texts = [x.text.replace(" ", "") for x in pages[-1].body]
    closing = [f"统计日期：{DATE}"] if name.startswith("dated") else [ISSUER, DATE]
    assert texts[-len(closing) :] == closing
    if len(pages) > 1:  # the page break came before the end: two body lines at least came along
        assert len(texts) >= len(closing) + 2, texts


def test_a_full_body_line_holds_28_characters(rendered: dict[str, Path]) -> None:
    [page] = pdf_layout.pdf_pages(rendered["grid"])
    assert pdf_layout.problems([page]) == []
    left, _, right, _ = page.area
    prose = [x for x in page.body if x.text.replace(" ", "") in PROSE * 7]
    counts = [len(x.text.replace(" ", "")) for x in prose]
    # 252 characters: 26 after the two-character indent, then full lines of 28
    assert counts == [26] + [28] * 8 + [2], counts
    for line in prose[1:-1]:  # a full line spans the 版心, inside it
        assert line.x_min >= left - 1 and right - 3 <= line.x_max <= right + 1, line
    # the 12 pt table text keeps its own size (the condensing is for 3号 text only)
    cells = [x for x in page.body if "表格文字" in x.text]
    assert len(cells) >= 2 and all(x.x_max <= right + 1 for x in cells)
