"""Who may import lists and see their raw rows (大数据碰撞比对): the roles the 巡察办 allows,
kept in ``store_meta``. Everyone who reads case content sees hits; only these roles see the
lists and the hits' unrelated columns. The 巡察办 always may, so the office cannot lock itself
out; each change is audited."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy.orm import Session

from workbench.errors import PermissionDenied
from workbench.models.system import StoreMeta
from workbench.roles import ROLE_LABELS, Role, case_read_refusal, parse_role
from workbench.services.common import actor_roles, require_role
from workbench.store import audit

_KEY = "datacheck.raw_roles"
ALWAYS = frozenset({Role.OFFICE})
DEFAULT = ALWAYS | {Role.TEAM_LEADER}
# The 三员 never read case content (store/separation.py), so they cannot be given the lists.
NEVER = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR})


def data_roles(session: Session) -> frozenset[Role]:
    meta = session.get(StoreMeta, _KEY)
    if meta is None:
        return DEFAULT
    return ALWAYS | {Role(code) for code in json.loads(meta.value)}


def set_data_roles(session: Session, roles: Iterable[Role | str]) -> frozenset[Role]:
    require_role(session, (Role.OFFICE,), "设定可查看名单的角色")
    chosen = {r if isinstance(r, Role) else parse_role(r) for r in roles}
    if refused := chosen & NEVER:
        names = "、".join(ROLE_LABELS[r] for r in sorted(refused))
        raise PermissionDenied(f"{names}不接触案件内容（三员分立），不能查看名单")
    before = data_roles(session)
    after = ALWAYS | chosen
    value = json.dumps(sorted(r.value for r in after))
    meta = session.get(StoreMeta, _KEY)
    if meta is None:
        session.add(StoreMeta(key=_KEY, value=value))
    else:
        meta.value = value
    if after != before:
        change = {
            "rule": "可查看名单的角色",
            "from": sorted(r.value for r in before),
            "to": sorted(r.value for r in after),
        }
        audit.record(session, "setting.change", "store_meta", _KEY, change)
    session.flush()
    return after


def everyone_sees_raw(session: Session) -> bool:
    """Whether every role that reads case content may see the lists: what a clue or 底稿 carries
    (a converted hit's .xlsx) is read by all of them, not only by who made it."""
    return data_roles(session) >= frozenset(Role) - NEVER


def may_see_raw(session: Session) -> bool:
    held = actor_roles(session)
    return any(r.value in held for r in data_roles(session))


def require_raw_access(session: Session, action: str) -> None:
    # A 三员 is told why their role reads no case content, not which roles the office allows.
    if message := case_read_refusal(actor_roles(session)):
        raise PermissionDenied(message, action=action)
    if not may_see_raw(session):
        names = "、".join(ROLE_LABELS[r] for r in sorted(data_roles(session)))
        raise PermissionDenied(f"“{action}”需要巡察办授权查看名单的角色：{names}", action=action)
