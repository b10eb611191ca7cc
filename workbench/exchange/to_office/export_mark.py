"""The export mark: how far this device's packages of a round are known to be in place.

An export carries what changed since the device's last package of the round, so it must know
which packages exist as files. The ledger row is committed before the file is moved into place
(the sequence number must never be reused), so a row alone does not prove a file: the mark is
raised, per round, only after the package has landed and its folder was fsynced. A package whose
file did not land, or landed just before a crash, is above the mark and what it carried is sent
again by the next export of the round (whose own sent list then covers it).

Kept in ``store_meta`` as ``export_mark:<round id>`` = the ``device_seq`` of that package. A
store without a mark (exported before marks existed) sends everything not yet confirmed once;
so does one whose mark is not a whole number (``store_meta`` is free text): sending again is safe,
failing every export is not.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from workbench.models.exchange import PackageLedger, SentRecord
from workbench.models.system import StoreMeta

_KEY = "export_mark:"

SentKey = tuple[str, str, int, str]  # record type, id, version, content hash


def _seq(row: StoreMeta | None) -> int:
    """The mark's sequence; 0 (no mark) when missing or not a whole number."""
    text = row.value.strip() if row is not None and row.value else ""
    return int(text) if text.isascii() and text.isdigit() else 0


def landed_seq(session: Session, round_id: str) -> int:
    return _seq(session.get(StoreMeta, _KEY + round_id))


def raise_mark(session: Session, round_id: str, device_seq: int) -> None:
    row = session.get(StoreMeta, _KEY + round_id)
    if row is None:
        session.add(StoreMeta(key=_KEY + round_id, value=str(device_seq)))
    elif _seq(row) < device_seq or str(_seq(row)) != row.value:
        row.value = str(device_seq)


def confirmed_keys(session: Session) -> set[SentKey]:
    """The versions carried by packages the office confirmed by receipt (what the wipe trusts)."""
    return _sent(session, PackageLedger.confirmed_at.is_not(None))


def skipped_keys(session: Session, round_id: str, *, since_last: bool) -> set[SentKey]:
    """What an export of the round leaves out: the versions the office confirmed and, with
    ``since_last``, the versions the round's packages up to the mark carried."""
    confirmed = PackageLedger.confirmed_at.is_not(None)
    if not since_last:
        return _sent(session, confirmed)
    delivered = (
        (PackageLedger.direction == "out")
        & (PackageLedger.round_id == round_id)
        & (PackageLedger.device_seq <= landed_seq(session, round_id))
    )
    return _sent(session, or_(confirmed, delivered))


def _sent(session: Session, packages: ColumnElement[bool]) -> set[SentKey]:
    rows = session.execute(
        select(
            SentRecord.record_type,
            SentRecord.record_id,
            SentRecord.version,
            SentRecord.content_hash,
        )
        .join(PackageLedger, PackageLedger.package_id == SentRecord.package_id)
        .where(packages)
    )
    return {(t, i, v, h) for t, i, v, h in rows}
