"""Rotating the store's data key (``workbench rekey``, the 系统管理员's 更换数据密钥)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.models.system import User
from workbench.store import rekey
from workbench.store.vault import Vault


@dataclass(frozen=True)
class RekeyView:
    key_generation: int
    recovery_code: str  # the new code, shown once
    dropped: tuple[str, ...]  # names of the users whose version 1 slot was removed
    resumed: bool  # a rotation stopped earlier (a kill) was finished


def rekey_store(vault: Vault, *, drop_unupgraded: bool = False) -> RekeyView:
    """A new data key for the database, the attachments and every slot, and a new recovery
    code. Refused (``RekeyBlocked``) while a user has a version 1 slot, unless dropped."""
    result = rekey.rotate(vault, drop_unupgraded=drop_unupgraded)
    with vault.read() as s:
        names = tuple(
            (row.name if (row := s.get(User, uid)) is not None else uid) for uid in result.dropped
        )
    return RekeyView(result.key_generation, result.recovery_code, names, result.resumed)


def code_shown(vault: Vault) -> None:
    """The new recovery code was shown (GUI: confirmed written down): forget it. Until then a
    second ``rekey_store`` shows the same code, so a crash in between loses nothing."""
    rekey.forget_code(vault)


def unupgraded_user_names(vault: Vault) -> tuple[str, ...]:
    """Users whose slot a rotation cannot rewrap (they have not unlocked since the upgrade)."""
    ids = rekey.unupgraded_users(vault.keyfile)
    with vault.read() as s:
        return tuple((row.name if (row := s.get(User, uid)) else uid) for uid in ids)
