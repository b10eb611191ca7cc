"""The vault: create and unlock a store, through a user's passphrase or the recovery code.

A ``Vault`` is an unlocked store (``unlocked.UnlockedVault``: its units of work and keyslots);
this module is how one comes to be: the store built aside and renamed into place, the slot opened
(throttled, without telling which user names exist), an interrupted key rotation settled and the
schema migrated with a backup first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from workbench.errors import (
    AuthenticationError,
    NotFound,
    NotOnOfficeServer,
    RecoveryCodeInvalid,
    StoreExists,
    UserDisabled,
    ValidationError,
)
from workbench.i18n import N_, Wording
from workbench.models.base import utcnow
from workbench.models.system import StoreMeta, User
from workbench.roles import Role, validate_first_user_roles
from workbench.store import audit, grant_uptake, grants, migrate, recovery, rekey
from workbench.store.engine import make_engine
from workbench.store.fsutil import create_private, fsync_dir, make_private_dir
from workbench.store.keyfile import (
    DEK_BYTES,
    KdfParams,
    Keyfile,
    SlotKeys,
    normalize_passphrase,
    open_slot,
    public_key,
    seal_slot,
    unseal_slot,
    user_hint,
)
from workbench.store.layout import StoreLayout
from workbench.store.office_link import Connection
from workbench.store.pg import WRITE_OPTIONS
from workbench.store.session import Actor, make_session_factory, unit_of_work
from workbench.store.throttle import UnlockThrottle
from workbench.store.unlocked import UnlockedVault, check_passphrase, user_info, zero_key

STORE_ROLES = ("field", "office")
RECOVER_NEEDS_CONNECTION = N_(
    "此文件夹连接的是巡察办服务器上的数据库：用恢复码找回口令时，"
    "还需再次提供服务器地址、数据库账号的口令和 CA 证书（向系统管理员索取）；"
    "也可请另一位系统管理员在用户管理中停用再启用你的账户，为你设置新口令"
)


# one sentence for every way into a folder: a new store, a desktop's link, a demo, a restore
NOT_EMPTY = N_("{path} 不是空文件夹：请另选一个空文件夹（其中已有的文件不会被改动或覆盖）")


def require_new_store_dir(directory: Path) -> None:
    """A store is made only where there is nothing: a missing or empty folder."""
    if directory.exists() and any(directory.iterdir()):
        raise StoreExists(Wording(NOT_EMPTY, path=str(directory)), path=str(directory))


def _dummy_derivation(passphrase: bytes) -> None:
    """Spend the time a real slot would, so timing does not tell which user names exist."""
    from workbench.store.keyfile import derive_key

    derive_key(passphrase, b"\x00" * 16, KdfParams())


@dataclass(frozen=True)
class NewStore:
    """What a new store's database starts with: its id and role, and its first user."""

    store_id: str
    store_role: str
    user_id: str
    user_name: str
    display_name: str | None
    roles: tuple[Role, ...]


def seed_store(
    engine: Engine,
    new: NewStore,
    root_key: Ed25519PrivateKey,
    *,
    also: Callable[[Session], None] | None = None,
) -> str:
    """Write into a migrated, empty database what every store starts with: ``store_meta`` (a
    new device id), the first user, the ``store.create`` entry and the root's own grant, signed
    by ``root_key`` (the first user's). ``also`` writes more in the same transaction (an office
    store's keyfile). Returns the device id. Both backends: SQLCipher and PostgreSQL."""
    device_id = str(uuid.uuid4())
    factory = make_session_factory(engine.execution_options(**WRITE_OPTIONS))
    with unit_of_work(factory, Actor(new.user_id, new.user_name, None)) as s:
        s.info[audit.SIGNING_INFO_KEY] = root_key
        for key, value in {
            "store_id": new.store_id,
            "device_id": device_id,
            "store_role": new.store_role,
            "created_at": utcnow().isoformat(),
        }.items():
            s.add(StoreMeta(key=key, value=value))
        s.add(
            User(
                id=new.user_id,
                name=new.user_name,
                display_name=new.display_name or new.user_name,
                roles=[str(r) for r in new.roles],
                created_by=new.user_id,
            )
        )
        s.flush()
        audit.record(s, "store.create", "store", new.store_id, {"store_role": new.store_role})
        grants.issue(  # the root's own grant, signed by the root key
            s,
            grants.Chain(),
            user_id=new.user_id,
            user_name=new.user_name,
            roles=new.roles,
            active=True,
            key=public_key(root_key),
            reason="create",
            signer=grants.Signer(new.user_id, root_key),
        )
        if also is not None:
            also(s)
    return device_id


def check_first_user(
    user_name: str, passphrase: str, roles: tuple[Role | str, ...] | None, store_role: str
) -> tuple[str, tuple[Role, ...]]:
    """A new store's role, its first user's name (trimmed), passphrase and roles, checked."""
    if store_role not in STORE_ROLES:
        raise ValidationError("数据库类型应为 field（巡察组）或 office（巡察办）", field="role")
    user_name = user_name.strip()
    if not user_name:
        raise ValidationError("用户名不能为空", field="user")
    check_passphrase(passphrase)
    default_roles = (
        (Role.TEAM_LEADER, Role.SYSADMIN) if store_role == "field" else (Role.OFFICE, Role.SYSADMIN)
    )
    return user_name, validate_first_user_roles(roles or default_roles)


def first_keyfile(
    new: NewStore,
    dek: bytearray,
    passphrase: str,
    code: str,
    keys: SlotKeys,
    kdf: KdfParams,
) -> Keyfile:
    """A new store's keyfile, sealed under ``dek``: the first user's slot (``keys``, whose
    signing key is the root of trust) and the recovery slot under ``code``."""
    assert keys.ed25519 is not None
    keyfile = Keyfile(store_id=new.store_id, root=public_key(keys.ed25519))
    keyfile = keyfile.with_slot(
        seal_slot(
            new.store_id,
            dek,
            normalize_passphrase(passphrase),
            kind="passphrase",
            user_id=new.user_id,
            hint=user_hint(new.store_id, new.user_name),
            params=kdf,
            keys=keys,
        )
    )
    keyfile = keyfile.with_slot(
        seal_slot(new.store_id, dek, recovery.secret_bytes(code), kind="recovery", params=kdf)
    )
    return keyfile.sealed(dek)


class Vault(UnlockedVault):
    """An unlocked store, made by ``create``, ``open`` or ``open_with_recovery_code``."""

    @classmethod
    def create(
        cls,
        directory: Path,
        *,
        user_name: str,
        passphrase: str,
        display_name: str | None = None,
        roles: tuple[Role | str, ...] | None = None,
        store_role: str = "field",
        kdf: KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """Create a store in ``directory`` (missing or empty). Returns the vault and the recovery
        code, which is shown once and never stored in clear."""
        directory = Path(directory)
        user_name, parsed_roles = check_first_user(user_name, passphrase, roles, store_role)
        require_new_store_dir(directory)
        kdf = kdf or KdfParams()

        # Build in a sibling folder, then rename: a crash never leaves a half-made store.
        directory.parent.mkdir(parents=True, exist_ok=True)
        building = directory.parent / f".{directory.name}.creating-{uuid.uuid4().hex[:8]}"
        make_private_dir(building)
        layout = StoreLayout(building)
        dek = bytearray(os.urandom(DEK_BYTES))
        new = NewStore(
            str(uuid.uuid4()), store_role, str(uuid.uuid4()), user_name, display_name, parsed_roles
        )
        code = recovery.generate()
        keys = SlotKeys.generate(signing=True)
        assert keys.ed25519 is not None
        try:
            create_private(layout.db)
            engine = make_engine(layout.db, dek)
            try:
                migrate.upgrade(engine)
                seed_store(engine, new, keys.ed25519)
            finally:
                engine.dispose()
            first_keyfile(new, dek, passphrase, code, keys, kdf).write(layout.keyfile)
            if directory.exists():
                directory.rmdir()
            os.replace(building, directory)
            fsync_dir(directory.parent)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            zero_key(dek)
            raise
        vault = cls._open_with_key(
            StoreLayout(directory),
            Keyfile.read(directory / "keyfile.json"),
            dek,
            new.user_id,
            kdf=kdf,
            keys=keys,
        )
        return vault, code

    @classmethod
    def open(
        cls,
        directory: Path,
        user_name: str,
        passphrase: str,
        *,
        throttle: UnlockThrottle | None = None,
        kdf: KdfParams | None = None,
    ) -> Vault:
        """Unlock as ``user_name``. A wrong passphrase changes no file of the store. ``kdf`` is
        for the slots this vault seals (default: ``KdfParams()``)."""
        from workbench.store.office import OfficeVault  # local: it builds on Vault
        from workbench.store.office_link import is_linked

        if is_linked(Path(directory)):  # a desktop of the office's server
            return OfficeVault.open_linked(
                Path(directory), user_name, passphrase, throttle=throttle, kdf=kdf
            )
        layout = StoreLayout(Path(directory))
        layout.require()
        keyfile = Keyfile.read(layout.keyfile)
        throttle = throttle or UnlockThrottle()
        throttle.check(keyfile.store_id)
        failures_before = throttle.failures(keyfile.store_id)
        secret = normalize_passphrase(passphrase)
        slots = keyfile.passphrase_slots(user_hint(keyfile.store_id, user_name))
        if not slots:
            _dummy_derivation(secret)
        for slot in slots:
            try:
                opened = unseal_slot(keyfile.store_id, slot, secret)
            except AuthenticationError:
                continue
            assert slot.user_id is not None
            dek, keys = opened.dek, opened.keys
            try:
                keyfile.check_mac(dek)
            except BaseException:
                zero_key(dek)
                raise
            # a rotation stopped by a kill is finished here, or the key is one it retired
            dek, keyfile = rekey.settle(layout, keyfile, keys, dek)
            if keys is None:  # a version 1 slot: its passphrase is here, make it version 2
                keys = SlotKeys.generate(signing=True)
                upgraded = seal_slot(
                    keyfile.store_id,
                    dek,
                    secret,
                    kind="passphrase",
                    user_id=slot.user_id,
                    hint=slot.hint,
                    params=slot.kdf,
                    keys=keys,
                    generation=keyfile.key_generation,
                )
                keyfile = keyfile.with_slot(upgraded).sealed(dek)
                keyfile.write(layout.keyfile)
            vault = cls._open_with_key(layout, keyfile, dek, slot.user_id, kdf=kdf, keys=keys)
            throttle.record_success(keyfile.store_id)
            vault.record_unlock(failures_before)
            return vault
        throttle.record_failure(keyfile.store_id)
        raise AuthenticationError()

    @classmethod
    def open_with_recovery_code(
        cls,
        directory: Path,
        code: str,
        user_name: str,
        new_passphrase: str,
        *,
        throttle: UnlockThrottle | None = None,
        connection: Connection | None = None,
    ) -> tuple[Vault, str]:
        """Unlock with the recovery code and give ``user_name`` a new passphrase.

        The used code is replaced by a new one (returned), as a recovery code is shown once.
        An office store on its server needs its ``connection`` given again
        (``office_recovery.py``).
        """
        check_passphrase(new_passphrase)
        from workbench.store.office_link import is_linked

        if connection is not None or is_linked(Path(directory)):
            if connection is None:  # the link is sealed under the forgotten passphrase
                raise NotOnOfficeServer(RECOVER_NEEDS_CONNECTION)
            from workbench.store.office_recovery import recover_on_server

            return recover_on_server(
                Path(directory), connection, code, user_name, new_passphrase, throttle=throttle
            )
        layout = StoreLayout(Path(directory))
        layout.require()
        keyfile = Keyfile.read(layout.keyfile)
        throttle = throttle or UnlockThrottle()
        throttle.check(keyfile.store_id)
        slot = keyfile.recovery_slot()
        secret = recovery.secret_bytes(code)
        if slot is None:
            raise AuthenticationError("此数据库没有恢复码密钥槽")
        try:
            dek = open_slot(keyfile.store_id, slot, secret)
        except AuthenticationError:  # well-formed, but not this store's code
            throttle.record_failure(keyfile.store_id)
            raise RecoveryCodeInvalid() from None
        try:
            keyfile.check_mac(dek)
        except BaseException:
            zero_key(dek)
            raise
        dek, keyfile = rekey.settle(layout, keyfile, None, dek)
        engine_user = cls._find_user_id(layout, dek, user_name)
        vault = cls._open_with_key(layout, keyfile, dek, engine_user)
        throttle.record_success(keyfile.store_id)
        vault.set_passphrase(vault.user.id, new_passphrase, _action="passphrase.recover")
        new_code = vault.rotate_recovery_code()
        return vault, new_code

    @classmethod
    def _find_user_id(cls, layout: StoreLayout, dek: bytearray, user_name: str) -> str:
        engine = make_engine(layout.db, dek)
        try:
            with engine.connect() as conn:
                found = conn.execute(select(User.id).where(User.name == user_name.strip())).scalar()
        finally:
            engine.dispose()
        if found is None:
            zero_key(dek)
            raise NotFound(f"没有名为“{user_name}”的用户", user=user_name)
        return found

    @classmethod
    def _admit(
        cls,
        layout: StoreLayout,
        keyfile: Keyfile,
        dek: bytearray,
        engine: Engine,
        user_id: str,
        *,
        kdf: KdfParams | None,
        keys: SlotKeys | None,
    ) -> Self:
        """The vault of ``user_id`` (a slot opened for them) on a migrated ``engine``: refused
        when the user is gone or disabled; their roles from the verified grants."""
        with Session(engine) as s:
            row = s.get(User, user_id)
            if row is None:
                raise AuthenticationError("密钥槽对应的用户不存在")
            if row.disabled:
                raise UserDisabled()
            user = user_info(row, ())
        vault = cls(layout, keyfile, dek, engine, user, kdf=kdf, keys=keys)
        grant_uptake.take_up_grants(vault)
        return vault

    def record_unlock(self, failures_before: int) -> None:
        """The ``unlock`` audit entry; if it cannot be written (a damaged or busy store, the
        server gone), the vault is locked: never leave the key behind."""
        try:
            with self.session() as s:
                audit.record(s, "unlock", "user", self.user.id, {"failed_before": failures_before})
        except BaseException:
            self.lock()
            raise

    @classmethod
    def _open_with_key(
        cls,
        layout: StoreLayout,
        keyfile: Keyfile,
        dek: bytearray,
        user_id: str,
        *,
        kdf: KdfParams | None = None,
        keys: SlotKeys | None = None,
    ) -> Vault:
        layout.restrict()
        engine = make_engine(layout.db, dek)
        try:
            from workbench.store import backup  # local: backup imports the vault's helpers

            def _backup_first(current: str | None, head: str) -> None:
                make_private_dir(layout.backups)
                stamp = utcnow().strftime("%Y%m%dT%H%M%S")
                target = layout.backups / f"pre-upgrade-{current}-to-{head}-{stamp}.wbk"
                backup.write_backup(layout, keyfile, dek, engine, target)

            migrate.upgrade(engine, before_upgrade=_backup_first)
            vault = cls._admit(layout, keyfile, dek, engine, user_id, kdf=kdf, keys=keys)
        except BaseException:
            engine.dispose()
            zero_key(dek)
            raise
        # Leftovers of an add interrupted by a crash hold no reference: drop them.
        if layout.staging.exists():
            for leftover in layout.staging.iterdir():
                with contextlib.suppress(OSError):
                    leftover.unlink()
        return vault
