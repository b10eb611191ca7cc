"""整改台账: one row per fed-back problem, tracked to 销号."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin
from workbench.models.enums import Grade, RectificationStatus


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
