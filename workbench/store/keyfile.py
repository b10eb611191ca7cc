"""The keyfile: LUKS-style keyslots that each give one secret access to the store's data key.

Version 2: a slot's key (Argon2id of a user's passphrase or the recovery code) seals the slot's
private keys (X25519 for key wrapping, Ed25519 for signing; the recovery slot has no signing key)
with AES-256-GCM; the public keys are in clear and the data key (DEK) is wrapped to the X25519
public key, so a new DEK can be wrapped for every slot without its secret (rotation). Everything
in a slot except ciphertexts is associated data. The whole file carries the store's root of trust
(the creating 系统管理员's Ed25519 key) and an HMAC under a key derived from the DEK, checked at
unlock. Version 1 slots (the DEK sealed directly under the slot key) are read, and replaced by
version 2 slots at their own unlock. The file is rewritten atomically (``fsutil.write_atomic``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workbench.errors import AuthenticationError, KeyfileDamaged
from workbench.store.fsutil import write_atomic

FORMAT = "inspection-workbench-keyfile"
VERSION = 2
LEGACY_VERSION = 1
KEY_BYTES = 32  # raw X25519 and Ed25519 keys, private and public
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

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id", "t": self.iterations, "p": self.lanes, "m": self.memory_kib}

    @classmethod
    def from_json(cls, kdf: dict[str, Any]) -> KdfParams:
        """A slot's parameters as ``to_json`` writes them, refused outside the floor and the
        ceiling."""
        if kdf["alg"] != "argon2id":
            raise KeyfileDamaged("不支持的密钥槽算法")
        params = cls(iterations=_int(kdf["t"]), lanes=_int(kdf["p"]), memory_kib=_int(kdf["m"]))
        params.check()
        return params

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


def canonical(obj: Any) -> bytes:
    """The one JSON spelling that is signed, MACed or bound as associated data."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _raw_public(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


@dataclass(frozen=True)
class SlotKeys:
    """A slot's private keys: X25519 (the DEK is wrapped to it) and, for a user, Ed25519."""

    x25519: X25519PrivateKey
    ed25519: Ed25519PrivateKey | None

    @classmethod
    def generate(cls, *, signing: bool) -> SlotKeys:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate() if signing else None)

    def to_bytes(self) -> bytes:
        signing = _raw_private(self.ed25519) if self.ed25519 is not None else b""
        return _raw_private(self.x25519) + signing

    @classmethod
    def from_bytes(cls, data: bytes) -> SlotKeys:
        if len(data) not in (KEY_BYTES, 2 * KEY_BYTES):
            raise KeyfileDamaged()
        signing = data[KEY_BYTES:]
        return cls(
            X25519PrivateKey.from_private_bytes(data[:KEY_BYTES]),
            Ed25519PrivateKey.from_private_bytes(signing) if signing else None,
        )


@dataclass(frozen=True)
class DekWrap:
    """The DEK wrapped to a slot's X25519 key: ephemeral X25519, HKDF-SHA256, AES-256-GCM."""

    generation: int
    ephemeral: bytes
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "key_generation": self.generation,
            "epk": _b64(self.ephemeral),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> DekWrap:
        wrap = cls(
            generation=_int(obj["key_generation"]),
            ephemeral=_unb64(obj["epk"]),
            nonce=_unb64(obj["nonce"]),
            wrapped=_unb64(obj["wrapped"]),
        )
        if len(wrap.ephemeral) != KEY_BYTES or len(wrap.nonce) != NONCE_BYTES:
            raise KeyfileDamaged()
        return wrap


def _wrap_info(store_id: str, slot_id: str, generation: int) -> bytes:
    return b"workbench dek wrap v2\x00" + canonical(
        {"store_id": store_id, "slot_id": slot_id, "key_generation": generation}
    )


def _wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=info).derive(shared)


def wrap_dek(
    store_id: str, slot_id: str, recipient: bytes, dek: bytes | bytearray, generation: int
) -> DekWrap:
    """Wrap ``dek`` to a slot's X25519 public key; needs no secret of the slot (rotation)."""
    ephemeral = X25519PrivateKey.generate()
    epk = _raw_public(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    info = _wrap_info(store_id, slot_id, generation)
    nonce = os.urandom(NONCE_BYTES)
    key = _wrap_key(shared, epk, recipient, info)
    return DekWrap(generation, epk, nonce, AESGCM(key).encrypt(nonce, bytes(dek), info))


@dataclass(frozen=True)
class Slot:
    slot_id: str
    kind: str  # "passphrase" | "recovery"
    user_id: str | None
    hint: str | None
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    # version 1: the DEK sealed under the slot key; version 2: the slot's private keys
    wrapped: bytes
    x25519: bytes = b""  # version 2 only: public keys in clear
    ed25519: bytes = b""  # a user's signing key; empty for the recovery slot
    dek: DekWrap | None = None

    @property
    def legacy(self) -> bool:
        """A version 1 slot, replaced at its user's next unlock."""
        return self.dek is None

    def associated_data(self, store_id: str) -> bytes:
        meta: dict[str, Any] = {
            "format": FORMAT,
            "version": LEGACY_VERSION if self.legacy else VERSION,
            "store_id": store_id,
            "slot_id": self.slot_id,
            "kind": self.kind,
            "user_id": self.user_id,
            "hint": self.hint,
            "salt": _b64(self.salt),
            "kdf": self.kdf.to_json(),
            "nonce": _b64(self.nonce),
            "aead": "aes-256-gcm",
        }
        if not self.legacy:
            meta["x25519"] = _b64(self.x25519)
            meta["ed25519"] = _b64(self.ed25519) if self.ed25519 else None
        return canonical(meta)

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "user_id": self.user_id,
            "hint": self.hint,
            "salt": _b64(self.salt),
            "kdf": self.kdf.to_json(),
            "aead": "aes-256-gcm",
            "nonce": _b64(self.nonce),
        }
        if self.dek is None:
            doc["wrapped"] = _b64(self.wrapped)
        else:
            doc["sealed_keys"] = _b64(self.wrapped)
            doc["x25519"] = _b64(self.x25519)
            doc["ed25519"] = _b64(self.ed25519) if self.ed25519 else None
            doc["dek"] = self.dek.to_json()
        return doc

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Slot:
        try:
            params = KdfParams.from_json(obj["kdf"])
            if obj["aead"] != "aes-256-gcm":
                raise KeyfileDamaged("不支持的密钥槽算法")
            if obj["kind"] not in ("passphrase", "recovery"):
                raise KeyfileDamaged("未知的密钥槽类型")
            salt, nonce = _unb64(obj["salt"]), _unb64(obj["nonce"])
            if len(salt) != SALT_BYTES or len(nonce) != NONCE_BYTES:
                raise KeyfileDamaged()
            slot = cls(
                slot_id=str(obj["slot_id"]),
                kind=obj["kind"],
                user_id=obj["user_id"],
                hint=obj["hint"],
                salt=salt,
                kdf=params,
                nonce=nonce,
                wrapped=b"",
            )
            if "dek" not in obj:
                return replace(slot, wrapped=_unb64(obj["wrapped"]))
            x25519 = _unb64(obj["x25519"])
            ed25519 = _unb64(obj["ed25519"]) if obj["ed25519"] is not None else b""
            if len(x25519) != KEY_BYTES or len(ed25519) not in (0, KEY_BYTES):
                raise KeyfileDamaged()
            if (slot.kind == "passphrase") != bool(ed25519):  # a user signs, the recovery slot not
                raise KeyfileDamaged()
            return replace(
                slot,
                wrapped=_unb64(obj["sealed_keys"]),
                x25519=x25519,
                ed25519=ed25519,
                dek=DekWrap.from_json(obj["dek"]),
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
    keys: SlotKeys | None = None,
    generation: int = 1,
) -> Slot:
    """A version 2 slot: ``keys`` (new ones unless given, e.g. a passphrase change keeps them)
    sealed under ``secret``, and ``dek`` wrapped to their X25519 public key."""
    params = params or KdfParams()
    keys = keys or SlotKeys.generate(signing=kind == "passphrase")
    slot = Slot(
        slot_id=secrets.token_hex(8),
        kind=kind,
        user_id=user_id,
        hint=hint,
        salt=os.urandom(SALT_BYTES),
        kdf=params,
        nonce=os.urandom(NONCE_BYTES),
        wrapped=b"",
        x25519=_raw_public(keys.x25519),
        ed25519=_raw_public(keys.ed25519) if keys.ed25519 is not None else b"",
        dek=DekWrap(generation, b"", b"", b""),  # placeholder: marks the slot as version 2
    )
    kek = derive_key(secret, slot.salt, params)
    sealed = AESGCM(kek).encrypt(slot.nonce, keys.to_bytes(), slot.associated_data(store_id))
    wrap = wrap_dek(store_id, slot.slot_id, slot.x25519, dek, generation)
    return replace(slot, wrapped=sealed, dek=wrap)


def seal_legacy_slot(
    store_id: str,
    dek: bytes | bytearray,
    secret: bytes,
    *,
    kind: str,
    user_id: str | None = None,
    hint: str | None = None,
    params: KdfParams | None = None,
) -> Slot:
    """A version 1 slot, as stores made before keyfile version 2 hold (for upgrade tests)."""
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


@dataclass
class Unsealed:
    """What a slot's secret opens: the DEK (zeroable) and, for a version 2 slot, its keys."""

    dek: bytearray
    keys: SlotKeys | None


def unwrap_dek(store_id: str, slot: Slot, key: X25519PrivateKey) -> bytearray:
    assert slot.dek is not None
    wrap = slot.dek
    shared = key.exchange(X25519PublicKey.from_public_bytes(wrap.ephemeral))
    info = _wrap_info(store_id, slot.slot_id, wrap.generation)
    wrap_key = _wrap_key(shared, wrap.ephemeral, slot.x25519, info)
    try:
        dek = AESGCM(wrap_key).decrypt(wrap.nonce, wrap.wrapped, info)
    except InvalidTag as exc:
        raise KeyfileDamaged("密钥槽中的数据密钥无法解开，密钥文件已损坏或被篡改") from exc
    if len(dek) != DEK_BYTES:
        raise KeyfileDamaged()
    return bytearray(dek)


def unseal_slot(store_id: str, slot: Slot, secret: bytes) -> Unsealed:
    """Open ``slot`` with ``secret``, or raise AuthenticationError."""
    kek = derive_key(secret, slot.salt, slot.kdf)
    try:
        plain = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, slot.associated_data(store_id))
    except InvalidTag as exc:
        raise AuthenticationError() from exc
    if slot.legacy:
        if len(plain) != DEK_BYTES:
            raise KeyfileDamaged()
        return Unsealed(bytearray(plain), None)
    keys = SlotKeys.from_bytes(plain)
    if _raw_public(keys.x25519) != slot.x25519 or (
        keys.ed25519 is not None and _raw_public(keys.ed25519) != slot.ed25519
    ):
        raise KeyfileDamaged()
    return Unsealed(unwrap_dek(store_id, slot, keys.x25519), keys)


def open_slot(store_id: str, slot: Slot, secret: bytes) -> bytearray:
    """Return the DEK as a bytearray (zeroable), or raise AuthenticationError."""
    return unseal_slot(store_id, slot, secret).dek


def public_key(key: Ed25519PrivateKey) -> bytes:
    return _raw_public(key)


def public_x25519(key: X25519PrivateKey) -> bytes:
    return _raw_public(key)


def mac_key(dek: bytes | bytearray) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"workbench keyfile mac v2").derive(bytes(dek))


KEYFILE_MAC_MISMATCH = (
    "密钥文件的完整性校验失败：文件在本程序之外被改动过（根密钥、密钥槽或其参数）"
)


@dataclass(frozen=True)
class Keyfile:
    store_id: str
    slots: tuple[Slot, ...] = field(default_factory=tuple)
    version: int = VERSION
    # the Ed25519 public key of the store's root of trust (its creating 系统管理员); None in a
    # version 1 file and until the first 系统管理员 unlocks after the upgrade
    root: bytes | None = None
    key_generation: int = 1
    mac: bytes | None = None

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

    def _document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "store_id": self.store_id,
        }
        if self.version >= VERSION:
            doc["key_generation"] = self.key_generation
            doc["root"] = _b64(self.root) if self.root else None
        doc["slots"] = [s.to_json() for s in self.slots]
        return doc

    def _mac_of(self, dek: bytes | bytearray) -> bytes:
        return hmac.new(mac_key(dek), canonical(self._document()), hashlib.sha256).digest()

    def sealed(self, dek: bytes | bytearray) -> Keyfile:
        """This keyfile as version 2, with its MAC under ``dek``."""
        upgraded = replace(self, version=VERSION, mac=None)
        return replace(upgraded, mac=upgraded._mac_of(dek))

    def check_mac(self, dek: bytes | bytearray) -> None:
        """Refuse a version 2 file whose MAC does not match (a version 1 file has none)."""
        if self.version < VERSION:
            return
        if self.mac is None or not hmac.compare_digest(self.mac, self._mac_of(dek)):
            raise KeyfileDamaged(KEYFILE_MAC_MISMATCH)

    def to_bytes(self) -> bytes:
        doc = self._document()
        if self.version >= VERSION:
            doc["mac"] = _b64(self.mac) if self.mac else None
        return json.dumps(doc, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Keyfile:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise KeyfileDamaged()
            version = doc.get("version")
            if version not in (LEGACY_VERSION, VERSION):
                raise KeyfileDamaged("密钥文件版本不受支持")
            slots = tuple(Slot.from_json(s) for s in doc["slots"])
            if version == LEGACY_VERSION:
                if any(not s.legacy for s in slots):
                    raise KeyfileDamaged()
                return cls(store_id=str(doc["store_id"]), slots=slots, version=version)
            root = _unb64(doc["root"]) if doc["root"] is not None else None
            mac = _unb64(doc["mac"]) if doc["mac"] is not None else None
            if (root is not None and len(root) != KEY_BYTES) or (
                mac is not None and len(mac) != 32
            ):
                raise KeyfileDamaged()
            return cls(
                store_id=str(doc["store_id"]),
                slots=slots,
                version=version,
                root=root,
                key_generation=_int(doc["key_generation"]),
                mac=mac,
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
