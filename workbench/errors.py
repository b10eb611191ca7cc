"""The WorkbenchError tree.

Every error carries a stable ``code`` (the UI maps codes to translated text, scripts match on them)
and a Chinese ``message`` for people. CLI exit codes are chosen per class, see ``exit_code``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from workbench.i18n import N_


class WorkbenchError(Exception):
    """Base of all expected failures. ``code`` is stable API; ``message`` is for people."""

    code: ClassVar[str] = "WB-ERROR"
    exit_code: ClassVar[int] = 1
    default_message: ClassVar[str] = N_("操作失败")
    # the command that fixes it, for whoever reads the CLI's output (an administrator); the UI,
    # read by everyone, says whom to ask instead
    cli_hint: ClassVar[str] = ""

    def __init__(self, message: str | None = None, **details: Any) -> None:
        self.message = message or self.default_message
        self.details = details
        super().__init__(f"[{self.code}] {self.message}")


class UsageError(WorkbenchError):
    code = "WB-USAGE"
    exit_code = 2
    default_message = N_("参数有误")


class AuthenticationError(WorkbenchError):
    code = "WB-AUTH"
    exit_code = 3
    default_message = N_("用户名或口令不正确")


class UnlockThrottled(AuthenticationError):
    code = "WB-AUTH-THROTTLED"
    default_message = N_("口令错误次数过多，请稍后再试")


class UserDisabled(AuthenticationError):
    code = "WB-AUTH-DISABLED"
    default_message = N_("该用户已停用：如有疑问请联系系统管理员")


class LinkPassphraseRefused(AuthenticationError):
    """A desktop linked to the office server: the passphrase opens no copy of the connection
    kept here (a typo, or a passphrase newer than this desktop's copy: office.py)."""

    code = "WB-AUTH-LINK"
    default_message = N_(
        "用户名或口令不正确。若系统管理员刚为你设置了新口令（例如停用后重新启用你的账户），"
        "或你在其他电脑上改过口令：本机保存的服务器连接仍用原来的口令加密，"
        "请用新口令重新连接巡察办服务器。"
    )


class PassphraseResetOnServer(AuthenticationError):
    """The passphrase still opens this desktop's copy of the connection, but no longer the
    user's slot on the server: it was reset there by a 系统管理员, or changed elsewhere."""

    code = "WB-AUTH-RESET"
    default_message = N_(
        "此口令仍能打开本机保存的服务器连接，但已打不开你在巡察办服务器上的账户："
        "你的口令已由系统管理员重新设置（例如停用后重新启用你的账户），或已在其他电脑上修改。"
        "请用新口令重新连接巡察办服务器。"
    )


class RecoveryCodeInvalid(AuthenticationError):
    code = "WB-AUTH-RECOVERY"
    default_message = N_("恢复码不正确")


class KeyRetired(AuthenticationError):
    code = "WB-AUTH-KEY-RETIRED"
    default_message = N_(
        "这份密钥文件中的数据密钥打不开数据库的任何一页：数据密钥已更换"
        "（这是更换前复制的旧密钥文件），或数据库文件不属于这份密钥文件"
    )


class RekeyPending(AuthenticationError):
    code = "WB-AUTH-REKEY-PENDING"
    default_message = N_(
        "数据密钥的更换尚未完成，此口令或恢复码不能完成它：请联系系统管理员登录以完成更换"
    )
    cli_hint = "系统管理员登录，或运行 workbench rekey 完成更换"


class IntegrityError(WorkbenchError):
    code = "WB-INTEGRITY"
    exit_code = 4
    default_message = N_("数据完整性校验失败")


class KeyfileDamaged(IntegrityError):
    code = "WB-KEYFILE"
    default_message = N_("密钥文件已损坏或格式不正确")


class AuditChainBroken(IntegrityError):
    code = "WB-AUDIT-CHAIN"
    default_message = N_("审计日志链校验失败：记录被删除或篡改")


class AttachmentCorrupt(IntegrityError):
    code = "WB-ATTACH-CORRUPT"
    default_message = N_("附件已损坏或被篡改")


class BackupInvalid(IntegrityError):
    code = "WB-BACKUP-INVALID"
    default_message = N_("备份文件已损坏、被篡改或不是本系统的备份")


class StoreDamaged(IntegrityError):
    """SQLite found a damaged page (SQLCipher: its HMAC fails); the way out is a backup."""

    code = "WB-STORE-DAMAGED"
    default_message = N_(
        "数据库文件已损坏，不能继续使用。请把备份恢复到一个新的空文件夹："
        "workbench restore 备份文件 --store 新文件夹"
        "（数据库文件夹下的 backups 中有自动备份）；需要帮助请联系系统管理员"
    )


class NotFound(WorkbenchError):
    code = "WB-NOT-FOUND"
    exit_code = 5
    default_message = N_("未找到")


class StoreNotFound(NotFound):
    code = "WB-STORE-NOT-FOUND"
    default_message = N_("未找到数据库，请先初始化")


class PermissionDenied(WorkbenchError):
    code = "WB-PERMISSION"
    exit_code = 6
    default_message = N_("当前用户无权执行此操作")


class Conflict(WorkbenchError):
    code = "WB-CONFLICT"
    exit_code = 7
    default_message = N_("与现有数据冲突")


class RekeyBlocked(Conflict):
    code = "WB-REKEY-BLOCKED"
    default_message = N_("有用户自升级以来尚未登录，其密钥槽不能换用新的数据密钥")


class StoreExists(Conflict):
    code = "WB-STORE-EXISTS"
    default_message = N_("目标位置已有数据库，不会覆盖")


class StoreLocked(WorkbenchError):
    code = "WB-LOCKED"
    default_message = N_("数据库已锁定，请重新解锁")


class ValidationError(WorkbenchError):
    code = "WB-VALIDATION"
    exit_code = 8
    default_message = N_("输入不符合要求")


class AmbiguousName(ValidationError):
    """A name given for a record matches several; the message lists them by name."""

    code = "WB-AMBIGUOUS"
    default_message = N_("名称对应多条记录，请写出完整名称")


class WorkflowError(ValidationError):
    """The record is not in a state that allows the step (e.g. review an unsubmitted 底稿)."""

    code = "WB-WORKFLOW"
    default_message = N_("当前状态不允许此操作")


class ClueRequired(WorkflowError):
    """A leading cadre's own problem is a 问题线索, never a 底稿 (DOMAIN.md workflows)."""

    code = "WB-CLUE-REQUIRED"
    default_message = N_("领导干部问题应登记为问题线索，不能形成底稿")


class GradeContradiction(ValidationError):
    """A 政治画像's overall grade that its items contradict (the rule: services/portraits.py)."""

    code = "WB-PORTRAIT-GRADE"
    default_message = N_("总体评价与各方面评价相矛盾")


class LimitExceeded(ValidationError):
    code = "WB-LIMIT"
    default_message = N_("超过允许的大小")


class DiskFull(WorkbenchError):
    code = "WB-DISK-FULL"
    exit_code = 9
    default_message = N_("磁盘空间不足，操作已取消，数据未改变")


class Cancelled(WorkbenchError):
    code = "WB-CANCELLED"
    exit_code = 10
    default_message = N_("操作已取消")


class StoreBusy(WorkbenchError):
    """Another process (or thread) kept its write transaction open past the busy timeout."""

    code = "WB-BUSY"
    exit_code = 11
    default_message = N_("数据库正被另一个操作占用，请稍后再试")


class SchemaTooNew(WorkbenchError):
    code = "WB-SCHEMA-NEWER"
    default_message = N_("数据库由更新版本的程序创建，请升级本程序")


# -- the office's PostgreSQL server (issue #20) --------------------------------------------------


class OfficeUnreachable(WorkbenchError):
    """The office server refused the connection, cannot be reached, or dropped it."""

    code = "WB-OFFICE-UNREACHABLE"
    exit_code = 13
    default_message = N_(
        "连不上巡察办服务器（服务器未启动、网络不通或连接已中断），本次操作未完成、未写入任何数据；"
        "请稍后再试，或请系统管理员检查服务器"
    )


class OfficeTlsRefused(IntegrityError):
    """The server's certificate failed verification against the office's CA (or its name)."""

    code = "WB-OFFICE-TLS"
    default_message = N_(
        "巡察办服务器的证书未通过校验（不是本单位 CA 签发、已过期，或与服务器地址不符），"
        "为防止连到冒充的服务器，连接已拒绝：请向系统管理员核对服务器地址和 CA 证书"
    )


class OfficeLoginRefused(AuthenticationError):
    code = "WB-OFFICE-LOGIN"
    default_message = N_(
        "巡察办服务器拒绝了数据库登录：数据库账号或其口令不正确，或服务器不允许该账号从本机登录"
    )


class OfficeTlsUnverified(ValidationError):
    """An address whose ``sslmode`` does not verify the server, without the user's explicit
    consent (``office … --insecure-tls``; the GUI never gives it)."""

    code = "WB-OFFICE-TLS-UNVERIFIED"
    default_message = N_(
        "服务器地址设为不校验巡察办服务器的证书，无法防止连到冒充的服务器，连接已拒绝："
        "请向系统管理员索取巡察办的 CA 证书，并去掉地址中的加密方式设置"
    )


class OfficePrivilegeMissing(PermissionDenied):
    """The server refused a statement for want of a privilege (SQLSTATE 42501): the database
    login is not in the group role that owns the office's database."""

    code = "WB-OFFICE-PRIVILEGE"
    default_message = N_(
        "巡察办服务器拒绝了本次操作：所用的数据库账号没有读写巡察办数据库的权限。"
        "请数据库管理员按安装说明，把该账号加入拥有巡察办数据库的组角色，"
        "并设置它登录后以该组角色操作"
    )


class OfficeDatabaseMissing(StoreNotFound):
    code = "WB-OFFICE-NO-DATABASE"
    default_message = N_("巡察办服务器上没有地址中所写的数据库：请核对数据库名")


class NotAnOfficeStore(StoreNotFound):
    code = "WB-OFFICE-NOT-STORE"
    default_message = N_(
        "该数据库不是巡察工作台的巡察办数据库：请向系统管理员核对地址"
        "（新的巡察办数据库须由系统管理员先建立）"
    )


class NotOnOfficeServer(ValidationError):
    """A store job that works on the store's files, asked of the office store on its server."""

    code = "WB-OFFICE-UNSUPPORTED"
    default_message = N_(
        "巡察办服务器上的数据库不支持此操作（它只适用于本机的加密数据库文件）；"
        "服务器的备份由数据库管理员在服务器上进行"
    )


class OfficeMigrationMismatch(IntegrityError):
    """``office migrate``: a table on the server differs from the source store after the copy."""

    code = "WB-OFFICE-MIGRATE-MISMATCH"
    default_message = N_(
        "迁移校验未通过：服务器上的数据与源数据库不一致，服务器上的数据库未启用；"
        "源数据库未改动，请查明原因后在一个空数据库中重新迁移"
    )


class OfficeMigrationIncomplete(NotAnOfficeStore):
    """The server's database is an ``office migrate`` not yet finished and verified."""

    code = "WB-OFFICE-MIGRATING"
    default_message = N_(
        "该数据库正在从本机数据库迁移，尚未完成校验，还不能使用：请联系系统管理员完成迁移"
    )
    cli_hint = "再次运行 workbench office migrate，它会从中断处继续"
