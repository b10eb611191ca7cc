"""Integrity check of a store: pages, schema, audit chain, attachments.

A store with damaged pages gets the damage survey (store/damage.py) and nothing more: every
later step would read those pages. ``check_unopenable`` surveys a store that refuses to unlock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.errors import AttachmentCorrupt, AuditChainBroken, AuthenticationError
from workbench.i18n import N_
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models.system import Attachment
from workbench.store import anchors, migrate
from workbench.store.damage import DamageReport, survey
from workbench.store.keyfile import Keyfile, normalize_passphrase, open_slot, user_hint
from workbench.store.layout import StoreLayout
from workbench.store.pg import refuse_on_server
from workbench.store.separation import as_store_job
from workbench.store.vault import Vault

RESTORE_COMMAND = "请用备份恢复到一个新的空文件夹：workbench restore 备份文件 --store 新文件夹"


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(
    vault: Vault,
    *,
    deep: bool = True,
    repair: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> CheckReport:
    """``deep`` decrypts and hashes every attachment; ``repair`` removes unreferenced blobs."""
    refuse_on_server(vault.engine, N_("完整性检查（check）"))
    damage = survey(vault.layout.db, vault.dek)
    if damage.found:
        return damage_report(damage, vault.layout)
    problems: list[str] = []
    warnings: list[str] = []
    facts: dict[str, object] = {}
    with vault.engine.connect() as conn:
        fk = conn.execute(text("PRAGMA foreign_key_check")).all()
        if fk:
            problems.append(f"外键引用不一致：{len(fk)} 处")
    facts["schema_revision"] = migrate.current_revision(vault.engine)
    if facts["schema_revision"] != migrate.head_revision():
        problems.append("数据库结构版本与程序不一致")
    with vault.read() as s:
        as_store_job(s)  # the 系统管理员's check counts attachments, shows none of them
        try:
            report = anchors.prove(s)  # chain, anchors sent, signatures, grant chain
            facts["audit_entries"] = report.entries
            facts["audit_signed"] = report.signatures.valid
            if report.signatures.unsigned:
                warnings.append(report.signatures.statement.splitlines()[0])
        except AuditChainBroken as exc:
            problems.append(exc.message)
        found = check_attachments(
            vault, s, deep=deep, repair=repair, progress=progress, cancel=cancel
        )
        facts["attachments"] = found.count
        problems.extend(found.problems)
        warnings.extend(found.warnings)
    return CheckReport(problems=tuple(problems), warnings=tuple(warnings), facts=facts)


@dataclass(frozen=True)
class AttachmentsChecked:
    count: int
    problems: tuple[str, ...]
    warnings: tuple[str, ...]


def check_attachments(
    vault: Vault,
    session: Session,
    *,
    deep: bool = True,
    repair: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> AttachmentsChecked:
    """Every attachment's blob is there (and with ``deep`` decrypts to its hash); leftovers of
    interrupted writes are counted (removed with ``repair``). The part of ``check`` that works on
    both backends: the blobs are files here, rows on the office's server."""
    problems: list[str] = []
    warnings: list[str] = []
    rows = session.scalars(select(Attachment)).all()
    for index, row in enumerate(rows, 1):
        cancel.raise_if_cancelled()
        if not vault.attachments.has_blob(session, row.sha256):
            problems.append(f"附件“{row.name}”({row.sha256[:12]}) 的加密文件缺失")
        elif deep:
            try:
                vault.attachments.verify(row.sha256)
            except AttachmentCorrupt as exc:
                problems.append(f"附件“{row.name}”：{exc.message}")
        progress(index, len(rows), row.name)
    orphans = vault.attachments.collect_garbage(session, dry_run=not repair)
    if orphans:
        verb = "已清除" if repair else "发现"
        warnings.append(f"{verb}未被引用的附件文件 {len(orphans)} 个（中断的写入留下）")
    return AttachmentsChecked(len(rows), tuple(problems), tuple(warnings))


def damage_report(damage: DamageReport, layout: StoreLayout) -> CheckReport:
    """The survey as ``check`` reports it, with the way out."""
    automatic = sorted(layout.backups.glob("*.wbk"), key=lambda p: p.stat().st_mtime)
    where = (
        f"最近的自动备份（升级前做的）：{automatic[-1]}"
        if automatic
        else "数据库文件夹中没有自动备份，请用自己保存的备份（workbench backup 生成的 .wbk 文件）"
    )
    return CheckReport(
        problems=tuple(damage.problems()),
        warnings=(
            f"{RESTORE_COMMAND}；{where}",
            "其余检查（外键、结构版本、审计链、附件）未进行：它们要读取损坏的页",
        ),
        facts={
            "damaged_pages": list(damage.pages),
            "damaged_tables": list(damage.tables),
            "damaged_indexes_of": list(damage.indexes_of),
            "schema_damaged": damage.schema_damaged,
        },
    )


def check_unopenable(
    directory: Path, user_name: str, passphrase: str, *, reason: str = ""
) -> CheckReport:
    """``check`` of a store whose unlock failed with StoreDamaged: the survey alone, read-only,
    with the data key the user's passphrase opens (the failed unlock has just accepted it, so
    this is no way around the unlock throttle)."""
    layout = StoreLayout(directory)
    keyfile = Keyfile.read(layout.keyfile)
    secret = normalize_passphrase(passphrase)
    for slot in keyfile.passphrase_slots(user_hint(keyfile.store_id, user_name)):
        try:
            dek = open_slot(keyfile.store_id, slot, secret)
        except AuthenticationError:
            continue
        try:
            damage = survey(layout.db, dek)
        finally:
            dek[:] = bytes(len(dek))
        if not damage.found:  # damaged in a way the survey cannot place: still say so
            damage = DamageReport(integrity=(reason or "数据库无法打开",))
        return damage_report(damage, layout)
    raise AuthenticationError()
