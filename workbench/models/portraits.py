"""政治画像: a template's items assessed for a unit, a leadership team or a person."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.models.base import Base, EnumCode, RecordMixin, new_id
from workbench.vocab.enums import Grade, PortraitSubject


class Portrait(RecordMixin, Base):
    __tablename__ = "portraits"

    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    subject_type: Mapped[PortraitSubject] = mapped_column(EnumCode(PortraitSubject))
    subject_name: Mapped[str] = mapped_column(String(120))
    person_id: Mapped[str | None] = mapped_column(String(36))
    template_id: Mapped[str] = mapped_column(String(64))
    template_version: Mapped[str] = mapped_column(String(32))
    overall: Mapped[Grade | None] = mapped_column(EnumCode(Grade))
    conclusion: Mapped[str] = mapped_column(Text, default="")  # 综合评价
    usage_advice: Mapped[str] = mapped_column(Text, default="")  # 运用建议

    items: Mapped[list[PortraitItem]] = relationship(
        back_populates="portrait", cascade="all, delete-orphan", lazy="selectin"
    )


class PortraitItem(Base):
    __tablename__ = "portrait_items"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    portrait_id: Mapped[str] = mapped_column(
        ForeignKey("portraits.id", ondelete="CASCADE"), index=True
    )
    item_code: Mapped[str] = mapped_column(String(64))
    rating: Mapped[Grade | None] = mapped_column(EnumCode(Grade))
    comment: Mapped[str] = mapped_column(Text, default="")
    evidence_refs: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    portrait: Mapped[Portrait] = relationship(back_populates="items")
