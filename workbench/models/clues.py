"""问题线索: problems of leading cadres, transferred to 纪委监委 / 组织部 and tracked to closure."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin
from workbench.vocab.enums import (
    CadreLevel,
    ClueHandling,
    ClueStatus,
    ClueTransferUnit,
    TransferMode,
)


class Clue(RecordMixin, Base):
    __tablename__ = "clues"

    number: Mapped[str] = mapped_column(String(40), index=True)
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    source_refs: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    subject_name: Mapped[str] = mapped_column(String(40))
    subject_position: Mapped[str] = mapped_column(String(80), default="")
    subject_level: Mapped[CadreLevel] = mapped_column(EnumCode(CadreLevel))
    problem: Mapped[str] = mapped_column(Text)  # 具体问题
    disciplines: Mapped[list[str]] = mapped_column(JSON, default=list)
    category1: Mapped[str] = mapped_column(String(64), default="")  # 一级分类
    category2: Mapped[str] = mapped_column(String(64), default="")  # 二级分类
    transfer_unit: Mapped[ClueTransferUnit] = mapped_column(EnumCode(ClueTransferUnit))
    transfer_mode: Mapped[TransferMode] = mapped_column(EnumCode(TransferMode))
    # 双移交: the second receiving unit; 其他: the unit's name (only one of the two can be 其他)
    second_unit: Mapped[ClueTransferUnit | None] = mapped_column(EnumCode(ClueTransferUnit))
    other_unit: Mapped[str] = mapped_column(String(120), default="")
    transferred_by: Mapped[str] = mapped_column(String(40), default="")
    transferred_at: Mapped[datetime | None] = mapped_column()
    received_by: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[datetime | None] = mapped_column()
    handling: Mapped[ClueHandling | None] = mapped_column(EnumCode(ClueHandling))
    result: Mapped[str] = mapped_column(Text, default="")  # 办理结果
    feedback_due: Mapped[date | None] = mapped_column(index=True)  # 反馈期限
    fed_back_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[ClueStatus] = mapped_column(EnumCode(ClueStatus), index=True)
    # 处置结果: [{kind, date, detail, unit}] in the order recorded. A JSON list on the clue rather
    # than a child table: a clue carries a handful of entries that are never queried on their own,
    # and they travel in packages, merge and are audited with the clue as one record.
    outcomes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
