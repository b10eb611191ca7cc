"""The audit chain: every write is logged; removal or alteration is detected."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from workbench.errors import AuditChainBroken
from workbench.models.system import AuditEntry
from workbench.roles import Role
from workbench.services import users
from workbench.store import audit
from workbench.store.vault import Vault


def _fill(vault: Vault) -> None:
    for i in range(3):
        users.add_user(vault, f"user{i}", "some passphrase", (Role.MEMBER,))


def _tamper(vault: Vault, sql: str) -> None:
    with vault.session() as s:  # an insider with SQL access drops the guards first
        on = " ON audit_log" if s.get_bind().dialect.name == "postgresql" else ""
        s.execute(text(f"DROP TRIGGER audit_log_no_update{on}"))
        s.execute(text(f"DROP TRIGGER audit_log_no_delete{on}"))
        s.execute(text(sql))


def test_every_write_and_unlock_is_logged(vault: Vault) -> None:
    _fill(vault)
    with vault.read() as s:
        actions = [(e.action, e.object_type) for e in audit.iter_entries(s, limit=100)]
        report = audit.verify_chain(s)
    assert ("insert", "users") in actions
    assert ("passphrase.set", "user") in actions
    assert ("unlock", "user") in actions
    assert report.entries == len(actions)


def test_updates_name_the_changed_fields_not_values(vault: Vault) -> None:
    _fill(vault)
    users.disable_user(vault, "user1")
    with vault.read() as s:
        entry = next(audit.iter_entries(s, action="update", limit=1))
    assert entry.detail == {"fields": ["disabled"]}


def test_the_table_refuses_update_and_delete(vault: Vault) -> None:
    with pytest.raises(DatabaseError, match="append-only"), vault.session() as s:
        s.execute(text("UPDATE audit_log SET action = 'x'"))
    with pytest.raises(DatabaseError, match="append-only"), vault.session() as s:
        s.execute(text("DELETE FROM audit_log"))


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE audit_log SET detail = '{\"x\": 1}' WHERE seq = 3", "altered"),
        ("UPDATE audit_log SET actor_name = 'someone' WHERE seq = 2", "altered"),
        ("DELETE FROM audit_log WHERE seq = 4", "missing"),
        ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", "tail"),
    ],
)
def test_tampering_is_detected(vault: Vault, sql: str, problem: str) -> None:
    _fill(vault)
    with vault.read() as s:
        audit.verify_chain(s)
    _tamper(vault, sql)
    with pytest.raises(AuditChainBroken) as info, vault.read() as s:
        audit.verify_chain(s)
    assert info.value.details["problem"] == problem


def test_a_forged_entry_with_recomputed_hash_breaks_the_next_link(vault: Vault) -> None:
    _fill(vault)
    with vault.read() as s:
        e2 = s.get(AuditEntry, 2)
        assert e2 is not None
        forged = audit.entry_digest(
            e2.prev_hash,
            2,
            e2.at,
            e2.actor_id,
            "forger",
            e2.device_id,
            e2.action,
            e2.object_type,
            e2.object_id,
            e2.detail,
        )
    _tamper(
        vault,
        f"UPDATE audit_log SET actor_name = 'forger', entry_hash = '{forged}' WHERE seq = 2",
    )
    with pytest.raises(AuditChainBroken) as info, vault.read() as s:
        audit.verify_chain(s)
    assert info.value.details == {"seq": 3, "problem": "link"}


def test_a_rolled_back_savepoint_does_not_break_the_chain(vault: Vault) -> None:
    with vault.session() as s:
        nested = s.begin_nested()
        audit.record(s, "test.inside_savepoint")
        s.flush()
        nested.rollback()
        audit.record(s, "test.after_savepoint")
    with vault.read() as s:
        audit.verify_chain(s)
        actions = [e.action for e in audit.iter_entries(s, limit=5)]
    assert "test.after_savepoint" in actions and "test.inside_savepoint" not in actions


@pytest.mark.parametrize(
    "text_",
    ["plain", 'quote " back \\ tab\t line\n', "信访 𠮷 \u2028 \x01 \x7f", ""],
)
def test_an_entry_hash_is_the_documented_json_array(text_: str) -> None:
    """store-format.md: SHA-256(prev_hash ‖ "\\n" ‖ JSON[seq, at, …]), compact and UTF-8."""
    at = datetime(2026, 11, 28, 15, 0, 1, 234567, tzinfo=UTC)
    fields = [7, at.isoformat(), text_, None, "dev-1", "insert", text_, None, text_]
    body = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    expected = hashlib.sha256(f"{'a' * 64}\n{body}".encode()).hexdigest()
    got = audit.entry_digest("a" * 64, 7, at, text_, None, "dev-1", "insert", text_, None, text_)
    assert got == expected
    # an id that is not text is encoded as json.dumps encodes it, as before
    fields[6] = 42
    body = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    expected = hashlib.sha256(f"{'a' * 64}\n{body}".encode()).hexdigest()
    forty_two: Any = 42
    got = audit.entry_digest(
        "a" * 64, 7, at, text_, None, "dev-1", "insert", forty_two, None, text_
    )
    assert got == expected


def test_every_audit_action_the_core_writes_has_a_label() -> None:
    """The audit page shows an action by its label; one without reads as its code. Before:
    ``role.grant`` (a 三员 change under dual control), ``grants.upgrade`` and
    ``audit.anchor_mismatch`` were shown as such."""
    import pathlib
    import re

    import workbench
    from workbench.services.audit_log import ACTION_LABELS
    from workbench.services.datalist_transfer import RECEIVED
    from workbench.services.reads import ATTACHMENT_OPEN, RECORD_READ
    from workbench.store.anchors import MISMATCH_ACTION
    from workbench.store.office_migrate import ACTION as MIGRATE

    written = re.compile(r'audit\.record\(\s*\w+,\s*"([^"]+)"')
    root = pathlib.Path(workbench.__file__).parent
    actions = {a for p in root.rglob("*.py") for a in written.findall(p.read_text("utf-8"))}
    actions |= {ATTACHMENT_OPEN, RECORD_READ, MISMATCH_ACTION, RECEIVED, MIGRATE}
    assert "role.grant" in actions and "record.void" in actions  # the scan finds them
    assert sorted(actions - set(ACTION_LABELS)) == []
