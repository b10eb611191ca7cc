"""A team's 信访渠道 (what its 进驻通知, 巡察公告 and 小信封 print): set by 巡察办 only, checked,
stored as given, and changed from the command line one channel at a time."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.team import Team as TeamFactory
from workbench.cli import main
from workbench.errors import PermissionDenied, ValidationError
from workbench.models import Team
from workbench.services import office_setup, rounds
from workbench.services.rounds import TeamContact
from workbench.store.vault import Vault

CHANNEL = "https://xc.example.gov.cn/jb?team=1"
CONTACT = {
    "phone": "0871-12345678",
    "mailbox": "云川县邮政局第18号信箱",
    "postcode": "650100",
    "email": "xcz1@example.gov.cn",
    "address": "县行政中心4号楼",
    "hours": "工作日8:30-17:30",
    "qr": CHANNEL,
}


def _team(office: Vault) -> str:
    with office.session() as s:
        rid = rounds.create_round(
            s, rounds.RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)
        ).id
        return office_setup.add_team(s, rid, "第一巡察组").team.id


def test_team_contact_is_set_by_the_office_and_read_back(team: TeamFactory) -> None:
    office = team("office")
    tid = _team(office)
    with office.session() as s:
        view = office_setup.set_team_contact(s, tid, TeamContact(**CONTACT))
    assert view.contact == TeamContact(**CONTACT)
    with office.read() as s:
        assert rounds.get_team(s, tid).contact.qr == CHANNEL
    for bad, field in (({"postcode": "65010"}, "postcode"), ({"email": "xcz1"}, "email")):
        with office.session() as s, pytest.raises(ValidationError) as refused:
            office_setup.set_team_contact(s, tid, TeamContact(**{**CONTACT, **bad}))
        assert refused.value.details["field"] == field
    with office.read() as s:  # a refusal leaves what was set
        assert rounds.get_team(s, tid).contact == TeamContact(**CONTACT)
        stored = s.scalar(select(Team.contact).where(Team.id == tid))
    assert stored == CONTACT


def test_team_contact_is_the_offices_to_set(team: TeamFactory) -> None:
    office = team("office")
    tid = _team(office)
    with team(LEADER).session() as s, pytest.raises(PermissionDenied):
        office_setup.set_team_contact(s, tid, TeamContact(phone="0871-12345678"))
    with office.read() as s:
        assert rounds.get_team(s, tid).contact == TeamContact()


def test_cli_sets_only_the_channels_given(
    team: TeamFactory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    office = team("office")
    tid = _team(office)
    office.lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    store = ["--store", str(team.directory), "--user", "office"]
    assert (
        main([*store, "teams", "contact", "第一巡察组", "--phone", "0871-1", "--qr", CHANNEL]) == 0
    )
    assert (
        main([*store, "teams", "contact", "第一巡察组", "--phone", "", "--postcode", "650100"]) == 0
    )
    assert "邮编：650100；二维码内容：" + CHANNEL in capsys.readouterr().out
    assert main([*store, "teams", "contact", "第一巡察组", "--postcode", "6501"]) != 0
    assert "邮编应为 6 位数字" in capsys.readouterr().err
    with Vault.open(team.directory, "office", PASSPHRASE) as vault, vault.read() as s:
        assert rounds.get_team(s, tid).contact == TeamContact(postcode="650100", qr=CHANNEL)
