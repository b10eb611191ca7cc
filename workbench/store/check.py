"""Integrity check of a store: pages, foreign keys, schema, audit chain, attachments.

Steps on what the store means (foreign keys, schema version, the audit chain, attachments, and
any the caller adds, such as the search index) run on both backends. The pages are files on a
SQLCipher store only: on the office's PostgreSQL server they are the server's to check
(``check_server``). A store with damaged pages gets the damage survey (store/damage.py) and
nothing more: every later step would read those pages. ``check_unopenable`` surveys a store that
refuses to unlock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from workbench.errors import (
    AttachmentCorrupt,
    AuditChainBroken,
    AuthenticationError,
    IntegrityError,
    StoreDamaged,
)
from workbench.i18n import N_
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models.system import Attachment
from workbench.store import anchors, check_server, migrate
from workbench.store.damage import DamageReport, survey
from workbench.store.keyfile import Keyfile, normalize_passphrase, open_slot, user_hint
from workbench.store.layout import StoreLayout
from workbench.store.separation import as_store_job
from workbench.store.vault import Vault

RESTORE_COMMAND = "请用备份恢复到一个新的空文件夹：workbench restore 备份文件 --store 新文件夹"

PASSED, FAILED, SERVER, SKIPPED = "passed", "failed", "server", "skipped"
STATUS_LABELS = {
    PASSED: N_("通过"),
    FAILED: N_("发现问题"),
    SERVER: N_("由服务器负责"),
    SKIPPED: N_("未进行"),
}
PAGES = N_("数据库页（加密校验与内部结构）")
FOREIGN_KEYS = N_("外键引用")
SCHEMA = N_("数据库结构版本")
AUDIT = N_("审计日志哈希链、锚点与签名")
ATTACHMENTS = N_("附件（存在、解密与哈希）")


@dataclass(frozen=True)
class CheckStep:
    """One step as the report lists it: ``key`` stable (``--json``), ``label`` in Chinese
    (``N_``), its ``status`` one of PASSED, FAILED, SERVER, SKIPPED; ``code`` the ``WB-`` code of
    what a failed step found; ``note`` why a step is the server's."""

    key: str
    label: str
    status: str
    code: str | None = None
    note: str = ""


@dataclass(frozen=True)
class StepOutcome:
    """What a step found: problems fail it, warnings do not."""

    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    facts: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtraStep:
    """A step a layer above the store adds (the search index, in services): it runs in the
    check's read unit of work, after the store's own steps, and is skipped with them."""

    key: str
    label: str
    run: Callable[[Session], StepOutcome]
    code: str = IntegrityError.code


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    facts: dict[str, object] = field(default_factory=dict)
    steps: tuple[CheckStep, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


class _Findings:
    """The report as the steps fill it in."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.warnings: list[str] = []
        self.facts: dict[str, object] = {}
        self.steps: list[CheckStep] = []

    def add(self, key: str, label: str, outcome: StepOutcome, code: str) -> None:
        self.problems.extend(outcome.problems)
        self.warnings.extend(outcome.warnings)
        self.facts.update(outcome.facts)
        status = FAILED if outcome.problems else PASSED
        self.steps.append(CheckStep(key, label, status, code if outcome.problems else None))

    def server(self, key: str, label: str, note: str) -> None:
        self.steps.append(CheckStep(key, label, SERVER, note=note))

    def report(self) -> CheckReport:
        return CheckReport(
            tuple(self.problems), tuple(self.warnings), self.facts, tuple(self.steps)
        )


def check_store(
    vault: Vault,
    *,
    deep: bool = True,
    repair: bool = False,
    extra: Sequence[ExtraStep] = (),
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> CheckReport:
    """``deep`` decrypts and hashes every attachment; ``repair`` removes unreferenced blobs;
    ``extra`` steps run after the store's own, in the same read unit of work."""
    found = _Findings()
    on_server = check_server.on_server(vault.engine)
    if on_server:
        found.server("pages", PAGES, check_server.PAGES_NOTE)
        _server_indexes(vault, found)
    else:
        damage = survey(vault.layout.db, vault.dek)
        if damage.found:
            return damage_report(damage, vault.layout, extra)
        found.add("pages", PAGES, StepOutcome(), StoreDamaged.code)
    with vault.engine.connect() as conn:
        found.add("foreign_keys", FOREIGN_KEYS, _foreign_keys(conn), IntegrityError.code)
    found.add("schema", SCHEMA, _schema(vault), IntegrityError.code)
    with vault.read() as s:
        as_store_job(s)  # the 系统管理员's check counts attachments, shows none of them
        found.add("audit", AUDIT, _audit(s), AuditChainBroken.code)
        attached = check_attachments(
            vault, s, deep=deep, repair=repair, progress=progress, cancel=cancel
        )
        outcome = StepOutcome(attached.problems, attached.warnings, {"attachments": attached.count})
        found.add("attachments", ATTACHMENTS, outcome, AttachmentCorrupt.code)
        for step in extra:
            cancel.raise_if_cancelled()
            found.add(step.key, step.label, step.run(s), step.code)
    return found.report()


def _server_indexes(vault: Vault, found: _Findings) -> None:
    """amcheck on the server's B-tree indexes, when the DBA lets the office's login use it."""
    broken = check_server.broken_btrees(vault.engine)
    if broken is None:
        found.server("server_indexes", check_server.INDEXES, check_server.INDEXES_NOTE)
        return
    problems = (
        (f"服务器上有 {len(broken)} 个索引结构损坏（amcheck 检查）：请数据库管理员重建索引",)
        if broken
        else ()
    )
    outcome = StepOutcome(problems, facts={"broken_indexes": broken})
    found.add("server_indexes", check_server.INDEXES, outcome, IntegrityError.code)


def _foreign_keys(conn: Connection) -> StepOutcome:
    if check_server.on_server(conn.engine):
        broken = check_server.foreign_key_breaks(conn)
    else:
        broken = len(conn.execute(text("PRAGMA foreign_key_check")).all())
    return StepOutcome(problems=(f"外键引用不一致：{broken} 处",) if broken else ())


def _schema(vault: Vault) -> StepOutcome:
    revision = migrate.current_revision(vault.engine)
    wrong = revision != migrate.head_revision()
    return StepOutcome(
        problems=("数据库结构版本与程序不一致",) if wrong else (),
        facts={"schema_revision": revision},
    )


def _audit(session: Session) -> StepOutcome:
    """The chain, the anchors sent, the signatures and the grant chain (``anchors.prove``)."""
    try:
        report = anchors.prove(session)
    except AuditChainBroken as exc:
        return StepOutcome(problems=(exc.message,))
    unsigned = report.signatures.statement.splitlines()[:1] if report.signatures.unsigned else []
    return StepOutcome(
        warnings=tuple(unsigned),
        facts={"audit_entries": report.entries, "audit_signed": report.signatures.valid},
    )


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
    interrupted writes are counted (removed with ``repair``). The blobs are files here, rows on
    the office's server: the same ``AttachmentStore`` API reads both."""
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


_AFTER_PAGES = (
    ("foreign_keys", FOREIGN_KEYS),
    ("schema", SCHEMA),
    ("audit", AUDIT),
    ("attachments", ATTACHMENTS),
)


def damage_report(
    damage: DamageReport, layout: StoreLayout, extra: Iterable[ExtraStep] = ()
) -> CheckReport:
    """The survey as ``check`` reports it, with the way out."""
    automatic = sorted(layout.backups.glob("*.wbk"), key=lambda p: p.stat().st_mtime)
    where = (
        f"最近的自动备份（升级前做的）：{automatic[-1]}"
        if automatic
        else "数据库文件夹中没有自动备份，请用自己保存的备份（workbench backup 生成的 .wbk 文件）"
    )
    skipped = [*_AFTER_PAGES, *((step.key, step.label) for step in extra)]
    return CheckReport(
        problems=tuple(damage.problems()),
        warnings=(
            f"{RESTORE_COMMAND}；{where}",
            "其余检查（外键、结构版本、审计链、附件、检索索引）未进行：它们要读取损坏的页",
        ),
        facts={
            "damaged_pages": list(damage.pages),
            "damaged_tables": list(damage.tables),
            "damaged_indexes_of": list(damage.indexes_of),
            "schema_damaged": damage.schema_damaged,
        },
        steps=(
            CheckStep("pages", PAGES, FAILED, StoreDamaged.code),
            *(CheckStep(key, label, SKIPPED) for key, label in skipped),
        ),
    )


def check_unopenable(
    directory: Path,
    user_name: str,
    passphrase: str,
    *,
    reason: str = "",
    extra: Iterable[ExtraStep] = (),
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
        return damage_report(damage, layout, extra)
    raise AuthenticationError()
