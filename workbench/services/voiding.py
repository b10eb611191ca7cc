"""作废 by record kind: the one table the CLI's ``void`` verbs and the GUI's 作废… action use.

The rule itself is ``common.void_record`` (a reason, the tombstone, the audit entry); who may void
what and when is each family's ``void_*`` service. Here only: which service voids a kind, how a
voided record reads in a list (``void_mark``), and opening one read-only (``readable``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from workbench.errors import UsageError, WorkbenchError
from workbench.services import (
    activities,
    clues,
    findings,
    focus,
    interviews,
    letters,
    portraits,
    rectification,
    reports,
    targets,
)
from workbench.services.common import RecordMeta, reading_voided

V = TypeVar("V")

Voider = Callable[[Session, str, str], Any]  # (session, record id, reason)

# keyed by the CLI's record command names, as ``identifiers.KINDS``
VOIDERS: dict[str, Voider] = {
    "targets": targets.void_target,
    "persons": targets.void_person,
    "interviews": interviews.void_interview,
    "letters": letters.void_letter,
    "findings": findings.void_finding,
    "clues": clues.void_clue,
    "rectifications": rectification.void_rectification,
    "activities": activities.void_activity,
    "focus": focus.void_focus_item,
    "lists": focus.void_list_entry,
    "portraits": portraits.void_portrait,
    "reports": reports.void_report,
    "archive": reports.void_archive_item,
}

# the editors' record types (the registry's kinds, ``labels.RECORD_TYPES``) → the CLI's kinds
EDITOR_KINDS: dict[str, str] = {
    "letter": "letters",
    "interview": "interviews",
    "finding": "findings",
    "clue": "clues",
    "activity": "activities",
    "portrait": "portraits",
    "rectification": "rectifications",
    "focus": "focus",
}


def void(session: Session, kind: str, record_id: str, reason: str) -> None:
    """Void the record of ``kind`` (a CLI kind or an editor's record type) with ``reason``."""
    voider = VOIDERS.get(EDITOR_KINDS.get(kind, kind))
    if voider is None:
        raise UsageError(f"此类记录不能作废：{kind}")
    voider(session, record_id, reason)
    session.flush()


def void_mark(meta: RecordMeta | None) -> str:
    """“已作废：<理由>” for a voided record's view, "" for a live one."""
    if meta is None or not meta.deleted:
        return ""
    return f"已作废：{meta.void_reason}" if meta.void_reason else "已作废"


def readable(get: Callable[[Session, str], V]) -> Callable[[Session, str], V]:
    """``get`` that also returns a voided record (to show it read-only with its mark)."""

    def run(session: Session, record_id: str) -> V:
        with reading_voided(session):
            return get(session, record_id)

    return run


def void_refusal(session: Session, kind: str, record_id: str) -> str | None:
    """Why the current user may not void this record now, or ``None``: the void service itself,
    run in a savepoint and rolled back, so the GUI disables 作废… with the core's own reason.
    Needs a write transaction (the dry run flushes)."""
    nested = session.begin_nested()
    try:
        void(session, kind, record_id, "（检查能否作废）")
    except WorkbenchError as exc:
        return exc.message
    finally:
        nested.rollback()
    return None
