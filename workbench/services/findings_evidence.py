"""佐证材料 of a 底稿: the 支撑材料目录, each item optionally backed by an attachment.

Evidence changes only while its 底稿 is a draft: the signers sign the 底稿 with its materials.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models import Evidence, Finding
from workbench.services.common import (
    RecordMeta,
    get_live,
    live,
    optional_text,
    parse_enum,
    record_meta,
    require_role,
    required_text,
    void_record,
)
from workbench.services.findings import require_draft
from workbench.services.workflow import TEAM_ROLES, check_attachment
from workbench.vocab.enums import EvidenceType


@dataclass(frozen=True)
class EvidenceDraft:
    evidence_type: EvidenceType | str
    title: str
    source: str = ""
    pages: int | None = None
    attachment_sha256: str | None = None


@dataclass(frozen=True)
class EvidenceView:
    id: str
    finding_id: str | None
    round_id: str | None
    evidence_type: EvidenceType
    title: str
    source: str
    pages: int | None
    attachment_sha256: str | None
    meta: RecordMeta


def _evidence_view(row: Evidence) -> EvidenceView:
    return EvidenceView(
        id=row.id,
        finding_id=row.finding_id,
        round_id=row.round_id,
        evidence_type=row.evidence_type,
        title=row.title,
        source=row.source,
        pages=row.pages,
        attachment_sha256=row.attachment_sha256,
        meta=record_meta(row),
    )


def create_evidence(session: Session, finding_id: str, draft: EvidenceDraft) -> EvidenceView:
    require_role(session, TEAM_ROLES, "添加佐证材料")
    finding = get_live(session, Finding, finding_id, "问题底稿")
    require_draft(finding, "添加佐证材料")
    if draft.pages is not None and (isinstance(draft.pages, bool) or draft.pages < 1):
        raise ValidationError("页数应为正整数", field="pages")
    row = Evidence(
        round_id=finding.round_id,
        team_id=finding.team_id,
        finding_id=finding.id,
        evidence_type=parse_enum(EvidenceType, draft.evidence_type, "evidence_type", "材料类型"),
        title=required_text(draft.title, "title", "材料标题", 200),
        source=optional_text(draft.source, "source", "材料来源", 200),
        pages=draft.pages,
        attachment_sha256=check_attachment(session, draft.attachment_sha256, "attachment_sha256"),
    )
    session.add(row)
    session.flush()
    return _evidence_view(row)


def list_evidence(session: Session, finding_id: str) -> list[EvidenceView]:
    query = (
        live(Evidence)
        .where(Evidence.finding_id == finding_id)
        .order_by(Evidence.created_at, Evidence.id)
    )
    return [_evidence_view(r) for r in session.scalars(query)]


def void_evidence(session: Session, evidence_id: str, reason: str) -> None:
    require_role(session, TEAM_ROLES, "作废佐证材料")
    row = get_live(session, Evidence, evidence_id, "佐证材料")
    author = None
    if row.finding_id is not None:
        finding = get_live(session, Finding, row.finding_id, "问题底稿")
        require_draft(finding, "作废佐证材料")
        author = finding.created_by  # the 底稿's author keeps its evidence in order
    void_record(session, row, reason, also_owned_by=author)
    session.flush()
