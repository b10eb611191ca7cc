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
from workbench.models import (
    Clue,
    Finding,
    Interview,
    Letter,
    Portrait,
    Rectification,
    RectificationSupervision,
    ReminderLetter,
    Report,
)
from workbench.models.base import RecordMixin
from workbench.reports import (
    doc_announcement,
    doc_archive,
    doc_clue_report,
    doc_clue_transfer,
    doc_clues,
    doc_entry_notice,
    doc_envelopes,
    doc_feedback,
    doc_finding,
    doc_immediate_fix,
    doc_inspection,
    doc_interview,
    doc_letters,
    doc_portrait,
    doc_rectification,
    doc_rectification_letters,
    doc_stats,
    doc_suggestion,
    doc_work_plan,
)
from workbench.reports.context import DocRequest
from workbench.reports.errors import (
    DocumentNumberInvalid,
    DocumentScopeError,
    UnknownDocumentType,
)
from workbench.reports.frame import URGENCIES, FrameKind
from workbench.reports.gbt9704 import OfficialDocument
from workbench.services.identifiers import KINDS
from workbench.services.rounds import get_round
from workbench.services.targets import get_target

Scope = Literal["record", "round", "target", "record_or_round", "record_or_target"]
ContextFn = Callable[[Session, DocRequest], Any]
RenderFn = Callable[[Any], OfficialDocument]

SCOPE_HELP = {
    "record": "--id",
    "round": "--round [--target]",
    "target": "--target [--round]",
    "record_or_round": "--id 或 --round [--target]",
    "record_or_target": "--id 或 --target [--round]",
}
RECORD_SCOPES = ("record", "record_or_round", "record_or_target")
TARGET_SCOPES = ("target", "record_or_target")


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
    frame: FrameKind | None = None  # the 公文 frame (版头, 版记) of an outgoing document
    # the tables an --id may name (its round and target fill a framed document's scope)
    records: tuple[type[RecordMixin], ...] = ()

    @property
    def formats(self) -> tuple[str, ...]:
        return (("docx",) if self.render else ()) + (("xlsx",) if self.ledger else ())


# a 巡察组's report up to the 领导小组: numbered, 签发人 on the 发文字号's line
TEAM_REPORT = FrameKind("team", numbered=True, upward=True)
# the 巡察办's letters on what a round found, copied to those who supervise it
OFFICE_LETTER = FrameKind("office", cc=("discipline", "organization"))

DOCUMENTS: tuple[DocSpec, ...] = (
    DocSpec(
        "interview",
        "谈话记录",
        "record",
        doc_interview.context,
        doc_interview.render,
        required=("number", "subject_name", "turns"),
        records=(Interview,),
    ),
    DocSpec(
        "letter-register",
        "信访件登记表",
        "record",
        doc_letters.register_context,
        doc_letters.render_register,
        required=("number", "summary"),
        records=(Letter,),
    ),
    DocSpec(
        "letter-handling",
        "信访件处理单",
        "record",
        doc_letters.handling_context,
        doc_letters.render_handling,
        required=("number", "summary", "proposal"),
        records=(Letter,),
    ),
    DocSpec("letter-ledger", "信访件台账", "round", ledger="letters"),
    DocSpec(
        "finding",
        "问题底稿",
        "record_or_round",
        doc_finding.context,
        doc_finding.render,
        required=("papers",),
        records=(Finding,),
    ),
    DocSpec("finding-ledger", "问题底稿台账", "round", ledger="findings"),
    DocSpec(
        "clue-transfer",
        "问题线索移交表",
        "record_or_round",
        doc_clues.context,
        doc_clues.render_transfer,
        required=("clues",),  # a form, one per clue and page: no 版头 (the 移交函 carries one)
        records=(Clue,),
    ),
    DocSpec(
        "clue-approval",
        "问题线索移交审批表",
        "record_or_round",
        doc_clue_transfer.approval_context,
        doc_clue_transfer.render_approval,
        required=("clues",),
        records=(Clue,),
    ),
    DocSpec(
        "clue-letter",
        "问题线索移交函",
        "record_or_round",
        doc_clue_transfer.letter_context,
        doc_clue_transfer.render_letter,
        required=("recipient", "clues"),
        frame=FrameKind("office"),  # 主送 the receiving units, no 抄送
        records=(Clue,),
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
        frame=TEAM_REPORT,
    ),
    DocSpec(
        "clue-report",
        "问题线索专题报告",
        "round",
        doc_clue_report.context,
        doc_clue_report.render,
        required=("title", "units"),
        frame=TEAM_REPORT,
    ),
    DocSpec(
        "feedback",
        "反馈意见",
        "target",
        doc_feedback.context,
        doc_feedback.render,
        required=("title", "groups", "suggestions"),
        signed_findings=True,
        frame=FrameKind("team", cc=("discipline", "organization")),
    ),
    DocSpec(
        "immediate-fix-notice",
        "立行立改通知书",
        "record_or_target",
        doc_immediate_fix.context,
        doc_immediate_fix.render,
        required=("recipient", "items"),
        frame=FrameKind("team", numbered=False, cc=("office",)),
        records=(Finding,),
    ),
    DocSpec(
        "suggestion-letter",
        "巡察建议书",
        "record",
        doc_suggestion.context,
        doc_suggestion.render,
        required=("recipient", "suggestions"),
        frame=OFFICE_LETTER,
        records=(Report,),
    ),
    DocSpec(
        "portrait",
        "政治画像报告",
        "record",
        doc_portrait.context,
        doc_portrait.render,
        required=("subject_name", "dimensions"),
        frame=TEAM_REPORT,
        records=(Portrait,),
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
        "rectification-notice",
        "整改通知",
        "target",
        doc_rectification_letters.notice_context,
        doc_rectification_letters.render_notice,
        required=("recipient", "items"),
        frame=OFFICE_LETTER,
    ),
    DocSpec(
        "supervision-letter",
        "整改督办函",
        "record_or_target",
        doc_rectification_letters.supervision_context,
        doc_rectification_letters.render_supervision,
        required=("recipient", "items"),
        frame=OFFICE_LETTER,
        records=(Rectification, RectificationSupervision),
    ),
    DocSpec(
        "reminder-letter",
        "新官理旧账提醒函",
        "record",
        doc_rectification_letters.reminder_context,
        doc_rectification_letters.render_reminder,
        required=("recipient", "items"),
        frame=OFFICE_LETTER,
        records=(ReminderLetter,),
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
        frame=FrameKind("office", cc=("discipline", "organization")),  # 主送 各巡察组
    ),
    DocSpec(
        "entry-notice",
        "进驻通知",
        "target",
        doc_entry_notice.context,
        doc_entry_notice.render,
        required=("title", "recipient", "schedule"),
        frame=FrameKind("office", cc=("team", "superior")),
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


def check_frame_choices(spec: DocSpec, request: DocRequest) -> None:
    """The frame choices a request may make of this type: a 发文字号 only for a numbered type
    and never for a 草稿; 紧急程度 only 特急 or 加急."""
    if request.urgency not in URGENCIES:
        raise UsageError(f"紧急程度“{request.urgency}”无效：应为 特急 或 加急")
    if not (request.issue or request.number):
        return
    if request.issue and request.number:
        raise DocumentNumberInvalid("--issue 取新编号，--number 沿用已签发的编号，只能选一个")
    if spec.frame is None or not spec.frame.numbered:
        raise DocumentNumberInvalid(f"{spec.title}没有发文字号", doc_type=spec.code)
    if request.draft:
        raise DocumentNumberInvalid("征求意见稿不编发文字号", doc_type=spec.code)


Missing = Literal["", "record", "round", "target", "record_or_target"]


def missing_scope(spec: DocSpec, *, record: bool, round_chosen: bool, target: bool) -> Missing:
    """What a request of this type still lacks, named without the CLI's flags so a GUI can word
    it for where its user chooses: a record, a round, a target, or a record or a target ('' when
    it can be made). A target brings its round. ``resolve`` checks the same and says it with
    the flags."""
    if record and spec.scope in RECORD_SCOPES:
        return ""
    if spec.scope == "record":
        return "record"
    if spec.scope == "record_or_target" and not target:
        return "record_or_target"
    if spec.scope == "target" and not target:
        return "target"
    if not (round_chosen or target):
        return "round"
    return ""


def resolve(session: Session, request: DocRequest) -> tuple[DocSpec, DocRequest]:
    """The spec and the request with its scope and 份号 checked (round filled in from the
    target)."""
    spec = get_spec(request.doc_type)
    if request.draft and not spec.signed_findings:
        drafts = "、".join(d.title for d in DOCUMENTS if d.signed_findings)
        raise DocumentScopeError(
            f"{spec.title}没有征求意见稿；征求意见稿只用于{drafts}", doc_type=spec.code
        )
    check_frame_choices(spec, request)
    request = replace(
        request,
        doc_type=spec.code,
        round_id=request.round_id or None,
        target_id=request.target_id or None,
        record_id=request.record_id or None,
        copy_no=copy_number(request.copy_no),
    )
    if spec.scope == "record" and not request.record_id:
        raise DocumentScopeError(f"{spec.title}需用 --id 指定记录", doc_type=spec.code)
    if request.record_id and spec.scope in RECORD_SCOPES:
        return spec, _with_record_scope(session, spec, request)
    if request.record_id:
        raise DocumentScopeError(f"{spec.title}按轮次生成，不接受 --id", doc_type=spec.code)
    if request.target_id:
        target = get_target(session, request.target_id)
        if request.round_id and target.round_id not in (None, request.round_id):
            raise DocumentScopeError("所选被巡察对象不属于该轮次", doc_type=spec.code)
        round_id = request.round_id or target.round_id
        request = replace(request, round_id=round_id, target_id=target.id)
    elif spec.scope in TARGET_SCOPES:
        raise DocumentScopeError(f"{spec.title}需用 --target 指定被巡察对象", doc_type=spec.code)
    if not request.round_id:
        raise DocumentScopeError(f"{spec.title}需用 --round 指定巡察轮次", doc_type=spec.code)
    get_round(session, request.round_id)
    return spec, request


def record_kind(spec: DocSpec) -> str | None:
    """The kind (services.identifiers) whose number an --id of this type may be given as: only
    for a type whose --id names one table (a 督办函's names an item or a supervision)."""
    if len(spec.records) != 1:
        return None
    return next((k for k, kind in KINDS.items() if kind.model is spec.records[0]), None)


def _with_record_scope(session: Session, spec: DocSpec, request: DocRequest) -> DocRequest:
    """A framed document of one record: the record's round and target, so that its 版头 is its
    team's (发文机关标志, 组长 as 签发人) and its 发文字号 is registered under them."""
    if spec.frame is None:
        return request
    for model in spec.records:
        row = session.get(model, request.record_id)
        if row is not None:
            return replace(
                request,
                round_id=request.round_id or row.round_id,
                target_id=request.target_id or getattr(row, "target_id", None),
            )
    return request  # not found: the type's context says what is missing
