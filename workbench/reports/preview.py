"""The pages of a document before it is exported: built, then laid out by LibreOffice as a PDF.

The .docx and LibreOffice's profile live in one owner-only temporary folder (0700) that is removed
before the PDF's bytes are handed back, so no plaintext copy outlives the preview: the caller
shows the pages from memory. A private profile (``-env:UserInstallation``) keeps the conversion
apart from the user's own LibreOffice (a running instance would otherwise take the job) and keeps
its recent-files list and backups out of the user's profile. Each preview is audited
(``report.preview``), as an attachment's is.

LibreOffice runs in its own process group under umask 077: ``soffice`` is a wrapper whose
``soffice.bin`` outlives a killed wrapper and would recreate the removed folder (world-readable,
under the user's umask) to write the PDF into it. A cancel or a timeout therefore kills the whole
group and waits for it before the folder goes. Folders a crash left behind are swept at the
first preview of a run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import ClassVar

from workbench.errors import NotFound, WorkbenchError
from workbench.i18n import N_
from workbench.jobs import NEVER_CANCELLED, CancelToken
from workbench.reports.active_content import active_content
from workbench.reports.context import DocRequest
from workbench.reports.export import UnitsOfWork, write_document
from workbench.reports.office_files import OfficeFileRefused, check_members
from workbench.reports.registry import resolve
from workbench.reports.templates import MAX_TEMPLATE_BYTES
from workbench.store import audit
from workbench.store.fsutil import PRIVATE_DIR
from workbench.store.separation import require_case_reader, session_roles

PREVIEW_ACTION = "report.preview"
CONVERT_TIMEOUT_S = 180  # a first start with a fresh profile takes seconds; a hang is killed
# the PDF filter with empty pages kept: an even-page section start (the page before the 版记,
# frame_page.py) inserts a blank page that LibreOffice otherwise leaves out of the PDF
PDF_EXPORT = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
_WINDOWS_PLACES = ("LibreOffice", "LibreOffice 7", "LibreOffice 24", "LibreOffice 25")
FOLDER_PREFIX = "wb-preview-"
GROUP_EXIT_WAIT_S = 10.0  # a killed group is gone in milliseconds; a bound, never a hang
_POSIX = os.name == "posix"
_swept = threading.Event()


class OfficeMissing(NotFound):
    code: ClassVar[str] = "WB-REPORT-OFFICE"
    default_message: ClassVar[str] = N_(
        "未找到 LibreOffice，不能在本程序中预览或打印文书页面；可导出后用 WPS 或 Word 打开"
    )


class RenderFailed(WorkbenchError):
    code: ClassVar[str] = "WB-REPORT-RENDER"
    default_message: ClassVar[str] = N_("LibreOffice 未能排出文书页面")


def find_office() -> str | None:
    """The LibreOffice program on this machine, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        for place in _WINDOWS_PLACES if root else ():
            candidate = Path(str(root), place, "program", "soffice.exe")
            if candidate.is_file():
                return str(candidate)
    return None


def private_folder() -> Path:
    """A new temporary folder only its owner can enter (mkdtemp makes it 0700 on POSIX, with a
    fresh name nobody can have made first; the chmod says so whatever the platform's default).
    The first call of a run sweeps what an earlier crash left."""
    if not _swept.is_set():
        _swept.set()
        sweep_stale_folders()
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    folder.chmod(PRIVATE_DIR)
    return folder


def sweep_stale_folders(root: Path | None = None) -> None:
    """Remove this user's preview folders older than a conversion may take: a crashed or killed
    program leaves its .docx (and perhaps a PDF) there, and nothing else would remove them."""
    root = root or Path(tempfile.gettempdir())
    oldest = time.time() - CONVERT_TIMEOUT_S
    for folder in root.glob(FOLDER_PREFIX + "*"):
        try:
            info = folder.lstat()
        except OSError:
            continue
        mine = not _POSIX or info.st_uid == os.getuid()
        if mine and folder.is_dir() and not folder.is_symlink() and info.st_mtime < oldest:
            shutil.rmtree(folder, ignore_errors=True)


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice with every process it started and wait until none is left, so nothing
    writes into a folder about to be removed."""
    if not _POSIX:
        process.kill()
        process.wait()
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + GROUP_EXIT_WAIT_S
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return  # the group is empty
        except PermissionError:
            return  # only a zombie not yet reaped by its new parent: it writes nothing
        time.sleep(0.05)


def refuse_active_content(docx: Path) -> None:
    """Refuse a .docx that would make LibreOffice fetch or run something (an exported file
    made with an older template, or any file handed to ``file_pages``)."""
    try:
        with zipfile.ZipFile(docx) as zf:
            check_members(zf.infolist(), MAX_TEMPLATE_BYTES)
            found = active_content(zf)
    except OfficeFileRefused:
        found = "压缩方式或大小异常"
    except (OSError, zipfile.BadZipFile):
        return  # not a zip: LibreOffice says it cannot read it
    if found is not None:
        raise RenderFailed(f"文书{found}，不在本程序中排版预览或打印；请检查所用的模板")


def docx_to_pdf(
    docx: Path, folder: Path, *, office: str | None = None, cancel: CancelToken = NEVER_CANCELLED
) -> bytes:
    """Lay ``docx`` out with LibreOffice in ``folder`` (its profile goes there too) and return
    the PDF's bytes. The caller owns ``folder`` and removes it."""
    office = office or find_office()
    if office is None:
        raise OfficeMissing()
    refuse_active_content(docx)
    profile = (folder / "profile").as_uri()
    out = folder / "pdf"
    out.mkdir(PRIVATE_DIR, exist_ok=True)
    command = [
        office,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        PDF_EXPORT,
        "--outdir",
        str(out),
        str(docx),
    ]
    # the program found on this machine, with arguments we made: no shell, no user text; its
    # own session (process group) so all of it can be killed, and umask 077 for what it writes
    with subprocess.Popen(  # noqa: S603
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=_POSIX,
        umask=0o077 if _POSIX else -1,
    ) as process:
        try:
            waited = 0.0
            while True:
                try:
                    process.wait(timeout=0.2)
                    break
                except subprocess.TimeoutExpired:
                    waited += 0.2
                    if cancel.cancelled or waited > CONVERT_TIMEOUT_S:
                        _end_group(process)
                        cancel.raise_if_cancelled()
                        timeout = f"LibreOffice 超过 {CONVERT_TIMEOUT_S} 秒未完成排版"
                        raise RenderFailed(timeout) from None
        finally:
            _end_group(process)  # also what a finished wrapper may have left running
        errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    pdf = out / (docx.stem + ".pdf")
    if process.returncode != 0 or not pdf.is_file():
        detail = errors.strip().splitlines()[-1] if errors.strip() else f"{process.returncode}"
        raise RenderFailed(f"LibreOffice 未能排出文书页面：{detail}")
    return pdf.read_bytes()


def preview_document(
    units: UnitsOfWork,
    request: DocRequest,
    *,
    use_template: bool = True,
    office: str | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> bytes:
    """The document's pages as PDF bytes; nothing of it is left on disk afterwards."""
    office = office or find_office()
    if office is None:
        raise OfficeMissing()  # before anything is read or written
    docx = write_preview_docx(units, request, use_template=use_template, cancel=cancel)
    return preview_pages(docx, office=office, cancel=cancel)


def write_preview_docx(
    units: UnitsOfWork,
    request: DocRequest,
    *,
    use_template: bool = True,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Path:
    """A preview's first step, the one that reads the store: the .docx in a new private folder,
    and the preview audited. The folder is removed if this fails, else by ``preview_pages`` (or
    ``remove_preview``); a GUI runs that slow second step off its store's worker."""
    folder = private_folder()
    try:
        docx = folder / "document.docx"
        with units.read() as s:
            require_case_reader(session_roles(s))
            spec, resolved = resolve(s, request)
            write_document(s, resolved, docx, "docx", use_template=use_template, cancel=cancel)
        with units.session() as s:
            audit.record(
                s,
                PREVIEW_ACTION,
                spec.code,
                resolved.record_id or resolved.target_id or resolved.round_id,
                {"title": spec.title, "round_id": resolved.round_id, "draft": resolved.draft},
            )
        cancel.raise_if_cancelled()
        return docx
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def preview_pages(
    docx: Path, *, office: str | None = None, cancel: CancelToken = NEVER_CANCELLED
) -> bytes:
    """A preview's second step: ``write_preview_docx``'s file laid out as PDF bytes; its folder
    is removed whatever happens."""
    try:
        return docx_to_pdf(docx, docx.parent, office=office, cancel=cancel)
    finally:
        remove_preview(docx)


def remove_preview(docx: Path) -> None:
    """A preview's folder, when its pages are no longer wanted."""
    shutil.rmtree(docx.parent, ignore_errors=True)


def file_pages(
    docx: Path, *, office: str | None = None, cancel: CancelToken = NEVER_CANCELLED
) -> bytes:
    """The pages of a .docx already on disk (an exported file, to print it) as PDF bytes."""
    folder = private_folder()
    try:
        return docx_to_pdf(docx, folder, office=office, cancel=cancel)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
