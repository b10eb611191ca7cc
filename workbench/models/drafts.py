"""Editor drafts: what a user has typed but not saved, kept inside the encrypted store so that a
crash, a power cut or the idle lock loses nothing (and no plaintext lands in a temp file)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, utcnow


class Draft(Base):
    """One open editor's state. Private to its user, never exported, not a record."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_name: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # the editor: letter, interview, finding, …
    record_id: Mapped[str | None] = mapped_column(String(36))  # None: a record not yet created
    round_id: Mapped[str | None] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(200), default="")
    payload: Mapped[dict[str, object]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
