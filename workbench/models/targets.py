"""The Party organisations inspected and the people in them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, EnumCode, RecordMixin
from workbench.vocab.enums import AttentionLevel, CadreLevel


class Target(RecordMixin, Base):
    """被巡察党组织. ``kind``/``subtype`` are taxonomy codes (targets@N.json)."""

    __tablename__ = "targets"

    name: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    subtype: Mapped[str | None] = mapped_column(String(32))
    attention: Mapped[AttentionLevel] = mapped_column(EnumCode(AttentionLevel))
    parent_org: Mapped[str] = mapped_column(String(120), default="")  # 上级主管
    overview: Mapped[str] = mapped_column(Text, default="")  # 基本情况
    leader_name: Mapped[str] = mapped_column(String(40), default="")  # 一把手
    county: Mapped[str] = mapped_column(String(60), default="", server_default="")  # 所属县（区）


class Person(RecordMixin, Base):
    """干部/相关人员."""

    __tablename__ = "persons"

    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    position: Mapped[str] = mapped_column(String(80), default="")
    level: Mapped[CadreLevel] = mapped_column(EnumCode(CadreLevel))
    portfolio: Mapped[str] = mapped_column(String(200), default="")  # 分管
    term_start: Mapped[date | None] = mapped_column()
    term_end: Mapped[date | None] = mapped_column()
    unit: Mapped[str] = mapped_column(String(120), default="", server_default="")  # 工作单位
    id_number: Mapped[str] = mapped_column(String(18), default="", server_default="")  # 身份证号
