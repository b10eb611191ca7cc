"""Work activities, the supervision focus items and the "3+1" lists of a round."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin
from workbench.vocab.enums import ActivityType, FocusStatus, ListKind


class Activity(RecordMixin, Base):
    """工作记录: a briefing, forum, file review, field visit… (the work methods in action)."""

    __tablename__ = "activities"

    activity_type: Mapped[ActivityType] = mapped_column(EnumCode(ActivityType))
    method_code: Mapped[str] = mapped_column(String(32), default="")
    held_at: Mapped[datetime] = mapped_column(index=True)
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    title: Mapped[str] = mapped_column(String(200))
    participants: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")


class FocusItem(RecordMixin, Base):
    """One item of a target's 监督重点清单, as worked on in this round."""

    __tablename__ = "focus_items"

    target_id: Mapped[str] = mapped_column(String(36), index=True)
    item_code: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer, default=0)  # catalog order within the target
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[FocusStatus] = mapped_column(EnumCode(FocusStatus))
    notes: Mapped[str] = mapped_column(Text, default="")
    finding_ids: Mapped[list[str]] = mapped_column(JSON, default=list)


class ListEntry(RecordMixin, Base):
    """An entry of the "3+1" lists. Policy entries (政策清单) are the 定性依据 of findings."""

    __tablename__ = "list_entries"

    kind: Mapped[ListKind] = mapped_column(EnumCode(ListKind), index=True)
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    title: Mapped[str] = mapped_column(String(200))  # 文件名 / 职能 / 信息 / 问题
    document_no: Mapped[str] = mapped_column(String(80), default="")  # 文号
    clause: Mapped[str] = mapped_column(String(120), default="")  # 条款
    content: Mapped[str] = mapped_column(Text, default="")  # 原文摘录 / 内容
    source: Mapped[str] = mapped_column(String(120), default="")  # 来源单位
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
