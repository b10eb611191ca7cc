"""``open_user_slot``: the user's slot opened by name and passphrase, None otherwise (the loop the
office unlock and the migration source share)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import LEADER, PASSPHRASE
from workbench.store.keyfile import Keyfile
from workbench.store.layout import StoreLayout
from workbench.store.unlocked import zero_key
from workbench.store.user_slot import open_user_slot
from workbench.store.vault import Vault


def test_the_right_name_and_passphrase_open_the_users_slot_and_nothing_else(
    store_dir: Path,
) -> None:
    keyfile = Keyfile.read(StoreLayout(store_dir).keyfile)
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        leader_id = vault.user.id
    opened = open_user_slot(keyfile, f"  {LEADER} ", PASSPHRASE)  # the name as typed
    assert opened is not None and opened.user_id == leader_id and opened.keys is not None
    keyfile.check_mac(opened.dek)  # the store's data key
    zero_key(opened.dek)
    assert open_user_slot(keyfile, LEADER, PASSPHRASE + "x") is None
    assert open_user_slot(keyfile, "nobody", PASSPHRASE) is None
