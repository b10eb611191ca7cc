"""Store-level tables: metadata, users, the audit chain and attachment content."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, new_id, utcnow


class StoreMeta(Base):
    """Key/value facts about the store: store id, role (field/office), device id, settings."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    roles: Mapped[list[str]] = mapped_column(JSON)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class RoleGrant(Base):
    """One signed role grant (store/grants.py): the roles are what these statements say, not the
    ``users.roles`` column, which is only a cache for listing."""

    __tablename__ = "role_grants"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    statement: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(128))
    cosignature: Mapped[str | None] = mapped_column(String(128))


class AuditEntry(Base):
    """One link of the hash chain. Triggers in the migration refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column()
    actor_id: Mapped[str | None] = mapped_column(String(36))
    actor_name: Mapped[str | None] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str | None] = mapped_column(String(64))
    object_id: Mapped[str | None] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # the acting user's Ed25519 signature (base64) over the entry's digest; None for store
    # jobs, entries before revision 0015, and a session without the user's key
    signature: Mapped[str | None] = mapped_column(String(88), nullable=True)


class AuditAnchor(Base):
    """One audit-chain position a package vouched for (docs/package-format.md, "Audit anchors").

    ``out``: this store's chain head as sent in one of its packages. ``in``: what a package
    received here claimed about its sender's chain (``device_id``): its head (``head``) and the
    entry hashes at the sender's earlier anchors, kept so the next package can be checked
    against them. Written with Core, so the rows are not themselves audited."""

    __tablename__ = "audit_anchors"
    __table_args__ = (Index("ix_audit_anchors_device_seq", "device_id", "seq"),)

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(String(3))
    device_id: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))
    head: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[datetime] = mapped_column()


class Attachment(Base):
    """Content-addressed evidence file. The bytes live encrypted in ``blobs/``."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(127), default="application/octet-stream")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(36))


class DocumentNumber(Base):
    """One issued 发文字号 (机关代字〔年份〕序号): the register the counter reads. Triggers in the
    migration refuse UPDATE and DELETE, so a number once drawn is never drawn again, even when
    the export that drew it failed or its document was thrown away."""

    __tablename__ = "document_numbers"
    __table_args__ = (UniqueConstraint("code", "year", "seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(32))  # 机关代字, e.g. ×巡一组
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    doc_type: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    round_id: Mapped[str | None] = mapped_column(String(36))
    target_id: Mapped[str | None] = mapped_column(String(36))
    record_id: Mapped[str | None] = mapped_column(String(36))
    doc_date: Mapped[date] = mapped_column()  # 成文日期
    issued_by: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
