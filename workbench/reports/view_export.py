"""A record list as the user sees it (its filters and sort applied, every row) written to .xlsx.

The caller says what the rows are (the list service called page by page with the view's
filters, each record turned into the cells the table shows); this module writes them with the
ledgers' streaming writer and audits the export as ``view.export``, like a document: the file
is plaintext by the user's choice, built under an owner-only temporary name, and moved into
place only once the audit entry is committed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from workbench.errors import UsageError
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.reports.errors import OutputExists
from workbench.reports.export import ExportResult, UnitsOfWork
from workbench.reports.xlsx_writer import Column, SheetWriter, new_workbook
from workbench.store import audit
from workbench.store.fsutil import refuse_folder

AMOUNT_FORMAT = "#,##0.00"  # 57,820.00, as the table shows it
PROGRESS_EVERY = 500  # rows between progress reports


@dataclass(frozen=True)
class TableView:
    """One list's current view: ``rows`` yields each row's cells in the table's order."""

    key: str  # the page ("letters", "findings"…), for the audit log
    title: str  # the sheet's and the audit entry's title (the page's heading)
    columns: Sequence[Column]
    rows: Callable[[Session], Iterable[Sequence[Any]]]
    filters: Mapping[str, Any]  # what narrowed the view, recorded in the audit entry


def export_view(
    units: UnitsOfWork,
    view: TableView,
    out: Path,
    *,
    overwrite: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ExportResult:
    """Write ``view`` to ``out`` (.xlsx) and audit-record the export."""
    out = out.expanduser().absolute()
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"输出文件应以 .xlsx 结尾：{out.name}")
    refuse_folder(out)
    if out.exists() and not overwrite:
        raise OutputExists(f"文件已存在：{out}（如需覆盖请确认）", path=str(out))
    if not out.parent.is_dir():
        raise UsageError(f"目录不存在：{out.parent}")
    part = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        part.touch(mode=0o600)  # the plaintext is not for other accounts on the machine
        wb = new_workbook(view.title)
        sheet = SheetWriter(wb, view.title, view.columns)
        with units.read() as s:
            for values in view.rows(s):
                cancel.raise_if_cancelled()
                sheet.append(values)
                if sheet.rows % PROGRESS_EVERY == 0:
                    progress(sheet.rows, None)
        sheet.close()
        wb.save(str(part))
        size, sha = part.stat().st_size, _sha256(part)
        with units.session() as s:
            audit.record(
                s,
                "view.export",
                view.key,
                None,
                {
                    "title": view.title,
                    "format": "xlsx",
                    "filters": {k: str(v) for k, v in view.filters.items()},
                    "file": out.name,
                    "path": str(out),
                    "size": size,
                    "sha256": sha,
                    "rows": sheet.rows,
                    "encrypted": False,
                },
            )
        os.replace(part, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
    return ExportResult(f"view:{view.key}", view.title, "xlsx", out, size, sha, sheet.rows, "")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
