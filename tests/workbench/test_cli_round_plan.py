"""``workbench rounds plan R file|approve|return``: the 专项 方案 from the command line, with its
exit codes: a refused move exits 8, a user who is not 巡察办 exits 6, and nothing changes."""

from __future__ import annotations

import json

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.team import Team
from workbench.cli import main


@pytest.fixture
def office(team: Team, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    team.close()  # the command opens the store itself
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    return ["--store", str(team.directory), "--user", "office"]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_filed_returned_filed_approved(
    office: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    add = [*office, "rounds", "add", "--name", "乡村振兴专项巡察", "--type", "special"]
    add += ["--topic", "乡村振兴"]
    assert _run([*add, "--year", "2026"], capsys)[0] == 0
    code, out, _ = _run([*office, "rounds", "plan", "乡村振兴", "file"], capsys)
    assert (code, out.strip()) == (0, "巡察轮次“乡村振兴专项巡察”的工作方案已报备")
    code, _, err = _run([*office, "rounds", "plan", "乡村振兴", "return"], capsys)
    assert code == 8 and "退回意见" in err
    code, out, _ = _run(
        [*office, "rounds", "plan", "乡村振兴", "return", "--note", "补充进驻安排"], capsys
    )
    assert code == 0 and "已退回修改（补充进驻安排）" in out
    assert _run([*office, "rounds", "plan", "乡村振兴", "file"], capsys)[0] == 0
    code, out, _ = _run([*office, "rounds", "plan", "乡村振兴", "approve", "--json"], capsys)
    assert code == 0
    view = json.loads(out)
    assert (view["plan_status"], view["plan_note"]) == ("approved", "")


def test_plan_refused_for_another_type_an_unknown_action_and_not_office(
    office: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run([*office, "rounds", "add", "--name", "交叉巡察", "--type", "cross"], capsys)[0] == 0
    code, _, err = _run([*office, "rounds", "plan", "交叉巡察", "file"], capsys)
    assert code == 8 and "WB-WORKFLOW" in err and "只有专项巡察" in err
    code, _, err = _run([*office, "rounds", "plan", "交叉巡察", "submit"], capsys)
    assert code == 2 and "WB-USAGE" in err
    special = [*office, "rounds", "add", "--name", "专项", "--type", "专项", "--topic", "粮食购销"]
    assert _run(special, capsys)[0] == 0
    as_leader = [*office[:3], LEADER, "rounds", "plan", "专项", "file"]
    code, _, err = _run(as_leader, capsys)
    assert code == 6 and "巡察办" in err
    code, out, _ = _run([*office, "rounds", "show", "专项", "--json"], capsys)
    assert code == 0 and json.loads(out)["plan_status"] in {"none", "draft"}
