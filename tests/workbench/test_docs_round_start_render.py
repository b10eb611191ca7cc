"""The 巡察公告 and the 小信封 sheet as LibreOffice prints them: the QR code on the page at about
30 mm, and the envelope faces whole on their pages (none cut by a page break) inside the 版心.
Skipped where LibreOffice (soffice) or poppler is not installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.workbench import pdf_layout
from tests.workbench import test_docs_data as docs_data
from tests.workbench.pdf_layout import PT_PER_MM, pdf_pages
from tests.workbench.test_docs_data import Seeded
from tests.workbench.test_docs_round_start import planned_copy
from workbench.reports import DocRequest, export_document

seeded = docs_data.seeded  # the shared fixture
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfimages")),
        reason="needs LibreOffice (soffice) and poppler-utils (pdftotext, pdfimages)",
    ),
]


@pytest.fixture(scope="module")
def pdfs(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("print")
    with planned_copy(seeded, root, plan=True) as vault:
        for code in ("announcement", "envelopes"):
            export_document(vault, DocRequest(code, target_id=seeded.t1), root / f"{code}.docx")
    pdf_layout.convert(
        [root / "announcement.docx", root / "envelopes.docx"], root, root / "lo-profile"
    )
    return {code: root / f"{code}.pdf" for code in ("announcement", "envelopes")}


def test_the_qr_code_prints_at_about_30_mm(pdfs: dict[str, Path]) -> None:
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdfs["announcement"])],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()[2:]
    [image] = [line.split() for line in listing]
    width_px, ppi = int(image[3]), int(image[12])
    assert abs(width_px / ppi * 25.4 - 30) < 1


def test_envelope_faces_are_whole_on_their_pages(pdfs: dict[str, Path]) -> None:
    pages = pdf_pages(pdfs["envelopes"])
    faces = [sum("亲启" in line.text for line in lines) for lines in (p.lines for p in pages)]
    assert faces == [6, 8]  # three rows under the title, four on the next page
    top, bottom = 37 * PT_PER_MM - 2, (297 - 35) * PT_PER_MM + 1
    for page in pages:
        body = [line for line in page.lines if "—" not in line.text]  # not the page number
        assert all(top <= line.y_min and line.y_max <= bottom for line in body)
        assert all(line.x_min >= 28 * PT_PER_MM - 2 for line in body)
