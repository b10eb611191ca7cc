"""The 公文 frame as LibreOffice lays it out: the red 发文机关标志 35 mm below the top of the 版心
on page 1, the red line as wide as the 版心 about 4 mm below the 发文字号, and the 版记 (抄送,
印发机关和印发日期) at the foot of the last page, which is even, its last line on the bottom edge
of the 版心. Text positions from ``pdftotext -bbox-layout``, the lines from the page's pixels
(``pdftoppm`` at 72 dpi: one pixel a point). Skipped where LibreOffice or poppler is missing."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.workbench import pdf_layout
from tests.workbench import test_docs_data as docs_data
from tests.workbench.pdf_layout import PT_PER_MM, Line, pdf_pages
from tests.workbench.test_docs_data import Seeded
from workbench.reports import DocRequest, export_document
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdftoppm")),
        reason="needs LibreOffice (soffice) and poppler-utils (pdftotext, pdftoppm)",
    ),
]
AREA_TOP, AREA_BOTTOM = 37 * PT_PER_MM, (297 - 35) * PT_PER_MM
AREA_LEFT, AREA_WIDTH = 28 * PT_PER_MM, 156 * PT_PER_MM


def to_pdf(docx: Path) -> Path:
    pdf_layout.convert([docx], docx.parent, docx.parent / "lo-profile")
    return docx.with_suffix(".pdf")


def rules(pdf: Path, page: int, *, red: bool) -> list[tuple[int, int, int]]:
    """(y, first x, last x) of each pixel row where red (or black) ink runs at least 80 % of the
    版心's width: the frame's lines."""
    ppm = subprocess.run(
        ["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), str(pdf)],
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    magic, width, height, _depth, data = ppm.split(maxsplit=4)
    assert magic == b"P6"
    w, h = int(width), int(height)
    found = []
    for y in range(h):
        row = data[y * w * 3 : (y + 1) * w * 3]
        pixels = [row[3 * x : 3 * x + 3] for x in range(w)]
        if red:
            xs = [x for x, (r, g, b) in enumerate(pixels) if r > 180 and g < 90 and b < 90]
        else:
            xs = [x for x, p in enumerate(pixels) if max(p) < 100]
        if len(xs) > 0.8 * AREA_WIDTH:
            found.append((y, xs[0], xs[-1]))
    return found


def body_lines(lines: list[Line]) -> list[Line]:
    return [line for line in lines if AREA_TOP - 2 <= line.y_max <= AREA_BOTTOM + 1]


@pytest.mark.parametrize("code", ["inspection-report", "feedback"])
def test_head_on_page_one_and_imprint_at_the_foot_of_an_even_last_page(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path, code: str
) -> None:
    scope = (
        {"round_id": seeded.round_id} if code == "inspection-report" else {"target_id": seeded.t1}
    )
    request = DocRequest(code, date=date(2026, 6, 1), issue=True, copy_no="1", **scope)  # type: ignore[arg-type]
    docx = tmp_path / f"{code}.docx"
    export_document(seeded_copy, request, docx)
    pdf = to_pdf(docx)
    pages = pdf_pages(pdf)
    assert len(pages) % 2 == 0, len(pages)

    first = body_lines(list(pages[0].lines))
    mark = next(line for line in first if line.text == "中共县委第一巡察组")
    assert abs(mark.y_min - (AREA_TOP + 35 * PT_PER_MM)) < 3 * PT_PER_MM
    assert abs((mark.x_min + mark.x_max) / 2 - (AREA_LEFT + AREA_WIDTH / 2)) < 3
    number = next(line for line in first if "巡一组〔2026〕1" in line.text)
    assert number.y_min - mark.y_max > 40  # two lines between them
    [(y, x0, x1)] = _runs(rules(pdf, 1, red=True))
    assert abs(x0 - AREA_LEFT) < 3 and abs(x1 - (AREA_LEFT + AREA_WIDTH)) < 3
    assert 2 * PT_PER_MM < y - number.y_max < 6 * PT_PER_MM  # ~4 mm below the 发文字号
    title = next(line for line in first if line.y_min > y)
    assert title.text.startswith("关于") or "反馈意见" in title.text or "巡察" in title.text

    last = body_lines(list(pages[-1].lines))
    # 印发机关 one 4号 character in from the left, 印发日期 one in from the right
    printer = next(line for line in last if line.text == "中共县委第一巡察组")
    printed = next(line for line in last if line.text == "2026年6月1日印发")
    assert abs(printer.x_min - (AREA_LEFT + 14)) < 3
    assert abs(printed.x_max - (AREA_LEFT + AREA_WIDTH - 14)) < 3
    black = _runs(rules(pdf, len(pages), red=False))
    assert abs(black[-1][0] - AREA_BOTTOM) < 2  # the last line on the 版心's bottom edge
    assert black[-2][0] < (printed.y_min + printed.y_max) / 2 < black[-1][0]
    if code == "feedback":
        cc = next(line for line in last if line.text.startswith("抄送："))
        assert cc.text == "抄送：县纪委监委，县委组织部。"
        assert len(black) == 3 and black[0][0] < (cc.y_min + cc.y_max) / 2 < black[1][0]
    else:
        assert len(black) == 2
    for _y, x0, x1 in black:
        assert abs(x0 - AREA_LEFT) < 3 and abs(x1 - (AREA_LEFT + AREA_WIDTH)) < 3
    assert all(line.y_min > AREA_TOP + 150 * PT_PER_MM for line in last)  # at the foot only


def _runs(rows: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """One entry per drawn line (a thick line covers adjacent pixel rows): its lowest row."""
    out: list[tuple[int, int, int]] = []
    for row in rows:
        if out and row[0] - out[-1][0] <= 1:
            out[-1] = row
        else:
            out.append(row)
    return out
