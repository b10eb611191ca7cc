"""Writing documents and ledgers, and exporting them to a file with an audit entry.

An exported file is plaintext by the user's choice, so every export is audit-recorded
(``report.export``: type, scope, file name, size, SHA-256 — enough to recognise a leaked copy).
The file is built under a temporary owner-only name from a read transaction (a long ledger never
holds the write lock); the audit entry is committed, and only then is the file moved into place.
So a plaintext copy never exists without its entry (if the final move fails, the entry records an
attempt and the error is raised).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import uuid
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, Protocol

from docx import Document
from sqlalchemy.orm import Session

from workbench.errors import UsageError
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.reports.context import DocContext, DocRequest, parse_date
from workbench.reports.errors import DocumentScopeError, OutputExists
from workbench.reports.frame import frame_values, framed_context, number_code
from workbench.reports.frame_page import apply_frame
from workbench.reports.gbt9704 import mark_draft
from workbench.reports.numbers import IssuedNumber, Scope, issue_number, issued_for
from workbench.reports.registry import DocSpec, resolve
from workbench.reports.templates import check_template, render_template, template_for
from workbench.reports.xlsx_ledgers import write_ledger
from workbench.services.rounds import get_round
from workbench.services.targets import get_target
from workbench.store import audit
from workbench.store.fsutil import refuse_folder
from workbench.store.separation import require_case_reader, session_roles

FORMATS = ("docx", "xlsx")


class UnitsOfWork(Protocol):
    """What ``export_document`` needs of a vault: read and write transactions."""

    def read(self) -> AbstractContextManager[Session]: ...

    def session(self) -> AbstractContextManager[Session]: ...


@dataclass(frozen=True)
class Written:
    doc_type: str
    title: str
    format: str
    rows: int | None  # data rows of a ledger
    template: Path | None  # the office template used, None for the built-in layout
    number: str = ""  # the 发文字号 printed


@dataclass(frozen=True)
class ExportResult:
    doc_type: str
    title: str
    format: str
    path: Path
    size: int
    sha256: str
    rows: int | None
    template: str  # "" for the built-in layout
    number: str = ""  # the 发文字号 printed ("" when none)


def format_of(path: Path | str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError(f"输出文件应以 .docx 或 .xlsx 结尾：{Path(path).name}")
    return suffix


def write_document(
    session: Session,
    request: DocRequest,
    target: str | Path | IO[bytes],
    fmt: str = "docx",
    *,
    use_template: bool = True,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    number: str = "",
    ctx: DocContext | None = None,
) -> Written:
    """Build one document into ``target`` (a path or a binary stream); ``number`` is the
    发文字号 ``export_document`` drew or reused (the frame leaves it out when blank), ``ctx``
    the context it already built (and checked) for it, else it is built here."""
    spec, request = resolve(session, request)
    _check_format(spec, fmt)
    if fmt == "xlsx":
        rows = write_ledger(
            session, spec.ledger or "", request, target, progress=progress, cancel=cancel
        )
        return Written(spec.code, spec.title, fmt, rows, None)
    assert spec.context is not None and spec.render is not None
    if ctx is None:
        ctx = spec.context(session, request)
    cancel.raise_if_cancelled()
    frame = None
    if spec.frame is not None:
        frame = frame_values(
            session,
            spec.frame,
            request,
            copy_no=getattr(ctx, "copy_no", ""),
            secrecy=getattr(ctx, "secrecy", ""),
            date_text=getattr(ctx, "date", ""),
            attachment=getattr(ctx, "attachment", ""),  # a type's own 附件 (its context says)
        )
        frame = replace(frame, number=number)
    template = template_for(spec.code) if use_template else None
    if template is not None:
        check_template(template, spec.code)
        data = framed_context(ctx, frame) if frame is not None else ctx
        if request.draft:  # the office's layout, then the mark on every page of it
            buffer = io.BytesIO()
            render_template(template, data, buffer)
            buffer.seek(0)
            rendered = Document(buffer)
            mark_draft(rendered)
            rendered.save(str(target) if isinstance(target, Path) else target)
        else:
            render_template(template, data, target)
    else:
        doc = spec.render(ctx)
        if frame is not None:
            apply_frame(doc, frame)
        if request.draft:
            mark_draft(doc.docx)
        doc.save(target)
    return Written(spec.code, spec.title, fmt, None, template, number)


def _check_format(spec: DocSpec, fmt: str) -> None:
    if fmt not in spec.formats:
        offered = "、".join(f".{f}" for f in spec.formats)
        raise DocumentScopeError(f"{spec.title}只能导出为 {offered}", doc_type=spec.code)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _scope_id(request: DocRequest) -> str | None:
    return request.record_id or request.target_id or request.round_id


def _number_scope(request: DocRequest) -> Scope:
    return Scope(request.doc_type, request.round_id, request.target_id, request.record_id)


def _register_title(session: Session, spec: DocSpec, request: DocRequest) -> str:
    """巡察报告（城关镇党委）: the type and what it is about, for the register's list."""
    name = ""
    if request.target_id:
        name = get_target(session, request.target_id).name
    elif request.round_id:
        name = get_round(session, request.round_id).name
    return f"{spec.title}（{name}）" if name else spec.title


def _draw_number(units: UnitsOfWork, spec: DocSpec, request: DocRequest, ctx: DocContext) -> str:
    """The 发文字号 of this export: a named issued one (checked against the register), or the
    next one drawn and committed now — after its context is built and checked (a refused
    export draws none), before the file is built (a failed one still used it up) — or none.
    The register's 成文日期 and the number's year are the date the document prints."""
    if request.number:
        with units.read() as s:
            return issued_for(s, request.number, _number_scope(request)).text
    if not request.issue or spec.frame is None:
        return ""
    with units.session() as s:
        issued: IssuedNumber = issue_number(
            s,
            number_code(s, spec.frame, request),
            _number_scope(request),
            _register_title(s, spec, request),
            parse_date(getattr(ctx, "date", "")) or request.date or date.today(),
        )
    return issued.text


def export_document(
    units: UnitsOfWork,
    request: DocRequest,
    out: Path,
    *,
    overwrite: bool = False,
    use_template: bool = True,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ExportResult:
    """Write the document to ``out`` (format by suffix) and audit-record the export."""
    fmt = format_of(out)
    out = out.expanduser().absolute()
    refuse_folder(out)
    if out.exists() and not overwrite:
        raise OutputExists(f"文件已存在：{out}（如需覆盖请确认）", path=str(out))
    if not out.parent.is_dir():
        raise UsageError(f"目录不存在：{out.parent}")
    part = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        # owner-only: the plaintext should not be readable by other accounts on the machine
        part.touch(mode=0o600)
        ctx: DocContext | None = None
        with units.read() as s:
            require_case_reader(session_roles(s))  # before the writer starts (三员分立)
            spec, resolved = resolve(s, request)
            _check_format(spec, fmt)
            if fmt == "docx" and spec.context is not None:
                ctx = spec.context(s, resolved)  # every refusal comes before a number is drawn
        number = _draw_number(units, spec, resolved, ctx) if ctx is not None else ""
        with units.read() as s:
            written = write_document(
                s,
                resolved,
                part,
                fmt,
                use_template=use_template,
                progress=progress,
                cancel=cancel,
                number=number,
                ctx=ctx,
            )
        size, sha = part.stat().st_size, _sha256(part)
        with units.session() as s:
            audit.record(
                s,
                "report.export",
                spec.code,
                _scope_id(resolved),
                {
                    "title": spec.title,
                    "format": fmt,
                    "round_id": resolved.round_id,
                    "target_id": resolved.target_id,
                    "record_id": resolved.record_id,
                    "copy_no": resolved.copy_no,
                    "draft": resolved.draft,
                    "number": written.number,
                    "file": out.name,
                    "path": str(out),
                    "size": size,
                    "sha256": sha,
                    "rows": written.rows,
                    "template": written.template.name if written.template else "",
                    "encrypted": False,
                },
            )
        os.replace(part, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
    return ExportResult(
        spec.code,
        spec.title,
        fmt,
        out,
        size,
        sha,
        written.rows,
        str(written.template or ""),
        written.number,
    )
