"""The 巡察报告 rendered by LibreOffice: 22 lines on a full page at a 28.95 pt pitch inside the
版心, and "— N —" page numbers 7 mm below it, odd pages right and even pages left; its 征求意见稿
(the unsigned 底稿 included) marked 草稿 above the 版心 of every page. Skipped where LibreOffice
(soffice) or poppler's pdftotext is not installed."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from tests.workbench import pdf_layout
from tests.workbench import test_docs_data as docs_data
from tests.workbench.pdf_layout import PT_PER_MM
from tests.workbench.test_docs_data import F1_TAXON, F2_TAXON, F3_TAXON, Seeded
from workbench.reports import DocRequest, export_document
from workbench.services.findings import FindingDraft, create_finding
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not pdf_layout.RENDER_TOOLS,
        reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)",
    ),
]


def test_report_pages_hold_22_lines_and_numbers_sit_outside(
    seeded_copy: Vault,
    seeded: Seeded,
    tmp_path: Path,
) -> None:
    with seeded_copy.session() as s:
        for n in range(30):
            create_finding(
                s,
                FindingDraft(
                    seeded.round_id,
                    f"第{n + 1}个问题：惠民资金管理存在漏洞",
                    seeded.t1 if n % 2 else seeded.t2,
                    "FS-02",
                    compiled_on=date(2025, 4, 10),
                    summary="经查阅账目和个别谈话了解，相关单位在资金拨付、审核和公示环节"
                    "把关不严，部分资金未按规定程序审批即行拨付，群众反映较为强烈。" * 2,
                    taxonomy_code=(F1_TAXON, F2_TAXON, F3_TAXON)[n % 3],
                ),
            )
    docx = tmp_path / "report.docx"
    # the 底稿 are unsigned: only the 征求意见稿 holds them
    request = DocRequest("inspection-report", round_id=seeded.round_id, draft=True)
    export_document(seeded_copy, request, docx)
    pdf_layout.convert([docx], tmp_path, tmp_path / "lo-profile")
    pages = [(p.width, p.height, p.lines) for p in pdf_layout.pdf_pages(tmp_path / "report.pdf")]
    assert len(pages) >= 4
    width, height, _ = pages[0]
    assert abs(width - 210 * PT_PER_MM) < 1 and abs(height - 297 * PT_PER_MM) < 1
    area_top, area_bottom = 37 * PT_PER_MM, (297 - 35) * PT_PER_MM
    counts = []
    # the last page holds only the 版记, a blank page may come before it, neither numbered
    # (test_docs_frame_render, pdf_layout.frame_problems)
    body_pages = pages[:-2] if not pages[-2][2] else pages[:-1]
    for number, (_, _, lines) in enumerate(body_pages, start=1):
        header = [line for line in lines if line.y_max < area_top - 2]
        body = [line for line in lines if area_top - 2 <= line.y_max <= area_bottom + 1]
        footer = [line for line in lines if line.y_min > area_bottom]
        assert [x.text for x in header] == ["征求意见稿（草稿）"], number
        counts.append(len(body))
        assert body and body[0].y_min > area_top - 2
        # the page number: "— N —", its top 7 mm below the 版心, one character in from the side
        [mark] = footer
        assert mark.text.replace(" ", "") == f"—{number}—"
        assert abs(mark.y_min - (area_bottom + 7 * PT_PER_MM)) < 3
        if number % 2:
            assert abs(mark.x_max - (width - 26 * PT_PER_MM - 14)) < 4
        else:
            assert abs(mark.x_min - (28 * PT_PER_MM + 14)) < 4
    assert max(counts) == 22, counts
    full = next(
        lines
        for _, _, lines in pages[1:]
        if len([x for x in lines if area_top - 2 <= x.y_max <= area_bottom + 1]) == 22
    )
    bottoms = sorted(x.y_max for x in full if area_top - 2 <= x.y_max <= area_bottom + 1)
    pitches = [b - a for a, b in pairwise(bottoms)]
    assert all(abs(p - 28.95) < 0.6 for p in pitches), pitches
