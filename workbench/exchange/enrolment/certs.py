"""Enrolment requests and device certificates: small signed JSON documents.

A signature covers a domain label and the canonical JSON of the signed object; the verifier
re-encodes what it parsed, so only the canonical form can ever verify.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from workbench.exchange import strict
from workbench.exchange.canonical import StrictJSONError, canonical_json, strict_loads
from workbench.exchange.enrolment import keys

CERT_FORMAT = "workbench-device-certificate"
CERT_FILE_FORMAT = "workbench-device-certificate-file"
REQUEST_FORMAT = "workbench-enrol-request"


@dataclass(frozen=True)
class Certificate:
    serial: str
    device_id: str
    store_id: str
    user: str
    display_name: str
    signing_public: str
    age_recipient: str
    not_before: datetime
    not_after: datetime
    issued_at: datetime
    office_fingerprint: str

    def to_json(self) -> dict[str, Any]:
        return {"format": CERT_FORMAT, "version": 1, **_json_fields(self)}

    def valid_at(self, moment: datetime) -> bool:
        return self.not_before <= moment <= self.not_after


def _json_fields(document: Certificate | EnrolRequest) -> dict[str, Any]:
    """A document's fields as signed: the moments in ISO form. Every dataclass field is signed
    and required when parsed, so adding a field changes the signed bytes and the format."""
    return {
        name: value.isoformat() if isinstance(value, datetime) else value
        for name, value in asdict(document).items()
    }


def _public_key(value: Any, path: str) -> str:
    text = strict.text(value, path, 44)
    try:
        keys.unb64(text, 32)
    except ValueError:
        raise StrictJSONError("公钥格式不正确", path) from None
    return text


def _recipient(value: Any, path: str) -> str:
    text = strict.text(value, path, 100)
    try:
        keys.parse_recipient(text)
    except ValueError:
        raise StrictJSONError("age 公钥格式不正确", path) from None
    return text


def parse_certificate(value: Any, path: str = "$.certificate") -> Certificate:
    names = ("format", "version", *(f.name for f in fields(Certificate)))
    o = strict.obj(value, path, names)
    if o["format"] != CERT_FORMAT:
        raise StrictJSONError("不是设备证书", f"{path}.format")
    strict.integer(o["version"], f"{path}.version", 1, 1)
    return Certificate(
        serial=strict.uuid_text(o["serial"], f"{path}.serial"),
        device_id=strict.uuid_text(o["device_id"], f"{path}.device_id"),
        store_id=strict.uuid_text(o["store_id"], f"{path}.store_id"),
        user=strict.text(o["user"], f"{path}.user", 64, allow_control=False),
        display_name=strict.text(
            o["display_name"], f"{path}.display_name", 64, allow_control=False
        ),
        signing_public=_public_key(o["signing_public"], f"{path}.signing_public"),
        age_recipient=_recipient(o["age_recipient"], f"{path}.age_recipient"),
        not_before=strict.timestamp(o["not_before"], f"{path}.not_before"),
        not_after=strict.timestamp(o["not_after"], f"{path}.not_after"),
        issued_at=strict.timestamp(o["issued_at"], f"{path}.issued_at"),
        office_fingerprint=strict.text(o["office_fingerprint"], f"{path}.office_fingerprint", 35),
    )


def sign_certificate(cert: Certificate, office_signing_secret: str) -> str:
    sig = keys.sign(office_signing_secret, keys.SIG_CERTIFICATE, canonical_json(cert.to_json()))
    return keys.b64(sig)


def verify_certificate(cert: Certificate, signature: str, office_signing_public: str) -> bool:
    try:
        raw = keys.unb64(signature, keys.SIGNATURE_BYTES)
    except ValueError:
        return False
    data = canonical_json(cert.to_json())
    return keys.verify(office_signing_public, keys.SIG_CERTIFICATE, data, raw)


def certificate_frame(cert: Certificate, signature: str) -> bytes:
    """The certificate frame of a team package."""
    return canonical_json({"certificate": cert.to_json(), "signature": signature})


def parse_certificate_frame(data: bytes) -> tuple[Certificate, str]:
    doc = strict.obj(strict_loads(data), "$", ("certificate", "signature"))
    signature = strict.text(doc["signature"], "$.signature", 88)
    return parse_certificate(doc["certificate"]), signature


@dataclass(frozen=True)
class EnrolRequest:
    device_id: str
    store_id: str
    user: str
    display_name: str
    signing_public: str
    age_recipient: str
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return _json_fields(self)

    @property
    def fingerprint(self) -> str:
        return keys.signing_fingerprint(self.signing_public)


def request_file(request: EnrolRequest, device_signing_secret: str) -> bytes:
    body = request.to_json()
    sig = keys.sign(device_signing_secret, keys.SIG_REQUEST, canonical_json(body))
    doc = {"format": REQUEST_FORMAT, "version": 1, "request": body, "signature": keys.b64(sig)}
    return canonical_json(doc)


def parse_request_file(data: bytes) -> EnrolRequest:
    """Parse and check the proof of possession (signed by the key it carries)."""
    doc = strict.obj(strict_loads(data), "$", ("format", "version", "request", "signature"))
    if doc["format"] != REQUEST_FORMAT:
        raise StrictJSONError("不是登记申请文件", "$.format")
    strict.integer(doc["version"], "$.version", 1, 1)
    r = strict.obj(doc["request"], "$.request", [f.name for f in fields(EnrolRequest)])
    request = EnrolRequest(
        device_id=strict.uuid_text(r["device_id"], "$.request.device_id"),
        store_id=strict.uuid_text(r["store_id"], "$.request.store_id"),
        user=strict.text(r["user"], "$.request.user", 64, allow_empty=False, allow_control=False),
        display_name=strict.text(
            r["display_name"], "$.request.display_name", 64, allow_control=False
        ),
        signing_public=_public_key(r["signing_public"], "$.request.signing_public"),
        age_recipient=_recipient(r["age_recipient"], "$.request.age_recipient"),
        created_at=strict.timestamp(r["created_at"], "$.request.created_at"),
    )
    try:
        sig = keys.unb64(doc["signature"], keys.SIGNATURE_BYTES)
    except ValueError:
        raise StrictJSONError("签名格式不正确", "$.signature") from None
    if not keys.verify(request.signing_public, keys.SIG_REQUEST, canonical_json(r), sig):
        raise StrictJSONError("申请文件的签名无效（文件被改动）", "$.signature")
    return request
