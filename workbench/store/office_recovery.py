"""The recovery code on the office server (issue #20): a user who forgot their passphrase gets a
new one, as on a SQLCipher store (``Vault.open_with_recovery_code``).

The recovery slot is the keyfile row's; it opens on the desktop with the code (Argon2id, as
every slot), the user's slot is resealed under the new passphrase with ``_save_keyfile`` (under
the write lock, from the database's copy) and the recovery code replaced. The user's link on this
desktop was sealed under the forgotten passphrase, so the connection is given again, as ``office
connect`` asks for it; the link is then resealed under the new passphrase (other users' copies in
the folder are kept). As on SQLCipher, the new slot has a new signing key: the user's roles come
back when a 系统管理员 signs a grant for it (docs/store-format.md, "Role grants").
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import (
    AuthenticationError,
    NotAnOfficeStore,
    NotFound,
    RecoveryCodeInvalid,
    StoreExists,
)
from workbench.i18n import N_
from workbench.models.system import User
from workbench.store import recovery
from workbench.store.fsutil import make_private_dir
from workbench.store.keyfile import KdfParams, open_slot
from workbench.store.layout import StoreLayout
from workbench.store.office import (
    OfficeVault,
    _clear_folder,
    _prepare_folder,
    _read_keyfile,
    server_engine,
)
from workbench.store.office_link import Connection, OfficeLink, is_linked, link_path
from workbench.store.throttle import UnlockThrottle
from workbench.store.unlocked import check_passphrase, zero_key

OTHER_STORE = N_(
    "恢复码所对应的不是本机所连接的那一个巡察办数据库（编号不同）：请核对服务器地址，"
    "或另选一个空文件夹"
)


def recover_on_server(
    folder: Path,
    connection: Connection,
    code: str,
    user_name: str,
    new_passphrase: str,
    *,
    throttle: UnlockThrottle | None = None,
    kdf: KdfParams | None = None,
) -> tuple[OfficeVault, str]:
    """Unlock the office store ``connection`` reaches with its recovery ``code``, give
    ``user_name`` the new passphrase there and on this desktop's link (``folder``: linked to the
    same store, or empty), and return the vault and the new recovery code."""
    check_passphrase(new_passphrase)
    folder = Path(folder)
    link = _prepare_folder(folder)
    made = not folder.exists()
    make_private_dir(folder)
    throttle = throttle or UnlockThrottle()
    engine = server_engine(folder, connection)
    dek: bytearray | None = None
    try:
        with engine.connect() as conn:
            keyfile = _read_keyfile(conn)
        if link is not None and link.store_id != keyfile.store_id:
            raise StoreExists(OTHER_STORE, path=str(folder))
        throttle.check(keyfile.store_id)
        slot = keyfile.recovery_slot()
        if slot is None:
            raise NotAnOfficeStore()
        try:
            dek = open_slot(keyfile.store_id, slot, recovery.secret_bytes(code))
        except AuthenticationError:  # well-formed, but not this store's code
            throttle.record_failure(keyfile.store_id)
            raise RecoveryCodeInvalid() from None
        keyfile.check_mac(dek)
        with Session(engine) as s:
            user_id = s.scalar(select(User.id).where(User.name == user_name.strip()))
        if user_id is None:
            raise NotFound(f"没有名为“{user_name}”的用户", user=user_name)
        # refused here when the user is disabled (``UserDisabled``), as at any unlock
        vault = OfficeVault._admit(
            StoreLayout(folder), keyfile, dek, engine, user_id, kdf=kdf, keys=None
        )
    except BaseException:
        engine.dispose()
        if dek is not None:
            zero_key(dek)
        if link is None and not is_linked(folder):
            _clear_folder(folder, remove=made)
        raise
    vault.connection = connection
    throttle.record_success(keyfile.store_id)
    try:
        if link is None:  # a new folder: the link that ``set_passphrase`` reseals
            OfficeLink(vault.store_id).write(folder)
        vault.set_passphrase(vault.user.id, new_passphrase, _action="passphrase.recover")
        new_code = vault.rotate_recovery_code()
    except BaseException:
        vault.lock()
        if link is None:  # no link left behind without the user's copy in it
            link_path(folder).unlink(missing_ok=True)
        raise
    return vault, new_code
