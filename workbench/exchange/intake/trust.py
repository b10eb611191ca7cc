"""Who may send what: the checks made on a package's first three frames, before any blob.

The office accepts team packages from devices it certified, that are enrolled here, not revoked
and within their validity; the field accepts briefings and receipts signed with the office key it
pinned at enrolment. Both insist that the signed manifest names them as a recipient.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from workbench.exchange.canonical import StrictJSONError
from workbench.exchange.enrolment import keys
from workbench.exchange.enrolment.certs import (
    parse_certificate_frame,
    verify_certificate,
)
from workbench.exchange.enrolment.identity import DeviceKeys, OfficeKeys
from workbench.exchange.errors import (
    BadManifest,
    BadSignature,
    CertificateExpired,
    RevokedDevice,
    SchemaMismatch,
    UnknownDevice,
    UntrustedCertificate,
    WrongKind,
    WrongRecipient,
)
from workbench.exchange.package.manifest import Manifest, package_hash, parse_manifest
from workbench.exchange.package.writer import schema_version
from workbench.models.base import utcnow

CLOCK_SKEW = timedelta(days=1)


@dataclass(frozen=True)
class Checked:
    manifest: Manifest
    package_hash: str


def _signature_ok(public: str, manifest_bytes: bytes, signature: bytes) -> None:
    if not keys.verify(public, keys.SIG_MANIFEST, manifest_bytes, signature):
        raise BadSignature()


def _common(manifest: Manifest, own_fingerprint: str) -> None:
    if own_fingerprint not in manifest.recipients:
        raise WrongRecipient()
    ours = schema_version()
    if manifest.schema_version != ours:
        raise SchemaMismatch(
            f"数据包的数据结构版本为 {manifest.schema_version}，本程序为 {ours}，请先统一程序版本",
            package=manifest.schema_version,
            ours=ours,
        )
    if manifest.created_at > utcnow() + CLOCK_SKEW:
        raise BadManifest("数据包的生成时间晚于当前时间，请核对设备时钟")


class OfficeTrust:
    """Checks for team packages arriving at the office."""

    def __init__(self, office: OfficeKeys, devices: dict[str, str], revoked: set[str]) -> None:
        self.office = office
        self.devices = devices  # device id → its signing key, as enrolled here
        self.revoked = revoked
        self.identities = [office.age_secret]

    def check(self, manifest_bytes: bytes, signature: bytes, certificate: bytes) -> Checked:
        if not certificate:
            raise UntrustedCertificate("数据包缺少设备证书")
        try:
            cert, cert_sig = parse_certificate_frame(certificate)
        except StrictJSONError as exc:
            raise UntrustedCertificate(f"设备证书格式不正确：{exc}") from None
        if cert.office_fingerprint != self.office.signing_fingerprint or not verify_certificate(
            cert, cert_sig, self.office.signing_public
        ):
            raise UntrustedCertificate()
        if self.devices.get(cert.device_id) != cert.signing_public:
            raise UnknownDevice(device_id=cert.device_id)
        if cert.device_id in self.revoked:
            raise RevokedDevice(device_id=cert.device_id)
        if not cert.valid_at(utcnow()):
            raise CertificateExpired(device_id=cert.device_id, not_after=cert.not_after)
        _signature_ok(cert.signing_public, manifest_bytes, signature)
        manifest = parse_manifest(manifest_bytes)
        if manifest.sender.device_id != cert.device_id or manifest.sender.role != "field":
            raise UntrustedCertificate("清单中的发送设备与证书不符")
        if manifest.kind != "team":
            raise WrongKind(f"巡察办只接收巡察组数据包，此包类型为 {manifest.kind}")
        _common(manifest, self.office.age_fingerprint)
        return Checked(manifest, package_hash(manifest_bytes))


class FieldTrust:
    """Checks for briefings and receipts arriving at a field device."""

    def __init__(self, device: DeviceKeys) -> None:
        assert device.office_signing_public is not None
        self.device = device
        self.office_signing_public = device.office_signing_public
        self.identities = [device.age_secret]

    def check(self, manifest_bytes: bytes, signature: bytes, certificate: bytes) -> Checked:
        if certificate:
            raise UntrustedCertificate("巡察办的数据包不应带设备证书")
        _signature_ok(self.office_signing_public, manifest_bytes, signature)
        manifest = parse_manifest(manifest_bytes)
        if manifest.kind not in ("briefing", "receipt") or manifest.sender.role != "office":
            raise WrongKind(f"巡察组设备只接收巡察办的数据包，此包类型为 {manifest.kind}")
        _common(manifest, self.device.age_fingerprint)
        if manifest.kind == "receipt" and manifest.receipt_device != self.device.device_id:
            raise WrongRecipient("回执不是开给本设备的")
        return Checked(manifest, package_hash(manifest_bytes))
