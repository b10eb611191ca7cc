"""Declarative base, naming convention (Alembic batch migrations need stable names), the
record mixin every inspection record shares and the enum column type."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC (SQLite keeps no zone); every timestamp in the store is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def stored_datetime(value: datetime) -> str:
    """A timestamp as SQLAlchemy's SQLite DATETIME stores it, for rows written without the ORM."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


class EnumCode(TypeDecorator[Any]):
    """Store a LabeledEnum as its stable code string (never the member name)."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else self.enum_cls(value).value

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return None if value is None else self.enum_cls(value)


class RecordMixin:
    """What every inspection record carries (DOMAIN.md "Records").

    ``version`` counts edits and, with ``updated_at`` and ``origin_device``, lets packages merge
    records without blind overwrites. ``deleted_at`` is a tombstone: a voided (作废) record stays
    as a row, with its ``void_reason``, so that the voiding itself travels in packages. Stamps
    are set by the flush hook in ``workbench.store.stamps``; services never set them by hand.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    round_id: Mapped[str | None] = mapped_column(String(36), index=True)
    team_id: Mapped[str | None] = mapped_column(String(36), index=True)
    created_by: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    origin_device: Mapped[str | None] = mapped_column(String(36))
    secrecy: Mapped[str] = mapped_column(String(16), default="work_secret")
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_by: Mapped[str | None] = mapped_column(String(36))
    void_reason: Mapped[str] = mapped_column(Text, default="")
