"""Office keys and device enrolment: request → certificate → accept, plus revocation.

Public keys travel as files; each side shows fingerprints (groups of digits) that people compare
over another channel (a phone call) before trusting the file. The office's private keys and the
device's private keys never leave their stores.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, NotFound
from workbench.exchange.canonical import StrictJSONError, canonical_json, strict_loads
from workbench.exchange.enrolment import keys
from workbench.exchange.enrolment.certs import (
    CERT_FILE_FORMAT,
    Certificate,
    EnrolRequest,
    certificate_frame,
    parse_certificate,
    parse_request_file,
    request_file,
    sign_certificate,
    verify_certificate,
)
from workbench.exchange.enrolment.identity import (
    DEVICE_CERT,
    OFFICE_AGE,
    OFFICE_ESCROW,
    OFFICE_SIGNING,
    PINNED_AGE,
    PINNED_ESCROW,
    PINNED_SIGNING,
    device_keys,
    get_key,
    office_keys,
    put_age,
    put_key,
    put_signing,
)
from workbench.exchange.errors import (
    BadCertificateFile,
    BadRequestFile,
    ExchangeState,
    FingerprintMismatch,
)
from workbench.exchange.strict import obj, text
from workbench.models.base import utcnow
from workbench.models.exchange import ExchangeDevice, ExchangeRevocation, PackageLedger
from workbench.roles import Role
from workbench.store import audit
from workbench.store.vault import Vault

DEFAULT_VALID_DAYS = 400


@dataclass(frozen=True)
class OfficeInfo:
    signing_fingerprint: str
    age_recipient: str
    age_fingerprint: str
    escrow_recipient: str | None


@dataclass(frozen=True)
class DeviceView:
    device_id: str
    user: str
    display_name: str
    fingerprint: str
    not_after: datetime
    enrolled_at: datetime
    revoked_at: datetime | None
    revoked_reason: str
    last_seq: int | None


def _check_expected(actual: str, expected: str | None) -> None:
    if expected is not None and keys.normalize_fingerprint(expected) != actual:
        raise FingerprintMismatch(f"指纹为 {actual}，与核对值 {expected} 不一致，请勿继续")


# -- office -----------------------------------------------------------------------------------


def init_office(vault: Vault, *, escrow: str | None = None) -> OfficeInfo:
    vault.require(Role.SYSADMIN, Role.OFFICE)
    if vault.store_role != "office":
        raise ExchangeState("只有巡察办数据库可以初始化交换密钥")
    if escrow is not None:
        try:
            keys.parse_recipient(escrow)
        except ValueError:
            raise ExchangeState("托管公钥应为 age1 开头的 age 公钥") from None
    with vault.session() as s:
        if get_key(s, OFFICE_SIGNING) is not None:
            raise Conflict("巡察办交换密钥已初始化，不能重复初始化")
        age_secret, recipient = keys.new_age_identity()
        signing_secret, signing_public = keys.new_signing_key()
        put_age(s, OFFICE_AGE, recipient, age_secret)
        put_signing(s, OFFICE_SIGNING, signing_public, signing_secret)
        if escrow:
            put_age(s, OFFICE_ESCROW, escrow)
        audit.record(
            s,
            "office.init",
            "store",
            vault.store_id,
            {"signing_fingerprint": keys.signing_fingerprint(signing_public)},
        )
    return office_info(vault)


def office_info(vault: Vault) -> OfficeInfo:
    with vault.read() as s:
        ok = office_keys(s)
    return OfficeInfo(ok.signing_fingerprint, ok.age_recipient, ok.age_fingerprint, ok.escrow)


def sign_request(
    vault: Vault,
    request_bytes: bytes,
    *,
    valid_days: int = DEFAULT_VALID_DAYS,
    expect_fingerprint: str | None = None,
) -> tuple[bytes, DeviceView]:
    """Check a device's request and issue its certificate (the file handed back to it)."""
    vault.require(Role.SYSADMIN, Role.OFFICE)
    try:
        request = parse_request_file(request_bytes)
    except StrictJSONError as exc:
        raise BadRequestFile(f"登记申请文件无效：{exc}") from None
    _check_expected(request.fingerprint, expect_fingerprint)
    if not 1 <= valid_days <= 3660:
        raise BadRequestFile("有效期应在 1 到 3660 天之间")
    now = utcnow().replace(microsecond=0)
    with vault.session() as s:
        ok = office_keys(s)
        if s.get(ExchangeRevocation, request.device_id) is not None:
            raise ExchangeState("该设备已被吊销，不能重新登记；请为其新建数据库")
        _check_identity(s, request, ok.device_id)
        cert = Certificate(
            serial=str(uuid.uuid4()),
            device_id=request.device_id,
            store_id=request.store_id,
            user=request.user,
            display_name=request.display_name,
            signing_public=request.signing_public,
            age_recipient=request.age_recipient,
            not_before=now - timedelta(days=1),
            not_after=now + timedelta(days=valid_days),
            issued_at=now,
            office_fingerprint=ok.signing_fingerprint,
        )
        signature = sign_certificate(cert, ok.signing_secret)
        row = s.get(ExchangeDevice, request.device_id) or ExchangeDevice(
            device_id=request.device_id
        )
        row.store_id, row.user_name, row.display_name = (
            request.store_id,
            request.user,
            request.display_name,
        )
        row.signing_public, row.age_recipient = request.signing_public, request.age_recipient
        row.fingerprint, row.not_after = request.fingerprint, cert.not_after
        row.certificate = certificate_frame(cert, signature).decode("utf-8")
        row.enrolled_at, row.enrolled_by = now, vault.user.name
        s.add(row)
        audit.record(
            s,
            "device.enrol",
            "device",
            request.device_id,
            {
                "fingerprint": request.fingerprint,
                "user": request.user,
                "not_after": cert.not_after.isoformat(),
            },
        )
        document = {
            "format": CERT_FILE_FORMAT,
            "version": 1,
            "certificate": cert.to_json(),
            "signature": signature,
            "office": {
                "signing_public": ok.signing_public,
                "age_recipient": ok.age_recipient,
                "escrow_recipient": ok.escrow,
            },
        }
    view = next(d for d in list_devices(vault) if d.device_id == request.device_id)
    return canonical_json(document), view


def list_devices(vault: Vault) -> list[DeviceView]:
    with vault.read() as s:
        revoked = {r.device_id: r for r in s.scalars(select(ExchangeRevocation))}
        query = (
            select(PackageLedger.sender_device, func.max(PackageLedger.device_seq))
            .where(PackageLedger.direction == "in")
            .group_by(PackageLedger.sender_device)
        )
        seqs: dict[str, int] = {str(d): int(n) for d, n in s.execute(query)}
        return [
            DeviceView(
                d.device_id,
                d.user_name,
                d.display_name,
                d.fingerprint,
                d.not_after,
                d.enrolled_at,
                revoked[d.device_id].revoked_at if d.device_id in revoked else None,
                revoked[d.device_id].reason if d.device_id in revoked else "",
                seqs.get(d.device_id),
            )
            for d in s.scalars(select(ExchangeDevice).order_by(ExchangeDevice.enrolled_at))
        ]


def revoke_device(vault: Vault, device_id: str, reason: str = "") -> None:
    vault.require(Role.SYSADMIN, Role.OFFICE)
    with vault.session() as s:
        office_keys(s)
        if s.get(ExchangeDevice, device_id) is None:
            raise NotFound(f"未登记的设备：{device_id}", device_id=device_id)
        if s.get(ExchangeRevocation, device_id) is None:
            s.add(
                ExchangeRevocation(
                    device_id=device_id,
                    revoked_at=utcnow().replace(microsecond=0),
                    reason=reason.strip()[:500],
                )
            )
            audit.record(s, "device.revoke", "device", device_id, {"reason": reason[:500]})


# -- field ------------------------------------------------------------------------------------


def _check_identity(session: Session, request: EnrolRequest, office_device: str) -> None:
    """A request may not take the identity of this office or of another device: the office
    reads a package's device id as who wrote its records (docs/package-format.md). A device's
    keys are made once with its store, so its own renewal carries the same signing key."""
    if request.device_id == office_device:
        raise BadRequestFile("登记申请的设备编号与巡察办本机相同，不能登记")
    held = session.get(ExchangeDevice, request.device_id)
    if held is not None and held.signing_public != request.signing_public:
        raise BadRequestFile(
            f"设备编号已登记给“{held.display_name}”（{held.user_name}），此申请的签名密钥与之不同："
            "不能以他人的设备编号登记；新设备请用其自己的数据库申请",
            device_id=request.device_id,
        )


def make_request(vault: Vault) -> tuple[bytes, EnrolRequest]:
    """This device's enrolment request file (keys are made on first use and kept)."""
    with vault.session() as s:
        dk = device_keys(s, create=True)
        request = EnrolRequest(
            device_id=dk.device_id,
            store_id=dk.store_id,
            user=vault.user.name,
            display_name=vault.user.display_name,
            signing_public=dk.signing_public,
            age_recipient=dk.age_recipient,
            created_at=utcnow().replace(microsecond=0),
        )
        audit.record(
            s, "enrol.request", "device", request.device_id, {"fingerprint": dk.fingerprint}
        )
    return request_file(request, dk.signing_secret), request


def accept_certificate(
    vault: Vault, data: bytes, *, expect_office_fingerprint: str | None = None
) -> tuple[Certificate, str]:
    """Check the certificate file (issued to this device, by the office key it carries) and pin
    that office key. Returns the certificate and the office key's fingerprint."""
    try:
        doc = obj(
            strict_loads(data), "$", ("format", "version", "certificate", "signature", "office")
        )
        if doc["format"] != CERT_FILE_FORMAT or doc["version"] != 1:
            raise StrictJSONError("不是设备证书文件", "$.format")
        cert = parse_certificate(doc["certificate"])
        signature = text(doc["signature"], "$.signature", 88)
        office = obj(
            doc["office"], "$.office", ("signing_public", "age_recipient", "escrow_recipient")
        )
        signing_public = text(office["signing_public"], "$.office.signing_public", 44)
        age_recipient = text(office["age_recipient"], "$.office.age_recipient", 100)
        escrow = office["escrow_recipient"]
        for value in (age_recipient, *([escrow] if escrow is not None else [])):
            keys.parse_recipient(value)
        office_fp = keys.signing_fingerprint(signing_public)
    except (StrictJSONError, ValueError) as exc:
        raise BadCertificateFile(f"设备证书文件无效：{exc}") from None
    if (
        not verify_certificate(cert, signature, signing_public)
        or cert.office_fingerprint != office_fp
    ):
        raise BadCertificateFile()
    _check_expected(office_fp, expect_office_fingerprint)
    with vault.session() as s:
        dk = device_keys(s)
        mine = (dk.device_id, dk.signing_public, dk.age_recipient)
        if (cert.device_id, cert.signing_public, cert.age_recipient) != mine:
            raise BadCertificateFile("证书不是发给本设备的（设备编号或公钥不符）")
        if not cert.valid_at(utcnow()):
            raise BadCertificateFile("证书已过期或尚未生效")
        pinned = get_key(s, PINNED_SIGNING)
        if pinned is not None and pinned.public != signing_public:
            raise BadCertificateFile("证书由另一个巡察办密钥签发，与本设备已信任的不同")
        put_signing(s, PINNED_SIGNING, signing_public)
        put_age(s, PINNED_AGE, age_recipient)
        if escrow is not None:
            put_age(s, PINNED_ESCROW, str(escrow))
        elif (stale := get_key(s, PINNED_ESCROW)) is not None:
            s.delete(stale)  # the office dropped its escrow key: stop encrypting to it
        frame = certificate_frame(cert, signature).decode("utf-8")
        put_key(s, DEVICE_CERT, frame, fingerprint=dk.fingerprint)
        audit.record(
            s,
            "enrol.accept",
            "device",
            cert.device_id,
            {
                "office_fingerprint": office_fp,
                "serial": cert.serial,
                "not_after": cert.not_after.isoformat(),
            },
        )
    return cert, office_fp
