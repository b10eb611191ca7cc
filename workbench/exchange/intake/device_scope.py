"""What a device may write at the office (docs/package-format.md, "What a device may write").

The office decides from what it sent, never from what a package says of itself:

- a device writes only to the rounds and teams a briefing was made for (``exchange_device_scope``);
- its records name itself as their origin device and, as creator and editor, only the users its
  signed manifest lists; an edit keeps the creator the office holds;
- its edit of a record replaces the office's version only when its base is a version the office
  sent it in a briefing (``exchange_briefed``) or a version of its own the office accepted; a
  record it created may also come without a base.

A package that breaks the first two rules is refused whole (``OutOfScope``, ``ForgedStamps``):
a genuine device never writes one. An edit that breaks the third is kept as a *held* version: a
conflict in which the office's version stays shown (``merge.winner``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.exchange.errors import ForgedStamps, OutOfScope
from workbench.exchange.package.manifest import Manifest
from workbench.exchange.records.recordio import PackageRecord
from workbench.models import Member, Round, Target, Team
from workbench.models.exchange import BriefedVersion, DeviceScope, RecordVersion
from workbench.models.fieldrules import record_title
from workbench.store.rowwriter import upsert

_SCOPE: Any = DeviceScope.__table__
_BRIEFED: Any = BriefedVersion.__table__
ROUND_ONLY = ""  # the team_id of a scope row that names the round alone
# the round's set-up: made and changed by the office alone (``setup_common.SETUP_ROLES``)
OFFICE_RECORDS = frozenset({"rounds", "teams", "members"})


@dataclass(frozen=True)
class Scope:
    device_id: str
    device: str  # how messages name it
    users: frozenset[str]
    teams: frozenset[str]  # of the manifest's round
    owners: Mapping[str, str]  # target id → the one team that inspects it


def scope_for(session: Session, manifest: Manifest) -> Scope:
    """The scope of a team package's sender in its round; refused if never briefed for it."""
    device_id, round_id = manifest.sender.device_id, manifest.round_id
    device = f"“{manifest.sender.display_name}”（{manifest.sender.user}）"
    rows = set(
        session.scalars(
            select(DeviceScope.team_id).where(
                DeviceScope.device_id == device_id, DeviceScope.round_id == round_id
            )
        )
    )
    if not rows:
        rnd = session.get(Round, round_id) if round_id else None
        name = f"“{rnd.name}”" if rnd is not None else f"（{round_id}）"
        raise OutOfScope(
            f"设备{device}没有收到巡察轮次{name}的部署包，不能向该轮提交数据",
            device_id=device_id,
            round_id=round_id,
        )
    return Scope(
        device_id,
        device,
        frozenset(manifest.device_users or ()),
        frozenset(rows - {ROUND_ONLY}),
        target_owners(session, str(round_id)),
    )


def target_owners(session: Session, round_id: str) -> dict[str, str]:
    """Each target's inspecting team, as ``authority.record_team`` decides it: the one team
    listing it, else (listed by none) the target's own team."""
    listed: dict[str, set[str]] = {}
    query = select(Team.id, Team.target_ids).where(
        Team.round_id == round_id, Team.deleted_at.is_(None)
    )
    for team_id, targets in session.execute(query):
        for target in targets or ():
            listed.setdefault(target, set()).add(team_id)
    owners = {t: next(iter(teams)) for t, teams in listed.items() if len(teams) == 1}
    own = select(Target.id, Target.team_id).where(
        Target.round_id == round_id, Target.team_id.is_not(None)
    )
    for target, own_team in session.execute(own):
        if target not in listed and own_team:
            owners[target] = own_team
    return owners


def _team_of(scope: Scope, rec: PackageRecord) -> str | None:
    if rec.type == "teams":
        return rec.id
    team = rec.fields.get("team_id")
    if team:
        return str(team)
    target = rec.id if rec.type == "targets" else rec.fields.get("target_id")
    return scope.owners.get(target) if isinstance(target, str) else None


def _label(rec: PackageRecord) -> str:
    return f"{rec.type}/{rec.id}"


def check_claims(scope: Scope, rec: PackageRecord, row: Any) -> None:
    """Refuse a record outside the device's teams, or whose stamps claim someone else.
    ``row`` is the office's live row of the record (None for a record new here)."""
    team = _team_of(scope, rec)
    if team is not None and team not in scope.teams:
        raise OutOfScope(
            f"{record_title(rec.type, rec.fields)}属于设备{scope.device}未受领的巡察组："
            "设备只能提交本组的记录",
            record=_label(rec),
            team_id=team,
        )
    f = rec.fields
    new = row is None
    if new and rec.type in OFFICE_RECORDS:
        raise OutOfScope(
            f"{record_title(rec.type, rec.fields)}是巡察办的部署记录，设备{scope.device}不能新增",
            record=_label(rec),
        )
    if f.get("origin_device") != (scope.device_id if new else row.origin_device):
        raise _forged(scope, rec, "来源设备不是签名设备" if new else "来源设备与本库记录不符")
    if new and f.get("created_by") not in scope.users:
        raise _forged(scope, rec, "创建人不是该设备的用户")
    if not new and f.get("created_by") != row.created_by:
        raise _forged(scope, rec, "创建人与本库记录不符")
    if f.get("updated_by") not in scope.users:
        raise _forged(scope, rec, "修改人不是该设备的用户")
    deleter = f.get("deleted_by")
    if deleter is not None and deleter not in scope.users and (new or deleter != row.deleted_by):
        raise _forged(scope, rec, "作废人不是该设备的用户")
    held = {c.id for c in row.signoffs} if rec.type == "findings" and not new else set()
    for signoff in rec.children.get("signoffs", ()):
        if signoff["id"] not in held and signoff.get("user_id") not in scope.users:
            raise _forged(scope, rec, "审签人不是该设备的用户")


def _forged(scope: Scope, rec: PackageRecord, why: str) -> ForgedStamps:
    return ForgedStamps(
        f"设备{scope.device}的数据包中，{record_title(rec.type, rec.fields)}的{why}：数据包被拒收",
        record=_label(rec),
    )


def may_replace(session: Session, scope: Scope, rec: PackageRecord, row: Any) -> bool:
    """Whether the device's version of a record the office knows may descend from what it
    names; otherwise it is held. Never for the round's set-up: a device cannot void or rename
    the round, stretch its team over another team's unit or clear a member's 回避. Its own
    record may come without a base; any base must be a version the office briefed to it, or one
    of its own the office holds unheld."""
    if row is not None and rec.type in OFFICE_RECORDS:
        return False
    if rec.base is None:
        return row is None or row.origin_device == scope.device_id
    version, content_hash = rec.base
    briefed = session.get(
        BriefedVersion, (scope.device_id, rec.type, rec.id, version, content_hash)
    )
    if briefed is not None:
        return True
    own = session.get(RecordVersion, (rec.type, rec.id, scope.device_id, version, content_hash))
    return own is not None and not own.held


# -- what the office sends: recorded by the briefing ---------------------------------------------


def briefed_teams(session: Session, round_id: str, holder: str) -> list[str]:
    """The team a briefing is for by default: the round's one team with a live member of the
    certificate holder's name (none if none or several), as the briefing wizard shows it."""
    query = (
        select(Team.id)
        .join(Member, Member.team_id == Team.id)
        .where(
            Member.round_id == round_id,
            Member.name == holder,
            Member.deleted_at.is_(None),
            Team.deleted_at.is_(None),
        )
    )
    found = set(session.scalars(query))
    return list(found) if len(found) == 1 else []


def record_briefing(
    session: Session,
    round_id: str,
    teams: Mapping[str, Sequence[str]],
    records: Iterable[PackageRecord],
) -> None:
    """Inside the briefing's ledger transaction: each device (``teams``' keys) was briefed for
    ``round_id`` and those teams, and received these versions."""
    scope = [
        {"device_id": d, "round_id": round_id, "team_id": t}
        for d, ts in teams.items()
        for t in (ROUND_ONLY, *ts)
    ]
    session.execute(upsert(session, _SCOPE).on_conflict_do_nothing(), scope)
    sent = [(r.type, r.id, r.version, r.hash) for r in records]
    rows = [
        {"device_id": d, "record_type": t, "record_id": i, "version": v, "content_hash": h}
        for d in teams
        for t, i, v, h in sent
    ]
    if rows:
        session.execute(upsert(session, _BRIEFED).on_conflict_do_nothing(), rows)
