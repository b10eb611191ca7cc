"""Previews never write plaintext to disk: after showing a PDF, an image and a text file that
carry a marker, no file under the temp folder, the store, the workbench home or the user's home
holds the marker (the attachments went in from memory, so no plaintext source file exists)."""

from __future__ import annotations

import io
import os
import stat
import tempfile
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_preview import has_ink, minimal_pdf, png_bytes
from ui.main_window import MainWindow
from ui.pages.attachments_page import AttachmentsPage
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.workspace import Workspace

MARKER = "PREVIEW-PLAINTEXT-7f3a9c"
TEXT_MARKER = "预览明文标记七三九"


def _needles() -> list[bytes]:
    return [
        MARKER.encode("ascii"),
        MARKER.encode("utf-16-le"),
        MARKER.encode("utf-16-be"),
        TEXT_MARKER.encode("utf-8"),
        TEXT_MARKER.encode("gb18030"),
        TEXT_MARKER.encode("utf-16-le"),
    ]


def _files_with_marker(roots: list[Path], since: float = 0.0) -> list[str]:
    found = []
    for root in roots:
        device = root.stat().st_dev
        # os.walk skips folders that vanish meanwhile (other test runs clean up under /tmp)
        for folder, dirs, files in os.walk(root):
            # never into another file system: a chroot's /proc under /tmp holds files such as
            # kmsg whose read blocks forever
            dirs[:] = [d for d in dirs if _same_device(Path(folder) / d, device)]
            for name in files:
                path = Path(folder) / name
                try:
                    info = path.lstat()
                    if not stat.S_ISREG(info.st_mode) or info.st_dev != device:
                        continue
                    if info.st_size == 0 or info.st_mtime < since:
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue  # files removed meanwhile, no permission
                if any(needle in data for needle in _needles()):
                    found.append(str(path))
    return found


def _same_device(path: Path, device: int) -> bool:
    try:
        return path.lstat().st_dev == device
    except OSError:
        return False


@pytest.fixture
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Temp folder and home folders of this test only, so scanning them is exhaustive."""
    dirs = {name: tmp_path / name for name in ("tmp", "userhome", "cache", "config", "data")}
    for directory in dirs.values():
        directory.mkdir()
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    monkeypatch.setattr(tempfile, "tempdir", str(dirs["tmp"]))
    monkeypatch.setenv("HOME", str(dirs["userhome"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs["cache"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs["config"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs["data"]))
    return dirs


def test_the_scan_finds_a_plaintext_copy(tmp_path: Path) -> None:
    """The check below can fail: a file holding either sample is found."""
    pdf = minimal_pdf([MARKER], title=MARKER)
    png = png_bytes(32, 32, comment=MARKER)
    samples = {"a.pdf": pdf, "b.png": png, "c.txt": TEXT_MARKER.encode("gb18030")}
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
    try:
        found = sorted(Path(p).name for p in _files_with_marker([tmp_path]))
    finally:
        for name in samples:  # gone at once: the next test scans /tmp for new files
            (tmp_path / name).unlink()
    assert found == ["a.pdf", "b.png", "c.txt"]


def test_previews_leave_no_plaintext_on_disk(
    qtbot: QtBot, demo_dir: Path, private_dirs: dict[str, Path], tmp_path: Path
) -> None:
    started = time.time() - 1
    workspace = Workspace.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    samples = {
        "标记纪要.pdf": ("application/pdf", minimal_pdf([MARKER], pages=2, title=MARKER)),
        "标记照片.png": ("image/png", png_bytes(320, 240, comment=MARKER)),
        "标记记录.txt": ("text/plain", f"谈话记录：{TEXT_MARKER}\n".encode("gb18030")),
    }
    for name, (media, data) in samples.items():
        workspace.add_attachment(io.BytesIO(data), name=name, media_type=media)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page("attachments")
    page = window.pages["attachments"]
    assert isinstance(page, AttachmentsPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    names = [getattr(page.model.view_at(r), "name", None) for r in range(page.model.rowCount())]
    kinds = {"标记纪要.pdf": "pdf", "标记照片.png": "image", "标记记录.txt": "text"}
    for name, kind in kinds.items():
        page.table.selectRow(names.index(name))
        qtbot.waitUntil(lambda kind=kind: page.preview.kind == kind, timeout=10000)
        if kind == "pdf":
            qtbot.waitUntil(lambda: has_ink(page.preview), timeout=10000)  # pdfium rendered it
            page.preview.next_button.click()
            page.preview.zoom_in()
        window.grab()  # paint everything once more
    assert TEXT_MARKER in page.preview.text.toPlainText()
    window.close()
    workspace.lock()

    assert list((demo_dir / "blobs").rglob("*")), "the attachments are in the store, encrypted"
    home = Path(os.environ["WORKBENCH_HOME"])
    assert _files_with_marker([tmp_path, home]) == []
    # and nothing new in the system temp folder, in case a library ignored TMPDIR
    assert _files_with_marker([Path("/tmp")], since=started) == []
