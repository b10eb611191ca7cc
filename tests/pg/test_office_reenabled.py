"""A user disabled and enabled again with a new passphrase, on their own desktop (issue #20): the
desktop's copy of the connection is still sealed under the old passphrase, so the new one is
refused there with a reason that says to connect again (``WB-AUTH-LINK``), the old one opens the
copy but not the server's slot and is told exactly that (``WB-AUTH-RESET``), and connecting
again with the new passphrase reseals the copy (``office connect``, the connection typed again, or
``office reconnect``, the old passphrase opening it); in the core and through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.pg.test_office_cli import _bare_url, _run
from workbench.cli import main
from workbench.errors import (
    AuthenticationError,
    LinkPassphraseRefused,
    PassphraseResetOnServer,
    UserDisabled,
)
from workbench.roles import Role
from workbench.services.users import add_user, disable_user, enable_user
from workbench.store.office import (
    NEW_PASSPHRASE_REFUSED,
    OLD_PASSPHRASE_REFUSED,
    OfficeVault,
    make_connection,
)
from workbench.store.office_link import OfficeLink
from workbench.store.throttle import UnlockThrottle
from workbench.store.vault import Vault

ADMIN, STAFF = "office1", "staff2"
FIRST = "张伟 的 初始 口令"
RESET = "管理员 重设 的 新口令"


@pytest.fixture
def desktops(pg_url: str, tmp_path: Path) -> tuple[Path, Path]:
    """The 系统管理员's desktop and the colleague's own, each linked for its user; then the
    colleague disabled and enabled again with ``RESET`` from the 系统管理员's."""
    admin_desk, staff_desk = tmp_path / "admin", tmp_path / "staff"
    vault, _ = OfficeVault.create_on_server(
        admin_desk, make_connection(pg_url), user_name=ADMIN, passphrase=PASSPHRASE, kdf=TEST_KDF
    )
    with vault:
        add_user(vault, STAFF, FIRST, (Role.MEMBER,), display_name="张伟")
        OfficeVault.connect(staff_desk, vault.connection, STAFF, FIRST, kdf=TEST_KDF).lock()
        disable_user(vault, STAFF)
    with pytest.raises(UserDisabled):  # meanwhile: disabled, as before
        Vault.open(staff_desk, STAFF, FIRST)
    with Vault.open(admin_desk, ADMIN, PASSPHRASE) as vault:
        enable_user(vault, STAFF, RESET)
    return admin_desk, staff_desk


def test_the_new_passphrase_is_refused_with_what_to_do_until_the_user_connects_again(
    desktops: tuple[Path, Path], pg_url: str
) -> None:
    _, staff_desk = desktops
    with pytest.raises(LinkPassphraseRefused) as refused:
        Vault.open(staff_desk, STAFF, RESET)
    assert refused.value.code == "WB-AUTH-LINK" and refused.value.exit_code == 3
    assert "系统管理员" in refused.value.message and "重新连接巡察办服务器" in refused.value.message

    with pytest.raises(PassphraseResetOnServer) as old:
        Vault.open(staff_desk, STAFF, FIRST)
    assert old.value.code == "WB-AUTH-RESET" and old.value.exit_code == 3
    assert "仍能打开本机保存的服务器连接" in old.value.message
    assert "已打不开你在巡察办服务器上的账户" in old.value.message

    # connecting again with the new passphrase reseals this user's copy, and only theirs
    before = OfficeLink.read(staff_desk)
    OfficeVault.connect(staff_desk, make_connection(pg_url), STAFF, RESET, kdf=TEST_KDF).lock()
    assert len(OfficeLink.read(staff_desk).slots) == len(before.slots) == 1
    with Vault.open(staff_desk, STAFF, RESET) as again:
        assert again.user.name == STAFF and again.user.roles == (Role.MEMBER,)
    with pytest.raises(LinkPassphraseRefused):  # the old copy is gone with the old passphrase
        Vault.open(staff_desk, STAFF, FIRST)


def test_a_typo_on_a_linked_desktop_still_counts_toward_the_delay(
    desktops: tuple[Path, Path],
) -> None:
    """The refusal's new wording changes nothing of the throttle: each one is a failure."""
    admin_desk, _ = desktops
    throttle = UnlockThrottle()
    store_id = OfficeLink.read(admin_desk).store_id
    before = throttle.failures(store_id)
    with pytest.raises(LinkPassphraseRefused):
        Vault.open(admin_desk, ADMIN, "not the passphrase")
    assert throttle.failures(store_id) == before + 1
    Vault.open(admin_desk, ADMIN, PASSPHRASE).lock()


def test_the_old_and_the_new_passphrase_reconnect_without_the_connection_typed_again(
    desktops: tuple[Path, Path],
) -> None:
    _, staff_desk = desktops
    with pytest.raises(AuthenticationError) as refused:
        OfficeVault.reconnect(staff_desk, STAFF, "not the old one", RESET, kdf=TEST_KDF)
    assert refused.value.message == OLD_PASSPHRASE_REFUSED and refused.value.code == "WB-AUTH"
    with pytest.raises(AuthenticationError) as refused:
        OfficeVault.reconnect(staff_desk, STAFF, FIRST, "not the new one", kdf=TEST_KDF)
    assert refused.value.message == NEW_PASSPHRASE_REFUSED
    before = OfficeLink.read(staff_desk).slots
    assert OfficeLink.read(staff_desk).slots == before  # unchanged by either refusal

    with OfficeVault.reconnect(staff_desk, STAFF, FIRST, RESET, kdf=TEST_KDF) as vault:
        assert vault.user.name == STAFF and vault.user.roles == (Role.MEMBER,)
    Vault.open(staff_desk, STAFF, RESET).lock()
    with pytest.raises(LinkPassphraseRefused):
        Vault.open(staff_desk, STAFF, FIRST)


def test_a_user_disabled_again_is_told_so_when_reconnecting(
    desktops: tuple[Path, Path],
) -> None:
    admin_desk, staff_desk = desktops
    with Vault.open(admin_desk, ADMIN, PASSPHRASE) as admin:
        disable_user(admin, STAFF)
    before = OfficeLink.read(staff_desk).slots
    with pytest.raises(UserDisabled):
        OfficeVault.reconnect(staff_desk, STAFF, FIRST, RESET, kdf=TEST_KDF)
    assert OfficeLink.read(staff_desk).slots == before


@pytest.fixture
def database(pg_cluster: pg.Cluster, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WORKBENCH_DB_PASSWORD", pg_cluster.app_password)
    name = make_url(pg_url).database
    assert name is not None
    return name


def test_the_cli_says_so_and_office_connect_reseals_the_link(
    pg_cluster: pg.Cluster,
    database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, ca = _bare_url(pg_cluster, database), str(pg_cluster.ca)
    admin = ("--store", str(tmp_path / "admin"), "--user", ADMIN)
    staff = ("--store", str(tmp_path / "staff"), "--user", STAFF)
    assert _run(monkeypatch, PASSPHRASE, "office", "create", url, "--ca", ca, *admin) == 0
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", FIRST)
    assert main(["user", "add", STAFF, "--roles", "组员", *admin]) == 0
    assert _run(monkeypatch, FIRST, "office", "connect", url, "--ca", ca, *staff) == 0
    assert _run(monkeypatch, PASSPHRASE, "user", "disable", STAFF, *admin) == 0
    assert _run(monkeypatch, FIRST, "info", *staff) == 3
    assert "WB-AUTH-DISABLED" in capsys.readouterr().err
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", RESET)
    assert main(["user", "enable", STAFF, *admin]) == 0
    capsys.readouterr()

    assert _run(monkeypatch, RESET, "info", *staff) == 3
    said = capsys.readouterr().err
    assert "WB-AUTH-LINK" in said and "重新连接巡察办服务器" in said
    assert _run(monkeypatch, FIRST, "info", *staff) == 3
    said = capsys.readouterr().err
    assert "WB-AUTH-RESET" in said and "仍能打开本机保存的服务器连接" in said

    # the connection typed again (office connect), or not (office reconnect): old, then new
    staff_again = ("--store", str(tmp_path / "staff-again"), "--user", STAFF)
    assert _run(monkeypatch, RESET, "office", "connect", url, "--ca", ca, *staff_again) == 0
    capsys.readouterr()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", FIRST)
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", RESET)
    assert main(["--json", "office", "reconnect", *staff]) == 0
    assert json.loads(capsys.readouterr().out)["user"] == STAFF
    for desk in (staff, staff_again):
        assert _run(monkeypatch, RESET, "--json", "info", *desk) == 0
        assert json.loads(capsys.readouterr().out)["user"] == STAFF
        assert _run(monkeypatch, FIRST, "info", *desk) == 3
        assert "WB-AUTH-LINK" in capsys.readouterr().err
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", FIRST)
    assert main(["office", "reconnect", *staff]) == 3  # the old one is gone here too
    assert "原口令打不开本机保存的服务器连接" in capsys.readouterr().err
