"""The vault: create, unlock and lock a store; keyslots for users and the recovery code.

A ``Vault`` is an unlocked store: it holds the engine, the data key (a zeroable ``bytearray``) and
the user who unlocked it. ``lock()`` disposes the engine and zeroes the key; every later use
raises ``StoreLocked``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import (
    AuthenticationError,
    NotFound,
    PermissionDenied,
    RecoveryCodeInvalid,
    StoreExists,
    StoreLocked,
    UserDisabled,
    ValidationError,
)
from workbench.i18n import N_
from workbench.models.base import utcnow
from workbench.models.system import StoreMeta, User
from workbench.roles import Role, validate_first_user_roles
from workbench.store import audit, grant_uptake, grants, migrate, recovery, rekey
from workbench.store.attachments import AttachmentStore
from workbench.store.engine import make_engine
from workbench.store.fsutil import create_private, fsync_dir, make_private_dir
from workbench.store.keyfile import (
    DEK_BYTES,
    KdfParams,
    Keyfile,
    Slot,
    SlotKeys,
    normalize_passphrase,
    open_slot,
    public_key,
    seal_slot,
    unseal_slot,
    user_hint,
)
from workbench.store.layout import StoreLayout
from workbench.store.session import Actor, make_session_factory, unit_of_work
from workbench.store.throttle import UnlockThrottle

STORE_ROLES = ("field", "office")
MIN_PASSPHRASE_CHARS = 8
PASSPHRASE_TOO_SHORT = N_("口令太短：至少需要 8 个字符")  # keep the figure in step with the above
WRONG_CURRENT_PASSPHRASE = N_("当前口令不正确，口令未修改")


@dataclass(frozen=True)
class UserInfo:
    id: str
    name: str
    display_name: str
    roles: tuple[Role, ...]
    disabled: bool
    created_at: datetime | None = None

    def has(self, *roles: Role) -> bool:
        return any(r in self.roles for r in roles)


def user_info(row: User, roles: tuple[Role, ...]) -> UserInfo:
    """``roles`` come from the verified grants (``grants.roles_by_user``), never the column."""
    return UserInfo(
        id=row.id,
        name=row.name,
        display_name=row.display_name,
        roles=roles,
        disabled=row.disabled,
        created_at=row.created_at,
    )


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise ValidationError(
            PASSPHRASE_TOO_SHORT, field="passphrase", min_chars=MIN_PASSPHRASE_CHARS
        )


def require_new_store_dir(directory: Path) -> None:
    """A store is made only where there is nothing: a missing or empty folder."""
    if directory.exists() and any(directory.iterdir()):
        raise StoreExists(
            f"{directory} 不是空文件夹，不会在此创建或覆盖数据库", path=str(directory)
        )


def _zero(buffer: bytearray) -> None:
    for i in range(len(buffer)):
        buffer[i] = 0


def _dummy_derivation(passphrase: bytes) -> None:
    """Spend the time a real slot would, so timing does not tell which user names exist."""
    from workbench.store.keyfile import derive_key

    derive_key(passphrase, b"\x00" * 16, KdfParams())


class Vault:
    def __init__(
        self,
        layout: StoreLayout,
        keyfile: Keyfile,
        dek: bytearray,
        engine: Engine,
        user: UserInfo,
        *,
        kdf: KdfParams | None = None,
        keys: SlotKeys | None = None,
    ) -> None:
        self.layout = layout
        self.keyfile = keyfile
        self._dek = dek
        self._keys = keys  # the unlocking slot's private keys (None through the recovery code)
        self._engine: Engine | None = engine
        self.user = user
        self._kdf = kdf or KdfParams()
        self._factory: sessionmaker[Session] = make_session_factory(engine)
        self._write_factory: sessionmaker[Session] = make_session_factory(
            engine.execution_options(sqlite_begin="IMMEDIATE")
        )
        with Session(engine) as s:
            meta = {m.key: m.value for m in s.scalars(select(StoreMeta))}
        self.store_id: str = meta["store_id"]
        self.device_id: str = meta["device_id"]
        self.store_role: str = meta["store_role"]
        self.attachments = AttachmentStore(layout, dek)

    # -- lifecycle ----------------------------------------------------------------------------

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
        if store_role not in STORE_ROLES:
            raise ValidationError("数据库类型应为 field（巡察组）或 office（巡察办）", field="role")
        user_name = user_name.strip()
        if not user_name:
            raise ValidationError("用户名不能为空", field="user")
        check_passphrase(passphrase)
        default_roles = (
            (Role.TEAM_LEADER, Role.SYSADMIN)
            if store_role == "field"
            else (Role.OFFICE, Role.SYSADMIN)
        )
        parsed_roles = validate_first_user_roles(roles or default_roles)
        require_new_store_dir(directory)
        kdf = kdf or KdfParams()

        # Build in a sibling folder, then rename: a crash never leaves a half-made store.
        directory.parent.mkdir(parents=True, exist_ok=True)
        building = directory.parent / f".{directory.name}.creating-{uuid.uuid4().hex[:8]}"
        make_private_dir(building)
        layout = StoreLayout(building)
        dek = bytearray(os.urandom(DEK_BYTES))
        store_id = str(uuid.uuid4())
        user_id = str(uuid.uuid4())
        code = recovery.generate()
        keys = SlotKeys.generate(signing=True)
        assert keys.ed25519 is not None
        root = public_key(keys.ed25519)
        try:
            create_private(layout.db)
            engine = make_engine(layout.db, dek)
            try:
                migrate.upgrade(engine)
                factory = make_session_factory(engine)
                actor = Actor(user_id, user_name, None)
                device_id = str(uuid.uuid4())
                with unit_of_work(factory, actor) as s:
                    s.info[audit.SIGNING_INFO_KEY] = keys.ed25519
                    for key, value in {
                        "store_id": store_id,
                        "device_id": device_id,
                        "store_role": store_role,
                        "created_at": utcnow().isoformat(),
                    }.items():
                        s.add(StoreMeta(key=key, value=value))
                    s.add(
                        User(
                            id=user_id,
                            name=user_name,
                            display_name=display_name or user_name,
                            roles=[str(r) for r in parsed_roles],
                            created_by=user_id,
                        )
                    )
                    s.flush()
                    audit.record(s, "store.create", "store", store_id, {"store_role": store_role})
                    grants.issue(  # the root's own grant, signed by the root key
                        s,
                        grants.Chain(),
                        user_id=user_id,
                        user_name=user_name,
                        roles=parsed_roles,
                        active=True,
                        key=root,
                        reason="create",
                        signer=grants.Signer(user_id, keys.ed25519),
                    )
            finally:
                engine.dispose()
            keyfile = Keyfile(store_id=store_id, root=root)
            keyfile = keyfile.with_slot(
                seal_slot(
                    store_id,
                    dek,
                    normalize_passphrase(passphrase),
                    kind="passphrase",
                    user_id=user_id,
                    hint=user_hint(store_id, user_name),
                    params=kdf,
                    keys=keys,
                )
            )
            keyfile = keyfile.with_slot(
                seal_slot(store_id, dek, recovery.secret_bytes(code), kind="recovery", params=kdf)
            )
            keyfile.sealed(dek).write(layout.keyfile)
            if directory.exists():
                directory.rmdir()
            os.replace(building, directory)
            fsync_dir(directory.parent)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            _zero(dek)
            raise
        vault = cls._open_with_key(
            StoreLayout(directory),
            Keyfile.read(directory / "keyfile.json"),
            dek,
            user_id,
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
                _zero(dek)
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
            try:
                with vault.session() as s:
                    audit.record(
                        s, "unlock", "user", slot.user_id, {"failed_before": failures_before}
                    )
            except BaseException:  # e.g. a damaged or busy store: never leave the key behind
                vault.lock()
                raise
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
    ) -> tuple[Vault, str]:
        """Unlock with the recovery code and give ``user_name`` a new passphrase.

        The used code is replaced by a new one (returned), as a recovery code is shown once.
        """
        check_passphrase(new_passphrase)
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
            _zero(dek)
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
            _zero(dek)
            raise NotFound(f"没有名为“{user_name}”的用户", user=user_name)
        return found

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
            with Session(engine) as s:
                row = s.get(User, user_id)
                if row is None:
                    raise AuthenticationError("密钥槽对应的用户不存在")
                if row.disabled:
                    raise UserDisabled()
                user = user_info(row, ())
            vault = cls(layout, keyfile, dek, engine, user, kdf=kdf, keys=keys)
            grant_uptake.take_up_grants(vault)
        except BaseException:
            engine.dispose()
            _zero(dek)
            raise
        # Leftovers of an add interrupted by a crash hold no reference: drop them.
        if layout.staging.exists():
            for leftover in layout.staging.iterdir():
                with contextlib.suppress(OSError):
                    leftover.unlink()
        return vault

    def lock(self) -> None:
        """Close every connection and zero the data key. Idempotent."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        _zero(self._dek)

    @property
    def locked(self) -> bool:
        return self._engine is None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.lock()

    # -- units of work ------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreLocked()
        return self._engine

    @property
    def actor(self) -> Actor:
        return Actor(
            self.user.id,
            self.user.name,
            self.device_id,
            tuple(r.value for r in self.user.roles),
            self.user.display_name,
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE: the audit chain's next link is taken safely)."""
        _ = self.engine
        with unit_of_work(self._write_factory, self.actor) as s:
            s.info[grants.ROOT_INFO_KEY] = self.keyfile.root
            s.info[audit.SIGNING_INFO_KEY] = self._keys.ed25519 if self._keys else None
            yield s

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction (deferred BEGIN)."""
        _ = self.engine
        with unit_of_work(self._factory, self.actor) as s:
            s.info[grants.ROOT_INFO_KEY] = self.keyfile.root
            s.info[audit.SIGNING_INFO_KEY] = self._keys.ed25519 if self._keys else None
            yield s

    @property
    def kdf(self) -> KdfParams:
        return self._kdf

    def take_new_key(self, dek: bytearray, keyfile: Keyfile) -> None:
        """After a rotation: the new DEK into the same buffer (the engine's and the attachment
        store's), so every new connection and blob uses it; ``keyfile`` is the one on disk."""
        self.engine.dispose()
        self._dek[:] = dek
        self.keyfile = keyfile

    @property
    def dek(self) -> bytearray:
        """For store-internal helpers (backup, check); never leaves the process."""
        if self._engine is None:
            raise StoreLocked()
        return self._dek

    # -- keyslots -----------------------------------------------------------------------------

    def require(self, *roles: Role) -> None:
        if not self.user.has(*roles):
            names = "、".join(r.label for r in roles)
            raise PermissionDenied(f"此操作需要以下角色之一：{names}")

    def write_keyfile(self, keyfile: Keyfile) -> None:
        keyfile = keyfile.sealed(self.dek)
        keyfile.write(self.layout.keyfile)
        self.keyfile = keyfile

    # -- signing and grants -------------------------------------------------------------------

    @property
    def signing_key(self) -> Ed25519PrivateKey | None:
        """The unlocked user's Ed25519 key (None when unlocked through the recovery code)."""
        _ = self.engine
        return self._keys.ed25519 if self._keys is not None else None

    def signer(self) -> grants.Signer:
        key = self.signing_key
        if key is None:
            raise PermissionDenied("此次解锁没有用户的签名密钥（恢复码解锁），不能签发角色授权")
        return grants.Signer(self.user.id, key)

    def slot_key(self, user_id: str) -> bytes | None:
        """The Ed25519 public key of ``user_id``'s current slot (None: none, or version 1)."""
        slot = self.keyfile.slot_for_user(user_id)
        return slot.ed25519 if slot is not None and not slot.legacy else None

    def cosigner(self, user_name: str, passphrase: str) -> grants.Signer:
        """Another user's signing key, opened with their passphrase for one co-signature."""
        for slot in self.keyfile.passphrase_slots(user_hint(self.store_id, user_name)):
            try:
                opened = unseal_slot(self.store_id, slot, normalize_passphrase(passphrase))
            except AuthenticationError:
                continue
            _zero(opened.dek)
            if opened.keys is None or opened.keys.ed25519 is None or slot.user_id is None:
                raise PermissionDenied(
                    f"共同签署人“{user_name}”尚未在升级后登录过，还没有签名密钥：请其先登录一次"
                )
            return grants.Signer(slot.user_id, opened.keys.ed25519)
        raise AuthenticationError(f"共同签署人“{user_name}”的用户名或口令不正确")

    def set_passphrase(
        self, user_id: str, passphrase: str, *, _action: str = "passphrase.set"
    ) -> bytes:
        """Give ``user_id`` a (new) passphrase slot. Rewrites only the keyfile. The user's own
        change keeps their keys; a slot made for someone else (a new user, enabling, a recovery)
        has new ones. Returns the slot's Ed25519 public key, for the user's grant."""
        check_passphrase(passphrase)
        with self.read() as s:
            row = s.get(User, user_id)
            if row is None:
                raise NotFound("用户不存在", user_id=user_id)
            name = row.name
        own = user_id == self.user.id and self._keys is not None
        slot = seal_slot(
            self.store_id,
            self.dek,
            normalize_passphrase(passphrase),
            kind="passphrase",
            user_id=user_id,
            hint=user_hint(self.store_id, name),
            params=self._kdf,
            keys=self._keys if own else None,
            generation=self.keyfile.key_generation,
        )
        self.write_keyfile(self.keyfile.with_slot(slot))
        with self.session() as s:
            audit.record(s, _action, "user", user_id)
        return slot.ed25519

    def change_passphrase(self, old: str, new: str) -> None:
        """The current user's own change: the old passphrase must open the user's slot."""
        slot = self.keyfile.slot_for_user(self.user.id)
        if slot is None:
            raise AuthenticationError()
        try:
            _zero(open_slot(self.store_id, slot, normalize_passphrase(old)))
        except AuthenticationError:
            raise AuthenticationError(WRONG_CURRENT_PASSPHRASE) from None
        self.set_passphrase(self.user.id, new, _action="passphrase.change")

    def remove_slot(self, user_id: str) -> None:
        self.write_keyfile(self.keyfile.without_user(user_id))

    def rotate_recovery_code(self) -> str:
        code = recovery.generate()
        slot: Slot = seal_slot(
            self.store_id,
            self.dek,
            recovery.secret_bytes(code),
            kind="recovery",
            params=self._kdf,
            generation=self.keyfile.key_generation,
        )
        self.write_keyfile(self.keyfile.with_slot(slot))
        with self.session() as s:
            audit.record(s, "recovery_code.rotate", "store", self.store_id)
        return code

    def count_users(self) -> int:
        with self.read() as s:
            return int(s.scalar(select(func.count()).select_from(User)) or 0)
