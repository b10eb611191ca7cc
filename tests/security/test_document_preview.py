"""The pages of a document before its export leave no plaintext copy behind: laid out by
LibreOffice in a private (0700) temporary folder that is gone afterwards, also after a cancel,
and audited as a preview; no LibreOffice is said plainly, before anything is read or written."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.errors import Cancelled
from workbench.jobs import CancelToken
from workbench.models import AuditEntry
from workbench.reports import DocRequest, preview
from workbench.reports.preview import OfficeMissing, find_office, preview_document
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
needs_office = pytest.mark.skipif(find_office() is None, reason="needs LibreOffice (soffice)")


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the preview's temporary folders go, to see what is left there."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def previews(vault: Vault) -> list[AuditEntry]:
    with vault.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == "report.preview")))


@pytest.mark.slow
@needs_office
def test_preview_returns_the_pages_and_leaves_nothing_on_disk(
    seeded_copy: Vault, seeded: Seeded, temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[int] = []
    made = preview.private_folder

    def watched() -> Path:
        folder = made()
        modes.append(stat.S_IMODE(folder.stat().st_mode))
        return folder

    monkeypatch.setattr(preview, "private_folder", watched)
    pdf = preview_document(seeded_copy, DocRequest("interview", record_id=seeded.interview))
    document = pdfium.PdfDocument(pdf)
    try:
        assert len(document) >= 1
        width, height = document.get_page_size(0)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        text = document[0].get_textpage().get_text_range()
        assert "谈话记录" in text.replace(" ", "")
    finally:
        document.close()
    assert modes == [0o700]
    assert list(temp_root.iterdir()) == []  # the .docx, the PDF and the profile are gone
    [entry] = previews(seeded_copy)
    assert entry.object_type == "interview" and entry.object_id == seeded.interview


@needs_office
def test_a_cancelled_preview_leaves_nothing_behind(
    seeded_copy: Vault, seeded: Seeded, temp_root: Path
) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        preview_document(
            seeded_copy, DocRequest("portrait", record_id=seeded.portrait), cancel=token
        )
    assert list(temp_root.iterdir()) == []


def test_without_libreoffice_nothing_is_read_or_written(
    seeded_copy: Vault, seeded: Seeded, temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview, "find_office", lambda: None)
    with pytest.raises(OfficeMissing) as caught:
        preview_document(seeded_copy, DocRequest("interview", record_id=seeded.interview))
    assert "LibreOffice" in caught.value.message and "WPS" in caught.value.message
    assert list(temp_root.iterdir()) == []
    assert previews(seeded_copy) == []


def _our_office_processes(root: Path) -> list[str]:
    """LibreOffice processes (by command line) working in a folder under ``root``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            line = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if str(root) in line and "soffice" in line:
            found.append(line)
    return found


class CancelOnceRendering(CancelToken):
    """Cancels as soon as LibreOffice's own program (soffice.bin, not the wrapper) is running."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    @property
    def cancelled(self) -> bool:
        if not super().cancelled and any(
            "soffice.bin" in line for line in _our_office_processes(self.root)
        ):
            self.cancel()
        return super().cancelled


@pytest.mark.slow
@needs_office
@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
def test_a_preview_cancelled_mid_render_leaves_no_pdf_and_no_office_running(
    seeded_copy: Vault, seeded: Seeded, temp_root: Path
) -> None:
    """Killing only the soffice wrapper let soffice.bin recreate the removed folder and write
    a world-readable PDF into it: the whole process group goes, before the folder."""
    docx = preview.write_preview_docx(
        seeded_copy, DocRequest("interview", record_id=seeded.interview)
    )
    with pytest.raises(Cancelled):
        preview.preview_pages(docx, cancel=CancelOnceRendering(temp_root))
    deadline = time.monotonic() + 60  # killed processes leave /proc soon; a survivor never does
    while _our_office_processes(temp_root) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _our_office_processes(temp_root) == []
    assert list(temp_root.iterdir()) == []  # and none wrote there before it went


def test_stale_preview_folders_of_a_crash_are_swept(temp_root: Path) -> None:
    old = temp_root / "wb-preview-crashed"
    (old / "pdf").mkdir(parents=True)
    (old / "document.docx").write_bytes(b"plaintext")
    past = time.time() - preview.CONVERT_TIMEOUT_S - 60
    os.utime(old, (past, past))
    young = temp_root / "wb-preview-running"
    young.mkdir()
    other = temp_root / "unrelated"
    other.mkdir()
    os.utime(other, (past, past))
    preview.sweep_stale_folders(temp_root)
    assert sorted(p.name for p in temp_root.iterdir()) == ["unrelated", "wb-preview-running"]
