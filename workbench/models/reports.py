"""Report records (versions and approval of the documents) and 立卷归档 items."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin
from workbench.vocab.enums import ApprovalState, ReportType, Retention


class Report(RecordMixin, Base):
    __tablename__ = "reports"

    report_type: Mapped[ReportType] = mapped_column(EnumCode(ReportType))
    title: Mapped[str] = mapped_column(String(200))
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    doc_version: Mapped[int] = mapped_column(Integer, default=1)
    approval: Mapped[ApprovalState] = mapped_column(EnumCode(ApprovalState))
    return_reason: Mapped[str] = mapped_column(Text, default="")
    finding_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    clue_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    body: Mapped[str] = mapped_column(Text, default="")
    attachment_sha256: Mapped[str | None] = mapped_column(String(64))


class ArchiveItem(RecordMixin, Base):
    __tablename__ = "archive_items"

    stage: Mapped[str] = mapped_column(String(40))  # 阶段: 巡前准备, 巡中了解, …
    category: Mapped[str] = mapped_column(String(80))  # 类目
    item_no: Mapped[str] = mapped_column(String(40), default="")  # 件号
    volume_no: Mapped[str] = mapped_column(String(40), default="")  # 卷号
    title: Mapped[str] = mapped_column(String(200))
    retention: Mapped[Retention] = mapped_column(EnumCode(Retention))
    refs: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
