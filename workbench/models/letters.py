"""信访件: letters, calls, visits and the rest, from registration to disposition."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin
from workbench.vocab.enums import LetterCategory, LetterChannel, LetterDisposition, LetterStatus


class Letter(RecordMixin, Base):
    __tablename__ = "letters"
    # Letters are the table that reaches 100,000 rows. Partial indexes over live rows let the
    # list's count and newest-first order, and the round statistics, read an index only.
    __table_args__ = (
        Index(
            "ix_letters_live_received",
            "received_at",
            "number",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_letters_live_round",
            "round_id",
            "received_at",
            "number",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_letters_live_stats",
            "round_id",
            "category",
            "channel",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    number: Mapped[str] = mapped_column(String(40), index=True)
    channel: Mapped[LetterChannel] = mapped_column(EnumCode(LetterChannel))
    received_at: Mapped[datetime] = mapped_column(index=True)
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    reporter_name: Mapped[str] = mapped_column(String(40), default="")
    reporter_contact: Mapped[str] = mapped_column(String(80), default="")
    # [{"name": …, "position": …, "unit": …}]
    reported_persons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    original_sha256: Mapped[str | None] = mapped_column(String(64))  # 原件扫描
    disciplines: Mapped[list[str]] = mapped_column(JSON, default=list)
    category: Mapped[LetterCategory | None] = mapped_column(EnumCode(LetterCategory), index=True)
    disposition: Mapped[LetterDisposition | None] = mapped_column(EnumCode(LetterDisposition))
    transfer_to: Mapped[str] = mapped_column(String(120), default="")  # 转交(单位)
    proposal: Mapped[str] = mapped_column(Text, default="")  # 拟办意见
    meeting_date: Mapped[date | None] = mapped_column()  # 组务会日期
    status: Mapped[LetterStatus] = mapped_column(EnumCode(LetterStatus), index=True)
    duplicate_of_id: Mapped[str | None] = mapped_column(String(36), index=True)
    clue_id: Mapped[str | None] = mapped_column(String(36))
    finding_id: Mapped[str | None] = mapped_column(String(36))
