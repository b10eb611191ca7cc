"""Errors of sealed packages, enrolment, receipts and the wipe. Codes are stable API
(docs/package-format.md lists them); messages are Chinese, for people."""

from __future__ import annotations

from workbench.errors import (
    Conflict,
    IntegrityError,
    NotFound,
    ValidationError,
    WorkbenchError,
    WorkflowError,
)
from workbench.i18n import N_


class PackageRejected(IntegrityError):
    """A package refused by the import pipeline: nothing of it was written."""

    code = "WB-PKG"
    default_message = N_("数据包被拒收")


class NotAPackage(PackageRejected):
    code = "WB-PKG-NOT-PACKAGE"
    default_message = N_("不是数据包文件，或文件头已损坏")


class NotForUs(PackageRejected):
    code = "WB-PKG-NOT-FOR-US"
    default_message = N_("数据包不是加密给本单位的，无法解密")


class PackageDamaged(PackageRejected):
    code = "WB-PKG-DAMAGED"
    default_message = N_("数据包已损坏、被截断或被篡改")


class BadMagic(PackageRejected):
    code = "WB-PKG-MAGIC"
    default_message = N_("数据包内容不是本系统的格式")


class UnsupportedVersion(PackageRejected):
    code = "WB-PKG-VERSION"
    default_message = N_("数据包格式版本不受支持")


class Truncated(PackageRejected):
    code = "WB-PKG-TRUNCATED"
    default_message = N_("数据包内容不完整（被截断）")


class TrailingData(PackageRejected):
    code = "WB-PKG-TRAILING"
    default_message = N_("数据包末尾有多余的数据")


class PackageLimit(PackageRejected):
    code = "WB-PKG-LIMIT"
    default_message = N_("数据包超过允许的大小或数量上限")


class BadManifest(PackageRejected):
    code = "WB-PKG-MANIFEST"
    default_message = N_("数据包清单格式不正确")


class BadSignature(PackageRejected):
    code = "WB-PKG-SIGNATURE"
    default_message = N_("数据包签名无效：内容可能被篡改")


class UntrustedCertificate(PackageRejected):
    code = "WB-PKG-CERT"
    default_message = N_("设备证书无效或不是本巡察办签发的")


class CertificateExpired(PackageRejected):
    code = "WB-PKG-CERT-EXPIRED"
    default_message = N_("设备证书已过期或尚未生效")


class UnknownDevice(PackageRejected):
    code = "WB-PKG-DEVICE-UNKNOWN"
    default_message = N_("发送设备未在本巡察办登记")


class RevokedDevice(PackageRejected):
    code = "WB-PKG-DEVICE-REVOKED"
    default_message = N_("发送设备已被吊销，拒收其数据包")


class WrongRecipient(PackageRejected):
    code = "WB-PKG-RECIPIENT"
    default_message = N_("数据包清单中的接收方不是本单位")


class WrongKind(PackageRejected):
    code = "WB-PKG-KIND"
    default_message = N_("此类数据包不能在本数据库导入")


class SchemaMismatch(PackageRejected):
    code = "WB-PKG-SCHEMA-VERSION"
    default_message = N_("数据包由不同版本的程序生成，请先统一程序版本")


class BlobSizeMismatch(PackageRejected):
    code = "WB-PKG-BLOB-SIZE"
    default_message = N_("数据包中文件的大小与清单不符")


class BlobHashMismatch(PackageRejected):
    code = "WB-PKG-BLOB-HASH"
    default_message = N_("数据包中文件的校验值与清单不符")


class BadRecords(PackageRejected):
    code = "WB-PKG-RECORDS"
    default_message = N_("数据包中的记录不符合格式要求")


class MissingAttachment(PackageRejected):
    code = "WB-PKG-MISSING-ATTACHMENT"
    default_message = N_("记录引用的附件既不在数据包中，也不在本数据库中")


class OutOfRound(PackageRejected):
    code = "WB-PKG-ROUND"
    default_message = N_("数据包中的记录不属于清单声明的巡察轮次")


class OutOfScope(PackageRejected):
    code = "WB-PKG-SCOPE"
    default_message = N_("数据包中的记录超出该设备受领的巡察轮次或巡察组")


class ForgedStamps(PackageRejected):
    code = "WB-PKG-STAMPS"
    default_message = N_("数据包中记录的来源设备或创建、修改人与签名设备不符")


class SequenceReused(PackageRejected):
    code = "WB-PKG-SEQ-REUSED"
    default_message = N_("同一设备的同一序号已导入过另一个数据包：可能是重放或伪造，请核查")


class PackageIdReused(PackageRejected):
    code = "WB-PKG-ID-REUSED"
    default_message = N_("数据包编号已被另一个内容不同的数据包使用")


class ChainBroken(PackageRejected):
    code = "WB-PKG-CHAIN"
    default_message = N_("数据包与该设备此前的数据包链不衔接：可能是伪造或设备数据被回滚")


class StagingFailed(WorkbenchError):
    code = "WB-PKG-STAGING"
    default_message = N_("写入暂存文件失败，数据未改变")


class BadRequestFile(ValidationError):
    code = "WB-ENROL-REQUEST"
    default_message = N_("登记申请文件无效或被改动")


class BadCertificateFile(ValidationError):
    code = "WB-ENROL-CERT"
    default_message = N_("设备证书文件无效、被改动或不是发给本设备的")


class FingerprintMismatch(ValidationError):
    code = "WB-ENROL-FINGERPRINT"
    default_message = N_("指纹与核对值不一致：请勿继续，并通过电话等其他渠道核实")


class ExchangeState(WorkflowError):
    """The store is not in a state for the step (office not set up, device not enrolled…)."""

    code = "WB-EXCHANGE-STATE"
    default_message = N_("当前数据库状态不允许此操作")


class NothingToExport(WorkbenchError):
    """Nothing changed since this device's last package of the round: no file is written. A
    notice rather than a failure, with its own exit code so a script can tell it apart."""

    code = "WB-EXPORT-NOTHING-NEW"
    exit_code = 12
    default_message = N_("自本设备上一次导出以来，本轮没有新增或修改的记录和附件，未生成数据包")


NOTHING_UNCONFIRMED = N_("本轮没有尚未经巡察办回执确认的记录和附件，未生成数据包")


class ReceiptMismatch(PackageRejected):
    code = "WB-RCPT-MISMATCH"
    default_message = N_("回执所列数据包与本设备的导出记录不符")


class WipeRefused(Conflict):
    code = "WB-WIPE-UNCONFIRMED"
    default_message = N_("本轮还有数据未经巡察办回执确认，不能清理")


class ConflictNotFound(NotFound):
    code = "WB-CONFLICT-NOT-FOUND"
    default_message = N_("没有这条冲突记录")


class ConflictMergeRefused(WorkflowError):
    """A field-by-field resolution the rules of an edit refuse (the message says which)."""

    code = "WB-CONFLICT-MERGE-REFUSED"
    default_message = N_("所选的逐项合并不符合规则，未保存")
