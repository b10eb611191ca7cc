"""Report records (document versions and approval: 草稿 → 报审 → 已批准) and 立卷归档 items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, ValidationError, WorkflowError
from workbench.models import ArchiveItem, Attachment, Clue, Finding, Report
from workbench.roles import Role
from workbench.services.common import (
    CASE_ROLES,
    Changes,
    Page,
    RecordMeta,
    get_live,
    optional_text,
    page,
    parse_enum,
    record_meta,
    records,
    require_role,
    required_text,
    void_record,
)
from workbench.services.portraits import RecordRef, check_refs, refs_of
from workbench.services.rounds import check_version
from workbench.services.targets import optional_target, require_round, require_team
from workbench.vocab.enums import ApprovalState, FindingStatus, ReportType, Retention

A = ApprovalState


class ReportStateError(WorkflowError):
    """A step the report's approval state does not allow."""


@dataclass(frozen=True)
class ReportDraft:
    report_type: ReportType | str
    title: str
    target_id: str | None = None
    team_id: str | None = None
    finding_ids: tuple[str, ...] = ()
    clue_ids: tuple[str, ...] = ()
    body: str = ""
    attachment_sha256: str | None = None  # the rendered or signed document


@dataclass(frozen=True)
class ReportView:
    id: str
    round_id: str | None
    team_id: str | None
    report_type: ReportType
    title: str
    target_id: str | None
    doc_version: int
    approval: ApprovalState
    return_reason: str
    finding_ids: tuple[str, ...]
    clue_ids: tuple[str, ...]
    body: str
    attachment_sha256: str | None
    meta: RecordMeta


def _report_view(row: Report) -> ReportView:
    return ReportView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        report_type=row.report_type,
        title=row.title,
        target_id=row.target_id,
        doc_version=row.doc_version,
        approval=row.approval,
        return_reason=row.return_reason,
        finding_ids=tuple(row.finding_ids),
        clue_ids=tuple(row.clue_ids),
        body=row.body,
        attachment_sha256=row.attachment_sha256,
        meta=record_meta(row),
    )


def _linked(
    session: Session,
    model: type[Finding] | type[Clue],
    ids: Sequence[str],
    round_id: str,
    field_name: str,
    label: str,
) -> list[str]:
    wanted = list(dict.fromkeys(i.strip() for i in ids if i and i.strip()))
    found = set(
        session.scalars(
            select(model.id).where(
                model.id.in_(wanted), model.deleted_at.is_(None), model.round_id == round_id
            )
        )
    )
    missing = [i for i in wanted if i not in found]
    if missing:
        raise ValidationError(f"未找到本轮的{label}：{'、'.join(missing)}", field=field_name)
    return wanted


def _apply(session: Session, row: Report, round_id: str, draft: ReportDraft) -> None:
    kind = parse_enum(ReportType, draft.report_type, "report_type", "报告类型")
    clue_ids = _linked(session, Clue, draft.clue_ids, round_id, "clue_ids", "问题线索")
    if kind is ReportType.INSPECTION and clue_ids:
        # clues are reported separately (专题报告 / 线索报告), never in the 巡察报告 itself
        raise ValidationError(
            "问题线索应写入专题报告或线索报告，不能纳入巡察报告", field="clue_ids"
        )
    sha = (draft.attachment_sha256 or "").strip().lower() or None
    if sha is not None and session.get(Attachment, sha) is None:
        raise ValidationError("报告文件附件不存在，请先导入附件", field="attachment_sha256")
    row.report_type = kind
    row.title = required_text(draft.title, "title", "报告标题", 200)
    row.target_id = optional_target(session, draft.target_id, round_id)
    row.team_id = require_team(session, draft.team_id, round_id)
    row.finding_ids = _linked(session, Finding, draft.finding_ids, round_id, "finding_ids", "底稿")
    row.clue_ids = clue_ids
    row.body = optional_text(draft.body, "body", "报告正文", 200_000)
    row.attachment_sha256 = sha


def create_report(session: Session, round_id: str, draft: ReportDraft) -> ReportView:
    require_round(session, round_id)
    row = Report(round_id=round_id, doc_version=1, approval=A.DRAFT)
    _apply(session, row, round_id, draft)
    session.add(row)
    session.flush()
    return _report_view(row)


def _in_state(
    session: Session, report_id: str, expected_version: int | None, states: tuple[A, ...], act: str
) -> Report:
    row = get_live(session, Report, report_id, "报告")
    check_version(row.version, expected_version)
    if row.approval not in states:
        wanted = "、".join(s.label for s in states)
        raise ReportStateError(
            f"报告当前为“{row.approval.label}”，不能{act}（需为：{wanted}）", field="approval"
        )
    return row


def update_report(
    session: Session, report_id: str, draft: ReportDraft, *, expected_version: int | None = None
) -> ReportView:
    """Only a 草稿 is edited: what was submitted or approved stays as it was read."""
    row = _in_state(session, report_id, expected_version, (A.DRAFT,), "修改")
    _apply(session, row, row.round_id or "", draft)
    session.flush()
    return _report_view(row)


def submit_report(
    session: Session, report_id: str, *, expected_version: int | None = None
) -> ReportView:
    """草稿 → 报审. Every linked 底稿 must already be 已审签."""
    row = _in_state(session, report_id, expected_version, (A.DRAFT,), "报审")
    if row.finding_ids:
        pending = session.scalars(
            select(Finding.number).where(
                Finding.id.in_(row.finding_ids), Finding.status != FindingStatus.APPROVED
            )
        ).all()
        if pending:
            raise ReportStateError(
                f"以下底稿尚未审签，不能报审：{'、'.join(pending)}", field="finding_ids"
            )
    row.approval = A.SUBMITTED
    session.flush()
    return _report_view(row)


def approve_report(
    session: Session, report_id: str, *, expected_version: int | None = None
) -> ReportView:
    """报审 → 已批准, by the 组长."""
    require_role(session, [Role.TEAM_LEADER], "批准报告")
    row = _in_state(session, report_id, expected_version, (A.SUBMITTED,), "批准")
    row.approval = A.APPROVED
    session.flush()
    return _report_view(row)


def return_report(
    session: Session, report_id: str, reason: str, *, expected_version: int | None = None
) -> ReportView:
    """报审 → 草稿: the 组长 sends it back for revision, saying why."""
    require_role(session, [Role.TEAM_LEADER], "退回报告")
    reason = required_text(reason, "return_reason", "退回理由", 2000)
    row = _in_state(session, report_id, expected_version, (A.SUBMITTED,), "退回")
    row.approval = A.DRAFT
    row.return_reason = reason
    session.flush()
    return _report_view(row)


def new_report_version(
    session: Session, report_id: str, *, expected_version: int | None = None
) -> ReportView:
    """Start the next document version as a 草稿 (e.g. revising an approved report). Refused
    while 报审: the reviewer must approve or return it first."""
    row = _in_state(session, report_id, expected_version, (A.DRAFT, A.APPROVED), "升版")
    row.doc_version += 1
    row.approval = A.DRAFT
    session.flush()
    return _report_view(row)


def get_report(session: Session, report_id: str) -> ReportView:
    return _report_view(get_live(session, Report, report_id, "报告"))


def list_reports(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    report_type: ReportType | str | None = None,
    approval: ApprovalState | str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[ReportView]:
    query = records(Report, voided)
    if round_id is not None:
        query = query.where(Report.round_id == round_id)
    if target_id is not None:
        query = query.where(Report.target_id == target_id)
    if team_id is not None:
        query = query.where(Report.team_id == team_id)
    if report_type is not None:
        kind = parse_enum(ReportType, report_type, "report_type", "报告类型")
        query = query.where(Report.report_type == kind)
    if approval is not None:
        query = query.where(Report.approval == parse_enum(A, approval, "approval", "审批状态"))
    query = query.order_by(Report.created_at, Report.id)
    return page(session, query, _report_view, offset, limit, total)


def void_report(session: Session, report_id: str, reason: str) -> Changes:
    """An approved report is a record of what was decided: it is archived, not voided."""
    require_role(session, CASE_ROLES, "作废报告")
    row = _in_state(session, report_id, None, (A.DRAFT, A.SUBMITTED), "作废")
    void_record(session, row, reason)
    session.flush()
    return Changes.of("report", report_id)


# -- 立卷归档 ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArchiveDraft:
    stage: str  # 阶段: 巡前准备, 巡中了解, …
    category: str  # 类目
    title: str
    retention: Retention | str  # 保管期限
    item_no: str = ""  # 件号
    volume_no: str = ""  # 卷号
    refs: tuple[RecordRef, ...] = ()
    team_id: str | None = None


@dataclass(frozen=True)
class ArchiveItemView:
    id: str
    round_id: str | None
    team_id: str | None
    stage: str
    category: str
    item_no: str
    volume_no: str
    title: str
    retention: Retention
    refs: tuple[RecordRef, ...]
    meta: RecordMeta


def _archive_view(row: ArchiveItem) -> ArchiveItemView:
    return ArchiveItemView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        stage=row.stage,
        category=row.category,
        item_no=row.item_no,
        volume_no=row.volume_no,
        title=row.title,
        retention=row.retention,
        refs=refs_of(row.refs),
        meta=record_meta(row),
    )


def _apply_archive(session: Session, row: ArchiveItem, round_id: str, d: ArchiveDraft) -> None:
    row.stage = required_text(d.stage, "stage", "阶段", 40)
    row.category = required_text(d.category, "category", "类目", 80)
    row.title = required_text(d.title, "title", "题名", 200)
    row.retention = parse_enum(Retention, d.retention, "retention", "保管期限")
    row.item_no = optional_text(d.item_no, "item_no", "件号", 40)
    row.volume_no = optional_text(d.volume_no, "volume_no", "卷号", 40)
    if row.item_no:
        clash = session.scalar(
            select(ArchiveItem.id).where(
                ArchiveItem.round_id == round_id,
                ArchiveItem.deleted_at.is_(None),
                ArchiveItem.volume_no == row.volume_no,
                ArchiveItem.item_no == row.item_no,
                ArchiveItem.id != (row.id or ""),
            )
        )
        if clash is not None:
            raise Conflict(f"卷号“{row.volume_no}”下已有件号“{row.item_no}”", field="item_no")
    row.refs = check_refs(session, d.refs, "refs")
    row.team_id = require_team(session, d.team_id, round_id)


def create_archive_item(session: Session, round_id: str, draft: ArchiveDraft) -> ArchiveItemView:
    require_round(session, round_id)
    row = ArchiveItem(round_id=round_id)
    _apply_archive(session, row, round_id, draft)
    session.add(row)
    session.flush()
    return _archive_view(row)


def update_archive_item(
    session: Session, item_id: str, draft: ArchiveDraft, *, expected_version: int | None = None
) -> ArchiveItemView:
    row = get_live(session, ArchiveItem, item_id, "归档条目")
    check_version(row.version, expected_version)
    _apply_archive(session, row, row.round_id or "", draft)
    session.flush()
    return _archive_view(row)


def get_archive_item(session: Session, item_id: str) -> ArchiveItemView:
    return _archive_view(get_live(session, ArchiveItem, item_id, "归档条目"))


def list_archive_items(
    session: Session,
    *,
    round_id: str | None = None,
    stage: str | None = None,
    category: str | None = None,
    retention: Retention | str | None = None,
    volume_no: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[ArchiveItemView]:
    """Ordered as the 目录 prints: by volume, then item number (numerically for digits)."""
    query = records(ArchiveItem, voided)
    if round_id is not None:
        query = query.where(ArchiveItem.round_id == round_id)
    if stage is not None:
        query = query.where(ArchiveItem.stage == stage)
    if category is not None:
        query = query.where(ArchiveItem.category == category)
    if retention is not None:
        kind = parse_enum(Retention, retention, "retention", "保管期限")
        query = query.where(ArchiveItem.retention == kind)
    if volume_no is not None:
        query = query.where(ArchiveItem.volume_no == volume_no)
    query = query.order_by(
        func.length(ArchiveItem.volume_no),
        ArchiveItem.volume_no,
        func.length(ArchiveItem.item_no),
        ArchiveItem.item_no,
        ArchiveItem.id,
    )
    return page(session, query, _archive_view, offset, limit, total)


def void_archive_item(session: Session, item_id: str, reason: str) -> Changes:
    require_role(session, CASE_ROLES, "作废归档条目")
    void_record(session, get_live(session, ArchiveItem, item_id, "归档条目"), reason)
    session.flush()
    return Changes.of("archive_item", item_id)
