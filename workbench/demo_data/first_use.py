"""The stores of a round's first days, for screenshots: an office with its keys and a round with
two teams, and two field laptops enrolled by it but not yet briefed (the demo store is a laptop
in the middle of its round, so it cannot show these)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.exchange import accept_certificate, init_office, make_request, sign_request
from workbench.services.rounds import MemberDraft, RoundDraft, add_member, create_round, create_team
from workbench.services.targets import TargetDraft, create_target
from workbench.store.vault import Vault
from workbench.vocab.enums import AttentionLevel, ForceType, MemberRole, RoundType

OFFICE_USER = "ban"
# (user, the holder's name, the team whose member the holder is)
LAPTOPS = (("zu1", "李明", "第一巡察组"), ("zu2", "赵敏", "第二巡察组"))


@dataclass(frozen=True)
class FirstUse:
    office: Path
    laptops: tuple[tuple[str, Path], ...]  # (user, store folder)


def create_first_use_stores(root: Path, passphrase: str) -> FirstUse:
    office, _ = Vault.create(
        root / "office",
        user_name=OFFICE_USER,
        passphrase=passphrase,
        display_name="巡察办",
        store_role="office",
    )
    try:
        init_office(office)
        with office.session() as s:
            rnd = create_round(
                s, RoundDraft("2026年第一轮巡察", 2026, 1, RoundType.REGULAR, "sgjj", "2020")
            )
            for name in ("某某镇党委", "某某街道党工委"):
                create_target(s, rnd.id, TargetDraft(name, "township", AttentionLevel.KEY))
            for number, (_user, holder, team_name) in enumerate(LAPTOPS, 1):
                team = create_team(s, rnd.id, number, team_name)
                add_member(s, team.id, MemberDraft(holder, MemberRole.LEADER, ForceType.FULL_TIME))
        for user, holder, _team in LAPTOPS:
            laptop, _ = Vault.create(
                root / user,
                user_name=user,
                passphrase=passphrase,
                display_name=holder,
                store_role="field",
            )
            try:
                request, _ = make_request(laptop)
                certificate, _device = sign_request(office, request)
                accept_certificate(laptop, certificate)
            finally:
                laptop.lock()
    finally:
        office.lock()
    return FirstUse(root / "office", tuple((user, root / user) for user, _h, _t in LAPTOPS))
