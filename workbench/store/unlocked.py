"""An unlocked vault: the engine, the data key (a zeroable ``bytearray``) and the user who
unlocked it; its units of work; and the keyslots it rewrites (passphrases, the recovery code) with
the signing keys it holds. ``lock()`` disposes the engine and zeroes the key; every later use
raises ``StoreLocked``. How a store is created and unlocked is ``vault.Vault``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Self

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import (
    AuthenticationError,
    NotFound,
    PermissionDenied,
    StoreLocked,
    ValidationError,
)
from workbench.i18n import N_
from workbench.models.system import StoreMeta, User
from workbench.roles import Role
from workbench.store import audit, grants, recovery
from workbench.store.attachments import AttachmentStore
from workbench.store.keyfile import (
    KdfParams,
    Keyfile,
    Slot,
    SlotKeys,
    normalize_passphrase,
    open_slot,
    seal_slot,
    unseal_slot,
    user_hint,
)
from workbench.store.layout import StoreLayout
from workbench.store.session import Actor, make_session_factory, unit_of_work

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


def zero_key(buffer: bytearray) -> None:
    for i in range(len(buffer)):
        buffer[i] = 0


class UnlockedVault:
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

    def lock(self) -> None:
        """Close every connection and zero the data key. Idempotent."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        zero_key(self._dek)

    @property
    def locked(self) -> bool:
        return self._engine is None

    def __enter__(self) -> Self:
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

    def change_keyfile(self, change: Callable[[Keyfile], Keyfile]) -> None:
        """Apply ``change`` (a slot added, replaced or removed) to the keyfile and write it
        sealed under the data key."""
        self.keyfile = self._save_keyfile(change)

    def _save_keyfile(self, change: Callable[[Keyfile], Keyfile]) -> Keyfile:
        """The keyfile beside the database (an office store on PostgreSQL keeps it in the
        database, where other desktops change it too: ``office.OfficeVault``)."""
        keyfile = change(self.keyfile).sealed(self.dek)
        keyfile.write(self.layout.keyfile)
        return keyfile

    def write_keyfile(self, keyfile: Keyfile) -> None:
        self.change_keyfile(lambda _current: keyfile)

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
            zero_key(opened.dek)
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
        self.change_keyfile(lambda keyfile: keyfile.with_slot(slot))
        with self.session() as s:
            audit.record(s, _action, "user", user_id)
        return slot.ed25519

    def change_passphrase(self, old: str, new: str) -> None:
        """The current user's own change: the old passphrase must open the user's slot."""
        slot = self.keyfile.slot_for_user(self.user.id)
        if slot is None:
            raise AuthenticationError()
        try:
            zero_key(open_slot(self.store_id, slot, normalize_passphrase(old)))
        except AuthenticationError:
            raise AuthenticationError(WRONG_CURRENT_PASSPHRASE) from None
        self.set_passphrase(self.user.id, new, _action="passphrase.change")

    def remove_slot(self, user_id: str) -> None:
        self.change_keyfile(lambda keyfile: keyfile.without_user(user_id))

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
        self.change_keyfile(lambda keyfile: keyfile.with_slot(slot))
        with self.session() as s:
            audit.record(s, "recovery_code.rotate", "store", self.store_id)
        return code

    def count_users(self) -> int:
        with self.read() as s:
            return int(s.scalar(select(func.count()).select_from(User)) or 0)
