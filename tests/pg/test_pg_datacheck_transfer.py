"""tests/workbench/test_datalist_transfer.py with the office on PostgreSQL: a list imported at
the office hub goes to a team's field laptop in a briefing, chosen and read as the team's own
import would read it. The world is the server's (tests/pg/exchange_world.py): the office a
desktop linked to a copy of its database, the field devices SQLCipher stores as there."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

import tests.workbench.test_datalist_transfer as scenarios
from tests.pg.desktops import add_and_link_user
from tests.pg.exchange_world import exchange_world_template  # noqa: F401 - the server's
from tests.workbench.exchange_support import PASS, World
from tests.workbench.test_datalist_transfer import *  # noqa: F403 - the scenarios, run here again
from tests.workbench.test_datalist_transfer import _audit, _brief, _import, _list
from workbench.errors import PermissionDenied
from workbench.models.exchange import PackageLedger
from workbench.roles import Role
from workbench.store.vault import Vault


@pytest.fixture(autouse=True)
def _colleagues_link_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scenarios, "users", SimpleNamespace(add_user=add_and_link_user))


# "The store is unchanged" there is a digest of a SQLite store's tables: on the server the
# refused sender's traces are looked for instead (below).
del test_only_a_role_that_sees_raw_rows_sends_a_list  # noqa: F821


def test_only_a_role_that_sees_raw_rows_sends_a_list_from_the_server(w: World) -> None:
    source_id = _import(w.office, _list(w), w.round_id)
    add_and_link_user(w.office, "keyuan", PASS, (Role.MEMBER,), display_name="科员")
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
