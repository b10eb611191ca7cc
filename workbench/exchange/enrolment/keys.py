"""Key material: Ed25519 signing keys, age X25519 identities, fingerprints people can compare.

Every signature covers a domain label plus the signed bytes, so a signature made for one purpose
(a manifest) can never be replayed as another (a certificate).
"""

from __future__ import annotations

import base64
import binascii
import hashlib

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FINGERPRINT_GROUPS = 6
SIGNATURE_BYTES = 64

# Domain labels (docs/package-format.md "Signatures").
SIG_MANIFEST = b"workbench/package-manifest/v1\x00"
SIG_CERTIFICATE = b"workbench/device-certificate/v1\x00"
SIG_REQUEST = b"workbench/enrol-request/v1\x00"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, length: int | None = None) -> bytes:
    """Strict base64 (no whitespace, padding required); ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError("not a string")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("bad base64") from exc
    if length is not None and len(data) != length:
        raise ValueError("wrong length")
    return data


def fingerprint(kind: str, public: bytes) -> str:
    """Six groups of five digits (~100 bits), read aloud over the phone for the out-of-band
    check; ``kind`` separates a signing key's fingerprint from an age recipient's."""
    digest = hashlib.sha256(b"workbench/fingerprint/v1\x00" + kind.encode() + b"\x00" + public)
    raw = digest.digest()
    groups = [
        int.from_bytes(raw[i * 5 : i * 5 + 5], "big") % 100_000 for i in range(FINGERPRINT_GROUPS)
    ]
    return " ".join(f"{g:05d}" for g in groups)


def normalize_fingerprint(text: str) -> str:
    digits = "".join(c for c in text if c.isdigit())
    return " ".join(digits[i : i + 5] for i in range(0, len(digits), 5))


# -- Ed25519 ----------------------------------------------------------------------------------


def new_signing_key() -> tuple[str, str]:
    """(secret, public) as base64 of the raw 32-byte keys."""
    key = Ed25519PrivateKey.generate()
    secret = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return b64(secret), b64(public)


def signing_fingerprint(public_b64: str) -> str:
    return fingerprint("ed25519", unb64(public_b64, 32))


def sign(secret_b64: str, domain: bytes, data: bytes) -> bytes:
    key = Ed25519PrivateKey.from_private_bytes(unb64(secret_b64, 32))
    return key.sign(domain + data)


def verify(public_b64: str, domain: bytes, data: bytes, signature: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(unb64(public_b64, 32))
        key.verify(signature, domain + data)
    except (InvalidSignature, ValueError):
        return False
    return True


# -- age X25519 -------------------------------------------------------------------------------


def new_age_identity() -> tuple[str, str]:
    """(secret ``AGE-SECRET-KEY-1…``, recipient ``age1…``)."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def parse_recipient(text: object) -> pyrage.x25519.Recipient:
    if not isinstance(text, str) or not text.startswith("age1") or len(text) > 100:
        raise ValueError("not an age X25519 recipient")
    try:
        return pyrage.x25519.Recipient.from_str(text)
    except Exception as exc:  # pyrage raises its own RecipientError
        raise ValueError("not an age X25519 recipient") from exc


def parse_identity(text: str) -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.from_str(text)


def recipient_fingerprint(recipient: str) -> str:
    return fingerprint("age-x25519", recipient.encode("ascii"))
