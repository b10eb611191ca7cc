"""整改台账: one row per fed-back problem, tracked to 销号; and the follow-through around it: the
target's 整改方案/整改报告, supervision by 纪委监委 and 组织部, the 质效评估 and the 新官理旧账
提醒函."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin
from workbench.vocab.enums import (
    Grade,
    RectificationDocKind,
    RectificationDocStatus,
    RectificationStatus,
    SupervisionAgency,
)


class Rectification(RecordMixin, Base):
    __tablename__ = "rectifications"

    number: Mapped[str] = mapped_column(String(40), index=True)
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    finding_id: Mapped[str | None] = mapped_column(String(36))  # 反馈问题 ref
    category: Mapped[str] = mapped_column(String(120), default="")  # 问题归类
    problem: Mapped[str] = mapped_column(Text)  # 问题表现
    measures: Mapped[str] = mapped_column(Text, default="")  # 整改措施
    leader_in_charge: Mapped[str] = mapped_column(String(40), default="")  # 分管领导
    lead_department: Mapped[str] = mapped_column(String(120), default="")  # 牵头部门
    responsible_person: Mapped[str] = mapped_column(String(40), default="")  # 主要负责人
    due_date: Mapped[date | None] = mapped_column(index=True)  # 时限
    status: Mapped[RectificationStatus] = mapped_column(EnumCode(RectificationStatus), index=True)
    evidence_sha256: Mapped[list[str]] = mapped_column(JSON, default=list)  # 佐证
    progress_notes: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column()  # 销号日期
    grade: Mapped[Grade | None] = mapped_column(EnumCode(Grade))  # 评估等次
    goal: Mapped[str] = mapped_column(Text, default="")  # 整改目标
    specific_person: Mapped[str] = mapped_column(String(40), default="")  # 具体责任人
    # 佐证材料目录: [{"name", "sha256"}] in order; a linked sha256 is also in evidence_sha256,
    # which stays the list of attachments the item needs (what packages carry)
    evidence_catalog: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    review_opinion: Mapped[str] = mapped_column(Text, default="")  # 巡察办审核意见
    reviewed_on: Mapped[date | None] = mapped_column()
    reviewed_by: Mapped[str] = mapped_column(String(40), default="")


class RectificationDocument(RecordMixin, Base):
    """A target's 整改方案 or 整改报告: due within the period after 反馈, then reviewed."""

    __tablename__ = "rectification_documents"

    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[RectificationDocKind] = mapped_column(EnumCode(RectificationDocKind))
    title: Mapped[str] = mapped_column(String(200), default="")
    feedback_on: Mapped[date | None] = mapped_column()  # 反馈日期, the period starts here
    due_on: Mapped[date | None] = mapped_column(index=True)  # 报送期限
    submitted_on: Mapped[date | None] = mapped_column()
    status: Mapped[RectificationDocStatus] = mapped_column(EnumCode(RectificationDocStatus))
    body: Mapped[str] = mapped_column(Text, default="")
    attachment_sha256: Mapped[list[str]] = mapped_column(JSON, default=list)
    review_note: Mapped[str] = mapped_column(Text, default="")  # 审核意见 / 退回理由
    reviewed_on: Mapped[date | None] = mapped_column()
    reviewed_by: Mapped[str] = mapped_column(String(40), default="")


class RectificationSupervision(RecordMixin, Base):
    """A 督查/监督记录 by 纪委监委 or 组织部 on a target's rectification; 督办 when escalated."""

    __tablename__ = "rectification_supervisions"

    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    rectification_id: Mapped[str | None] = mapped_column(String(36), index=True)  # one item, or all
    agency: Mapped[SupervisionAgency] = mapped_column(EnumCode(SupervisionAgency))
    held_on: Mapped[date] = mapped_column()
    body: Mapped[str] = mapped_column(Text)  # 督查情况
    found: Mapped[str] = mapped_column(Text, default="")  # 发现的问题
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)  # 督办


class RectificationAssessment(RecordMixin, Base):
    """质效评估 of a target's rectification as a whole, by the office."""

    __tablename__ = "rectification_assessments"

    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    grade: Mapped[Grade] = mapped_column(EnumCode(Grade))
    assessed_on: Mapped[date] = mapped_column()
    assessor: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text, default="")


class ReminderLetter(RecordMixin, Base):
    """新官理旧账 提醒函: the target's 主要负责人 changed while items were still open."""

    __tablename__ = "reminder_letters"

    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    old_leader: Mapped[str] = mapped_column(String(40))
    new_leader: Mapped[str] = mapped_column(String(40))
    changed_on: Mapped[date] = mapped_column()  # 调整日期
    sent_on: Mapped[date | None] = mapped_column()  # 发函日期
    rectification_ids: Mapped[list[str]] = mapped_column(JSON, default=list)  # items it covers
    body: Mapped[str] = mapped_column(Text, default="")
