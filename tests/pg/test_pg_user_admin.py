"""tests/workbench/test_user_admin.py on PostgreSQL (tests/pg/desktops.py): the users' part;
backups are of a SQLCipher store's file, refused on the server (test_office_unsupported.py)."""

from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg.desktops import add_and_link_user, store_dir  # noqa: F401 - the server's
from tests.workbench.test_user_admin import *  # noqa: F403 - the scenarios, run here again
from workbench.errors import (
    Conflict,
    LinkPassphraseRefused,
    PassphraseResetOnServer,
    UserDisabled,
)
from workbench.roles import Role
from workbench.services import users
from workbench.store.office import OfficeVault
from workbench.store.vault import Vault


@pytest.fixture(autouse=True)
def _colleagues_link_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "add_user", add_and_link_user)


del test_only_a_sysadmin_backs_up  # noqa: F821
del test_a_backup_records_its_time_and_the_restored_store_keeps_it  # noqa: F821
del test_a_checked_backup_writes_nothing_and_refuses_a_changed_byte  # noqa: F821
del test_only_a_sysadmin_of_the_backup_restores_it  # noqa: F821


def test_a_disabled_user_is_enabled_again_with_a_new_passphrase(
    vault: Vault,
    store_dir: Path,  # noqa: F811 - the fixture, by name
) -> None:
    """The SQLite scenario's with the one step a desktop linked to the server adds: the link
    holds the user's copy of the connection under the old passphrase, so the new one is refused
    there, saying to connect again, and connecting again reseals it (test_office_reenabled.py
    follows the user on their own desktop, and through the CLI)."""
    users.add_user(vault, "member", "the first passphrase", (Role.MEMBER,))
    users.disable_user(vault, "member")
    with pytest.raises(UserDisabled):
        Vault.open(store_dir, "member", "the first passphrase")
    users.enable_user(vault, "member", "a fresh passphrase")
    # the 系统管理员 unlocks meanwhile: the desktop's unlock delay starts again (three refusals
    # in a row would make the reconnection below wait a second)
    Vault.open(store_dir, LEADER, PASSPHRASE).lock()
    with pytest.raises(LinkPassphraseRefused):
        Vault.open(store_dir, "member", "a fresh passphrase")
    with pytest.raises(PassphraseResetOnServer):
        Vault.open(store_dir, "member", "the first passphrase")
    assert isinstance(vault, OfficeVault)
    OfficeVault.connect(
        store_dir, vault.connection, "member", "a fresh passphrase", kdf=TEST_KDF
    ).lock()
    with Vault.open(store_dir, "member", "a fresh passphrase") as again:
        assert again.user.roles == (Role.MEMBER,)
    with pytest.raises(Conflict):  # already enabled: nothing to do, nothing changed
        users.enable_user(vault, "member", "yet another passphrase")
    Vault.open(store_dir, "member", "a fresh passphrase").lock()
