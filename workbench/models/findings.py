"""问题底稿 (one problem, one working paper), its sign-off chain and its evidence."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.models.base import Base, EnumCode, RecordMixin, new_id
from workbench.vocab.enums import EvidenceType, FindingStatus, SignoffStep


class Finding(RecordMixin, Base):
    __tablename__ = "findings"

    number: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(200))
    compiled_on: Mapped[date] = mapped_column()
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    method_code: Mapped[str] = mapped_column(String(32))  # work method (taxonomy)
    # [{"type": "interview" | "letter" | "activity", "id": …}]
    source_refs: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")  # 问题概述
    discovery: Mapped[str] = mapped_column(Text, default="")  # 发现过程
    basis_ids: Mapped[list[str]] = mapped_column(JSON, default=list)  # 政策清单 entries
    # [{"name": …, "unit": …, "person_id": …, "type": ResponsibilityType}]
    responsible: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)  # 涉及金额, in 分
    taxonomy_code: Mapped[str] = mapped_column(String(64), default="", index=True)
    disciplines: Mapped[list[str]] = mapped_column(JSON, default=list)
    immediate_fix: Mapped[bool] = mapped_column(Boolean, default=False)  # 立行立改
    status: Mapped[FindingStatus] = mapped_column(EnumCode(FindingStatus), index=True)
    return_reason: Mapped[str] = mapped_column(Text, default="")
    include_in_report: Mapped[bool] = mapped_column(Boolean, default=True)
    compiled_by: Mapped[str | None] = mapped_column(String(36))  # 经办人 (user id)

    signoffs: Mapped[list[FindingSignoff]] = relationship(
        back_populates="finding",
        cascade="all, delete-orphan",
        order_by="FindingSignoff.at",
        lazy="selectin",
    )


class FindingSignoff(Base):
    """One step of 经办人编制 → 副组长复核 → 组长审签 (or a return), by whom and when."""

    __tablename__ = "finding_signoffs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    finding_id: Mapped[str] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    step: Mapped[SignoffStep] = mapped_column(EnumCode(SignoffStep))
    user_id: Mapped[str] = mapped_column(String(36))
    user_name: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column()
    comment: Mapped[str] = mapped_column(Text, default="")

    finding: Mapped[Finding] = relationship(back_populates="signoffs")


class Evidence(RecordMixin, Base):
    """佐证材料: a described piece of support, optionally with an attachment."""

    __tablename__ = "evidence"

    finding_id: Mapped[str | None] = mapped_column(String(36), index=True)
    evidence_type: Mapped[EvidenceType] = mapped_column(EnumCode(EvidenceType))
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200), default="")
    pages: Mapped[int | None] = mapped_column(Integer)
    attachment_sha256: Mapped[str | None] = mapped_column(String(64))
