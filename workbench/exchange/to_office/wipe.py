"""清理: wipe a round from a field laptop once the office has confirmed holding all of it.

Every record of the round (tombstones included) must be, at its current version, in a package the
office confirmed by receipt — or be unchanged since the office briefed it — and so must every
attachment the round uses. Then the round's records go, with the attachments no other round uses,
and the database is compacted (VACUUM) so freed pages do not keep old content. The audit log is
kept: it records that the wipe happened, and the changed field names, never values.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from workbench.exchange.errors import ExchangeState, WipeRefused
from workbench.exchange.records.apply import base_keys
from workbench.exchange.records.recordio import ATTACHMENT_COLUMNS, ATTACHMENT_TYPE, MODELS
from workbench.exchange.records.sqllines import iter_round_lines
from workbench.exchange.to_office.export import round_rows
from workbench.exchange.to_office.export_mark import confirmed_keys
from workbench.models import Attachment
from workbench.models.exchange import SyncBase
from workbench.roles import Role
from workbench.store import audit
from workbench.store.engine import driver_errors
from workbench.store.vault import Vault


@dataclass(frozen=True)
class WipeStatus:
    round_id: str
    records: int
    unconfirmed_records: int
    attachments: int
    unconfirmed_attachments: int

    @property
    def ready(self) -> bool:
        return not self.unconfirmed_records and not self.unconfirmed_attachments


@dataclass(frozen=True)
class WipeResult:
    round_id: str
    records: int
    attachments: int


def wipe_status(session: Session, round_id: str) -> WipeStatus:
    return _survey(session, round_id)[0]


def _survey(session: Session, round_id: str) -> tuple[WipeStatus, set[str]]:
    """The round read as the export reads it: what is confirmed, and the attachments it uses."""
    confirmed, bases = confirmed_keys(session), base_keys(session)
    records = open_records = 0
    refs: set[str] = set()
    for rec in iter_round_lines(session, round_id, {}):
        records += 1
        refs |= rec.refs
        key = (rec.version, rec.hash)
        if (rec.type, rec.id, *key) not in confirmed and bases.get((rec.type, rec.id)) != key:
            open_records += 1
    open_blobs = sum((ATTACHMENT_TYPE, sha, 0, sha) not in confirmed for sha in refs)
    return WipeStatus(round_id, records, open_records, len(refs), open_blobs), refs


def _refs_outside(session: Session, round_id: str) -> set[str]:
    """Attachment addresses used by records of any other round (or of none)."""
    used: set[str] = set()
    for record_type, columns in ATTACHMENT_COLUMNS.items():
        model: Any = MODELS[record_type]
        for name in columns:
            column = getattr(model, name)
            query = select(column).where(model.round_id.is_distinct_from(round_id))
            for value in session.scalars(query):
                if isinstance(value, list):
                    used.update(v for v in value if isinstance(v, str))
                elif isinstance(value, str):
                    used.add(value)
    return used


def wipe_round(vault: Vault, round_id: str) -> WipeResult:
    vault.require(Role.TEAM_LEADER)
    if vault.store_role != "field":
        raise ExchangeState("清理只用于巡察组（现场）数据库")
    with vault.session() as s:
        status, refs = _survey(s, round_id)
        if not status.records:
            raise ExchangeState("本库没有该轮次的数据")
        if not status.ready:
            raise WipeRefused(
                f"本轮还有 {status.unconfirmed_records} 条记录、{status.unconfirmed_attachments} "
                "个附件未经巡察办回执确认：请先导出、交巡察办导入，并导入其回执",
                unconfirmed_records=status.unconfirmed_records,
                unconfirmed_attachments=status.unconfirmed_attachments,
            )
        rows = list(round_rows(s, round_id))
        gone = sorted(refs - _refs_outside(s, round_id))
        for row in rows:
            s.delete(row)
        ids = [row.id for row in rows]
        for start in range(0, len(ids), 500):
            s.execute(delete(SyncBase).where(SyncBase.record_id.in_(ids[start : start + 500])))
        for sha in gone:
            attachment = s.get(Attachment, sha)
            if attachment is not None:
                s.delete(attachment)
        audit.record(
            s, "round.wipe", "rounds", round_id, {"records": len(rows), "attachments": len(gone)}
        )
    for sha in gone:  # after the commit: a crash in between leaves files `check --repair` removes
        with contextlib.suppress(OSError):
            vault.attachments.discard_blob(sha)
    compact(vault)
    return WipeResult(round_id, len(rows), len(gone))


def compact(vault: Vault) -> None:
    """VACUUM rewrites the database without the freed pages; the checkpoint empties the WAL."""
    raw = vault.engine.raw_connection()
    try:
        with driver_errors():  # a bare connection: the engine's own translation does not apply
            cursor = raw.cursor()
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
    finally:
        raw.close()
