"""Two staff at their own desktops on one office store (issue #20): an edit saved over a version
someone else has already replaced is refused with the conflict the SQLite store gives
(WB-CONFLICT, nothing written), and each desktop's next read, a list or the dashboard's
figures, shows what the other committed. On SQLCipher the two are two unlocks of one store
folder; on PostgreSQL two desktop folders linked to one database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg.stores import DISPLAY, ROLES, STORE_ROLE, USER, Backend
from tests.pg.test_pg_services import _letter, _world
from workbench.errors import Conflict
from workbench.roles import Role
from workbench.services.letters import get_letter, list_letters, register_letter, update_letter
from workbench.services.stats import round_stats
from workbench.services.users import add_user
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault

STAFF, STAFF_PASSPHRASE = "staff2", "另一位 工作人员 的口令"


def _as_backend(vault: Vault) -> Backend:
    return Backend(vault.engine.dialect.name, vault.engine, vault.session, vault.read)


@pytest.fixture(params=["sqlcipher", "postgresql"])
def desktops(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Vault, Vault]]:
    """The first user (desktop A) and a colleague, a 组长 (desktop B), both unlocked."""
    if request.param == "sqlcipher":
        a, _ = Vault.create(
            tmp_path / "store",
            user_name=USER,
            passphrase=PASSPHRASE,
            display_name=DISPLAY,
            roles=ROLES,
            store_role=STORE_ROLE,
            kdf=TEST_KDF,
        )
    else:
        a, _ = OfficeVault.create_on_server(
            tmp_path / "desktop_a",
            make_connection(request.getfixturevalue("pg_url")),
            user_name=USER,
            passphrase=PASSPHRASE,
            display_name=DISPLAY,
            roles=ROLES,
            kdf=TEST_KDF,
        )
    with a:
        add_user(a, STAFF, STAFF_PASSPHRASE, (Role.TEAM_LEADER,), display_name="王组长")
        if isinstance(a, OfficeVault):
            b: Vault = OfficeVault.connect(
                tmp_path / "desktop_b", a.connection, STAFF, STAFF_PASSPHRASE, kdf=TEST_KDF
            )
        else:
            b = Vault.open(tmp_path / "store", STAFF, STAFF_PASSPHRASE)
        with b:
            yield a, b


def test_an_edit_over_a_replaced_version_is_refused_and_reads_show_the_other_s_work(
    desktops: tuple[Vault, Vault],
) -> None:
    a, b = desktops
    round_id, target_id = _world(_as_backend(a))
    draft = _letter(round_id, target_id, "反映张三优亲厚友")
    with a.session() as s:
        letter = register_letter(s, draft)
    # B opens the letter to edit it, and looks at the list and the dashboard
    with b.read() as s:
        opened = get_letter(s, letter.id)
        assert list_letters(s, round_id=round_id).total == 1
        assert round_stats(s, round_id).letters == 1
    assert opened.meta.version == 1
    # A saves first, and registers another letter
    with a.session() as s:
        update_letter(
            s, letter.id, replace(draft, summary="反映张三优亲厚友（甲补充）"), expected_version=1
        )
        register_letter(s, _letter(round_id, target_id, "反映李四违规收受礼金"))
    # B's save over the version it opened is refused, as on SQLite, and writes nothing
    with pytest.raises(Conflict) as refused, b.session() as s:
        update_letter(
            s,
            letter.id,
            replace(draft, summary="反映张三优亲厚友（乙修改）"),
            expected_version=opened.meta.version,
        )
    assert refused.value.code == "WB-CONFLICT"
    assert refused.value.message == "该记录已被他人修改，请刷新后再编辑"
    assert refused.value.details == {"version": 2}
    # B's next reads (a refresh) show A's work: the list and the dashboard's figures
    with b.read() as s:
        assert get_letter(s, letter.id).summary == "反映张三优亲厚友（甲补充）"
        assert get_letter(s, letter.id).meta.version == 2
        assert sorted(v.summary for v in list_letters(s, round_id=round_id).items) == [
            "反映张三优亲厚友（甲补充）",
            "反映李四违规收受礼金",
        ]
        assert round_stats(s, round_id).letters == 2
    # and B, having refreshed, saves over the version it now holds; A sees it
    with b.session() as s:
        update_letter(
            s, letter.id, replace(draft, summary="反映张三优亲厚友（乙修改）"), expected_version=2
        )
    with a.read() as s:
        assert get_letter(s, letter.id).summary == "反映张三优亲厚友（乙修改）"
