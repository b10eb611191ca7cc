"""``workbench --self-test``: prove an installation works, on the machine it was installed on.

Everything happens in a throwaway folder (``WORKBENCH_HOME`` points there while it runs, so the
user's real stores, settings and unlock counters are never touched): an office store and a field
store are created, the field laptop is enrolled and briefed, writes a finding and an attachment,
finds it by full-text search, sends it to the office in a sealed package, and the office renders
the finding as a .docx; last, the office server's driver (psycopg, libpq) is loaded without
connecting anywhere. Each step prints OK or FAILED with its reason; the exit code is 0 only
when every step passed. The GUI's self-test (``ui/selftest.py``) adds its own steps to the same
checklist, which is why the checklist and the scratch folder are separate pieces.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import platform
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy import text

from workbench import __version__, paths
from workbench.errors import WorkbenchError
from workbench.exchange import (
    accept_certificate,
    build_briefing,
    export_round,
    import_package,
    init_office,
    make_request,
    sign_request,
)
from workbench.i18n import N_
from workbench.logs import setup_logging
from workbench.reports import DocRequest, export_document
from workbench.services.findings import FindingDraft, create_finding
from workbench.services.index_queue import catch_up
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.search import search_records
from workbench.services.targets import TargetDraft, create_target
from workbench.store.pg import make_pg_engine
from workbench.store.vault import Vault
from workbench.vocab.enums import AttentionLevel, RoundType

log = logging.getLogger("workbench.selftest")

PASSPHRASE = "selftest-口令-2026"  # noqa: S105 - a scratch store deleted when the test ends
OFFICE_USER = "selftest-ban"
FIELD_USER = "selftest-zu"
FINDING_TITLE = "自检：违规发放津贴补贴问题"
ATTACHMENT = "自检附件.txt".encode() * 64
# An address the driver step builds an engine for and never connects to (.invalid never resolves)
OFFICE_SERVER_PROBE = "postgresql://selftest@selftest.invalid/selftest"

STATUS_OK, STATUS_FAILED, STATUS_SKIPPED = "OK", "FAILED", "SKIPPED"


@dataclass(frozen=True)
class StepResult:
    label: str
    status: str  # STATUS_OK, STATUS_FAILED or STATUS_SKIPPED
    seconds: float
    detail: str  # what was checked (OK) or what went wrong (FAILED)


def describe_error(exc: BaseException) -> str:
    """One line for the report; the traceback goes to the log."""
    if isinstance(exc, WorkbenchError):
        return f"[{exc.code}] {exc.message}"
    return f"{type(exc).__name__}: {exc}"


class Checklist:
    """Runs steps in order, times them and prints each result as it comes.

    Steps build on each other (no package without an enrolled device), so after the first
    failure the remaining steps are reported as skipped rather than run into follow-on errors.
    """

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out
        self.results: list[StepResult] = []

    @property
    def ok(self) -> bool:
        return all(r.status == STATUS_OK for r in self.results)

    def run(self, label: str, step: Callable[[], str]) -> bool:
        """``step()`` returns a short note on what it checked; any exception fails it."""
        if not self.ok:
            return self._add(StepResult(label, STATUS_SKIPPED, 0.0, ""))
        start = time.perf_counter()
        try:
            detail = step()
        except Exception as exc:
            log.exception("self-test step failed: %s", label)
            detail, status = describe_error(exc), STATUS_FAILED
        else:
            status = STATUS_OK
        return self._add(StepResult(label, status, time.perf_counter() - start, detail))

    def _add(self, result: StepResult) -> bool:
        self.results.append(result)
        self._print(format_result(result))
        return result.status == STATUS_OK

    def _print(self, line: str) -> None:
        if self.out is not None:
            print(line, file=self.out, flush=True)

    def finish(self) -> int:
        """Print the verdict; the exit code (0 all passed, 1 otherwise)."""
        failed = [r for r in self.results if r.status == STATUS_FAILED]
        if failed:
            self._print(f"自检未通过：{len(failed)} 项失败（详情见日志 {paths.log_dir()}）")
            return 1
        self._print(f"自检通过：{len(self.results)} 项全部正常")
        return 0


def format_result(result: StepResult) -> str:
    timing = f" ({result.seconds:.2f} s)" if result.status != STATUS_SKIPPED else ""
    detail = f" — {result.detail}" if result.detail else ""
    return f"[{result.status:<7}] {result.label}{timing}{detail}"


def banner() -> str:
    frozen = "，安装包" if getattr(sys, "frozen", False) else ""
    return (
        f"巡察工作台自检 {__version__}（Python {platform.python_version()}，"
        f"{platform.system()} {platform.release()} {platform.machine()}{frozen}）"
    )


@contextmanager
def scratch_home() -> Iterator[Path]:
    """A temporary WORKBENCH_HOME, removed afterwards with everything in it."""
    previous = os.environ.get("WORKBENCH_HOME")
    root = Path(tempfile.mkdtemp(prefix="workbench-selftest-"))
    os.environ["WORKBENCH_HOME"] = str(root / "home")
    try:
        yield root
    finally:
        if previous is None:
            os.environ.pop("WORKBENCH_HOME", None)
        else:
            os.environ["WORKBENCH_HOME"] = previous
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class Scenario:
    """The state the core steps build up; the GUI self-test opens ``office_dir`` afterwards."""

    root: Path
    office_dir: Path = field(init=False)
    field_dir: Path = field(init=False)
    round_id: str = ""
    target_id: str = ""
    device_id: str = ""
    finding_id: str = ""
    package: Path | None = None

    def __post_init__(self) -> None:
        self.office_dir = self.root / "office"
        self.field_dir = self.root / "field"

    # Each step opens the stores it needs and locks them again, as separate program runs would.

    def create_stores(self) -> str:
        office, _ = Vault.create(
            self.office_dir,
            user_name=OFFICE_USER,
            passphrase=PASSPHRASE,
            display_name="自检巡察办",
            store_role="office",
        )
        try:
            init_office(office)
            with office.engine.connect() as conn:
                cipher = conn.execute(text("PRAGMA cipher_version")).scalar()
                sqlite = conn.execute(text("SELECT sqlite_version()")).scalar()
        finally:
            office.lock()
        field_vault, _ = Vault.create(
            self.field_dir,
            user_name=FIELD_USER,
            passphrase=PASSPHRASE,
            display_name="自检组长",
            store_role="field",
        )
        field_vault.lock()
        return f"SQLCipher {cipher}，SQLite {sqlite}"

    def enrol(self) -> str:
        office, field_vault = self._office(), self._field()
        try:
            request, _ = make_request(field_vault)
            cert, device = sign_request(office, request)
            _, fingerprint = accept_certificate(field_vault, cert)
            self.device_id = device.device_id
        finally:
            office.lock()
            field_vault.lock()
        return f"巡察办指纹 {fingerprint[:16]}…"

    def brief(self) -> str:
        office = self._office()
        briefing = self.root / "briefing.wbp"
        try:
            with office.session() as s:
                rnd = create_round(
                    s, RoundDraft("自检轮次", 2026, 1, RoundType.REGULAR, "sgjj", "2020")
                )
                target = create_target(
                    s, rnd.id, TargetDraft("某某镇党委", "township", AttentionLevel.KEY)
                )
            self.round_id, self.target_id = rnd.id, target.id
            build_briefing(office, self.round_id, [self.device_id], briefing)
        finally:
            office.lock()
        field_vault = self._field()
        try:
            result = import_package(field_vault, briefing)
        finally:
            field_vault.lock()
        return f"部署包 {sum(result.counts.values())} 条记录"

    def write(self) -> str:
        field_vault = self._field()
        try:
            with field_vault.session() as s:
                finding = create_finding(
                    s,
                    FindingDraft(
                        self.round_id,
                        FINDING_TITLE,
                        self.target_id,
                        "FS-02",  # 个别谈话 in the shipped work-method catalog
                        compiled_on=date(2026, 3, 10),
                        summary="自检写入的问题概述：惠民资金拨付审核不严。",
                    ),
                )
                info = field_vault.attachments.add(
                    s, io.BytesIO(ATTACHMENT), name="自检附件.txt", media_type="text/plain"
                )
            self.finding_id = finding.id
            back = b"".join(field_vault.attachments.iter_content(info.sha256))
        finally:
            field_vault.lock()
        if back != ATTACHMENT:
            raise AssertionError("附件解密后与写入的内容不一致")
        return f"问题底稿 {finding.number}，加密附件 {len(ATTACHMENT)} 字节读回一致"

    def search(self) -> str:
        field_vault = self._field()
        try:
            self._find(field_vault, ("津贴补贴", "津贴"))
        finally:
            field_vault.lock()
        return "“津贴补贴”和“津贴”都找到刚写入的问题底稿"

    def send_package(self) -> str:
        self.package = self.root / "team-to-office.wbp"
        field_vault = self._field()
        try:
            sent = export_round(field_vault, self.round_id, self.package)
        finally:
            field_vault.lock()
        office = self._office()
        try:
            result = import_package(office, self.package)
            catch_up(office)  # imported records reach the search index after the commit
            self._find(office, ("津贴补贴",))
        finally:
            office.lock()
        if result.counts.get("findings") != 1:
            raise AssertionError(f"巡察办收到的记录数不对：{result.counts}")
        return f"数据包 {sent.size} 字节，{sent.records} 条记录导入巡察办并可检索"

    def render_document(self) -> str:
        out = self.root / "问题底稿.docx"
        office = self._office()
        try:
            result = export_document(office, DocRequest("finding", record_id=self.finding_id), out)
        finally:
            office.lock()
        with zipfile.ZipFile(out) as docx:
            body = docx.read("word/document.xml").decode("utf-8")
        if FINDING_TITLE not in body:
            raise AssertionError("生成的文书中没有问题标题")
        return f"{result.title} .docx {result.size} 字节"

    def load_office_driver(self) -> str:
        """The office server's driver as an office desktop loads it, with no server needed:
        psycopg on its compiled binding and the libpq the installer carries (the pure-Python
        binding would use whatever libpq the system has, or none), and SQLAlchemy's dialect for
        it, which an engine loads without connecting."""
        # imported here, not at the top: a bundle without the driver fails this step, not the
        # whole self-test before its first line
        import psycopg
        from psycopg import pq

        if pq.__impl__ != "binary":
            raise AssertionError(
                f"巡察办服务器驱动没有使用随程序提供的 libpq（当前实现：{pq.__impl__}）"
            )
        engine = make_pg_engine(OFFICE_SERVER_PROBE)
        try:
            dialect = f"{engine.dialect.name}+{engine.dialect.driver}"
        finally:
            engine.dispose()
        if dialect != "postgresql+psycopg":
            raise AssertionError(f"巡察办服务器的数据库方言不对：{dialect}")
        return f"psycopg {psycopg.__version__}，libpq {pq.version_pretty(pq.version())}"

    # -- helpers ---------------------------------------------------------------------------------

    def _office(self) -> Vault:
        return Vault.open(self.office_dir, OFFICE_USER, PASSPHRASE)

    def _field(self) -> Vault:
        return Vault.open(self.field_dir, FIELD_USER, PASSPHRASE)

    def _find(self, vault: Vault, terms: tuple[str, ...]) -> None:
        with vault.read() as s:
            for term in terms:
                if self.finding_id not in {h.record_id for h in search_records(s, term)}:
                    raise AssertionError(f"全文检索“{term}”没有找到刚写入的问题底稿")


# Labels are shown in the GUI's self-test dialog too, hence N_.
CORE_STEPS: tuple[tuple[str, Callable[[Scenario], str]], ...] = (
    (N_("创建加密数据库（巡察办、巡察组）"), Scenario.create_stores),
    (N_("设备注册（申请、签发、接受证书）"), Scenario.enrol),
    (N_("巡察办建轮次并向巡察组下发部署包"), Scenario.brief),
    (N_("巡察组写入问题底稿和加密附件"), Scenario.write),
    (N_("全文检索（两字词和四字词）"), Scenario.search),
    (N_("导出数据包并在巡察办导入"), Scenario.send_package),
    (N_("生成公文（问题底稿 .docx）"), Scenario.render_document),
    (N_("加载巡察办服务器的数据库驱动（不连接服务器）"), Scenario.load_office_driver),
)


def run_core_steps(checklist: Checklist, root: Path) -> Scenario:
    scenario = Scenario(root)
    for label, step in CORE_STEPS:
        checklist.run(label, functools.partial(step, scenario))
    return scenario


def main(out: TextIO | None = None) -> int:
    """The whole core self-test; prints to ``out`` (default stdout). Returns the exit code."""
    setup_logging()  # failures' tracebacks go to the user's log, which outlives the scratch home
    out = out if out is not None else sys.stdout
    print(banner(), file=out, flush=True)
    checklist = Checklist(out)
    with scratch_home() as root:
        run_core_steps(checklist, root)
    return checklist.finish()
