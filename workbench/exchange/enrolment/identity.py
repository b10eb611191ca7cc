"""The keys a store holds for exchange, kept in ``exchange_keys`` inside the encrypted store.

Office: its age identity, its Ed25519 signing key (certifies devices, signs briefings and
receipts) and an optional escrow recipient. Field: the device's Ed25519 and age keys, its
certificate and the office's public keys pinned at enrolment.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.exchange.enrolment import keys
from workbench.exchange.enrolment.certs import Certificate, parse_certificate_frame
from workbench.exchange.errors import ExchangeState
from workbench.models.exchange import ExchangeDevice, ExchangeKey, ExchangeRevocation
from workbench.models.system import StoreMeta

OFFICE_AGE = "office_age"
OFFICE_SIGNING = "office_signing"
OFFICE_ESCROW = "office_escrow"
DEVICE_AGE = "device_age"
DEVICE_SIGNING = "device_signing"
DEVICE_CERT = "device_certificate"
PINNED_SIGNING = "pinned_office_signing"
PINNED_AGE = "pinned_office_age"
PINNED_ESCROW = "pinned_office_escrow"


def get_key(session: Session, name: str) -> ExchangeKey | None:
    return session.get(ExchangeKey, name)


def put_key(
    session: Session, name: str, public: str, *, secret: str | None = None, fingerprint: str = ""
) -> None:
    row = session.get(ExchangeKey, name)
    if row is None:
        session.add(ExchangeKey(name=name, public=public, secret=secret, fingerprint=fingerprint))
    else:
        row.public, row.secret, row.fingerprint = public, secret, fingerprint
    session.flush()


def put_signing(session: Session, name: str, public: str, secret: str | None = None) -> None:
    put_key(session, name, public, secret=secret, fingerprint=keys.signing_fingerprint(public))


def put_age(session: Session, name: str, recipient: str, secret: str | None = None) -> None:
    put_key(
        session, name, recipient, secret=secret, fingerprint=keys.recipient_fingerprint(recipient)
    )


def store_meta(session: Session) -> dict[str, str]:
    return {m.key: m.value for m in session.scalars(select(StoreMeta))}


def revoked_ids(session: Session) -> set[str]:
    return set(session.scalars(select(ExchangeRevocation.device_id)))


def active_device_count(session: Session) -> int:
    """Office: the enrolled devices not revoked (those a briefing can go to)."""
    enrolled = set(session.scalars(select(ExchangeDevice.device_id)))
    return len(enrolled - revoked_ids(session))


@dataclass(frozen=True)
class OfficeKeys:
    device_id: str
    store_id: str
    age_secret: str
    age_recipient: str
    signing_secret: str
    signing_public: str
    escrow: str | None

    @property
    def signing_fingerprint(self) -> str:
        return keys.signing_fingerprint(self.signing_public)

    @property
    def age_fingerprint(self) -> str:
        return keys.recipient_fingerprint(self.age_recipient)


def office_keys(session: Session) -> OfficeKeys:
    meta = store_meta(session)
    if meta.get("store_role") != "office":
        raise ExchangeState("此操作只能在巡察办数据库中进行")
    age, signing = get_key(session, OFFICE_AGE), get_key(session, OFFICE_SIGNING)
    if age is None or signing is None or not age.secret or not signing.secret:
        raise ExchangeState("巡察办尚未初始化交换密钥，请先运行 workbench office init")
    escrow = get_key(session, OFFICE_ESCROW)
    return OfficeKeys(
        device_id=meta["device_id"],
        store_id=meta["store_id"],
        age_secret=age.secret,
        age_recipient=age.public,
        signing_secret=signing.secret,
        signing_public=signing.public,
        escrow=escrow.public if escrow else None,
    )


@dataclass(frozen=True)
class DeviceKeys:
    device_id: str
    store_id: str
    signing_secret: str
    signing_public: str
    age_secret: str
    age_recipient: str
    certificate: Certificate | None
    certificate_frame: bytes
    office_signing_public: str | None
    office_age: str | None
    office_escrow: str | None

    @property
    def fingerprint(self) -> str:
        return keys.signing_fingerprint(self.signing_public)

    @property
    def age_fingerprint(self) -> str:
        return keys.recipient_fingerprint(self.age_recipient)

    @property
    def enrolled(self) -> bool:
        return self.certificate is not None and self.office_signing_public is not None

    @property
    def office_recipients(self) -> list[str]:
        return [r for r in (self.office_age, self.office_escrow) if r]


def device_keys(session: Session, *, create: bool = False) -> DeviceKeys:
    """This field store's keys; ``create`` makes them on first use (the enrolment request)."""
    meta = store_meta(session)
    if meta.get("store_role") != "field":
        raise ExchangeState("此操作只能在巡察组（现场）数据库中进行")
    signing, age = get_key(session, DEVICE_SIGNING), get_key(session, DEVICE_AGE)
    if signing is None or age is None:
        if not create:
            raise ExchangeState("本设备尚未登记，请先运行 workbench enrol request")
        secret, public = keys.new_signing_key()
        put_signing(session, DEVICE_SIGNING, public, secret)
        age_secret, recipient = keys.new_age_identity()
        put_age(session, DEVICE_AGE, recipient, age_secret)
        return device_keys(session)
    assert signing.secret is not None and age.secret is not None
    cert_row = get_key(session, DEVICE_CERT)
    cert = parse_certificate_frame(cert_row.public.encode())[0] if cert_row else None

    def pinned(name: str) -> str | None:
        row = get_key(session, name)
        return row.public if row is not None else None

    return DeviceKeys(
        device_id=meta["device_id"],
        store_id=meta["store_id"],
        signing_secret=signing.secret,
        signing_public=signing.public,
        age_secret=age.secret,
        age_recipient=age.public,
        certificate=cert,
        certificate_frame=cert_row.public.encode() if cert_row else b"",
        office_signing_public=pinned(PINNED_SIGNING),
        office_age=pinned(PINNED_AGE),
        office_escrow=pinned(PINNED_ESCROW),
    )


def require_enrolled(dk: DeviceKeys) -> Certificate:
    if dk.certificate is None or dk.office_signing_public is None or dk.office_age is None:
        raise ExchangeState(
            "本设备尚未取得巡察办签发的证书，请先完成登记（workbench enrol accept）"
        )
    return dk.certificate
