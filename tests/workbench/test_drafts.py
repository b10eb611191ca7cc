"""Drafts: autosave upserts, stays private to its user (one per user and record), is not
audited, survives a re-open. On PostgreSQL too: tests/pg/test_pg_drafts.py."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.team import Team
from workbench.errors import Conflict, ValidationError
from workbench.models.system import AuditEntry
from workbench.services.drafts import discard_draft, list_drafts, record_draft_id, save_draft
from workbench.store.vault import Vault


def test_save_updates_in_place_and_survives_reopen(vault: Vault, store_dir: Path) -> None:
    with vault.session() as s:
        save_draft(s, "d1", kind="interview", payload={"summary": "第一稿"}, title="谈话")
    with vault.session() as s:
        save_draft(s, "d1", kind="interview", payload={"summary": "第二稿"}, title="谈话")
    vault.lock()
    reopened = Vault.open(store_dir, LEADER, PASSPHRASE)
    try:
        with reopened.read() as s:
            drafts = list_drafts(s)
        assert [(d.id, d.payload["summary"]) for d in drafts] == [("d1", "第二稿")]
    finally:
        reopened.lock()


def test_autosave_writes_no_audit_entries(vault: Vault) -> None:
    with vault.read() as s:
        before = s.query(AuditEntry).count()
    with vault.session() as s:
        save_draft(s, "d2", kind="finding", payload={"title": "x"})
    with vault.session() as s:
        discard_draft(s, "d2")
    with vault.read() as s:
        assert s.query(AuditEntry).count() == before
        assert list_drafts(s) == []


def test_drafts_are_private_to_their_user(team: Team) -> None:
    with team("member").session() as s:
        save_draft(s, "d3", kind="letter", payload={"summary": "私人草稿"})
    with team().session() as s:
        assert list_drafts(s) == []
        discard_draft(s, "d3")  # someone else's draft: left alone
    with team("member").read() as s:
        assert [d.id for d in list_drafts(s)] == ["d3"]


def test_runaway_payload_is_refused(vault: Vault) -> None:
    with pytest.raises(ValidationError), vault.session() as s:
        save_draft(s, "d4", kind="letter", payload={"text": "字" * 2_100_000})


def test_two_users_editing_one_record_keep_a_draft_each(team: Team) -> None:
    """The review of issue #20: a draft named after the record alone made the second user's
    autosave collide with the first's (IntegrityError, 草稿未能自动保存)."""
    record = str(uuid.uuid4())
    for name, summary in (("member", "组员的草稿"), (LEADER, "组长的草稿")):
        with team(name).session() as s:
            draft_id = record_draft_id(name, "letter", record)
            save_draft(s, draft_id, kind="letter", payload={"summary": summary}, record_id=record)
    assert record_draft_id("member", "letter", record) != record_draft_id(LEADER, "letter", record)
    for name, summary in (("member", "组员的草稿"), (LEADER, "组长的草稿")):
        with team(name).read() as s:
            assert [(d.record_id, d.payload["summary"]) for d in list_drafts(s)] == [
                (record, summary)
            ]


def test_another_users_draft_is_never_taken_over(team: Team) -> None:
    with team("member").session() as s:
        save_draft(s, "d5", kind="letter", payload={"summary": "组员的"})
    with pytest.raises(Conflict), team().session() as s:
        save_draft(s, "d5", kind="letter", payload={"summary": "组长的"})
    with team("member").read() as s:
        assert [d.payload["summary"] for d in list_drafts(s)] == ["组员的"]


def test_a_draft_kept_under_the_earlier_id_still_opens_and_goes(vault: Vault) -> None:
    """Drafts saved before the user was part of the id (``uuid5("kind:record_id")``) are listed
    at the next unlock, saved again under their id, and discarded with the record's save."""
    record = str(uuid.uuid4())
    earlier = str(uuid.uuid5(uuid.NAMESPACE_URL, f"letter:{record}"))
    with vault.session() as s:
        save_draft(s, earlier, kind="letter", payload={"summary": "旧草稿"}, record_id=record)
    with vault.session() as s:
        [listed] = list_drafts(s)
        assert listed.id == earlier
        save_draft(s, listed.id, kind="letter", payload={"summary": "续写"}, record_id=record)
    with vault.session() as s:
        assert [d.payload["summary"] for d in list_drafts(s)] == ["续写"]
        discard_draft(s, earlier)
    with vault.read() as s:
        assert list_drafts(s) == []
