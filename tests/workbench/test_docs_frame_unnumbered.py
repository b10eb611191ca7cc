"""A type without 发文字号 (立行立改通知书) has no empty 发文字号 line in its 版头: the red line
sits two lines under the 标志; a numbered type exported without a number keeps the line, blank,
for the number to come."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.reports import DocRequest, export_document
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
seeded_vault = docs_data.seeded_vault


def _head(vault: Vault, request: DocRequest, out: Path) -> list[Paragraph]:
    """The paragraphs from the 标志 up to the title (the first non-blank after the 标志)."""
    export_document(vault, request, out)
    paragraphs = Document(str(out)).paragraphs
    mark = next(n for n, p in enumerate(paragraphs) if p.text == "中共县委第一巡察组")
    title = next(n for n in range(mark + 1, len(paragraphs)) if paragraphs[n].text.strip())
    return paragraphs[mark:title]


def _red_line(p: Paragraph) -> bool:
    borders = p._p.pPr.find(qn("w:pBdr")) if p._p.pPr is not None else None
    return borders is not None and borders.find(qn("w:bottom")) is not None


def test_an_unnumbered_type_leaves_the_number_line_out(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    head = _head(
        seeded_copy, DocRequest("immediate-fix-notice", target_id=seeded.t1), tmp_path / "i.docx"
    )
    assert len(head) == 5  # 标志, 下空二行 (the second carries the red line), 下空二行 to the title
    assert [_red_line(p) for p in head] == [False, False, True, False, False]


def test_a_numbered_type_keeps_the_line_for_its_number(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    head = _head(seeded_copy, DocRequest("feedback", target_id=seeded.t1), tmp_path / "f.docx")
    assert len(head) == 6  # the blank 发文字号 line carries the red line
    assert [_red_line(p) for p in head] == [False, False, False, True, False, False]
