"""The document types: what each needs (a record, a round, a target), how its context is read,
how the built-in GB/T 9704 layout renders it and which formats it comes in.

``--id`` documents name one record; round documents take a round and optionally one target of
it (the round is taken from the target when only that is given).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy.orm import Session

from workbench.errors import UsageError
from workbench.reports import (
    doc_announcement,
    doc_archive,
    doc_clue_report,
    doc_clues,
    doc_entry_notice,
    doc_envelopes,
    doc_feedback,
    doc_finding,
    doc_inspection,
    doc_interview,
    doc_letters,
    doc_portrait,
    doc_rectification,
    doc_stats,
    doc_work_plan,
)
from workbench.reports.context import DocRequest
from workbench.reports.errors import DocumentScopeError, UnknownDocumentType
from workbench.reports.gbt9704 import OfficialDocument
from workbench.services.rounds import get_round
from workbench.services.targets import get_target

Scope = Literal["record", "round", "target", "record_or_round"]
ContextFn = Callable[[Session, DocRequest], Any]
RenderFn = Callable[[Any], OfficialDocument]

SCOPE_HELP = {
    "record": "--id",
    "round": "--round [--target]",
    "target": "--target [--round]",
    "record_or_round": "--id 或 --round [--target]",
}


@dataclass(frozen=True)
class DocSpec:
    code: str
    title: str
    scope: Scope
    context: ContextFn | None = None  # None: an Excel-only ledger
    render: RenderFn | None = None
    ledger: str | None = None  # name in xlsx_ledgers.LEDGERS, when there is an .xlsx form
    required: tuple[str, ...] = ()  # placeholders a user template must use
    signed_findings: bool = False  # built from 已审签 底稿 only; has a 征求意见稿 (draft) mode

    @property
    def formats(self) -> tuple[str, ...]:
        return (("docx",) if self.render else ()) + (("xlsx",) if self.ledger else ())


DOCUMENTS: tuple[DocSpec, ...] = (
    DocSpec(
        "interview",
        "谈话记录",
        "record",
        doc_interview.context,
        doc_interview.render,
        required=("number", "subject_name", "turns"),
    ),
    DocSpec(
        "letter-register",
        "信访件登记表",
        "record",
        doc_letters.register_context,
        doc_letters.render_register,
        required=("number", "summary"),
    ),
    DocSpec(
        "letter-handling",
        "信访件处理单",
        "record",
        doc_letters.handling_context,
        doc_letters.render_handling,
        required=("number", "summary", "proposal"),
    ),
    DocSpec("letter-ledger", "信访件台账", "round", ledger="letters"),
    DocSpec(
        "finding",
        "问题底稿",
        "record_or_round",
        doc_finding.context,
        doc_finding.render,
        required=("papers",),
    ),
    DocSpec("finding-ledger", "问题底稿台账", "round", ledger="findings"),
    DocSpec(
        "clue-transfer",
        "问题线索移交表",
        "record_or_round",
        doc_clues.context,
        doc_clues.render_transfer,
        required=("clues",),
    ),
    DocSpec(
        "clue-ledger",
        "问题线索台账",
        "round",
        doc_clues.ledger_context,
        doc_clues.render_ledger,
        ledger="clues",
        required=("clues",),
    ),
    DocSpec(
        "inspection-report",
        "巡察报告",
        "round",
        doc_inspection.context,
        doc_inspection.render,
        required=("title", "groups"),
        signed_findings=True,
    ),
    DocSpec(
        "clue-report",
        "问题线索专题报告",
        "round",
        doc_clue_report.context,
        doc_clue_report.render,
        required=("title", "units"),
    ),
    DocSpec(
        "feedback",
        "反馈意见",
        "target",
        doc_feedback.context,
        doc_feedback.render,
        required=("title", "groups", "suggestions"),
        signed_findings=True,
    ),
    DocSpec(
        "portrait",
        "政治画像报告",
        "record",
        doc_portrait.context,
        doc_portrait.render,
        required=("subject_name", "dimensions"),
    ),
    DocSpec(
        "rectification",
        "整改台账",
        "round",
        doc_rectification.context,
        doc_rectification.render,
        ledger="rectification",
        required=("items",),
    ),
    DocSpec(
        "archive",
        "立卷归档目录",
        "round",
        doc_archive.context,
        doc_archive.render,
        required=("items",),
    ),
    DocSpec(
        "stats",
        "巡察工作统计表",
        "round",
        doc_stats.context,
        doc_stats.render,
        ledger="stats",
        required=("indicators",),
    ),
    # what a round sends out at its start, from its set-up
    DocSpec(
        "work-plan",
        "巡察工作方案",
        "round",
        doc_work_plan.context,
        doc_work_plan.render,
        required=("title", "phases", "teams"),
    ),
    DocSpec(
        "entry-notice",
        "进驻通知",
        "target",
        doc_entry_notice.context,
        doc_entry_notice.render,
        required=("title", "recipient", "schedule"),
    ),
    DocSpec(
        "announcement",
        "巡察公告",
        "target",
        doc_announcement.context,
        doc_announcement.render,
        required=("title", "accepted", "contacts"),
    ),
    DocSpec(
        "envelopes",
        "小信封",
        "target",
        doc_envelopes.context,
        doc_envelopes.render,
        required=("addressee",),
    ),
)

_BY_CODE = {d.code: d for d in DOCUMENTS}


def get_spec(code: str) -> DocSpec:
    spec = _BY_CODE.get(code.strip())
    if spec is None:
        by_title = next((d for d in DOCUMENTS if d.title == code.strip()), None)
        if by_title is not None:
            return by_title
        known = "、".join(d.code for d in DOCUMENTS)
        raise UnknownDocumentType(f"未知的文书类型“{code}”，可选：{known}", doc_type=code)
    return spec


MAX_COPY_NO = 999_999  # GB/T 9704 份号: six digits


def copy_number(text: str) -> str:
    """The 份号 as printed: blank (none), or 1–999999 as six digits ("3" → "000003")."""
    text = text.strip()
    if not text:
        return ""
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_COPY_NO):
        raise UsageError(f"份号“{text}”无效：应为 1–{MAX_COPY_NO} 的整数，如 000001")
    return f"{int(text):06d}"


def resolve(session: Session, request: DocRequest) -> tuple[DocSpec, DocRequest]:
    """The spec and the request with its scope and 份号 checked (round filled in from the
    target)."""
    spec = get_spec(request.doc_type)
    if request.draft and not spec.signed_findings:
        drafts = "、".join(d.title for d in DOCUMENTS if d.signed_findings)
        raise DocumentScopeError(
            f"{spec.title}没有征求意见稿；征求意见稿只用于{drafts}", doc_type=spec.code
        )
    request = DocRequest(
        spec.code,
        request.round_id or None,
        request.target_id or None,
        request.record_id or None,
        copy_number(request.copy_no),
        request.date,
        request.draft,
    )
    if spec.scope == "record" and not request.record_id:
        raise DocumentScopeError(f"{spec.title}需用 --id 指定记录", doc_type=spec.code)
    if request.record_id and spec.scope in ("record", "record_or_round"):
        return spec, request
    if request.record_id:
        raise DocumentScopeError(f"{spec.title}按轮次生成，不接受 --id", doc_type=spec.code)
    if request.target_id:
        target = get_target(session, request.target_id)
        if request.round_id and target.round_id not in (None, request.round_id):
            raise DocumentScopeError("所选被巡察对象不属于该轮次", doc_type=spec.code)
        round_id = request.round_id or target.round_id
        request = replace(request, round_id=round_id, target_id=target.id)
    elif spec.scope == "target":
        raise DocumentScopeError(f"{spec.title}需用 --target 指定被巡察对象", doc_type=spec.code)
    if not request.round_id:
        raise DocumentScopeError(f"{spec.title}需用 --round 指定巡察轮次", doc_type=spec.code)
    get_round(session, request.round_id)
    return spec, request
