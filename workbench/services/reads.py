"""Reading a record's content is an audit event (三员分立: the 安全审计员 sees who looked at what).

Opening one record — ``workbench <records> show``, an editor — goes through ``open_record``,
which reads and appends its audit entry in one write transaction: the entry is taken under the
write lock like every other link of the chain, and no view leaves without its entry. Lists are
not audited row by row; exports of documents and attachments audit themselves
(``report.export``, ``attachment.export``), previews of attachments through the workspace
(``attachment.open``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from workbench.store import audit
from workbench.vocab.labels import record_type

V = TypeVar("V")

RECORD_READ = "record.read"
ATTACHMENT_OPEN = "attachment.open"

# The CLI's record commands that are neither a table nor a kind of the registry
_COMMAND_TABLES = {"lists": "list_entries"}


def record_table(kind: str) -> str:
    """The table a record kind lives in (the editors' kinds and the CLI's record commands,
    through the registry of record types), so a read names its record as the writes do."""
    found = record_type(kind)
    return found.table if found is not None else _COMMAND_TABLES.get(kind, kind)


def is_write_session(session: Session) -> bool:
    bind = session.get_bind()
    return bool(bind.get_execution_options().get("sqlite_begin") == "IMMEDIATE")


def record_read(session: Session, kind: str, record_id: str, action: str = RECORD_READ) -> None:
    """Append who read what; ``session`` must be a write transaction (``Vault.session``)."""
    if not is_write_session(session):
        raise RuntimeError("a read is audited in a write transaction (Vault.session)")
    audit.record(session, action, record_table(kind), record_id)


def open_record(session: Session, kind: str, record_id: str, get: Callable[[Session, str], V]) -> V:
    """``get(session, record_id)`` with its audit entry, in the caller's write transaction."""
    view = get(session, record_id)
    record_read(session, kind, record_id)
    return view
