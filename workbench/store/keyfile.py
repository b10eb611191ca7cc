"""The keyfile: LUKS-style keyslots that each wrap the store's data key (DEK).

A slot wraps the 32-byte DEK with AES-256-GCM under a key derived from one secret (a user's
passphrase or the recovery code) with Argon2id. Everything in the slot except the ciphertext is
bound as associated data, so a slot's parameters cannot be weakened without detection.
Changing a passphrase rewrites only this file (see ``fsutil.write_atomic``): the DEK never changes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from workbench.errors import AuthenticationError, KeyfileDamaged
from workbench.store.fsutil import write_atomic

FORMAT = "inspection-workbench-keyfile"
VERSION = 1
DEK_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
# a keyfile is a few KiB (a slot per user); a larger file is not read at all
MAX_KEYFILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters. The floor is RFC 9106's second recommendation (t=3, p=4, m=64 MiB).

    The ceiling keeps a keyfile from stalling the machine before its slot is even tried (a forged
    t = 2³¹ ran for minutes, m = 2³² KiB asks for 4 TiB): at most t=8, p=16, m=256 MiB, a few
    seconds of work, yet several times what we write, so the default can still be raised.
    """

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024

    FLOOR_ITERATIONS = 3
    FLOOR_LANES = 4
    FLOOR_MEMORY_KIB = 64 * 1024
    CEILING_ITERATIONS = 8
    CEILING_LANES = 16
    CEILING_MEMORY_KIB = 256 * 1024

    def check(self) -> None:
        """Refuse parameters outside the floor and the ceiling (before any derivation runs)."""
        if (
            self.iterations < self.FLOOR_ITERATIONS
            or self.lanes < self.FLOOR_LANES
            or self.memory_kib < self.FLOOR_MEMORY_KIB
        ):
            raise KeyfileDamaged("密钥槽的口令派生参数低于安全下限")
        if (
            self.iterations > self.CEILING_ITERATIONS
            or self.lanes > self.CEILING_LANES
            or self.memory_kib > self.CEILING_MEMORY_KIB
        ):
            raise KeyfileDamaged("密钥槽的口令派生参数超出允许范围")


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    params.check()
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC so that the same passphrase typed through different input methods matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def user_hint(store_id: str, user_name: str) -> str:
    """Find a user's slot without writing the user's name in clear into the keyfile."""
    name = unicodedata.normalize("NFC", user_name.strip())
    return hashlib.sha256(f"{store_id}\x00{name}".encode()).hexdigest()[:32]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _int(value: Any) -> int:
    """A JSON integer, not whatever converts to one (``1e400`` is a float, ``true`` a bool)."""
    if type(value) is not int:
        raise TypeError("not an integer")
    return value


@dataclass(frozen=True)
class Slot:
    slot_id: str
    kind: str  # "passphrase" | "recovery"
    user_id: str | None
    hint: str | None
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes

    def associated_data(self, store_id: str) -> bytes:
        meta = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": store_id,
            "slot_id": self.slot_id,
            "kind": self.kind,
            "user_id": self.user_id,
            "hint": self.hint,
            "salt": _b64(self.salt),
            "kdf": {
                "alg": "argon2id",
                "t": self.kdf.iterations,
                "p": self.kdf.lanes,
                "m": self.kdf.memory_kib,
            },
            "nonce": _b64(self.nonce),
            "aead": "aes-256-gcm",
        }
        return json.dumps(meta, sort_keys=True, separators=(",", ":")).encode()

    def to_json(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "user_id": self.user_id,
            "hint": self.hint,
            "salt": _b64(self.salt),
            "kdf": {
                "alg": "argon2id",
                "t": self.kdf.iterations,
                "p": self.kdf.lanes,
                "m": self.kdf.memory_kib,
            },
            "aead": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Slot:
        try:
            kdf = obj["kdf"]
            if kdf["alg"] != "argon2id" or obj["aead"] != "aes-256-gcm":
                raise KeyfileDamaged("不支持的密钥槽算法")
            if obj["kind"] not in ("passphrase", "recovery"):
                raise KeyfileDamaged("未知的密钥槽类型")
            params = KdfParams(
                iterations=_int(kdf["t"]), lanes=_int(kdf["p"]), memory_kib=_int(kdf["m"])
            )
            params.check()
            salt, nonce = _unb64(obj["salt"]), _unb64(obj["nonce"])
            if len(salt) != SALT_BYTES or len(nonce) != NONCE_BYTES:
                raise KeyfileDamaged()
            return cls(
                slot_id=str(obj["slot_id"]),
                kind=obj["kind"],
                user_id=obj["user_id"],
                hint=obj["hint"],
                salt=salt,
                kdf=params,
                nonce=nonce,
                wrapped=_unb64(obj["wrapped"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyfileDamaged() from exc


def seal_slot(
    store_id: str,
    dek: bytes | bytearray,
    secret: bytes,
    *,
    kind: str,
    user_id: str | None = None,
    hint: str | None = None,
    params: KdfParams | None = None,
) -> Slot:
    params = params or KdfParams()
    slot = Slot(
        slot_id=secrets.token_hex(8),
        kind=kind,
        user_id=user_id,
        hint=hint,
        salt=os.urandom(SALT_BYTES),
        kdf=params,
        nonce=os.urandom(NONCE_BYTES),
        wrapped=b"",
    )
    kek = derive_key(secret, slot.salt, params)
    wrapped = AESGCM(kek).encrypt(slot.nonce, bytes(dek), slot.associated_data(store_id))
    return replace(slot, wrapped=wrapped)


def open_slot(store_id: str, slot: Slot, secret: bytes) -> bytearray:
    """Return the DEK as a bytearray (zeroable), or raise AuthenticationError."""
    kek = derive_key(secret, slot.salt, slot.kdf)
    try:
        dek = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, slot.associated_data(store_id))
    except InvalidTag as exc:
        raise AuthenticationError() from exc
    if len(dek) != DEK_BYTES:
        raise KeyfileDamaged()
    return bytearray(dek)


@dataclass(frozen=True)
class Keyfile:
    store_id: str
    slots: tuple[Slot, ...] = field(default_factory=tuple)

    def passphrase_slots(self, hint: str) -> list[Slot]:
        return [s for s in self.slots if s.kind == "passphrase" and s.hint == hint]

    def slot_for_user(self, user_id: str) -> Slot | None:
        return next(
            (s for s in self.slots if s.kind == "passphrase" and s.user_id == user_id), None
        )

    def recovery_slot(self) -> Slot | None:
        return next((s for s in self.slots if s.kind == "recovery"), None)

    def with_slot(self, slot: Slot) -> Keyfile:
        """Add ``slot``, replacing any slot for the same user (or the recovery slot)."""
        kept = tuple(
            s
            for s in self.slots
            if not (
                (slot.kind == "passphrase" and s.kind == "passphrase" and s.user_id == slot.user_id)
                or (slot.kind == "recovery" and s.kind == "recovery")
            )
        )
        return replace(self, slots=(*kept, slot))

    def without_user(self, user_id: str) -> Keyfile:
        return replace(self, slots=tuple(s for s in self.slots if s.user_id != user_id))

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "slots": [s.to_json() for s in self.slots],
        }
        return json.dumps(doc, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Keyfile:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise KeyfileDamaged()
            if doc.get("version") != VERSION:
                raise KeyfileDamaged("密钥文件版本不受支持")
            return cls(
                store_id=str(doc["store_id"]),
                slots=tuple(Slot.from_json(s) for s in doc["slots"]),
            )
        except (
            ValueError,  # bad UTF-8 or JSON, or an integer past Python's digit limit
            RecursionError,  # JSON nested deeper than the parser's stack
            KeyError,
            TypeError,
            AttributeError,
        ) as exc:
            raise KeyfileDamaged() from exc

    @classmethod
    def read(cls, path: Path) -> Keyfile:
        with path.open("rb") as f:
            data = f.read(MAX_KEYFILE_BYTES + 1)
        if len(data) > MAX_KEYFILE_BYTES:
            raise KeyfileDamaged(
                f"密钥文件超过 {MAX_KEYFILE_BYTES // 1024} KiB，不是本程序的密钥文件"
            )
        return cls.from_bytes(data)

    def write(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())
