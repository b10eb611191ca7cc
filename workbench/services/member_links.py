"""Which store user acts as which 组员 on this store: a local link, set by the 系统管理员.

The office (巡察办) sets up the teams, and ``Member.user_id`` names one of the office store's
users, or nobody. On a field laptop that id matches no local user, so without more the laptop's
组长 could never sign off a 底稿 of their own team. The fix is local, not a change to the member:
the ``Member`` is the office's record and travels back in the team's export, where a changed
``user_id`` would conflict with the office's copy. So the link lives in ``store_meta`` (never
exchanged in packages, copied whole by backups) as one JSON object, member id → user id: a member
has at most one linked user by construction, and a user may act as members of several rounds.
Linking and unlinking are the 系统管理员's (they manage users: 三员), and audited.
``authority.acting_members`` counts a member as the user's when its ``user_id`` is the user's
or when it is linked here. ``propose_links`` offers, for the GUI to confirm, the users whose
姓名 is exactly a member's name within a team; nothing is linked automatically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, NotFound, ValidationError
from workbench.models import Member, Round, Team
from workbench.models.system import StoreMeta, User
from workbench.roles import ADMIN_ROLES, Role
from workbench.services.common import require_role
from workbench.store import audit
from workbench.store.grants import roles_by_user
from workbench.vocab.enums import MemberRole

LINKS_KEY = "member_links"


@dataclass(frozen=True)
class MemberChoice:
    """A live member of some team, with the user acting as it here (if any)."""

    member_id: str
    member_name: str
    role: MemberRole
    team_id: str
    team_name: str
    round_id: str
    round_name: str
    user_id: str | None  # the store user acting as it, None if nobody
    user_name: str = ""
    user_display: str = ""
    by_office: bool = False  # the member's own user_id names this user (set where it was made)


def _load(session: Session) -> dict[str, str]:
    row = session.get(StoreMeta, LINKS_KEY)
    if row is None:
        return {}
    value = json.loads(row.value)
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _save(session: Session, links: dict[str, str]) -> None:
    text = json.dumps(dict(sorted(links.items())), ensure_ascii=False)
    row = session.get(StoreMeta, LINKS_KEY)
    if row is None:
        session.add(StoreMeta(key=LINKS_KEY, value=text))
    else:
        row.value = text
    session.flush()


def linked_member_ids(session: Session, user_id: str) -> set[str]:
    """The members linked to ``user_id`` on this store (no role needed: the sign-off asks)."""
    return {m for m, u in _load(session).items() if u == user_id}


def _users(session: Session) -> dict[str, User]:
    return {u.id: u for u in session.scalars(select(User))}


def _choices(session: Session, members: list[Member]) -> list[MemberChoice]:
    links = _load(session)
    users = _users(session)
    teams = {t.id: t for t in session.scalars(select(Team))}
    rounds = {r.id: r for r in session.scalars(select(Round))}
    result = []
    for m in members:
        team, rnd = teams.get(m.team_id or ""), rounds.get(m.round_id or "")
        uid = links.get(m.id)
        by_office = uid is None and m.user_id in users
        user = users.get(uid or (m.user_id if by_office else "") or "")
        result.append(
            MemberChoice(
                member_id=m.id,
                member_name=m.name,
                role=m.role,
                team_id=m.team_id or "",
                team_name=team.name if team else "",
                round_id=m.round_id or "",
                round_name=rnd.name if rnd else "",
                user_id=user.id if user else None,
                user_name=user.name if user else "",
                user_display=user.display_name if user else "",
                by_office=by_office,
            )
        )
    return result


def _live_members(session: Session) -> list[Member]:
    query = (
        select(Member)
        .join(Team, Team.id == Member.team_id)
        .join(Round, Round.id == Member.round_id)
        .where(Member.deleted_at.is_(None), Team.deleted_at.is_(None), Round.deleted_at.is_(None))
        .order_by(Round.year.desc(), Round.number.desc(), Team.number, Member.created_at)
    )
    return list(session.scalars(query))


def list_members(session: Session) -> list[MemberChoice]:
    """Every live member of every round's teams, with who acts as it (系统管理员)."""
    require_role(session, (Role.SYSADMIN,), "关联组员")
    return _choices(session, _live_members(session))


def list_links(session: Session) -> list[MemberChoice]:
    """The members a local user acts as: linked here, or named by the member's own user_id."""
    return [c for c in list_members(session) if c.user_id]


def _user(session: Session, name: str) -> User:
    row = session.scalar(select(User).where(User.name == name.strip()))
    if row is None:
        raise NotFound(f"没有名为“{name}”的用户", user=name)
    return row


def _member(session: Session, member_id: str) -> Member:
    row = session.get(Member, member_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(f"未找到组员（{member_id}）", member=member_id)
    return row


def _one(session: Session, member_id: str) -> MemberChoice:
    return _choices(session, [_member(session, member_id)])[0]


def link_member(session: Session, user_name: str, member_id: str) -> MemberChoice:
    """Let store user ``user_name`` act as the member on this store (系统管理员, audited)."""
    require_role(session, (Role.SYSADMIN,), "关联组员")
    user, member = _user(session, user_name), _member(session, member_id)
    if user.disabled:
        raise ValidationError(f"用户“{user.name}”已停用，不能关联组员", field="user")
    if set(roles_by_user(session).get(user.id, ())) <= ADMIN_ROLES:  # 三员 do no case work
        raise ValidationError(
            f"用户“{user.name}”只担任三员角色，不能关联组员：请先为其添加业务角色", field="user"
        )
    links = _load(session)
    holder = _users(session).get(links.get(member.id) or member.user_id or "")
    if holder is not None and holder.id == user.id:
        return _one(session, member.id)  # already acting as it: nothing to change
    if holder is not None:
        raise Conflict(
            f"组员“{member.name}”已关联用户“{holder.display_name}（{holder.name}）”，"
            "一名组员只能关联一个用户：请先取消该关联",
            member=member.id,
            user=holder.name,
        )
    links[member.id] = user.id
    _save(session, links)
    view = _one(session, member.id)
    audit.record(
        session,
        "user.member_link",
        "members",
        member.id,
        {"user": user.name, "member": member.name, "team": view.team_name},
    )
    return view


def unlink_member(session: Session, member_id: str, user_name: str | None = None) -> MemberChoice:
    """Remove the local link of the member (to ``user_name`` if given; 系统管理员, audited)."""
    require_role(session, (Role.SYSADMIN,), "取消关联组员")
    links = _load(session)
    uid = links.get(member_id)
    member = session.get(Member, member_id)
    name = member.name if member is not None else member_id
    if uid is None or (user_name is not None and uid != _user(session, user_name).id):
        raise NotFound(
            f"组员“{name}”在本机没有关联"
            + (f"用户“{user_name}”" if user_name else "用户")
            + "（巡察办在组员名单中指定的用户只能由巡察办修改）",
            member=member_id,
        )
    user = _users(session).get(uid)
    del links[member_id]
    _save(session, links)
    audit.record(
        session,
        "user.member_unlink",
        "members",
        member_id,
        {"user": user.name if user else uid, "member": name},
    )
    if member is None or member.deleted_at is not None:
        return MemberChoice(member_id, name, MemberRole.MEMBER, "", "", "", "", None)
    return _one(session, member_id)


@dataclass(frozen=True)
class Proposal:
    user_name: str
    member: MemberChoice


def propose_links(session: Session, round_id: str | None = None) -> list[Proposal]:
    """Links to offer (never made here): a member acted as by nobody, whose name is exactly the
    姓名 of one active user, and the only member of that name in its team."""
    require_role(session, (Role.SYSADMIN,), "关联组员")
    by_display: dict[str, list[User]] = {}
    for u in session.scalars(select(User).where(User.disabled.is_(False))):
        by_display.setdefault(u.display_name.strip(), []).append(u)
    choices = [c for c in list_members(session) if round_id in (None, c.round_id)]
    per_team: dict[tuple[str, str], int] = {}
    for c in choices:
        per_team[(c.team_id, c.member_name)] = per_team.get((c.team_id, c.member_name), 0) + 1
    proposals = []
    for c in choices:
        users = by_display.get(c.member_name.strip(), [])
        if c.user_id is None and len(users) == 1 and per_team[(c.team_id, c.member_name)] == 1:
            proposals.append(Proposal(users[0].name, c))
    return proposals
