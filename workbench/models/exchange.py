"""Sealed-package bookkeeping: keys, enrolled devices, revocations, the package ledger, what was
sent and confirmed, and the office's record versions and conflicts.

None of these tables travel in packages. Private keys live here (``exchange_keys.secret``) so they
are protected by the store's encryption like everything else.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from workbench.models.base import Base, utcnow


class ExchangeKey(Base):
    """A key by role name (``office_age``, ``device_signing``, ``office_signing_public``…)."""

    __tablename__ = "exchange_keys"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    public: Mapped[str] = mapped_column(Text)
    secret: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExchangeDevice(Base):
    """A field device the office enrolled (its certificate as issued)."""

    __tablename__ = "exchange_devices"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36))
    user_name: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(64))
    signing_public: Mapped[str] = mapped_column(String(64))
    age_recipient: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(64))
    certificate: Mapped[str] = mapped_column(Text)
    not_after: Mapped[datetime] = mapped_column()
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    enrolled_by: Mapped[str | None] = mapped_column(String(64))


class ExchangeRevocation(Base):
    """A revoked device: packages from it are refused; the list travels in briefings."""

    __tablename__ = "exchange_revocations"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revoked_at: Mapped[datetime] = mapped_column()
    reason: Mapped[str] = mapped_column(Text, default="")


class PackageLedger(Base):
    """Every package made here (``out``) or accepted here (``in``), written in the same
    transaction as its data. ``(direction, sender_device, device_seq)`` is unique: the same
    sequence number with another package id can never be recorded twice."""

    __tablename__ = "exchange_ledger"
    __table_args__ = (UniqueConstraint("direction", "sender_device", "device_seq"),)

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(16))
    sender_device: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(Integer)
    package_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    round_id: Mapped[str | None] = mapped_column(String(36))
    peers: Mapped[str] = mapped_column(Text, default="")  # recipients' device ids, comma-separated
    created_at: Mapped[datetime] = mapped_column()
    processed_at: Mapped[datetime] = mapped_column(default=utcnow)
    records: Mapped[int] = mapped_column(Integer, default=0)
    blobs: Mapped[int] = mapped_column(Integer, default=0)
    warning: Mapped[str] = mapped_column(Text, default="")
    confirmed_at: Mapped[datetime | None] = mapped_column()


class SentRecord(Base):
    """Field side: which record version (or attachment) went out in which package."""

    __tablename__ = "exchange_sent"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))


class SyncBase(Base):
    """Field side: the version of a record as last received from the office (the common base
    that the office uses to tell a fast-forward from a concurrent edit)."""

    __tablename__ = "exchange_sync"

    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))


class RecordVersion(Base):
    """Office side: every distinct version of a record received (or made here), with the
    versions it descends from. The live row is a pure function of this set (see merge.py)."""

    __tablename__ = "exchange_versions"

    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    parents: Mapped[str] = mapped_column(Text, default="[]")
    content: Mapped[str] = mapped_column(Text)
    # a device's edit of a record it may not replace (``device_scope``): kept as a proposal,
    # never shown while another head stands, and superseding nothing it names
    held: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class DeviceScope(Base):
    """Office side: a round a device was briefed for (``team_id`` ""), and each team of it."""

    __tablename__ = "exchange_device_scope"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    round_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class BriefedVersion(Base):
    """Office side: a record version a briefing carried to a device, which that device may
    name as the base of its edit."""

    __tablename__ = "exchange_briefed"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)


class MergeState(Base):
    """Office side: the version the merge last wrote to the live row; a live row that differs
    was edited here since, and that edit becomes a version of its own before the next merge."""

    __tablename__ = "exchange_merge_state"

    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))


class RecordConflict(Base):
    """Office side: a record with more than one head version, for a person to resolve."""

    __tablename__ = "exchange_conflicts"

    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    heads: Mapped[str] = mapped_column(Text)  # JSON [[version, hash, device], …], sorted


EXCHANGE_MODELS = (
    ExchangeKey,
    ExchangeDevice,
    ExchangeRevocation,
    PackageLedger,
    SentRecord,
    SyncBase,
    RecordVersion,
    DeviceScope,
    BriefedVersion,
    MergeState,
    RecordConflict,
)
