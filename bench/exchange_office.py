"""The office the exchange benchmark imports into: made, the field store enrolled with it, and
the round's set-up and briefing scope it holds, as a briefed office would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.exchange_child import OFFICE_USER


def make_office(directory: Path, passphrase: str) -> None:
    from workbench.exchange import init_office
    from workbench.store.vault import Vault

    office, _ = Vault.create(
        directory, user_name=OFFICE_USER, passphrase=passphrase, store_role="office"
    )
    try:
        init_office(office)
    finally:
        office.lock()


def enrol(field: Any, office_dir: Path, passphrase: str) -> None:
    from workbench.exchange import accept_certificate, make_request, sign_request
    from workbench.store.vault import Vault

    office = Vault.open(office_dir, OFFICE_USER, passphrase)
    try:
        request, _ = make_request(field)
        certificate, _ = sign_request(office, request)
    finally:
        office.lock()
    accept_certificate(field, certificate)


def brief_scope(field: Any, office_dir: Path, round_id: str, passphrase: str) -> None:
    """What a briefing leaves at the office: the round, its teams and members (the office's
    set-up, copied row for row: the demo made them on the field store, so no briefing carried
    them), and the device's leave to write to the round and all its teams."""
    from sqlalchemy import select

    from workbench.exchange.intake.device_scope import record_briefing
    from workbench.models import Member, Round, Team
    from workbench.store.vault import Vault

    with field.read() as s:
        teams = list(s.scalars(select(Team.id).where(Team.round_id == round_id)))
        setup = {  # the round's set-up is the office's: it holds them as the device does
            model.__table__: [
                dict(row._mapping)
                for row in s.execute(
                    select(model.__table__).where(
                        (model.__table__.c.id if model is Round else model.__table__.c.round_id)
                        == round_id
                    )
                )
            ]
            for model in (Round, Team, Member)
        }
    office = Vault.open(office_dir, OFFICE_USER, passphrase)
    try:
        with office.session() as s:
            for table, rows in setup.items():
                if rows:
                    s.execute(table.insert(), rows)
            record_briefing(s, round_id, {field.device_id: teams}, [])
    finally:
        office.lock()


def own_the_records(field: Any) -> None:
    """The demo store holds the 底稿 of other teams' laptops, stamped and signed by users it
    does not have; the office refuses those from this device (docs/package-format.md). They are
    made this store's leader's: the same records, ids for ids, so the package is as large."""
    from sqlalchemy import text

    from workbench.models import RECORD_MODELS

    others = "NOT IN (SELECT id FROM users)"
    with field.session() as s:
        leader = field.user.id
        for model in RECORD_MODELS:
            table = model.__tablename__
            for column in ("created_by", "updated_by", "deleted_by"):
                s.execute(
                    text(f"UPDATE {table} SET {column} = :u WHERE {column} {others}"),
                    {"u": leader},
                )
        s.execute(
            text(f"UPDATE finding_signoffs SET user_id = :u WHERE user_id {others}"),
            {"u": leader},
        )
