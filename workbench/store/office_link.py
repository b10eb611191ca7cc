"""A desktop's link to its office server: the connection, sealed under each user's passphrase.

An office store lives on the office's PostgreSQL server (``office.py``); what a desktop keeps is
how to reach it: the URL with the database login and its password, and the office's CA
certificate that the server's certificate must chain to. ``office-keyfile.json`` holds that
connection once per user of this desktop, each copy sealed (AES-256-GCM) under an Argon2id key of
the user's workbench passphrase, with the same parameters, bounds and name hint as the store's
keyfile (``keyfile.py``): nothing of the connection is on the disk in clear, and a wrong
passphrase is refused here, before the server is asked anything.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from workbench.errors import AuthenticationError, KeyfileDamaged
from workbench.store.fsutil import write_atomic
from workbench.store.keyfile import (
    MAX_KEYFILE_BYTES,
    NONCE_BYTES,
    SALT_BYTES,
    KdfParams,
    canonical,
    derive_key,
    normalize_passphrase,
    user_hint,
)

FILE_NAME = "office-keyfile.json"
FORMAT = "inspection-workbench-office-link"
VERSION = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def link_path(folder: Path) -> Path:
    return Path(folder) / FILE_NAME


def is_linked(folder: Path) -> bool:
    """Whether ``folder`` is a desktop's link to an office server (not a SQLCipher store)."""
    return link_path(folder).is_file()


@dataclass(frozen=True)
class Connection:
    """How this desktop reaches the office store: a ``postgresql://`` URL (login and password
    included; no ``sslrootcert``, the CA is ``ca_pem``) and the office's CA certificate(s) in
    PEM, or None when the URL's ``sslmode`` verifies nothing."""

    url: str
    ca_pem: str | None

    def __repr__(self) -> str:
        """The server, login and database, never the password (a log line, a traceback)."""
        try:
            shown = make_url(self.url).render_as_string(hide_password=True)
        except (ArgumentError, ValueError):  # not a URL at all: show nothing of it
            shown = "?"
        ca = "None" if self.ca_pem is None else f"<{len(self.ca_pem)} characters of PEM>"
        return f"Connection(url={shown!r}, ca_pem={ca})"

    def to_bytes(self) -> bytes:
        return canonical({"url": self.url, "ca": self.ca_pem})

    @classmethod
    def from_bytes(cls, data: bytes) -> Connection:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc.get("url"), str) or not isinstance(doc.get("ca"), str | None):
            raise KeyfileDamaged()
        return cls(doc["url"], doc["ca"])


@dataclass(frozen=True)
class LinkSlot:
    hint: str
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    sealed: bytes

    def associated_data(self, store_id: str) -> bytes:
        """Everything but the ciphertext: a slot is not moved to another store or user, nor its
        parameters lowered."""
        return canonical(
            {
                "format": FORMAT,
                "version": VERSION,
                "store_id": store_id,
                "hint": self.hint,
                "salt": _b64(self.salt),
                "kdf": self.kdf.to_json(),
                "nonce": _b64(self.nonce),
                "aead": "aes-256-gcm",
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "hint": self.hint,
            "salt": _b64(self.salt),
            "kdf": self.kdf.to_json(),
            "aead": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "sealed": _b64(self.sealed),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> LinkSlot:
        params = KdfParams.from_json(obj["kdf"])
        if obj["aead"] != "aes-256-gcm":
            raise KeyfileDamaged("不支持的密钥槽算法")
        slot = cls(
            hint=str(obj["hint"]),
            salt=_unb64(obj["salt"]),
            kdf=params,
            nonce=_unb64(obj["nonce"]),
            sealed=_unb64(obj["sealed"]),
        )
        if len(slot.salt) != SALT_BYTES or len(slot.nonce) != NONCE_BYTES:
            raise KeyfileDamaged()
        return slot


@dataclass(frozen=True)
class OfficeLink:
    """The office store this desktop reaches (its ``store_id``) and one sealed copy of the
    connection per user who connected here."""

    store_id: str
    slots: tuple[LinkSlot, ...] = ()

    def with_user(
        self, user_name: str, passphrase: str, connection: Connection, kdf: KdfParams
    ) -> OfficeLink:
        """The connection sealed for ``user_name``, replacing their earlier copy."""
        hint = user_hint(self.store_id, user_name)
        slot = LinkSlot(hint, os.urandom(SALT_BYTES), kdf, os.urandom(NONCE_BYTES), b"")
        key = derive_key(normalize_passphrase(passphrase), slot.salt, kdf)
        sealed = AESGCM(key).encrypt(
            slot.nonce, connection.to_bytes(), slot.associated_data(self.store_id)
        )
        kept = tuple(s for s in self.slots if s.hint != hint)
        return replace(self, slots=(*kept, replace(slot, sealed=sealed)))

    def open(self, user_name: str, passphrase: str) -> Connection:
        """The connection ``user_name``'s passphrase opens, or ``AuthenticationError`` (after
        the same derivation when the name has no slot here: timing does not tell names)."""
        secret = normalize_passphrase(passphrase)
        hint = user_hint(self.store_id, user_name)
        slot = next((s for s in self.slots if s.hint == hint), None)
        if slot is None:
            derive_key(secret, b"\x00" * SALT_BYTES, KdfParams())
            raise AuthenticationError()
        key = derive_key(secret, slot.salt, slot.kdf)
        try:
            plain = AESGCM(key).decrypt(
                slot.nonce, slot.sealed, slot.associated_data(self.store_id)
            )
        except InvalidTag:
            raise AuthenticationError() from None
        try:
            return Connection.from_bytes(plain)
        except (ValueError, AttributeError) as exc:
            raise KeyfileDamaged() from exc

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "slots": [s.to_json() for s in self.slots],
        }
        return json.dumps(doc, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> OfficeLink:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != FORMAT or doc.get("version") != VERSION:
                raise KeyfileDamaged("不是本程序的巡察办连接文件，或其版本不受支持")
            return cls(str(doc["store_id"]), tuple(LinkSlot.from_json(s) for s in doc["slots"]))
        except (ValueError, RecursionError, KeyError, TypeError, AttributeError) as exc:
            raise KeyfileDamaged() from exc

    @classmethod
    def read(cls, folder: Path) -> OfficeLink:
        with link_path(folder).open("rb") as f:
            data = f.read(MAX_KEYFILE_BYTES + 1)
        if len(data) > MAX_KEYFILE_BYTES:
            raise KeyfileDamaged("巡察办连接文件过大，不是本程序的文件")
        return cls.from_bytes(data)

    def write(self, folder: Path) -> None:
        write_atomic(link_path(folder), self.to_bytes())
