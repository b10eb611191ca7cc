"""Who may act on a record: the 底稿's own team leaders, and nobody who declared 回避.

The acting user is a store user; the team is made of ``Member`` rows, and ``Member.user_id``
says which store user works as which member. So "the 组长 of this 底稿's team" means a member of
that team with the role 组长 whose ``user_id`` is the acting user's, or which this store's
系统管理员 linked to the acting user (``member_links``: on a field laptop the office's
``user_id`` names an office user). A store user linked to no member holds no team office: a
store role of 组长 alone does not let them sign another team's — or any team's — 底稿.

回避 is kept as links on the member (``recusal_target_ids``, ``recusal_person_ids``): a member
who declared 回避 for a unit or a person may not sign off 底稿 on that unit or naming that
person, record interviews with them, handle letters about them or handle their clues, and
does not see the 比对疑点 that name that person (``RecusedPeople``: by 身份证号). The
组长 may act despite their own 回避 with a reason, and the exception is written to the audit
log: a sign-off takes it as ``override_reason`` (also kept in the sign-off's comment); the
interview, letter and clue steps run inside ``recusal_override`` (``check_recusal`` checks it).

Every check returns a ``Refusal`` (or ``None``) so that the UI can ask the same question the
write will ask, and show the reason on a disabled button instead of re-implementing the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from workbench.errors import PermissionDenied
from workbench.models import Member, Person, Target, Team
from workbench.services.common import actor_id, required_text
from workbench.services.member_links import linked_member_ids
from workbench.store import audit
from workbench.vocab.enums import MemberRole


@dataclass(frozen=True)
class Refusal:
    """Why the acting user may not take an action; ``kind`` is "team" (not a leader of the
    record's team) or "recusal" (a declared 回避), so callers can tell an overridable one."""

    kind: str
    message: str
    action: str
    recused: str = ""  # the unit or person named by the 回避

    def error(self, *, overridable: bool = False) -> PermissionDenied:
        """``overridable``: the acting user is the 组长 who may override this 回避 (the UI then
        offers 回避例外…)."""
        details: dict[str, Any] = {"action": self.action, "reason": self.kind}
        if self.recused:
            details["recusal"] = self.recused
        if overridable:
            details["overridable"] = True
        return PermissionDenied(self.message, **details)


def acting_members(session: Session, round_id: str | None) -> list[Member]:
    """The live members of ``round_id`` the acting user works as: named by the member's
    ``user_id`` or linked on this store (none if neither)."""
    uid = actor_id(session)
    if uid is None or round_id is None:
        return []
    mine = or_(Member.user_id == uid, Member.id.in_(linked_member_ids(session, uid)))
    query = select(Member).where(mine, Member.round_id == round_id, Member.deleted_at.is_(None))
    return list(session.scalars(query))


def record_team(
    session: Session, round_id: str | None, team_id: str | None, target_id: str | None
) -> Team | None:
    """The record's own team, or else the one team of the round that inspects its target (by
    the team's list of targets, else the target's own team)."""
    if not team_id and target_id and round_id is not None:
        teams = session.scalars(
            select(Team).where(Team.round_id == round_id, Team.deleted_at.is_(None))
        ).all()
        owners = [t for t in teams if target_id in (t.target_ids or [])]
        if len(owners) == 1:
            return owners[0]
        target = session.get(Target, target_id)
        team_id = target.team_id if target is not None and not owners else None
    if not team_id:
        return None
    team = session.get(Team, team_id)
    return team if team is not None and team.deleted_at is None else None


def leader_refusal(
    session: Session,
    round_id: str | None,
    team: Team | None,
    roles: Sequence[MemberRole],
    action: str,
    what: str,
) -> Refusal | None:
    """``None`` when the acting user is a member of ``team`` in one of ``roles``."""
    wanted = "或".join(r.label for r in roles)
    if team is None:
        return Refusal(
            "team",
            f"{what}未确定所属巡察组（未选巡察组，其被巡察单位也不属于唯一的巡察组），"
            f"无法确定由谁{action}：请先为{what}选择巡察组",
            action,
        )
    if any(m.team_id == team.id and m.role in roles for m in acting_members(session, round_id)):
        return None
    return Refusal(
        "team",
        f"您不是该组（{team.name}）的{wanted}，不能{action}该组的{what}。"
        "如您担任该职务，请系统管理员在“用户管理”中把您的用户关联到组员",
        action,
    )


def _recused_targets(members: Iterable[Member]) -> set[str]:
    return {t for m in members for t in (m.recusal_target_ids or [])}


def _recused_persons(members: Iterable[Member]) -> set[str]:
    return {p for m in members for p in (m.recusal_person_ids or [])}


def _name_key(name: str) -> str:
    """A name as 回避 compares it: a space typed in it (half- or full-width) makes no other
    person of it."""
    return re.sub(r"\s+", "", name)


@dataclass(frozen=True)
class RecusedPeople:
    """The persons the acting user's members declared 回避 for, as a record that names people
    by 身份证号 finds them: by that number when the person has one on record (a namesake with
    another number is someone else), else by name."""

    by_id_number: Mapping[str, str]  # 身份证号 → the person's name
    by_name: Mapping[str, str]  # ``_name_key`` → the name, for persons without a 身份证号

    def among(self, id_numbers: Iterable[str], names: Iterable[str]) -> str | None:
        """The name of a recused person among those given, or ``None``."""
        for number in id_numbers:
            if (name := self.by_id_number.get(number.strip().upper())) is not None:
                return name
        for given in names:
            if (name := self.by_name.get(_name_key(given))) is not None:
                return name
        return None


def recused_people(session: Session, round_id: str | None) -> RecusedPeople:
    """The persons the acting user declared 回避 for in ``round_id`` (none outside a round)."""
    recused = _recused_persons(acting_members(session, round_id))
    people = [p for p in (session.get(Person, pid) for pid in sorted(recused)) if p is not None]
    return RecusedPeople(
        {p.id_number.upper(): p.name for p in people if p.id_number},
        {_name_key(p.name): p.name for p in people if not p.id_number},
    )


def recusal_refusal(
    session: Session,
    round_id: str | None,
    *,
    target_id: str | None,
    person_ids: Iterable[str] = (),
    names: Iterable[str] = (),
    action: str,
    noun: str,
) -> Refusal | None:
    """A refusal when the acting user's members declared 回避 for ``target_id``, for one of
    ``person_ids``, or for a person whose name is one of ``names`` (records that name people
    without linking them: interviewees, reported persons, clue subjects)."""
    members = acting_members(session, round_id)
    if not members:
        return None
    if target_id and target_id in _recused_targets(members):
        target = session.get(Target, target_id)
        name = target.name if target is not None else target_id
        return Refusal("recusal", f"您已申报回避“{name}”，不能{action}该单位的{noun}", action, name)
    recused = _recused_persons(members)
    if not recused:
        return None
    people = [p for p in (session.get(Person, pid) for pid in recused) if p is not None]
    linked = set(person_ids)
    named = {_name_key(n) for n in names if n and n.strip()}
    for person in people:
        if person.id in linked or _name_key(person.name) in named:
            return Refusal(
                "recusal",
                f"您已申报回避“{person.name}”，不能{action}涉及该人员的{noun}",
                action,
                person.name,
            )
    return None


def refuse(refusal: Refusal | None) -> None:
    if refusal is not None:
        raise refusal.error()


def override_refusal(session: Session, refusal: Refusal, team: Team | None) -> Refusal | None:
    """Why the acting user may not override ``refusal`` (``None`` when they may): only a 回避
    can be overridden, and only by the 组长 of the record's team."""
    if refusal.kind != "recusal":
        return refusal
    round_id = team.round_id if team else None
    if (
        leader_refusal(session, round_id, team, (MemberRole.LEADER,), "决定回避例外", "记录")
        is None
    ):
        return None
    return Refusal(
        "recusal",
        f"{refusal.message}；回避例外须由该组组长决定并说明理由",
        refusal.action,
        refusal.recused,
    )


def allow_override(
    session: Session,
    refusal: Refusal,
    team: Team | None,
    reason: str,
    record: tuple[str, str | None],
) -> str:
    """Let the team's 组长 act despite a 回避, with a reason: audited, returned for the record's
    own trail. Anything but a 回避 refusal, or anyone but the 组长, is refused as before."""
    refuse(override_refusal(session, refusal, team))
    text = required_text(reason, "override_reason", "回避例外理由", 500)
    audit.record(
        session,
        "recusal.override",
        record[0],
        record[1],
        {"action": refusal.action, "recusal": refusal.recused, "reason": text},
    )
    return text


_OVERRIDE = "recusal_override"  # session.info: the reason given for this unit of work
_OVERRIDDEN = "recusal_overridden"  # session.info: the exceptions already audited


@contextmanager
def recusal_override(session: Session, reason: str | None) -> Iterator[None]:
    """Run an interview, letter or clue step despite the acting user's 回避, with ``reason``:
    ``check_recusal`` lets it through only for the record team's 组长 and audits it. ``None``:
    no exception asked (the CLI's ``--override`` not given)."""
    if reason is None:
        yield
        return
    session.info[_OVERRIDE] = reason
    try:
        yield
    finally:
        session.info.pop(_OVERRIDE, None)


def check_recusal(
    session: Session,
    round_id: str | None,
    *,
    target_id: str | None,
    names: Iterable[str] = (),
    action: str = "办理",
    noun: str,
    team_id: str | None = None,
    record: tuple[str, str | None] = ("", None),
) -> None:
    """Refuse (WB-PERMISSION) a member's work on a unit or a named person they declared 回避
    for, unless inside ``recusal_override`` and the acting user is the 组长 of the record's team
    (``team_id``, else the team inspecting ``target_id``). ``record`` (table, id) names the
    record in the audit entry; an id is ``None`` before the record is first written."""
    refusal = recusal_refusal(
        session, round_id, target_id=target_id, names=names, action=action, noun=noun
    )
    if refusal is None:
        return
    team = record_team(session, round_id, team_id, target_id)
    reason = session.info.get(_OVERRIDE)
    if reason is None:  # refused; said to be the 组长's to override, or the 组长's alone
        blocked = override_refusal(session, refusal, team)
        raise refusal.error(overridable=True) if blocked is None else blocked.error()
    done: set[tuple[str, str | None, str, str]] = session.info.setdefault(_OVERRIDDEN, set())
    key = (*record, refusal.action, refusal.recused)
    if key not in done:  # a step checks before and after its edit: one exception, one entry
        allow_override(session, refusal, team, reason, record)
        done.add(key)
