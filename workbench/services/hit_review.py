"""What a person does with a 比对疑点 (a ``DataHit``): decide it, or turn it into a 问题线索 or a
底稿 with its matched rows as evidence.

- A decision is 待核实, 属实 or 排除; 排除 needs a reason. It names who decided and when, and is
  audited by the flush hook (the fields changed) like every other edit. Whoever works on case
  records decides (a 巡察组's roles and the 巡察办, as for clues); the 三员 never do.
- Converting turns a new hit 属实 (a hit already 待核实 or 属实 keeps its decision); an 排除
  hit is not converted, and a hit converted once is neither converted again nor 排除 while that
  record stands (a voided clue or 底稿 frees it).
- The matched rows go with it as an encrypted .xlsx attachment (``datacheck.evidence``): a 佐证材料
  of the 底稿; a clue has no materials of its own (no attachment column; its ``source_refs``
  name records, here the hit), so its .xlsx is a 佐证材料 that belongs to no 底稿, titled with the
  clue's number. It holds the key fields, and every cell of the rows only when every role that
  reads case content may see the lists (``data_access.everyone_sees_raw``): all of them read a
  clue's or 底稿's materials, whoever converted the hit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO
from typing import Any, BinaryIO, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.datacheck import evidence as sheet
from workbench.errors import AmbiguousName, Conflict, NotFound, ValidationError, WorkflowError
from workbench.models import Clue, DataHit, Evidence, Finding
from workbench.roles import Role
from workbench.services.authority import check_recusal, record_team
from workbench.services.clues import ClueDraft, register_clue
from workbench.services.common import (
    actor_id,
    actor_name,
    get_live,
    optional_text,
    parse_enum,
    require_role,
    required_text,
)
from workbench.services.data_access import everyone_sees_raw, may_see_raw
from workbench.services.datahits import HitView, check_not_recused, hit_rows, hit_view
from workbench.services.findings import FindingDraft, create_finding
from workbench.services.findings_evidence import EvidenceDraft, create_evidence
from workbench.services.rounds import check_version
from workbench.services.workflow import TEAM_ROLES, SourceRef, local_now, round_row
from workbench.store.attachments import AttachmentInfo
from workbench.vocab.enums import (
    CadreLevel,
    ClueTransferUnit,
    Discipline,
    EvidenceType,
    HitStatus,
    TransferMode,
)

DECIDERS: tuple[Role, ...] = (*TEAM_ROLES, Role.OFFICE)
DECISIONS = (HitStatus.PENDING, HitStatus.CONFIRMED, HitStatus.EXCLUDED)
# 调阅、复制有关文件档案: the lists are the departments' records the office collected
DEFAULT_METHOD = "FS-06"
REASON_MAX = 2000
_PREFIX_MIN = 6  # characters of an id a person may type instead of all 36


class Attachments(Protocol):
    """Where the .xlsx goes: the unlocked store's ``AttachmentStore`` (``vault.attachments``)."""

    def add(
        self,
        session: Session,
        source: BinaryIO,
        *,
        name: str,
        media_type: str = ...,
        size_hint: int | None = ...,
    ) -> AttachmentInfo: ...


@dataclass(frozen=True)
class Converted:
    """A hit turned into a clue or 底稿: the record made, its number, and the .xlsx evidence."""

    hit: HitView
    record_type: str  # "clues" or "findings"
    record_id: str
    number: str
    evidence_id: str
    attachment_sha256: str


def _view(session: Session, row: DataHit) -> HitView:
    return hit_view(row, raw=may_see_raw(session))


def resolve_hit(session: Session, text: str) -> str:
    """The id of the live hit ``text`` names: its id, or the id's first characters (at least
    six) as ``data hits`` shows them."""
    wanted = text.strip().lower()
    try:
        uuid.UUID(wanted)
    except ValueError:
        if len(wanted) < _PREFIX_MIN:
            raise NotFound(
                f"未找到比对疑点“{text}”（请写疑点 id，或其前 {_PREFIX_MIN} 位以上）", text=text
            ) from None
    ids = session.scalars(
        select(DataHit.id)
        .where(DataHit.id.startswith(wanted, autoescape=True), DataHit.deleted_at.is_(None))
        .order_by(DataHit.id)
        .limit(11)
    ).all()
    if not ids:
        raise NotFound(f"未找到比对疑点“{text}”", text=text)
    if len(ids) > 1:
        raise AmbiguousName(
            f"“{text}”对应多条比对疑点，请多写几位 id", field="hit", candidates=list(ids)
        )
    return str(ids[0])


def _load(session: Session, hit_id: str, expected_version: int | None) -> DataHit:
    row = get_live(session, DataHit, hit_id, "比对疑点")
    check_version(row.version, expected_version)
    check_not_recused(session, row)
    check_recusal(
        session,
        row.round_id,
        target_id=None,
        names=(row.subject_name,) if row.subject_name else (),
        noun="比对疑点",
        team_id=row.team_id,
        record=("data_hits", row.id),
    )
    return row


def _linked(
    session: Session, hit_id: str, clue_id: str | None, finding_id: str | None
) -> list[str]:
    """The live clue and 底稿 a hit was turned into, in words (问题线索 XS-2026-0001). A link
    counts when that record names the hit as its source, as a conversion makes it: a package
    may set a hit's ``clue_id`` to any clue."""
    found = []
    for model, ref, label in ((Clue, clue_id, "问题线索"), (Finding, finding_id, "问题底稿")):
        linked: Any = session.get(model, ref) if ref is not None else None
        if linked is not None and linked.deleted_at is None and _names(linked, hit_id):
            found.append(f"{label} {linked.number}")
    return found


def _names(record: Clue | Finding, hit_id: str) -> bool:
    refs = record.source_refs if isinstance(record.source_refs, list) else []
    wanted = {"type": "data_hit", "id": hit_id}
    return any(isinstance(r, dict) and r.items() >= wanted.items() for r in refs)


def linked_records(session: Session, view: HitView) -> tuple[str, ...]:
    return tuple(_linked(session, view.id, view.clue_id, view.finding_id))


def _converted_to(session: Session, row: DataHit) -> str | None:
    return next(iter(_linked(session, row.id, row.clue_id, row.finding_id)), None)


def _decide(session: Session, row: DataHit, status: HitStatus, reason: str) -> None:
    row.status = status
    row.reason = reason
    row.decided_by = (actor_name(session) or actor_id(session) or "")[:64]
    row.decided_at = local_now()


def decide_hit(
    session: Session,
    hit_id: str,
    status: HitStatus | str,
    reason: str = "",
    expected_version: int | None = None,
) -> HitView:
    """待核实, 属实 or 排除 (with its reason); a hit turned into a clue or 底稿 is not 排除 while
    that record stands (待核实 and 属实 follow the verification)."""
    require_role(session, DECIDERS, "处理比对疑点")
    wanted = parse_enum(HitStatus, status, "status", "处理结论")
    if wanted not in DECISIONS:
        names = "、".join(s.label for s in DECISIONS)
        raise ValidationError(f"处理结论只能是：{names}", field="status")
    if wanted is HitStatus.EXCLUDED:
        text = required_text(reason, "reason", "排除理由", REASON_MAX)
    else:
        text = optional_text(reason, "reason", "核实说明", REASON_MAX)
    row = _load(session, hit_id, expected_version)
    if wanted is HitStatus.EXCLUDED and (record := _converted_to(session, row)):
        raise Conflict(f"疑点已转为{record}，不能排除；如转错了，请先作废该记录", hit_id=row.id)
    _decide(session, row, wanted, text)
    session.flush()
    return _view(session, row)


def _convertible(session: Session, row: DataHit, what: str) -> str:
    """The hit's round, once it is known that it may be turned into ``what``."""
    if row.status is HitStatus.EXCLUDED:
        why = f"（理由：{row.reason}）" if row.reason else ""
        raise WorkflowError(
            f"疑点已排除{why}，不能转为{what}；如需转，请先将其改为待核实或属实",
            field="status",
            status=str(row.status),
        )
    if record := _converted_to(session, row):
        raise Conflict(f"疑点已转为{record}，不能重复转换", hit_id=row.id)
    if not row.round_id:
        raise ValidationError("疑点不属于任何巡察轮次，不能转换", field="round_id")
    _check_same_match(session, row, what)
    return round_row(session, row.round_id).id


def _check_same_match(session: Session, row: DataHit, what: str) -> None:
    """The other hits of the round with the same ``match_key`` are the same match (a team's
    package brings its hit of the lists the office ran over too): one of them 排除 or converted
    decides for this one."""
    others = session.scalars(
        select(DataHit).where(
            DataHit.round_id == row.round_id,
            DataHit.match_key == row.match_key,
            DataHit.id != row.id,
            DataHit.deleted_at.is_(None),
        )
    )
    for other in others:
        if record := _converted_to(session, other):
            raise Conflict(f"同一比对结果的另一条疑点已转为{record}，不能重复转换", hit_id=other.id)
        if other.status is HitStatus.EXCLUDED:
            why = f"（理由：{other.reason}）" if other.reason else ""
            raise WorkflowError(
                f"同一比对结果的另一条疑点 {other.id[:8]} 已排除{why}，不能转为{what}；"
                "如需转，请先将其改为待核实或属实",
                field="status",
                hit_id=other.id,
            )


def disciplines_of(text: str) -> tuple[str, ...]:
    """The 六项纪律 a rule's 涉及纪律 names (by name or code), in their order."""
    return tuple(d.value for d in Discipline if d.label in text or d.value in text)


def problem_text(row: DataHit) -> str:
    """The clue's 具体问题 and the 底稿's 问题概述: the 比对情况 and the 定性提示."""
    parts = [row.summary.strip()]
    if row.qualification.strip():
        parts.append(f"定性提示：{row.qualification.strip()}")
    parts.append(f"（大数据碰撞比对：{row.rule_title}）")
    return "\n".join(p for p in parts if p)


def _attach_rows(
    session: Session, attachments: Attachments, row: DataHit, when: date
) -> AttachmentInfo:
    raw = everyone_sees_raw(session)  # every reader of the clue or 底稿 reads the .xlsx
    content = sheet.hit_xlsx(
        sheet.HitSheet(
            rule_title=row.rule_title,
            summary=row.summary,
            qualification=row.qualification,
            discipline=row.discipline,
            subject_name=row.subject_name,
            subject_id_number=row.subject_id_number,
            status=row.status.label,
            rows=list(hit_rows(row.rows, raw=raw)),
        ),
        raw=raw,
    )
    return attachments.add(
        session,
        BytesIO(content),
        name=sheet.file_name(row.rule_title, row.subject_name, when),
        media_type=sheet.MEDIA_TYPE,
        size_hint=len(content),
    )


def _mark_converted(session: Session, row: DataHit) -> None:
    if row.status is HitStatus.NEW:
        _decide(session, row, HitStatus.CONFIRMED, row.reason)


def _evidence_title(row: DataHit) -> str:
    return f"比中数据：{row.rule_title}"[:200]


def hit_to_clue(
    session: Session,
    hit_id: str,
    *,
    attachments: Attachments,
    subject_level: CadreLevel | str,
    transfer_unit: ClueTransferUnit | str = ClueTransferUnit.DISCIPLINE_COMMISSION,
    second_unit: ClueTransferUnit | str | None = None,
    other_unit: str = "",
    subject_position: str = "",
    target_id: str | None = None,
    team_id: str | None = None,
    feedback_due: date | None = None,
    expected_version: int | None = None,
) -> Converted:
    """登记 a 问题线索 from the hit: its subject, the summary and 定性提示 as 具体问题, the rule's
    纪律, the hit as its source; the matched rows as a 佐证材料 named after the clue."""
    require_role(session, DECIDERS, "将比对疑点转为问题线索")
    row = _load(session, hit_id, expected_version)
    round_id = _convertible(session, row, "问题线索")
    mode = TransferMode.DOUBLE if second_unit not in (None, "") else TransferMode.SINGLE
    clue = register_clue(
        session,
        ClueDraft(
            round_id=round_id,
            subject_name=row.subject_name,
            subject_level=subject_level,
            subject_position=subject_position,
            problem=problem_text(row),
            transfer_unit=transfer_unit,
            transfer_mode=mode,
            second_unit=second_unit or None,
            other_unit=other_unit,
            disciplines=disciplines_of(row.discipline),
            feedback_due=feedback_due,
            target_id=target_id,
            team_id=team_id or row.team_id,
            source_refs=(SourceRef("data_hit", row.id),),
        ),
    )
    _mark_converted(session, row)
    info = _attach_rows(session, attachments, row, date.today())
    material = Evidence(
        round_id=clue.round_id,
        team_id=clue.team_id,
        finding_id=None,
        evidence_type=EvidenceType.DOCUMENT,
        title=_evidence_title(row),
        source=f"问题线索 {clue.number}"[:200],
        attachment_sha256=info.sha256,
    )
    session.add(material)
    row.clue_id = clue.id
    session.flush()
    return Converted(_view(session, row), "clues", clue.id, clue.number, material.id, info.sha256)


def hit_to_finding(
    session: Session,
    hit_id: str,
    *,
    attachments: Attachments,
    target_id: str,
    title: str = "",
    method_code: str = DEFAULT_METHOD,
    taxonomy_code: str = "",
    team_id: str | None = None,
    amount: Decimal | int | str | None = None,
    expected_version: int | None = None,
) -> Converted:
    """编制 a 底稿 from the hit on ``target_id`` (the unit inspected): 名称 the rule's title
    unless given, 问题概述 the summary and 定性提示, the rule's 纪律, the hit as its source;
    the matched rows as its first 佐证材料."""
    require_role(session, DECIDERS, "将比对疑点转为底稿")
    row = _load(session, hit_id, expected_version)
    round_id = _convertible(session, row, "底稿")
    if not team_id:
        owner = record_team(session, round_id, None, target_id)
        team_id = owner.id if owner is not None else row.team_id
    finding = create_finding(
        session,
        FindingDraft(
            round_id=round_id,
            title=title.strip() or f"{row.rule_title}（{row.subject_name}）",
            target_id=target_id,
            method_code=method_code or DEFAULT_METHOD,
            summary=problem_text(row),
            discovery=f"大数据碰撞比对，规则“{row.rule_title}”（第 {row.rule_version} 版）比中",
            source_refs=(SourceRef("data_hit", row.id),),
            amount=amount,
            taxonomy_code=taxonomy_code,
            disciplines=disciplines_of(row.discipline),
            team_id=team_id,
        ),
    )
    _mark_converted(session, row)
    info = _attach_rows(session, attachments, row, date.today())
    material = create_evidence(
        session,
        finding.id,
        EvidenceDraft(
            evidence_type=EvidenceType.DOCUMENT,
            title=_evidence_title(row),
            source="大数据碰撞比对",
            attachment_sha256=info.sha256,
        ),
    )
    row.finding_id = finding.id
    session.flush()
    view = _view(session, row)
    return Converted(view, "findings", finding.id, finding.number, material.id, info.sha256)
