"""``office migrate``: an office store on this disk moved into PostgreSQL on a real cluster.

The migrated store unlocks on the server with each user's own passphrase, the services read the
same records, and the audit chain and its signatures verify there; a run SIGKILLed mid-copy (a
real subprocess) and run again copies each row once and verifies; a database that is not empty
is refused; a row changed on the server before the check is found, naming its table; the
attachments' blobs go up, a copy cut off skips those already there, and a changed one is found;
the source's files keep their bytes and times throughout; only its 系统管理员 may move it."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select, text

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_csv
from workbench.cli import main
from workbench.errors import (
    AuthenticationError,
    Conflict,
    OfficeMigrationIncomplete,
    OfficeMigrationMismatch,
    PermissionDenied,
    StoreExists,
    ValidationError,
)
from workbench.models import Letter
from workbench.models.datalists import DataRow
from workbench.roles import Role
from workbench.services.clues import ClueDraft, register_clue
from workbench.services.datalists import import_list
from workbench.services.findings import FindingDraft, create_finding, list_findings
from workbench.services.indexing import reindex_all
from workbench.services.letters import LetterDraft, ReportedPerson, list_letters, register_letter
from workbench.services.office_targets import add_target
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.targets import TargetDraft
from workbench.services.users import add_user
from workbench.store.anchors import prove
from workbench.store.blobcrypt import CHUNK
from workbench.store.office import MIGRATION_META, OfficeVault, make_connection
from workbench.store.office_migrate import (
    ACTION,
    BLOBS,
    copied_tables,
    migrate_office,
    open_source,
    table_digest,
)
from workbench.store.pg import make_pg_engine
from workbench.store.vault import Vault
from workbench.vocab.enums import AttentionLevel, CadreLevel, DataListKind, LetterChannel

REPO = Path(__file__).resolve().parents[2]
ADMIN = "office1"
STAFF = "staff2"
STAFF_PASSPHRASE = "另一位 工作人员 的口令"
LETTERS = 24
LIST_ROWS = 12
BATCH = 5

KILLED_RUN = textwrap.dedent(
    """
    import os, signal, sys
    import workbench.services
    from workbench.services.indexing import reindex_all
    from workbench.store.office import make_connection, server_engine
    from workbench.store.office_migrate import migrate_office, open_source
    from pathlib import Path

    store, url, folder, user, passphrase, kill_at = sys.argv[1:7]
    reports = 0

    def progress(done, total, label=""):
        global reports
        reports += 1
        if reports == int(kill_at):
            os.kill(os.getpid(), signal.SIGKILL)  # a power cut, between two batches

    with open_source(Path(store), user, passphrase) as source:
        engine = server_engine(Path(folder), make_connection(url))
        migrate_office(source, engine, batch=5, progress=progress, reindex=reindex_all)
    print("finished")
    """
)


def _letter(round_id: str, target_id: str, summary: str) -> LetterDraft:
    return LetterDraft(
        round_id=round_id,
        channel=LetterChannel.SMALL_ENVELOPE,
        received_at=(datetime.now() - timedelta(days=3)).replace(microsecond=123456),
        reported_persons=(ReportedPerson("张三", "镇长", "某某镇", CadreLevel.COUNTY),),
        summary=summary,
        target_id=target_id,
    )


@pytest.fixture(scope="module")
def source_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office store on this disk: its 系统管理员 (also 巡察办 and 组长), a colleague, a
    round with letters (JSON, timestamps), a finding (amount, date), a clue and a 碰撞比对
    list."""
    root = tmp_path_factory.mktemp("migrate-source") / "store"
    vault, _ = Vault.create(
        root,
        user_name=ADMIN,
        passphrase=PASSPHRASE,
        display_name="李主任",
        roles=(Role.OFFICE, Role.TEAM_LEADER, Role.SYSADMIN),
        store_role="office",
        kdf=TEST_KDF,
    )
    with vault:
        add_user(vault, STAFF, STAFF_PASSPHRASE, (Role.MEMBER,), display_name="王干事")
        with vault.session() as s:
            rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
            target = add_target(
                s, rnd.id, TargetDraft("某某镇党委", "township", AttentionLevel.KEY)
            )
            for i in range(LETTERS - 1):
                register_letter(s, _letter(rnd.id, target.target.id, f"反映张三第{i}件事"))
            # what COPY's text format escapes: the text must arrive as it was
            odd = "反映张三\n第二行\t制表\\反斜杠 \\N 与 \r 回车"
            register_letter(s, _letter(rnd.id, target.target.id, odd))
            create_finding(
                s,
                FindingDraft(
                    round_id=rnd.id,
                    title="惠农补贴发放审核把关不严",
                    target_id=target.target.id,
                    method_code="FS-02",
                    summary="2025年度惠农补贴存在虚报冒领情况",
                    amount=Decimal("12345.67"),
                    compiled_on=date(2026, 3, 2),
                ),
            )
            register_clue(
                s,
                ClueDraft(
                    round_id=rnd.id,
                    subject_name="张三",
                    subject_level=CadreLevel.COUNTY,
                    problem="违规收受礼金",
                    transfer_unit="discipline_commission",
                    transfer_mode="single",
                    target_id=target.target.id,
                ),
            )
        rows = write_csv(root.parent / "低保.csv", ASSISTANCE_HEADERS, assistance_rows(LIST_ROWS))
        with vault.session() as s:  # numbered rows (a SERIAL key), JSON cells, dates
            import_list(s, rows, kind=DataListKind.ASSISTANCE, round_id=rnd.id, label="县民政局")
    return root


@pytest.fixture
def source(source_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "source"
    shutil.copytree(source_template, target)
    return target


def _files(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder``: its modification time and the hash of its bytes."""
    return {
        str(p.relative_to(folder)): (
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _migrate(source: Path, url: str, folder: Path, **kwargs: object) -> object:
    from workbench.store.office import server_engine

    folder.mkdir(exist_ok=True)
    engine = server_engine(folder, make_connection(url))
    try:
        with open_source(source, ADMIN, PASSPHRASE) as unlocked:
            return migrate_office(unlocked, engine, batch=BATCH, reindex=reindex_all, **kwargs)  # type: ignore[arg-type]
    finally:
        engine.dispose()


@pytest.fixture
def empty_url(pg_cluster: pg.Cluster) -> Iterator[str]:
    """A database as a DBA hands it over: no tables at all."""
    name = f"e_{uuid.uuid4().hex[:16]}"
    pg_cluster.admin(f"CREATE DATABASE {name} OWNER {pg.APP_ROLE}")
    try:
        yield pg_cluster.database_url(name)
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def server(pg_url: str) -> Iterator[Engine]:
    engine = make_pg_engine(pg_url)
    yield engine
    engine.dispose()


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: table_digest(conn, t).rows for t in copied_tables()}


def _source_counts(source: Path) -> dict[str, int]:
    with open_source(source, ADMIN, PASSPHRASE) as unlocked, unlocked.engine.connect() as conn:
        return {t.name: table_digest(conn, t).rows for t in copied_tables()}


def test_a_migrated_store_unlocks_on_the_server_for_each_user_and_reads_the_same(
    source: Path, empty_url: str, tmp_path: Path
) -> None:
    pg_url = empty_url
    shutil.copytree(source, tmp_path / "reference")  # what the source holds, read from a copy
    before = _files(source)
    with Vault.open(tmp_path / "reference", ADMIN, PASSPHRASE) as local:
        with local.read() as s:
            letters = [(v.id, v.number, v.summary) for v in list_letters(s).items]
            round_id = s.scalar(select(Letter.round_id))
            findings = [(f.id, f.amount) for f in list_findings(s, round_id).items]
            source_entries = prove(s).entries - 1  # less the reference's own unlock
        store_id = local.store_id

    report = _migrate(source, pg_url, tmp_path / "ca")

    assert _files(source) == before  # not a byte, not a time, no -wal or -shm left behind
    assert report.store_id == store_id and not report.resumed  # type: ignore[attr-defined]
    assert report.rows == sum(_source_counts(source).values())  # type: ignore[attr-defined]
    assert report.indexed >= LETTERS  # type: ignore[attr-defined]
    with OfficeVault.connect(
        tmp_path / "desk2", make_connection(pg_url), STAFF, STAFF_PASSPHRASE
    ) as staff:
        assert staff.store_id == store_id and staff.user.roles == (Role.MEMBER,)
    with OfficeVault.connect(tmp_path / "desk1", make_connection(pg_url), ADMIN, PASSPHRASE) as v:
        assert set(v.user.roles) == {Role.OFFICE, Role.TEAM_LEADER, Role.SYSADMIN}
        with v.read() as s:
            assert [(x.id, x.number, x.summary) for x in list_letters(s).items] == letters
            assert [(f.id, f.amount) for f in list_findings(s, round_id).items] == findings
            proof = prove(s)
            migrated = s.execute(
                text("SELECT actor_name, signature FROM audit_log WHERE action = :a"), {"a": ACTION}
            ).one()
            docs = s.scalar(text("SELECT count(*) FROM search_docs"))
        with v.session() as s:  # the server numbers the next list row after the copied ones
            row = s.scalars(select(DataRow).order_by(DataRow.id.desc()).limit(1)).one()
            s.execute(insert(DataRow).values(source_id=row.source_id, row_no=99, cells=[]))
        with v.read() as s:
            assert s.scalar(select(func.max(DataRow.id))) == row.id + 1
    assert proof.signatures.ok and proof.signatures.unsigned == ()
    # the source's entries, the migration's, then the two unlocks on the server
    assert proof.entries == source_entries + 3
    assert migrated.actor_name == ADMIN and migrated.signature
    assert docs == report.indexed  # type: ignore[attr-defined]


def test_a_run_killed_mid_copy_then_run_again_copies_each_row_once(
    source: Path,
    pg_url: str,
    server: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _files(source)
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_RUN,
            str(source),
            pg_url,
            str(tmp_path),
            ADMIN,
            PASSPHRASE,
            "9",
        ],
        cwd=REPO,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert killed.returncode == -9, killed.stderr.decode()
    with server.connect() as conn:
        progress = json.loads(
            conn.execute(
                text("SELECT value FROM store_meta WHERE key = :k"), {"k": MIGRATION_META}
            ).scalar_one()
        )
    assert progress["done"] and progress["table"] is not None  # stopped inside a table
    with pytest.raises(OfficeMigrationIncomplete):  # nobody uses it half-copied
        OfficeVault.connect(tmp_path / "desk", make_connection(pg_url), ADMIN, PASSPHRASE)
    with pytest.raises(StoreExists, match="正在从本机数据库迁移"):  # nor makes another store
        OfficeVault.create_on_server(
            tmp_path / "other", make_connection(pg_url), user_name=ADMIN, passphrase=PASSPHRASE
        )

    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    connect = ["office", "connect", pg_url, "--store", str(tmp_path / "desk"), "--user", ADMIN]
    assert main(connect) == 5
    refused = capsys.readouterr().err  # a clerk is told whom to ask, the terminal what to run
    assert "请联系系统管理员完成迁移" in refused and "再次运行 workbench office migrate" in refused
    argv = ["--json", "office", "migrate", "--from", str(source), "--to", pg_url]
    assert main([*argv, "--user", ADMIN, "--batch", str(BATCH)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["resumed"] is True
    expected = _source_counts(source)
    assert {name: t["rows"] for name, t in result["tables"].items()} == expected
    counts = _counts(server)
    counts["audit_log"] -= 1  # the migration's own entry
    assert counts == expected
    assert _files(source) == before
    connection = make_connection(pg_url)
    with OfficeVault.connect(tmp_path / "desk", connection, ADMIN, PASSPHRASE) as v, v.read() as s:
        assert s.scalar(select(func.count()).select_from(Letter)) == LETTERS
        assert prove(s).signatures.ok


def test_a_database_that_is_not_empty_is_refused(
    source: Path,
    pg_url: str,
    server: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with server.begin() as conn:
        conn.execute(text("CREATE TABLE their_own (id integer PRIMARY KEY)"))
        conn.execute(text("INSERT INTO their_own VALUES (1)"))
    meta = text("SELECT key, value FROM store_meta ORDER BY key")
    with server.connect() as conn:
        held = conn.execute(meta).all()
    before = _files(source)
    with pytest.raises(StoreExists, match="不是空的"):
        _migrate(source, pg_url, tmp_path / "ca")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    argv = ["office", "migrate", "--from", str(source), "--to", pg_url, "--user", ADMIN]
    assert main(argv) == StoreExists.exit_code
    assert "不会迁移到其中" in capsys.readouterr().err
    with server.connect() as conn:  # nothing written there
        assert conn.execute(meta).all() == held
        assert conn.scalar(text("SELECT count(*) FROM their_own")) == 1
    assert _files(source) == before


def test_an_office_store_already_there_is_refused(
    source: Path, pg_url: str, tmp_path: Path
) -> None:
    OfficeVault.create_on_server(
        tmp_path / "desk",
        make_connection(pg_url),
        user_name=ADMIN,
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )[0].lock()
    with pytest.raises(StoreExists, match="已是巡察办数据库"):
        _migrate(source, pg_url, tmp_path / "ca")


def test_a_row_changed_on_the_server_before_the_check_is_found(
    source: Path, pg_url: str, server: Engine, tmp_path: Path
) -> None:
    def tamper(_done: int, _total: int | None, label: str = "") -> None:
        if label == "verify":  # copied; someone on the server edits a letter before the check
            with server.begin() as conn:
                conn.execute(
                    text(
                        "UPDATE letters SET summary = summary || '（改）'"
                        " WHERE number = (SELECT min(number) FROM letters)"
                    )
                )

    with pytest.raises(OfficeMigrationMismatch, match="letters") as caught:
        _migrate(source, pg_url, tmp_path / "ca", progress=tamper)
    assert caught.value.details["table"] == "letters"
    with server.connect() as conn:  # still marked incomplete: no keyfile, nobody unlocks it
        assert conn.scalar(text("SELECT count(*) FROM store_meta WHERE key = 'keyfile'")) == 0
    with pytest.raises(OfficeMigrationIncomplete):
        OfficeVault.connect(tmp_path / "desk", make_connection(pg_url), ADMIN, PASSPHRASE)


def test_only_the_stores_system_administrator_may_move_it(
    source: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(source)
    with pytest.raises(PermissionDenied, match="系统管理员"):
        open_source(source, STAFF, STAFF_PASSPHRASE)
    with pytest.raises(AuthenticationError):
        open_source(source, ADMIN, "not the passphrase at all")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", STAFF_PASSPHRASE)
    url = "postgresql://workbench@localhost:9/office?sslmode=disable"  # never reached
    argv = ["office", "migrate", "--from", str(source), "--to", url, "--user", STAFF]
    argv.append("--insecure-tls")
    assert main(argv) == PermissionDenied.exit_code
    assert "WB-PERMISSION" in capsys.readouterr().err
    assert _files(source) == before


def test_a_store_open_elsewhere_is_refused(source: Path) -> None:
    with (
        Vault.open(source, ADMIN, PASSPHRASE),
        pytest.raises(Conflict, match="正被工作台打开"),  # its -wal file is there
    ):
        open_source(source, ADMIN, PASSPHRASE)
    (source / "workbench.db-journal").write_bytes(b"")  # a rollback cut off
    with pytest.raises(Conflict, match="没有正常关闭"):
        open_source(source, ADMIN, PASSPHRASE)


def test_a_field_laptops_store_is_not_moved(tmp_path: Path) -> None:
    vault, _ = Vault.create(
        tmp_path / "field", user_name=ADMIN, passphrase=PASSPHRASE, kdf=TEST_KDF
    )
    vault.lock()
    with pytest.raises(ValidationError, match="只能迁移巡察办的数据库"):
        open_source(tmp_path / "field", ADMIN, PASSPHRASE)


def _add_attachments(source: Path) -> list[bytes]:
    """Two attachments added to the source: one of two rows on the server, one of one."""
    contents = [os.urandom(CHUNK + 5000), b"%PDF-1.4 evidence"]
    with Vault.open(source, ADMIN, PASSPHRASE) as v, v.session() as s:
        for i, data in enumerate(contents):
            v.attachments.add(s, io.BytesIO(data), name=f"e{i}.pdf")
    return contents


def _blobs_on(server: Engine) -> int:
    with server.connect() as conn:
        return conn.scalar(text("SELECT count(DISTINCT sha256) FROM attachment_chunks")) or 0


class _Cut(Exception):
    """The run stops here (a lost connection, a kill)."""


def test_a_stores_attachments_move_and_read_back_on_the_server(
    source: Path, pg_url: str, server: Engine, tmp_path: Path
) -> None:
    contents = _add_attachments(source)
    before = _files(source)

    def cut(_done: int, _total: int | None, label: str = "") -> None:
        if label == BLOBS:  # the first blob is committed: stop before the second
            raise _Cut()

    with pytest.raises(_Cut):
        _migrate(source, pg_url, tmp_path / "ca", progress=cut)
    assert _blobs_on(server) == 1
    report = _migrate(source, pg_url, tmp_path / "ca")
    assert report.resumed and report.blobs.rows == 2  # type: ignore[attr-defined]
    assert _files(source) == before
    with OfficeVault.connect(tmp_path / "desk", make_connection(pg_url), ADMIN, PASSPHRASE) as v:
        for data in contents:
            sha = hashlib.sha256(data).hexdigest()
            assert b"".join(v.attachments.iter_content(sha)) == data


def test_a_blob_changed_on_the_server_before_the_check_is_found(
    source: Path, pg_url: str, server: Engine, tmp_path: Path
) -> None:
    _add_attachments(source)

    def tamper(_done: int, _total: int | None, label: str = "") -> None:
        if label == "verify":  # a row of a blob is replaced by another of the same blob
            with server.begin() as conn:
                conn.execute(
                    text(
                        "UPDATE attachment_chunks SET data = (SELECT data FROM attachment_chunks"
                        " WHERE seq = 0 AND sha256 = c.sha256) FROM attachment_chunks c"
                        " WHERE attachment_chunks.sha256 = c.sha256 AND attachment_chunks.seq = 1"
                        " AND c.seq = 1"
                    )
                )

    with pytest.raises(OfficeMigrationMismatch, match=BLOBS) as caught:
        _migrate(source, pg_url, tmp_path / "ca", progress=tamper)
    assert caught.value.details["table"] == BLOBS
    with pytest.raises(OfficeMigrationIncomplete):
        OfficeVault.connect(tmp_path / "desk", make_connection(pg_url), ADMIN, PASSPHRASE)
