"""What the office's set-up modules (``office_setup``, ``office_targets``) share: who may set a
round up, and names → records (a round among rounds, a team, target, person or member within its
round or team). Scripts and people write a name instead of a UUID; set-up keeps the names of
rounds, teams and targets unique, so only records from elsewhere can clash.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from workbench.errors import AmbiguousName, NotFound
from workbench.models import Member, Person, Round, Target, Team
from workbench.roles import Role
from workbench.services.common import live, require_role

# who may configure a round: the office, not its system administrator (三员: users and keys only)
SETUP_ROLES: tuple[Role, ...] = (Role.OFFICE,)

_SHOWN = 10  # candidates named in a message; the rest are counted

R = TypeVar("R")


def require_setup(session: Session, action: str) -> None:
    require_role(session, SETUP_ROLES, action)


def given(changes: Any) -> dict[str, Any]:
    """The fields of a ``…Changes`` that are set (None keeps the current value)."""
    return {k: v for k, v in dataclasses.asdict(changes).items() if v is not None}


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _names(rows: Sequence[R], describe: Callable[[R], str]) -> str:
    shown = "、".join(describe(r) for r in rows[:_SHOWN])
    more = len(rows) - _SHOWN
    return shown + (f" 等 {len(rows)} 个" if more > 0 else "")


def _pick(
    rows: Sequence[R],
    text: str,
    *,
    id_of: Callable[[R], str],
    name_of: Callable[[R], str],
    describe: Callable[[R], str],
    label: str,
    field: str,
) -> R:
    """The row ``text`` names: its UUID, its exact name, or the one name containing ``text``.
    Several matches, or none, are refused with the candidates by name (never by UUID)."""
    wanted = text.strip()
    if _is_uuid(wanted):
        by_id = [r for r in rows if id_of(r) == wanted.lower()]
        if by_id:
            return by_id[0]
    exact = [r for r in rows if name_of(r) == wanted]
    matches = exact or [r for r in rows if wanted and wanted in name_of(r)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        # records of one name can only come from elsewhere (set-up keeps names unique)
        hint = "同名，请改用 id（见 list 命令）" if exact else "请写出完整名称"
        raise AmbiguousName(
            f"“{wanted}”对应多个{label}：{_names(matches, describe)}，{hint}",
            field=field,
            candidates=[describe(r) for r in matches],
        )
    known = f"，现有：{_names(rows, describe)}" if rows else "，目前还没有"
    raise NotFound(f"未找到{label}“{wanted}”{known}", field=field)


def _round_label(row: Round) -> str:
    return f"{row.name}（{row.year}年第{row.number}轮·{row.round_type.label}）"


def resolve_round(session: Session, text: str) -> str:
    """The id of the live round named by ``text`` (UUID or name)."""
    rows = session.scalars(live(Round).order_by(Round.year.desc(), Round.number.desc())).all()
    row = _pick(
        rows,
        text,
        id_of=lambda r: r.id,
        name_of=lambda r: r.name,
        describe=_round_label,
        label="巡察轮次",
        field="round",
    )
    return row.id


def resolve_team(session: Session, text: str, round_id: str | None = None) -> str:
    """The id of the live team named by ``text``, within ``round_id`` when given."""
    query = live(Team).order_by(Team.number)
    if round_id is not None:
        query = query.where(Team.round_id == round_id)
    rows = session.scalars(query).all()
    rounds = {r.id: r.name for r in session.scalars(live(Round))}

    def describe(t: Team) -> str:
        where = "" if round_id is not None else f"，{rounds.get(t.round_id or '', '')}"
        return f"{t.name}（第{t.number}组{where}）"

    row = _pick(
        rows,
        text,
        id_of=lambda t: t.id,
        name_of=lambda t: t.name,
        describe=describe,
        label="巡察组",
        field="team",
    )
    return row.id


def resolve_target(session: Session, text: str, round_id: str) -> str:
    """The id of the round's live target named by ``text`` (UUID or name)."""
    query = live(Target).where(Target.round_id == round_id).order_by(Target.name, Target.id)
    row = _pick(
        session.scalars(query).all(),
        text,
        id_of=lambda t: t.id,
        name_of=lambda t: t.name,
        describe=lambda t: t.name,
        label="被巡察对象",
        field="target",
    )
    return row.id


def resolve_person(session: Session, text: str, round_id: str) -> str:
    """The id of the round's live person named by ``text``; namesakes are told apart by their
    target and position."""
    query = live(Person).where(Person.round_id == round_id).order_by(Person.name, Person.id)
    rows = session.scalars(query).all()
    in_round = live(Target).where(Target.round_id == round_id)
    targets = {t.id: t.name for t in session.scalars(in_round)}

    def describe(p: Person) -> str:
        where = "·".join(x for x in (targets.get(p.target_id or "", ""), p.position) if x)
        return f"{p.name}（{where}）" if where else p.name

    row = _pick(
        rows,
        text,
        id_of=lambda p: p.id,
        name_of=lambda p: p.name,
        describe=describe,
        label="人员",
        field="person",
    )
    return row.id


def resolve_member(session: Session, text: str, team_id: str) -> str:
    """The id of the team's live member named by ``text``."""
    query = live(Member).where(Member.team_id == team_id).order_by(Member.created_at)
    row = _pick(
        session.scalars(query).all(),
        text,
        id_of=lambda m: m.id,
        name_of=lambda m: m.name,
        describe=lambda m: f"{m.name}（{m.role.label}）",
        label="组员",
        field="member",
    )
    return row.id
