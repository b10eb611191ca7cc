"""三员分立 for reads: a user holding only 三员 roles (系统管理员, 安全保密管理员, 安全审计员)
sees no case content.

One hook on every ORM query (``do_orm_execute``) refuses a SELECT that touches a case-content
table when the session's actor is such a user, whichever service, page, report or statistic asks
(a query built elsewhere cannot slip past a list of guarded services). What reaches the store
without an ORM query (attachment content, the search index's own SQL) calls ``require_case_reader``
itself. Work of the store, not of a person — a package import the 系统管理员 carries between
devices, the search index catching up — marks its session with ``as_store_job`` and is let through:
it moves content without showing it to anyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.util import find_tables

from workbench.errors import PermissionDenied
from workbench.roles import Role, case_read_refusal

STORE_JOB = "store_job"

# Tables whose rows are case content: what the inspection heard, found, decided and wrote. The
# set-up of a round (rounds, teams, members, targets, their cadres, the "3+1" lists) and the system
# tables are not: the 系统管理员 sees a round's set-up without changing it. The 监督重点 items are
# seeded at set-up but carry what the team found on each (发现问题, 情况记录, 底稿): case content.
CASE_TABLES = frozenset(
    {
        "letters",
        "interviews",
        "interview_turns",
        "findings",
        "finding_signoffs",
        "focus_items",
        "evidence",
        "clues",
        "portraits",
        "portrait_items",
        "rectifications",
        "rectification_documents",
        "rectification_supervisions",
        "rectification_assessments",
        "reminder_letters",
        "activities",
        "attachments",
        "reports",
        "archive_items",
        "data_sources",
        "data_rows",
        "data_hits",
        "search_docs",
        "exchange_versions",
        "exchange_conflicts",
    }
)


def require_case_reader(roles: Iterable[Role | str]) -> None:
    """Refuse a 三员-only user with the reason their role gives."""
    message = case_read_refusal(roles)
    if message is not None:
        raise PermissionDenied(message, action="查看案件内容")


def session_roles(session: Session) -> tuple[str, ...]:
    return tuple(getattr(session.info.get("actor"), "roles", ()) or ())


def as_store_job(session: Session) -> Session:
    """Mark ``session`` as the store's own work (see the module docstring)."""
    session.info[STORE_JOB] = True
    return session


def _touches_case_content(statement: Any) -> bool:
    tables = find_tables(statement, check_columns=True, include_aliases=True, include_joins=True)
    return any(getattr(t, "name", None) in CASE_TABLES for t in tables)


@event.listens_for(Session, "do_orm_execute")
def _refuse_case_reads(state: ORMExecuteState) -> None:
    session = state.session
    if session.info.get(STORE_JOB) or not state.is_select:
        return
    message = case_read_refusal(session_roles(session))
    if message is not None and _touches_case_content(state.statement):
        raise PermissionDenied(message, action="查看案件内容")
