"""Accounts on the office server (issue #20, from a review): the recovery code gives a user a new
passphrase on the server and on the desktop's link, the connection given again; a disabled user
is told so, not that their passphrase changed elsewhere; the workspace knows it is on the
server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from workbench.errors import (
    AuthenticationError,
    NotOnOfficeServer,
    RecoveryCodeInvalid,
    StoreExists,
    UserDisabled,
)
from workbench.models.system import AuditEntry
from workbench.roles import Role
from workbench.services.users import add_user, disable_user
from workbench.store.office import SLOT_CHANGED_ELSEWHERE, OfficeVault, make_connection
from workbench.store.office_link import OfficeLink
from workbench.store.vault import Vault
from workbench.workspace import Workspace

ADMIN = "office1"
STAFF = "staff2"
STAFF_PASSPHRASE = "另一位 工作人员 的口令"
NEW_PASSPHRASE = "找回之后 的 新口令"


@pytest.fixture
def created(pg_url: str, tmp_path: Path) -> tuple[Path, str]:
    """The office store made from ``desktop1`` by its first 系统管理员; their recovery code."""
    vault, code = OfficeVault.create_on_server(
        tmp_path / "desktop1",
        make_connection(pg_url),
        user_name=ADMIN,
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )
    vault.lock()
    return tmp_path / "desktop1", code


def test_the_recovery_code_works_on_the_server_with_the_connection_given_again(
    created: tuple[Path, str], pg_url: str, tmp_path: Path
) -> None:
    desktop, code = created
    connection = make_connection(pg_url)
    with Vault.open(desktop, ADMIN, PASSPHRASE) as admin:  # a colleague shares the desktop
        add_user(admin, STAFF, STAFF_PASSPHRASE, (Role.MEMBER,))
    OfficeVault.connect(desktop, connection, STAFF, STAFF_PASSPHRASE, kdf=TEST_KDF).lock()

    # the link is sealed under the forgotten passphrase: the connection must be given again
    with pytest.raises(NotOnOfficeServer, match="服务器地址"):
        Vault.open_with_recovery_code(desktop, code, ADMIN, NEW_PASSPHRASE)
    with pytest.raises(RecoveryCodeInvalid):
        Vault.open_with_recovery_code(
            desktop, "0" * 48, ADMIN, NEW_PASSPHRASE, connection=connection
        )

    vault, new_code = Vault.open_with_recovery_code(
        desktop, code, ADMIN, NEW_PASSPHRASE, connection=connection
    )
    with vault:
        assert isinstance(vault, OfficeVault) and vault.user.name == ADMIN
        with vault.read() as s:
            actions = s.scalars(select(AuditEntry.action)).all()
        assert "passphrase.recover" in actions and "recovery_code.rotate" in actions
    assert new_code != code

    # the server's slot and this desktop's link both take the new passphrase, not the old
    Vault.open(desktop, ADMIN, NEW_PASSPHRASE).lock()
    with pytest.raises(AuthenticationError):
        Vault.open(desktop, ADMIN, PASSPHRASE)
    Vault.open(desktop, STAFF, STAFF_PASSPHRASE).lock()  # the colleague's copy is kept
    assert len(OfficeLink.read(desktop).slots) == 2

    # the used code is spent; the new one recovers from a new desktop folder, which it links
    with pytest.raises(RecoveryCodeInvalid):
        Vault.open_with_recovery_code(
            tmp_path / "desktop2", code, ADMIN, PASSPHRASE, connection=connection
        )
    assert not (tmp_path / "desktop2").exists()
    Vault.open_with_recovery_code(
        tmp_path / "desktop2", new_code, ADMIN, PASSPHRASE, connection=connection
    )[0].lock()
    Vault.open(tmp_path / "desktop2", ADMIN, PASSPHRASE).lock()


def test_a_recovery_is_refused_to_a_disabled_user_and_in_another_stores_folder(
    created: tuple[Path, str], pg_url: str, tmp_path: Path
) -> None:
    desktop, code = created
    connection = make_connection(pg_url)
    with Vault.open(desktop, ADMIN, PASSPHRASE) as admin:
        add_user(admin, STAFF, STAFF_PASSPHRASE, (Role.MEMBER,))
        disable_user(admin, STAFF)
    with pytest.raises(UserDisabled):
        Vault.open_with_recovery_code(desktop, code, STAFF, NEW_PASSPHRASE, connection=connection)
    other = tmp_path / "other"
    OfficeLink("another-store").write(other.mkdir() or other)
    with pytest.raises(StoreExists):
        Vault.open_with_recovery_code(other, code, ADMIN, NEW_PASSPHRASE, connection=connection)
    Vault.open(desktop, ADMIN, PASSPHRASE).lock()  # nothing changed: the code still unspent
    Vault.open_with_recovery_code(desktop, code, ADMIN, NEW_PASSPHRASE, connection=connection)[
        0
    ].lock()


def test_a_disabled_user_is_told_so_on_their_own_desktop(
    created: tuple[Path, str], pg_url: str, tmp_path: Path
) -> None:
    """Their link still opens with their passphrase; the server has no slot for them any more
    because they are disabled, not because the passphrase changed elsewhere."""
    desktop, _ = created
    staff_desktop = tmp_path / "desktop2"
    with Vault.open(desktop, ADMIN, PASSPHRASE) as admin:
        add_user(admin, STAFF, STAFF_PASSPHRASE, (Role.MEMBER,))
        OfficeVault.connect(
            staff_desktop, admin.connection, STAFF, STAFF_PASSPHRASE, kdf=TEST_KDF
        ).lock()
        disable_user(admin, STAFF)
    with pytest.raises(UserDisabled) as refused:
        Vault.open(staff_desktop, STAFF, STAFF_PASSPHRASE)
    assert refused.value.code == "WB-AUTH-DISABLED"


def test_a_passphrase_changed_elsewhere_still_says_so(
    created: tuple[Path, str], tmp_path: Path
) -> None:
    desktop, _ = created
    elsewhere = tmp_path / "desktop2"
    with Vault.open(desktop, ADMIN, PASSPHRASE) as admin:
        OfficeVault.connect(elsewhere, admin.connection, ADMIN, PASSPHRASE, kdf=TEST_KDF).lock()
        admin.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    with pytest.raises(AuthenticationError) as refused:
        Vault.open(elsewhere, ADMIN, PASSPHRASE)
    assert not isinstance(refused.value, UserDisabled)
    assert SLOT_CHANGED_ELSEWHERE in str(refused.value)


def test_the_workspace_knows_it_is_on_the_server(created: tuple[Path, str], tmp_path: Path) -> None:
    desktop, _ = created
    workspace = Workspace.open(desktop, ADMIN, PASSPHRASE)
    assert workspace.on_server
    workspace.lock()
    assert workspace.on_server  # known while locked too
    local, _ = Workspace.create(tmp_path / "local", user_name=ADMIN, passphrase=PASSPHRASE)
    with local._vault:
        assert not local.on_server
