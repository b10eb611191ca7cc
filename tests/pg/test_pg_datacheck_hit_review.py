"""tests/workbench/test_hit_review.py on PostgreSQL (tests/pg/desktops.py)."""

import pytest
from sqlalchemy import select

import tests.workbench.test_hit_review as scenarios
from tests.pg.desktops import store_dir, team  # noqa: F401 - the server's
from tests.workbench.test_hit_review import *  # noqa: F403 - the scenarios, run here again
from workbench.store.server_attachments import chunks
from workbench.store.vault import Vault


def _stored_on_the_server(vault: Vault, sha: str) -> bytes:
    """There a blob is a file of the store's folder; here it is rows of the database."""
    with vault.read() as s:
        return b"".join(s.scalars(select(chunks.c.data).where(chunks.c.sha256 == sha)))


@pytest.fixture(autouse=True)
def _blobs_are_rows_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scenarios, "stored_blob", _stored_on_the_server)
