"""A store with damaged pages speaks clearly: `check` says where, every command that meets the
damage exits 4 with WB-STORE-DAMAGED and the way to restore, and nothing writes to the file.

Pages are damaged the way a failing disk or a tamperer would: one byte flipped in the encrypted
file, which SQLCipher's per-page HMAC then refuses.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.rowdump_oracle import iter_round_records
from workbench.cli import main
from workbench.errors import StoreDamaged
from workbench.exchange.records.sqllines import iter_round_lines
from workbench.store.damage import LISTED_PAGES, survey
from workbench.store.engine import raw_connection
from workbench.store.keyfile import Keyfile, normalize_passphrase, open_slot, user_hint
from workbench.store.vault import Vault

KINDS = ("schema", "table", "index", "free")


def _data_key(store: Path) -> bytearray:
    keyfile = Keyfile.read(store / "keyfile.json")
    (slot,) = keyfile.passphrase_slots(user_hint(keyfile.store_id, LEADER))
    return open_slot(keyfile.store_id, slot, normalize_passphrase(PASSPHRASE))


def _page_of(kind: str, store: Path) -> tuple[int, int]:
    """(page number, page size) of a page of ``kind``: sqlite_master's first page, the users
    table's root, the root of the index on users.id (every unlock reads both), the letters
    table's root (no unlock reads it), the root of the search index's FTS5 config (read when the
    virtual table connects), or a free page (a scratch table filled, then dropped
    without VACUUM: its pages stay in the file)."""
    conn = raw_connection(store / "workbench.db", _data_key(store))
    try:
        size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
        if kind == "schema":
            return 1, size
        if kind in ("table", "letters"):
            sql = "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?"
            name = "users" if kind == "table" else "letters"
            return int(conn.execute(sql, (name,)).fetchone()[0]), size
        if kind == "search":
            sql = "SELECT rootpage FROM sqlite_master WHERE name = 'search_bi_config'"
            return int(conn.execute(sql).fetchone()[0]), size
        if kind == "index":
            indexes = (
                "SELECT name, rootpage FROM sqlite_master WHERE type='index' AND tbl_name='users'"
            )
            for name, root in conn.execute(indexes).fetchall():
                columns = [row[2] for row in conn.execute(f'PRAGMA index_info("{name}")')]
                if columns == ["id"]:
                    return int(root), size
            raise AssertionError("no index on users.id")
        conn.execute("CREATE TABLE scratch (body BLOB)")
        conn.executemany("INSERT INTO scratch VALUES (?)", [(b"x" * 6000,) for _ in range(40)])
        conn.execute("DROP TABLE scratch")
        assert int(conn.execute("PRAGMA freelist_count").fetchone()[0]) >= 40
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(conn.execute("PRAGMA page_count").fetchone()[0]), size
    finally:
        conn.close()


def _damage(store: Path, page: int, size: int) -> None:
    with open(store / "workbench.db", "r+b") as f:
        f.seek((page - 1) * size + 100)  # past page 1's salt: inside the ciphertext
        byte = f.read(1)
        f.seek((page - 1) * size + 100)
        f.write(bytes([byte[0] ^ 0x01]))


def _check(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["check", "--json"]) == 4
    report = json.loads(capsys.readouterr().out)
    assert isinstance(report, dict) and report["ok"] is False
    return report


@pytest.mark.parametrize("kind", KINDS)
def test_check_reports_the_damaged_page_and_what_it_holds(
    cli_store: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page, size = _page_of(kind, cli_store)
    _damage(cli_store, page, size)
    report = _check(capsys)
    assert report["damaged_pages"] == [page]
    problems = "\n".join(str(p) for p in report["problems"])  # type: ignore[attr-defined]
    expected = {
        "schema": "sqlite_master",
        "table": "表 users 的数据",
        "index": "表 users 的索引",
        "free": "空闲页",
    }[kind]
    assert expected in problems
    assert "workbench restore" in str(report["warnings"])


@pytest.mark.parametrize("kind", ["schema", "table", "index"])
def test_every_command_exits_4_with_the_way_out_and_changes_nothing(
    cli_store: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page, size = _page_of(kind, cli_store)
    _damage(cli_store, page, size)
    before = (cli_store / "workbench.db").read_bytes()
    for argv in (
        ["info"],
        ["letters", "list"],
        ["user", "list"],
        ["backup", str(cli_store / "b.wbk")],
    ):
        capsys.readouterr()
        assert main(argv) == 4, argv
        err = capsys.readouterr().err
        assert "WB-STORE-DAMAGED" in err and "workbench restore" in err and "backups" in err
    with pytest.raises(StoreDamaged):
        Vault.open(cli_store, LEADER, PASSPHRASE)
    _check(capsys)
    assert (cli_store / "workbench.db").read_bytes() == before
    assert not (cli_store / "b.wbk").exists()


def test_a_damaged_search_index_config_is_damage_not_a_crash(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """FTS5 reads its config when the table connects; SQLite then says only "vtable constructor
    failed: search_bi", with SQLITE_CORRUPT."""
    page, size = _page_of("search", cli_store)
    _damage(cli_store, page, size)
    for argv in (["search", "巡察"], ["index", "--rebuild"]):
        capsys.readouterr()
        assert main(argv) == 4, argv
        err = capsys.readouterr().err
        assert "WB-STORE-DAMAGED" in err and "workbench restore" in err
    assert _check(capsys)["damaged_pages"] == [page]  # not rebuilt over


def test_a_damaged_free_page_loses_no_record(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No table reads a free page, so commands work; `check` keeps reporting it."""
    page, size = _page_of("free", cli_store)
    _damage(cli_store, page, size)
    assert main(["info"]) == 0
    assert main(["user", "list"]) == 0
    assert _check(capsys)["damaged_pages"] == [page]


def test_damage_met_after_the_unlock_is_coded_too(cli_store: Path) -> None:
    """A page that breaks while the store is open (the desktop keeps it open for hours)."""
    with Vault.open(cli_store, LEADER, PASSPHRASE) as vault:
        vault.engine.dispose()  # the next statement opens a connection onto the damaged file
        page, size = _page_of("table", cli_store)
        _damage(cli_store, page, size)
        with pytest.raises(StoreDamaged), vault.read() as s:
            s.execute(text("SELECT * FROM users")).all()


@pytest.mark.parametrize("lines", [iter_round_lines, iter_round_records])
def test_a_round_read_on_the_driver_s_own_cursor_is_coded_too(
    cli_store: Path, lines: Callable[..., Iterator[object]]
) -> None:
    """The export and the wipe read a round through the driver's cursor, past the engine."""
    conn = raw_connection(cli_store / "workbench.db", _data_key(cli_store))
    try:
        sql = "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'letters' AND rootpage > 0"
        roots = [int(row[0]) for row in conn.execute(sql)]
        size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
    finally:
        conn.close()
    with Vault.open(cli_store, LEADER, PASSPHRASE) as vault:
        vault.engine.dispose()  # the next statement opens a connection onto the damaged file
        for page in roots:  # the table and its indexes: whichever the query reads
            _damage(cli_store, page, size)
        with pytest.raises(StoreDamaged), vault.read() as s:
            list(lines(s, str(uuid.uuid4()), {}))


def test_a_database_no_page_of_which_the_key_opens(store_dir: Path) -> None:
    """The keyfile of another store (or a wholly overwritten file): said once, not page by page."""
    report = survey(store_dir / "workbench.db", bytearray(os.urandom(32)))
    assert report.every_page and len(report.pages) > LISTED_PAGES
    lines = report.problems()
    assert "不配套" in "".join(lines) and f"共 {len(report.pages)} 页" in lines[0]


def test_a_backup_never_hides_damage(cli_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The backup API would copy a damaged page as garbage under a valid HMAC: refused."""
    page, size = _page_of("letters", cli_store)
    _damage(cli_store, page, size)
    capsys.readouterr()
    assert main(["backup", str(cli_store.parent / "b.wbk")]) == 4
    assert "WB-STORE-DAMAGED" in capsys.readouterr().err
    assert not list(cli_store.parent.glob("*b.wbk*"))


def test_a_backup_of_a_store_with_a_damaged_free_page_restores_sound(cli_store: Path) -> None:
    page, size = _page_of("free", cli_store)
    _damage(cli_store, page, size)
    target = cli_store.parent / "b.wbk"
    assert main(["backup", str(target)]) == 0
    restored = cli_store.parent / "restored"
    assert main(["--store", str(restored), "restore", str(target)]) == 0
    assert main(["--store", str(restored), "check"]) == 0


def test_a_database_cut_short_says_so(cli_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = cli_store / "workbench.db"
    with open(db, "r+b") as f:
        f.truncate(db.stat().st_size // 2 + 100)
    assert "截断" in "".join(str(p) for p in _check(capsys)["problems"])  # type: ignore[attr-defined]
    assert main(["info"]) == 4
    assert "WB-STORE-DAMAGED" in capsys.readouterr().err
