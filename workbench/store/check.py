"""Integrity check of an unlocked store: pages, schema, audit chain, attachments."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, text

from workbench.errors import AttachmentCorrupt, AuditChainBroken
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models.system import Attachment
from workbench.store import audit, migrate
from workbench.store.vault import Vault


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
    problems: list[str] = []
    warnings: list[str] = []
    facts: dict[str, object] = {}
    with vault.engine.connect() as conn:
        cipher_errors = [r[0] for r in conn.execute(text("PRAGMA cipher_integrity_check"))]
        problems += [f"加密页校验失败：{e}" for e in cipher_errors]
        integrity = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            problems += [f"数据库结构校验失败：{e}" for e in integrity]
        fk = conn.execute(text("PRAGMA foreign_key_check")).all()
        if fk:
            problems.append(f"外键引用不一致：{len(fk)} 处")
    facts["schema_revision"] = migrate.current_revision(vault.engine)
    if facts["schema_revision"] != migrate.head_revision():
        problems.append("数据库结构版本与程序不一致")
    with vault.read() as s:
        try:
            report = audit.verify_chain(s)
            facts["audit_entries"] = report.entries
        except AuditChainBroken as exc:
            problems.append(exc.message)
        rows = s.scalars(select(Attachment)).all()
        facts["attachments"] = len(rows)
        for index, row in enumerate(rows, 1):
            cancel.raise_if_cancelled()
            if not vault.attachments.blob_path(row.sha256).exists():
                problems.append(f"附件“{row.name}”({row.sha256[:12]}) 的加密文件缺失")
            elif deep:
                try:
                    vault.attachments.verify(row.sha256)
                except AttachmentCorrupt as exc:
                    problems.append(f"附件“{row.name}”：{exc.message}")
            progress(index, len(rows), row.name)
        orphans = vault.attachments.collect_garbage(s, dry_run=not repair)
        if orphans:
            verb = "已清除" if repair else "发现"
            warnings.append(f"{verb}未被引用的附件文件 {len(orphans)} 个（中断的写入留下）")
    return CheckReport(problems=tuple(problems), warnings=tuple(warnings), facts=facts)
