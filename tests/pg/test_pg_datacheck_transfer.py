"""tests/workbench/test_datalist_transfer.py with the office on PostgreSQL: a list imported at
the office hub goes to a team's field laptop in a briefing, chosen and read as the team's own
import would read it. The world (tests/workbench/exchange_support.py) is made per test here, the
office a desktop linked to a fresh database, the field devices SQLCipher stores as there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

import tests.workbench.test_datalist_transfer as scenarios
from tests.kdf import TEST_KDF
from tests.pg.desktops import link_user
from tests.workbench.exchange_support import (
    FIELD_A_USER,
    FIELD_B_USER,
    OFFICE_USER,
    PASS,
    World,
    WorldTemplate,
)
from tests.workbench.test_datalist_transfer import *  # noqa: F403 - the scenarios, run here again
from tests.workbench.test_datalist_transfer import _audit, _brief, _import, _list
from workbench import exchange as ex
from workbench.errors import PermissionDenied
from workbench.exchange.enrolment import keys
from workbench.models import ListEntry, Round, Target, Team
from workbench.models.exchange import PackageLedger
from workbench.roles import Role
from workbench.services import users
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault
from workbench.vocab.enums import AttentionLevel, ListKind, RoundType


def _pg_world(pg_url: str, root: Path) -> WorldTemplate:
    """As exchange_support's world, the office on the server."""
    escrow_secret, escrow_recipient = keys.new_age_identity()
    office, _ = OfficeVault.create_on_server(
        root / "office",
        make_connection(pg_url),
        user_name=OFFICE_USER,
        passphrase=PASS,
        display_name="巡察办",
        roles=(Role.OFFICE, Role.SYSADMIN),
        kdf=TEST_KDF,
    )
    info = ex.init_office(office, escrow=escrow_recipient)
    devices = []
    for name, user in (("a", FIELD_A_USER), ("b", FIELD_B_USER)):
        field, _ = Vault.create(
            root / name,
            user_name=user,
            passphrase=PASS,
            display_name=f"组员{name}",
            store_role="field",
            kdf=TEST_KDF,
        )
        request, _req = ex.make_request(field)
        cert, view = ex.sign_request(office, request)
        ex.accept_certificate(field, cert, expect_office_fingerprint=info.signing_fingerprint)
        devices.append((field, view.device_id))
    with office.session() as s:
        rnd = Round(
            name="2026年第六轮巡察",
            year=2026,
            number=6,
            round_type=RoundType.REGULAR,
            framework_id="sgjj",
            framework_version="2020",
        )
        s.add(rnd)
        s.flush()
        target = Target(
            round_id=rnd.id, name="某某镇党委", kind="township", attention=AttentionLevel.KEY
        )
        s.add(target)
        s.add(Team(round_id=rnd.id, number=1, name="第一巡察组", target_ids=[]))
        s.add(ListEntry(round_id=rnd.id, kind=ListKind.POLICY, title="中国共产党巡视工作条例"))
        s.flush()
        round_id, target_ids = rnd.id, (target.id,)
    brief = root / "brief.wbp"
    ex.build_briefing(office, round_id, [d for _v, d in devices], brief)
    for field, _d in devices:
        ex.import_package(field, brief)
        field.lock()
    brief.unlink()
    office.lock()
    a, b = (d for _v, d in devices)
    fingerprint = info.signing_fingerprint
    return WorldTemplate(
        root, round_id, target_ids, a, b, fingerprint, escrow_secret, escrow_recipient
    )


@pytest.fixture
def w(pg_url: str, tmp_path: Path) -> Iterator[World]:
    root = tmp_path / "w"
    world = World(_pg_world(pg_url, root), root)  # its stores are opened where they are made
    try:
        yield world
    finally:
        world.close()


def _add_user(vault: Vault, name: str, passphrase: str, *args: Any, **kw: Any) -> bytes:
    """A user added to the office is linked from its desktop, as a colleague's first connection
    there does; one added to a field laptop is there already."""
    public = users.add_user(vault, name, passphrase, *args, **kw)
    if isinstance(vault, OfficeVault):
        link_user(vault, vault.layout.root, name, passphrase)
    return public


@pytest.fixture(autouse=True)
def _colleagues_link_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scenarios, "users", SimpleNamespace(add_user=_add_user))


# "The store is unchanged" there is a digest of a SQLite store's tables: on the server the
# refused sender's traces are looked for instead (below).
del test_only_a_role_that_sees_raw_rows_sends_a_list  # noqa: F821


def test_only_a_role_that_sees_raw_rows_sends_a_list_from_the_server(w: World) -> None:
    source_id = _import(w.office, _list(w), w.round_id)
    _add_user(w.office, "keyuan", PASS, (Role.MEMBER,), display_name="科员")
    member = Vault.open(w.dir / "office", "keyuan", PASS)
    try:
        with pytest.raises(PermissionDenied, match="随部署包下发名单"):
            _brief(w, "b.wbp", [source_id], vault=member)
    finally:
        member.lock()
    assert not (w.dir / "b.wbp").exists()
    assert _audit(w.office, "data.send") == []
    with w.office.read() as s:  # the world's own briefing only
        assert s.scalar(select(func.count()).select_from(PackageLedger)) == 1
