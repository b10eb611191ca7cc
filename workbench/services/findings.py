"""问题底稿: one working paper per problem, drafted by a team member.

Rules enforced here and in ``findings_rules`` (the sign-off chain is in ``findings_signoff``,
evidence in ``findings_evidence``):

- "一问题一底稿": a round holds at most one live 底稿 with the same title for the same target
  (``Conflict``); a letter that concerns an existing problem links to its 底稿 instead.
- The work method is a code (or title) of the work-method catalog; the classification code must
  exist in the framework version the round pins; 定性依据 are 政策清单 entries; sources are live
  interviews, letters or activities; 涉及金额 is yuan with at most two decimals, kept in 分.
- **A leading cadre's own problem is a 问题线索, not a 底稿.** A responsible entry is refused
  with ``ClueRequired`` (WB-CLUE-REQUIRED) when it names a *person* (a name or a linked
  ``Person``, not only a unit), that person is 市管 or 县管 (by the linked ``Person.level`` or by
  the level flagged on the entry, whichever says so), and the responsibility type is 直接责任.
  直接责任 means the person's own conduct caused the problem, i.e. a personal problem to be
  transferred to 纪委监委/组织部. The leadership types (主体责任, 第一责任人, 主要领导责任) of a
  leading cadre stay in the 底稿: they are the organisation's problem, which is what 巡察 reports.
  The check runs on create, on update and again on submit (a person's level may have changed).
- Only a 底稿 in draft may be edited or deleted; an approved one is locked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, ValidationError
from workbench.models import Finding, FindingSignoff, Letter, Round
from workbench.services.authority import record_team
from workbench.services.common import (
    Page,
    RecordMeta,
    actor_id,
    apply_order,
    contains_text,
    enum_rank,
    get_live,
    live,
    not_in_future,
    optional_text,
    page,
    parse_disciplines,
    parse_enum,
    record_meta,
    records,
    require_role,
    required_text,
    void_record,
)
from workbench.services.findings_rules import (
    ResponsibleParty,
    amount_fen,
    basis_ids,
    check_not_leading_cadre,
    parse_method_code,
    require_draft,
    responsible_entries,
    taxonomy_code,
)
from workbench.services.rounds import check_version
from workbench.services.workflow import (
    TEAM_ROLES,
    SourceRef,
    check_number,
    check_sources,
    check_target,
    check_team,
    next_number,
    round_row,
    source_refs,
)
from workbench.vocab.enums import CadreLevel, FindingStatus, ResponsibilityType, SignoffStep

__all__ = [
    "FindingDraft",
    "FindingView",
    "ResponsibleParty",
    "ResponsibleView",
    "SignoffView",
    "check_not_leading_cadre",
    "create_finding",
    "finding_view",
    "get_finding",
    "list_findings",
    "require_draft",
    "update_finding",
    "void_finding",
]

NUMBER_PREFIX = "DG"
FINDING_SOURCES = ("interview", "letter", "activity", "data_hit")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class FindingDraft:
    round_id: str
    title: str
    target_id: str
    method_code: str
    compiled_on: date | None = None  # None: today
    summary: str = ""  # 问题概述
    discovery: str = ""  # 发现过程
    source_refs: tuple[SourceRef, ...] = ()
    basis_ids: tuple[str, ...] = ()
    responsible: tuple[ResponsibleParty, ...] = ()
    amount: Decimal | int | str | None = None  # 涉及金额, in 元
    taxonomy_code: str = ""
    disciplines: tuple[str, ...] = ()
    immediate_fix: bool = False
    include_in_report: bool = True
    team_id: str | None = None
    number: str | None = None  # None: next DG-YEAR-NNNN of the round


@dataclass(frozen=True)
class ResponsibleView:
    type: ResponsibilityType
    name: str
    unit: str
    person_id: str | None
    level: CadreLevel | None


@dataclass(frozen=True)
class SignoffView:
    step: SignoffStep
    user_id: str
    user_name: str
    at: datetime
    comment: str


@dataclass(frozen=True)
class FindingView:
    id: str
    round_id: str | None
    team_id: str | None
    number: str
    title: str
    compiled_on: date
    target_id: str | None
    method_code: str
    source_refs: tuple[SourceRef, ...]
    summary: str
    discovery: str
    basis_ids: tuple[str, ...]
    responsible: tuple[ResponsibleView, ...]
    amount: Decimal | None
    taxonomy_code: str
    disciplines: tuple[str, ...]
    immediate_fix: bool
    status: FindingStatus
    return_reason: str
    include_in_report: bool
    compiled_by: str | None
    signoffs: tuple[SignoffView, ...]
    meta: RecordMeta


def finding_view(row: Finding) -> FindingView:
    return FindingView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        number=row.number,
        title=row.title,
        compiled_on=row.compiled_on,
        target_id=row.target_id,
        method_code=row.method_code,
        source_refs=source_refs(row.source_refs),
        summary=row.summary,
        discovery=row.discovery,
        basis_ids=tuple(row.basis_ids),
        responsible=tuple(
            ResponsibleView(
                ResponsibilityType.parse(r["type"]),
                str(r.get("name") or ""),
                str(r.get("unit") or ""),
                r.get("person_id"),
                CadreLevel.parse(r["level"]) if r.get("level") else None,
            )
            for r in row.responsible
        ),
        amount=None if row.amount_fen is None else (Decimal(row.amount_fen) / 100).quantize(_CENT),
        taxonomy_code=row.taxonomy_code,
        disciplines=tuple(row.disciplines),
        immediate_fix=row.immediate_fix,
        status=row.status,
        return_reason=row.return_reason,
        include_in_report=row.include_in_report,
        compiled_by=row.compiled_by,
        signoffs=tuple(_signoff_view(s) for s in row.signoffs),
        meta=record_meta(row),
    )


def _signoff_view(row: FindingSignoff) -> SignoffView:
    return SignoffView(row.step, row.user_id, row.user_name, row.at, row.comment)


def _check_one_problem(
    session: Session, round_id: str, target_id: str, title: str, exclude_id: str | None
) -> None:
    query = live(Finding).where(
        Finding.round_id == round_id, Finding.target_id == target_id, Finding.title == title
    )
    if exclude_id is not None:
        query = query.where(Finding.id != exclude_id)
    other = session.scalars(query.limit(1)).first()
    if other is not None:
        raise Conflict(
            f"该对象已有同名底稿 {other.number}，一个问题只编制一份底稿",
            field="title",
            finding_id=other.id,
        )


def _values(
    session: Session, draft: FindingDraft, rnd: Round, current: Finding | None
) -> dict[str, Any]:
    """Every field checked before any is set, so a refused edit leaves the row untouched."""
    title = required_text(draft.title, "title", "底稿名称", 200)
    target_id = check_target(session, draft.target_id, rnd.id, required=True)
    assert target_id is not None
    compiled_on = draft.compiled_on or (current.compiled_on if current else None) or date.today()
    not_in_future(compiled_on, "compiled_on", "编制日期")
    responsible = responsible_entries(session, draft.responsible)
    check_not_leading_cadre(session, responsible)
    exclude_id = current.id if current else None
    values: dict[str, Any] = {
        "title": title,
        "target_id": target_id,
        "team_id": check_team(session, draft.team_id, rnd.id),
        "method_code": parse_method_code(draft.method_code),
        "compiled_on": compiled_on,
        "summary": optional_text(draft.summary, "summary", "问题概述"),
        "discovery": optional_text(draft.discovery, "discovery", "发现过程"),
        "source_refs": check_sources(session, draft.source_refs, FINDING_SOURCES),
        "basis_ids": basis_ids(session, draft.basis_ids),
        "responsible": responsible,
        "amount_fen": amount_fen(draft.amount),
        "taxonomy_code": taxonomy_code(rnd, draft.taxonomy_code),
        "disciplines": list(dict.fromkeys(parse_disciplines(draft.disciplines))),
        "immediate_fix": bool(draft.immediate_fix),
        "include_in_report": bool(draft.include_in_report),
    }
    if draft.number is not None:
        values["number"] = check_number(session, Finding, rnd.id, draft.number, exclude_id)
    elif current is None:
        values["number"] = next_number(session, Finding, rnd, NUMBER_PREFIX)
    _check_one_problem(session, rnd.id, target_id, title, exclude_id)
    _check_inspecting_team(session, rnd.id, values["team_id"], target_id)
    return values


def _check_inspecting_team(
    session: Session, round_id: str, team_id: str | None, target_id: str
) -> None:
    """A 底稿 on a unit that one team inspects belongs to that team: naming another would hand
    its sign-off to that team's leaders (``services.authority``)."""
    owner = record_team(session, round_id, None, target_id)
    if team_id and owner is not None and owner.id != team_id:
        raise ValidationError(
            f"该被巡察单位由{owner.name}巡察，其底稿须属于{owner.name}", field="team_id"
        )


# -- use cases ---------------------------------------------------------------------------------


def create_finding(session: Session, draft: FindingDraft) -> FindingView:
    require_role(session, TEAM_ROLES, "编制底稿")
    rnd = round_row(session, draft.round_id)
    values = _values(session, draft, rnd, None)
    row = Finding(
        round_id=rnd.id, status=FindingStatus.DRAFT, compiled_by=actor_id(session), **values
    )
    session.add(row)
    session.flush()
    return finding_view(row)


def update_finding(
    session: Session, finding_id: str, draft: FindingDraft, *, expected_version: int | None = None
) -> FindingView:
    require_role(session, TEAM_ROLES, "修改底稿")
    row = get_live(session, Finding, finding_id, "问题底稿")
    check_version(row.version, expected_version)
    require_draft(row, "修改")
    if draft.round_id != row.round_id:
        raise ValidationError("底稿不能改到其他巡察轮次", field="round_id")
    rnd = round_row(session, draft.round_id)
    for name, value in _values(session, draft, rnd, row).items():
        setattr(row, name, value)
    session.flush()
    return finding_view(row)


def get_finding(session: Session, finding_id: str) -> FindingView:
    return finding_view(get_live(session, Finding, finding_id, "问题底稿"))


# the sortable columns of the list (``order``: a key, "-" in front for descending)
FINDING_ORDERS = {
    "number": Finding.number,
    "title": Finding.title,
    "status": enum_rank(Finding.status, FindingStatus),
    "compiled_on": Finding.compiled_on,
    "immediate_fix": Finding.immediate_fix,
    "amount": Finding.amount_fen,
}


def list_findings(
    session: Session,
    round_id: str | None = None,
    *,
    status: FindingStatus | str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    method_code: str | None = None,
    taxonomy_prefix: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    in_report: bool | None = None,
    text: str | None = None,
    order: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[FindingView]:
    """Newest compiled first unless ``order`` names a key of ``FINDING_ORDERS``;
    ``taxonomy_prefix`` selects a 方面 or 类 with all below it; ``text`` searches the number,
    名称 and 问题概述."""
    query: Select[Finding] = records(Finding, voided)
    if round_id is not None:
        query = query.where(Finding.round_id == round_id)
    if status is not None:
        query = query.where(
            Finding.status == parse_enum(FindingStatus, status, "status", "底稿状态")
        )
    if target_id is not None:
        query = query.where(Finding.target_id == target_id)
    if team_id is not None:
        query = query.where(Finding.team_id == team_id)
    if method_code is not None:
        query = query.where(Finding.method_code == method_code)
    if taxonomy_prefix:
        query = query.where(
            (Finding.taxonomy_code == taxonomy_prefix)
            | Finding.taxonomy_code.startswith(f"{taxonomy_prefix}.", autoescape=True)
        )
    if date_from is not None:
        query = query.where(Finding.compiled_on >= date_from)
    if date_to is not None:
        query = query.where(Finding.compiled_on <= date_to)
    if in_report is not None:
        query = query.where(Finding.include_in_report.is_(in_report))
    query = contains_text(query, text, Finding.number, Finding.title, Finding.summary)
    newest = (Finding.compiled_on.desc(), Finding.number.desc(), Finding.id)
    query = apply_order(query, order, FINDING_ORDERS, newest)
    return page(session, query, finding_view, offset, limit, total)


def void_finding(session: Session, finding_id: str, reason: str) -> None:
    """作废 only a draft (a submitted or signed 底稿 is returned first, or stays); not while a
    letter's disposition points at it."""
    require_role(session, TEAM_ROLES, "作废底稿")
    row = get_live(session, Finding, finding_id, "问题底稿")
    require_draft(row, "作废")
    linked = session.scalar(
        select(Letter.number).where(Letter.finding_id == row.id, Letter.deleted_at.is_(None))
    )
    if linked is not None:
        raise Conflict(f"信访件 {linked} 已纳入此底稿，不能作废", finding_id=row.id)
    void_record(session, row, reason)
    session.flush()
