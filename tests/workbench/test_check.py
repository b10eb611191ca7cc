"""``workbench check`` finds tampering: the same scenarios run on the office's PostgreSQL server
(tests/pg/test_pg_check.py), with the same step failing, the same code and exit 4.

Each scenario changes the store the way someone with SQL access (or the files) would, around the
program, and reads the verdict from ``workbench check --json``. The pages' step is SQLite's
(on the server it is the DBA's): every other step runs on both."""

from __future__ import annotations

import io
import json
import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench.test_audit import _fill, _tamper
from workbench.cli import main
from workbench.services.activities import ActivityDraft, create_activity
from workbench.services.rounds import RoundDraft, create_round
from workbench.store.check import PASSED, SERVER
from workbench.store.server_attachments import chunks
from workbench.store.vault import Vault

LOGICAL_STEPS = ("foreign_keys", "schema", "audit", "attachments", "search_index")


def _on_server(vault: Vault) -> bool:
    return vault.engine.dialect.name == "postgresql"


def _world(vault: Vault) -> dict[str, str]:
    """Users, a round with an activity (a searchable record) and an attachment."""
    _fill(vault)
    with vault.session() as s:
        rid = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id
        activity = create_activity(
            s, rid, ActivityDraft("座谈会", datetime(2026, 3, 12, 14), "村民代表座谈会")
        )
        sha = vault.attachments.add(s, io.BytesIO(os.urandom(70_000)), name="座谈记录.pdf").sha256
    return {"round": rid, "activity": activity.id, "attachment": sha}


def _check(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = main(["check", "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def _statuses(report: dict[str, Any]) -> dict[str, str]:
    return {step["step"]: step["status"] for step in report["steps"]}


def _failed(report: dict[str, Any]) -> dict[str, str]:
    return {s["step"]: s["code"] for s in report["steps"] if s["status"] == "failed"}


def _execute(vault: Vault, *statements: str, **params: object) -> None:
    with vault.session() as s:
        for statement in statements:
            s.execute(text(statement), params)


def test_a_clean_store_passes_every_step_it_runs(
    vault: Vault, cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _world(vault)
    code, report = _check(capsys)
    assert code == 0 and report["ok"] and report["problems"] == []
    statuses = _statuses(report)
    assert {key: statuses[key] for key in LOGICAL_STEPS} == dict.fromkeys(LOGICAL_STEPS, PASSED)
    assert statuses["pages"] == (SERVER if _on_server(vault) else PASSED)
    assert report["attachments"] == 1 and report["search_documents"] == 2
    assert report["audit_entries"] > 5 and report["search_pending"] == 0


def test_a_broken_audit_link_fails_the_audit_step(
    vault: Vault, cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _world(vault)
    _tamper(vault, "UPDATE audit_log SET entry_hash = '" + "0" * 64 + "' WHERE seq = 3")
    code, report = _check(capsys)
    assert code == 4 and _failed(report) == {"audit": "WB-AUDIT-CHAIN"}
    assert any("审计" in p for p in report["problems"])


def _corrupt_blob(vault: Vault, sha: str) -> None:
    """One byte of the attachment's ciphertext flipped, where the store keeps it."""
    if _on_server(vault):
        with vault.session() as s:
            data = bytearray(
                s.execute(chunks.select().where(chunks.c.sha256 == sha, chunks.c.seq == 0))
                .one()
                .data
            )
            data[100] ^= 1
            s.execute(
                chunks.update()
                .where(chunks.c.sha256 == sha, chunks.c.seq == 0)
                .values(data=bytes(data))
            )
    else:
        path = vault.attachments.blob_path(sha)
        raw = bytearray(path.read_bytes())
        raw[100] ^= 1
        path.write_bytes(bytes(raw))


def _remove_blob(vault: Vault, sha: str) -> None:
    if _on_server(vault):
        with vault.session() as s:
            s.execute(chunks.delete().where(chunks.c.sha256 == sha))
    else:
        vault.attachments.blob_path(sha).unlink()


def test_a_corrupted_attachment_fails_the_attachment_step(
    vault: Vault, cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sha = _world(vault)["attachment"]
    _corrupt_blob(vault, sha)
    code, report = _check(capsys, "--quick")  # quick: the blob is there, not decrypted
    assert code == 0 and report["ok"]
    code, report = _check(capsys)
    assert code == 4 and _failed(report) == {"attachments": "WB-ATTACH-CORRUPT"}
    assert report["problems"] == [report["problems"][0]] and "座谈记录.pdf" in report["problems"][0]
    _remove_blob(vault, sha)
    code, report = _check(capsys, "--quick")
    assert code == 4 and "缺失" in report["problems"][0]


def test_a_missing_search_document_fails_the_index_step_until_rebuilt(
    vault: Vault, cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _world(vault)
    _execute(vault, "DELETE FROM search_docs WHERE record_id = :id", id=ids["activity"])
    code, report = _check(capsys)
    assert code == 4 and _failed(report) == {"search_index": "WB-INTEGRITY"}
    assert report["problems"] == ["检索索引缺少 1 条记录：运行 workbench index --rebuild 重建"]
    assert main(["index", "--rebuild"]) == 0
    assert _check(capsys)[0] == 0


def test_a_record_voided_around_the_program_leaves_a_stale_document(
    vault: Vault, cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row changed with SQL skips the index hook: its document outlives it."""
    ids = _world(vault)
    _execute(
        vault, "UPDATE activities SET deleted_at = updated_at WHERE id = :id", id=ids["activity"]
    )
    code, report = _check(capsys)
    assert code == 4 and _failed(report) == {"search_index": "WB-INTEGRITY"}
    assert "1 条记录已不存在或已作废" in report["problems"][0]


def test_records_queued_for_the_index_are_a_warning_not_a_problem(
    vault: Vault, cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _world(vault)
    _execute(
        vault,
        "DELETE FROM search_docs WHERE record_id = :id",
        "INSERT INTO search_pending (record_type, record_id) VALUES ('activities', :id)",
        id=ids["activity"],
    )
    code, report = _check(capsys)
    assert code == 0 and report["search_pending"] == 1
    assert "1 条记录尚待编入检索：运行 workbench index" in report["warnings"]


def _orphan_signoff(vault: Vault) -> None:
    """A 审签 row naming no 底稿, written around the foreign key: SQLite with its checks off on
    one connection; on the server the owner drops the constraint and adds it back NOT VALID."""
    row = (str(uuid.uuid4()), str(uuid.uuid4()), "2026-03-01 09:00:00")
    insert = (
        "INSERT INTO finding_signoffs (id, finding_id, step, user_id, user_name, at, comment)"
        " VALUES (?, ?, 'submit', 'u', '某人', ?, '')"
    )
    if not _on_server(vault):
        raw = vault.engine.raw_connection()
        try:
            raw.execute("PRAGMA foreign_keys = OFF")
            raw.execute(insert, row)
        finally:
            raw.invalidate()  # never back into the pool with its checks off
        return
    with vault.session() as s:
        conn = s.connection()
        name = conn.exec_driver_sql(
            "SELECT conname FROM pg_constraint"
            " WHERE conrelid = 'finding_signoffs'::regclass AND contype = 'f'"
        ).scalar_one()
        conn.exec_driver_sql(f"ALTER TABLE finding_signoffs DROP CONSTRAINT {name}")
        conn.exec_driver_sql(insert.replace("?", "%s"), row)
        conn.exec_driver_sql(
            f"ALTER TABLE finding_signoffs ADD CONSTRAINT {name} FOREIGN KEY (finding_id)"
            " REFERENCES findings (id) ON DELETE CASCADE NOT VALID"
        )


def test_a_row_naming_no_parent_fails_the_foreign_key_step(
    vault: Vault, cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _world(vault)
    _orphan_signoff(vault)
    code, report = _check(capsys)
    assert code == 4 and _failed(report) == {"foreign_keys": "WB-INTEGRITY"}
    assert report["problems"] == ["外键引用不一致：1 处"]
