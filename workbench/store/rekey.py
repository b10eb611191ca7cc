"""Key rotation (``workbench rekey``): a new data key (DEK) for the database, every attachment and
every keyslot, and a new recovery code, safe against a kill at any point.

A rotation is one journal, ``rekey-journal.json`` next to the keyfile (written atomically), and
steps that each look at the files before acting, so that running them again is harmless:

1. *prepared*: the journal holds the new DEK wrapped to every remaining version 2 slot (the same
   wrapping as a slot's, under the new ``key_generation``), the new recovery slot, the new
   recovery code sealed under the new DEK, and a MAC under the new DEK.
2. *blobs*: each attachment is decrypted under the old DEK and encrypted under the new one into a
   staging file, then renamed to its new keyed name; the old file stays until step 5, so each
   blob is readable under whichever key the database is at.
3. *database*: checkpoint, leave WAL for a rollback journal, ``PRAGMA rekey``: one SQLite
   transaction, so a kill leaves the database under the old key (the hot journal rolls it back at
   the next open) or under the new one. Then checked by opening it with the new key, as a rekey
   that could not write may still report success.
4. *keyfile*: every slot rewrapped to the new DEK, the new recovery slot, ``key_generation`` + 1,
   the MAC under the new DEK.
5. *cleanup*: the blob files under their old names are removed, and the journal keeps only the
   sealed recovery code, until it was shown to a 系统管理员 (``forget_code``).

At unlock (``settle``) a pending journal is finished by any user whose slot it holds; a user it
does not hold (a recovery code, a slot changed meanwhile) opens with the old key while the
database is still under it, and is refused with ``RekeyPending`` once it is not. With no journal,
a key that opens no page of the database is a key retired by a rotation (``KeyRetired``): an old
copy of the keyfile put back.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workbench.errors import (
    AttachmentCorrupt,
    KeyfileDamaged,
    KeyRetired,
    PermissionDenied,
    RekeyBlocked,
    RekeyPending,
    StoreBusy,
    StoreDamaged,
)
from workbench.i18n import N_
from workbench.roles import Role
from workbench.store import audit, blobcrypt, damage, recovery
from workbench.store.engine import driver_errors, raw_connection
from workbench.store.fsutil import (
    fsync_dir,
    make_private_dir,
    open_private,
    write_atomic,
)
from workbench.store.keyfile import (
    DEK_BYTES,
    MAX_KEYFILE_BYTES,
    NONCE_BYTES,
    Keyfile,
    Slot,
    SlotKeys,
    canonical,
    public_x25519,
    seal_slot,
    unwrap_dek,
    wrap_dek,
)
from workbench.store.layout import StoreLayout
from workbench.store.pg import refuse_on_server

if TYPE_CHECKING:
    from workbench.store.vault import Vault

JOURNAL_NAME = "rekey-journal.json"
JOURNAL_FORMAT = "inspection-workbench-rekey-journal"
# where a rotation may be stopped (tests kill the process there): after the journal, after the
# first re-encrypted blob, after all blobs, right before PRAGMA rekey (the database out of WAL
# mode), after the database, after the keyfile
STAGES = ("prepared", "blob", "blobs", "rekey", "database", "keyfile")

Stage = Callable[[str], None]


def _no_stage(_stage: str) -> None:
    return None


def _zero(buffer: bytearray) -> None:
    for i in range(len(buffer)):
        buffer[i] = 0


def _subkey(dek: bytes | bytearray, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(bytes(dek))


_NEW_MAC = b"workbench rekey journal v1"
_OLD_MAC = b"workbench rekey journal old key v1"
JOURNAL_MAC_MISMATCH = "数据密钥更换日志的完整性校验失败：文件在本程序之外被改动过，未据此更换密钥"


def journal_path(layout: StoreLayout) -> Path:
    return layout.root / JOURNAL_NAME


@dataclass(frozen=True)
class Journal:
    store_id: str
    old_generation: int
    new_generation: int
    slots: tuple[Slot, ...]  # the new DEK wrapped to each slot (empty once done)
    recovery: Slot | None  # the new recovery slot (None once done)
    code_nonce: bytes
    code_sealed: bytes  # the new recovery code, under a key derived from the new DEK
    done: bool = False
    mac: bytes = b""  # under the new DEK
    # under the old DEK: only its holder (the 系统管理员 who started the rotation) can make a
    # journal that an unlock acts on; one planted with a key of someone's own choosing, wrapped
    # to the slots' public keys, would otherwise move the store to a key they know
    old_mac: bytes = b""

    def _document(self) -> dict[str, Any]:
        return {
            "format": JOURNAL_FORMAT,
            "version": 1,
            "store_id": self.store_id,
            "old_generation": self.old_generation,
            "new_generation": self.new_generation,
            "done": self.done,
            "slots": [s.to_json() for s in self.slots],
            "recovery": self.recovery.to_json() if self.recovery else None,
            "code_nonce": self.code_nonce.hex(),
            "code_sealed": self.code_sealed.hex(),
        }

    def _mac_of(self, dek: bytes | bytearray, info: bytes) -> bytes:
        key = _subkey(dek, info)
        return hmac.new(key, canonical(self._document()), hashlib.sha256).digest()

    def sealed(self, new: bytes | bytearray, old: bytes | bytearray | None = None) -> Journal:
        return replace(
            self,
            mac=self._mac_of(new, _NEW_MAC),
            old_mac=self._mac_of(old, _OLD_MAC) if old is not None else b"",
        )

    def check(self, new: bytes | bytearray) -> None:
        if not hmac.compare_digest(self.mac, self._mac_of(new, _NEW_MAC)):
            raise KeyfileDamaged(JOURNAL_MAC_MISMATCH)

    def check_old(self, old: bytes | bytearray) -> None:
        if not hmac.compare_digest(self.old_mac, self._mac_of(old, _OLD_MAC)):
            raise KeyfileDamaged(JOURNAL_MAC_MISMATCH)

    def to_bytes(self) -> bytes:
        macs = {"mac": self.mac.hex(), "old_mac": self.old_mac.hex()}
        return json.dumps({**self._document(), **macs}, indent=1).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Journal:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc["format"] != JOURNAL_FORMAT or doc["version"] != 1:
                raise KeyfileDamaged("数据密钥更换日志的格式不受支持")
            return cls(
                store_id=str(doc["store_id"]),
                old_generation=int(doc["old_generation"]),
                new_generation=int(doc["new_generation"]),
                slots=tuple(Slot.from_json(s) for s in doc["slots"]),
                recovery=Slot.from_json(doc["recovery"]) if doc["recovery"] else None,
                code_nonce=bytes.fromhex(doc["code_nonce"]),
                code_sealed=bytes.fromhex(doc["code_sealed"]),
                done=bool(doc["done"]),
                mac=bytes.fromhex(doc["mac"]),
                old_mac=bytes.fromhex(doc["old_mac"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise KeyfileDamaged("数据密钥更换日志已损坏") from exc

    def new_dek(self, keys: SlotKeys) -> bytearray | None:
        """The new DEK through the journal's wrap to these keys, if it holds one (found by public
        key: a passphrase changed meanwhile made a new slot with the same keys)."""
        public = public_x25519(keys.x25519)
        slot = next((s for s in self.slots if s.x25519 == public), None)
        if slot is None:
            return None
        return unwrap_dek(self.store_id, slot, keys.x25519)

    def recovery_code(self, dek: bytes | bytearray) -> str:
        aead = AESGCM(_subkey(dek, b"workbench rekey recovery code v1"))
        try:
            return aead.decrypt(self.code_nonce, self.code_sealed, self._code_ad()).decode()
        except InvalidTag as exc:
            raise KeyfileDamaged("数据密钥更换日志中的恢复码无法解开") from exc

    def _code_ad(self) -> bytes:
        return canonical({"store_id": self.store_id, "key_generation": self.new_generation})


def read_journal(layout: StoreLayout) -> Journal | None:
    path = journal_path(layout)
    try:
        with path.open("rb") as f:
            data = f.read(MAX_KEYFILE_BYTES + 1)
    except FileNotFoundError:
        return None
    if len(data) > MAX_KEYFILE_BYTES:
        raise KeyfileDamaged("数据密钥更换日志过大，不是本程序写的")
    return Journal.from_bytes(data)


def _write_journal(
    layout: StoreLayout,
    journal: Journal,
    new: bytes | bytearray,
    old: bytes | bytearray | None = None,
) -> None:
    write_atomic(journal_path(layout), journal.sealed(new, old).to_bytes())


# -- the steps ---------------------------------------------------------------------------------


def opens_with(db: Path, key: bytes | bytearray) -> bool:
    """Whether ``key`` opens the database (reading its schema; a hot journal is rolled back)."""
    try:
        conn = raw_connection(db, key)
    except StoreDamaged:
        return False
    conn.close()
    return True


def _attachments(db: Path, key: bytes | bytearray) -> list[tuple[str, int]]:
    conn = raw_connection(db, key)
    try:
        with driver_errors():
            return [
                (str(a), int(b)) for a, b in conn.execute("SELECT sha256, size FROM attachments")
            ]
    finally:
        conn.close()


def _blob_path(layout: StoreLayout, dek: bytes | bytearray, sha: str) -> Path:
    name = blobcrypt.blob_name(dek, sha)
    return layout.blobs / name[:2] / name


def _reencrypt(
    source: Path, staging: Path, old: bytes | bytearray, new: bytes | bytearray, sha: str, size: int
) -> None:
    with open(source, "rb") as src, open_private(staging) as out:
        writer = blobcrypt.BlobWriter(out, new, size)
        try:
            for chunk in blobcrypt.iter_plaintext(src, old, sha):
                writer.write(chunk)
            digest = writer.finish(durable=True)
        except BaseException:
            writer.abandon()
            raise
    if digest != sha:  # the row's size or hash does not match what the blob holds
        raise AttachmentCorrupt(f"附件 {sha} 与其记录不符", sha256=sha)


def _carry_over(source: Path, staging: Path) -> None:
    """A blob that was already unreadable goes over as it is: check still names it, and a later
    repair (a backup) finds it where it was. A rotation loses nothing, and is not blocked."""
    with open(source, "rb") as src, open_private(staging) as out:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())


def _reencrypt_blobs(
    layout: StoreLayout, old: bytes | bytearray, new: bytes | bytearray, on_stage: Stage
) -> None:
    """Each blob under its new name, written to staging and renamed: complete or absent."""
    for sha, size in _attachments(layout.db, old):
        target = _blob_path(layout, new, sha)
        source = _blob_path(layout, old, sha)
        if target.exists() or not source.exists():  # done already, or missing (check says so)
            continue
        make_private_dir(layout.staging)
        staging = layout.staging / f"{uuid.uuid4().hex}.rekey"
        try:
            try:
                _reencrypt(source, staging, old, new, sha, size)
            except (AttachmentCorrupt, ValueError):
                _carry_over(source, staging)
            make_private_dir(target.parent)
            os.replace(staging, target)
            fsync_dir(target.parent)
        finally:
            staging.unlink(missing_ok=True)
        on_stage("blob")
    on_stage("blobs")


def _rekey_database(
    db: Path, old: bytes | bytearray, new: bytes | bytearray, on_stage: Stage
) -> None:
    """``PRAGMA rekey`` in rollback-journal mode: SQLCipher rewrites every page in one
    transaction, whose journal holds the pages under the old key; in WAL mode it is not safe."""
    conn = raw_connection(db, old)
    try:
        with driver_errors():
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            if mode is None or str(mode[0]).lower() != "delete":  # another connection is open
                raise StoreBusy()
            on_stage("rekey")
            conn.execute(f"PRAGMA rekey = \"x'{bytes(new).hex()}'\"").fetchall()
    finally:
        conn.close()
    if not opens_with(db, new):
        raise StoreDamaged(reason="PRAGMA rekey 之后数据库不能用新密钥打开")


def _new_keyfile(keyfile: Keyfile, journal: Journal, dek: bytes | bytearray) -> Keyfile:
    """Every version 2 user slot of ``keyfile`` wrapped to ``dek`` (slots are public-key
    recipients: no passphrase is needed), the journal's recovery slot, the next generation."""
    assert journal.recovery is not None
    slots = tuple(
        replace(
            s,
            dek=wrap_dek(keyfile.store_id, s.slot_id, s.x25519, dek, journal.new_generation),
        )
        for s in keyfile.slots
        if s.kind == "passphrase" and not s.legacy
    )
    rotated = replace(
        keyfile, slots=(*slots, journal.recovery), key_generation=journal.new_generation
    )
    return rotated.sealed(dek)


def _sweep_old_blobs(layout: StoreLayout, dek: bytes | bytearray) -> None:
    """Remove blob files that are not under a name of the new DEK (the old copies)."""
    known = {_blob_path(layout, dek, sha).name for sha, _size in _attachments(layout.db, dek)}
    if not layout.blobs.exists():
        return
    for fanout in layout.blobs.iterdir():
        if not fanout.is_dir() or fanout == layout.staging:
            continue
        for blob in fanout.iterdir():
            if blob.name not in known:
                blob.unlink(missing_ok=True)


def complete(
    layout: StoreLayout,
    keyfile: Keyfile,
    journal: Journal,
    old: bytes | bytearray | None,
    new: bytes | bytearray,
    on_stage: Stage = _no_stage,
) -> Keyfile:
    """Finish the journal's rotation from wherever it stopped; returns the keyfile now on disk."""
    if not journal.done:
        if not opens_with(layout.db, new):
            if old is None:  # the keyfile is new, so the database must be: it is not
                raise StoreDamaged(reason="数据库不能用新的数据密钥打开")
            _reencrypt_blobs(layout, old, new, on_stage)
            _rekey_database(layout.db, old, new, on_stage)
            on_stage("database")
        if keyfile.key_generation != journal.new_generation:
            keyfile = _new_keyfile(keyfile, journal, new)
            keyfile.write(layout.keyfile)
            on_stage("keyfile")
        _sweep_old_blobs(layout, new)
        _write_journal(layout, replace(journal, slots=(), recovery=None, done=True), new)
    return keyfile


def forget_code(vault: Vault) -> None:
    """The new recovery code was shown (and, in the GUI, confirmed written down): remove the
    finished journal that kept it, so a kill before that point loses no code."""
    journal = read_journal(vault.layout)
    if journal is None or not journal.done:
        return
    journal.check(vault.dek)
    journal_path(vault.layout).unlink(missing_ok=True)
    fsync_dir(vault.layout.root)


def settle(
    layout: StoreLayout,
    keyfile: Keyfile,
    keys: SlotKeys | None,
    dek: bytearray,
) -> tuple[bytearray, Keyfile]:
    """At unlock, with the DEK a slot gave: finish a pending rotation this slot can, and tell a
    key retired by a rotation from a damaged database. Returns the DEK that opens the store."""
    try:
        journal = read_journal(layout)
        if journal is not None and not journal.done and journal.store_id == keyfile.store_id:
            if keyfile.key_generation == journal.new_generation:
                journal.check(dek)
                return dek, complete(layout, keyfile, journal, None, dek)
            journal.check_old(dek)  # made by a holder of the key the store is under
            new = journal.new_dek(keys) if keys else None
            if new is not None:
                journal.check(new)
                keyfile = complete(layout, keyfile, journal, dek, new)
                _zero(dek)
                return new, keyfile
            if opens_with(layout.db, dek):
                return dek, keyfile  # the database is still under the old key
            raise RekeyPending()
        if not opens_with(layout.db, dek) and damage.survey(layout.db, dek).every_page:
            raise KeyRetired()
    except BaseException:
        _zero(dek)
        raise
    return dek, keyfile


# -- a rotation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RekeyResult:
    recovery_code: str
    key_generation: int
    dropped: tuple[str, ...] = ()  # user ids whose version 1 slot was dropped
    resumed: bool = False  # a rotation stopped earlier was finished


def unupgraded_users(keyfile: Keyfile) -> tuple[str, ...]:
    """Users whose slot is still version 1: the new DEK cannot be wrapped to it."""
    return tuple(
        s.user_id for s in keyfile.slots if s.kind == "passphrase" and s.legacy and s.user_id
    )


def rotate(
    vault: Vault, *, drop_unupgraded: bool = False, on_stage: Stage = _no_stage
) -> RekeyResult:
    """Rotate the data key of the unlocked store (a 系统管理员 with their signing key), or, when
    a finished journal is there, return its new recovery code (``resumed``). The journal stays
    until ``forget_code``: call it once the code was shown.

    A version 1 slot (a user who has not unlocked since keyfile version 2) cannot be given the
    new DEK without its passphrase: the rotation is refused naming them (``RekeyBlocked``), or
    their slots are dropped when ``drop_unupgraded`` (they need ``user enable`` afterwards).
    """
    vault.require(Role.SYSADMIN)
    refuse_on_server(vault.engine, N_("更换数据密钥"))
    if vault.signing_key is None:
        raise PermissionDenied("通过恢复码解锁时不能更换数据密钥：请以系统管理员口令登录")
    layout = vault.layout
    journal = read_journal(layout)
    if journal is not None and journal.done:  # stopped after the switch: show its code
        journal.check(vault.dek)
        code = journal.recovery_code(vault.dek)
        _record(vault, journal.new_generation, (), resumed=True)
        return RekeyResult(code, journal.new_generation, resumed=True)
    # A journal still pending here is one the unlock could not finish while the database is
    # still under the old key: it is replaced (its new-name blobs are swept at the end).
    keyfile = vault.keyfile
    legacy = unupgraded_users(keyfile)
    if legacy and not drop_unupgraded:
        names = _user_names(vault, legacy)
        raise RekeyBlocked(
            "以下用户自升级以来尚未登录，其密钥槽不能换用新的数据密钥："
            f"{'、'.join(names)}。请其先登录一次，或加 --drop-unupgraded 移除其密钥槽",
            users=names,
        )
    old = bytearray(vault.dek)
    new = bytearray(os.urandom(DEK_BYTES))
    generation = keyfile.key_generation + 1
    code = recovery.generate()
    recovery_slot = seal_slot(
        vault.store_id,
        new,
        recovery.secret_bytes(code),
        kind="recovery",
        params=vault.kdf,
        generation=generation,
    )
    kept = tuple(s for s in keyfile.slots if s.kind == "passphrase" and not s.legacy)
    keyfile = replace(keyfile, slots=kept)
    wraps = tuple(
        replace(s, dek=wrap_dek(vault.store_id, s.slot_id, s.x25519, new, generation)) for s in kept
    )
    nonce = os.urandom(NONCE_BYTES)
    journal = Journal(
        store_id=vault.store_id,
        old_generation=keyfile.key_generation,
        new_generation=generation,
        slots=wraps,
        recovery=recovery_slot,
        code_nonce=nonce,
        code_sealed=b"",
    )
    sealed_code = AESGCM(_subkey(new, b"workbench rekey recovery code v1")).encrypt(
        nonce, code.encode(), journal._code_ad()
    )
    journal = replace(journal, code_sealed=sealed_code)
    vault.engine.dispose()  # every connection closed: the rekey needs the database to itself
    try:
        _write_journal(layout, journal, new, old)
        on_stage("prepared")
        keyfile = complete(layout, keyfile, journal, old, new, on_stage)
        vault.take_new_key(new, keyfile)
    finally:
        _zero(new)
        _zero(old)
    _record(vault, generation, legacy)
    return RekeyResult(code, generation, dropped=legacy)


def _user_names(vault: Vault, user_ids: tuple[str, ...]) -> tuple[str, ...]:
    from workbench.models.system import User

    with vault.read() as s:
        return tuple(
            (row.name if (row := s.get(User, uid)) is not None else uid) for uid in user_ids
        )


def _record(
    vault: Vault, generation: int, dropped: tuple[str, ...], *, resumed: bool = False
) -> None:
    with vault.session() as s:
        audit.record(
            s,
            "store.rekey",
            "store",
            vault.store_id,
            {"key_generation": generation, "dropped_slots": list(dropped), "resumed": resumed},
        )
