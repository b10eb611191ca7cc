"""Drafts: autosave upserts, stays private to its user, is not audited, survives a re-open."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.team import Team
from workbench.errors import ValidationError
from workbench.models.system import AuditEntry
from workbench.services.drafts import discard_draft, list_drafts, save_draft
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
