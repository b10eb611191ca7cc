"""A store with one user per role, to log in as anyone of an inspection team."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import LEADER, PASSPHRASE
from workbench.roles import Role
from workbench.store.vault import Vault

# Besides the fixture's 组长+系统管理员 (LEADER); every user has the same PASSPHRASE.
TEAM_USERS: dict[str, tuple[Role, ...]] = {
    "deputy": (Role.DEPUTY_LEADER,),
    "deputy2": (Role.DEPUTY_LEADER,),
    "member": (Role.MEMBER,),
    "recorder": (Role.RECORDER,),
    "office": (Role.OFFICE,),
    "secadmin": (Role.SECADMIN,),
    "both": (Role.TEAM_LEADER, Role.DEPUTY_LEADER),
}


class Team:
    """Log in as anyone of the team; each vault is opened once per test."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._vaults: dict[str, Vault] = {}

    def __call__(self, name: str = LEADER) -> Vault:
        if name not in self._vaults:
            self._vaults[name] = Vault.open(self.directory, name, PASSPHRASE)
        return self._vaults[name]

    def close(self) -> None:
        for vault in self._vaults.values():
            vault.lock()
