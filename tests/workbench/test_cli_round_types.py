"""The round-type and set-up options of the command line, end to end on a real store: levels,
topics, 回头看 links, phase dates, 1托N teams, members with 回避 by name, persons and "3+1"
entries; refusals exit with their code and change nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from tests.workbench.cli_helpers import cli_json
from workbench.cli import main
from workbench.models import FocusItem, ListEntry, Member, Person, Round, Target, Team
from workbench.services.id_numbers import check_character
from workbench.store.vault import Vault

ROUND = "2026年提级巡察"


@pytest.fixture
def office(team_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the team store, opened by the command line as its 巡察办 user."""
    store = tmp_path / "store"
    shutil.copytree(team_template, store)
    monkeypatch.setenv("WORKBENCH_STORE", str(store))
    monkeypatch.setenv("WORKBENCH_USER", "office")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    return store


def _refused(capsys: pytest.CaptureFixture[str], code: int, *argv: str) -> str:
    """The command exits with ``code`` and the set-up records are as they were."""
    before = _state()
    capsys.readouterr()
    assert main(list(argv)) == code, argv
    err = capsys.readouterr().err
    assert _state() == before
    return err


def _state() -> list[tuple[str, str, int]]:
    """Every set-up record with its version, read in one unlock."""
    vault = Vault.open(Path(os.environ["WORKBENCH_STORE"]), "office", PASSPHRASE)
    try:
        with vault.read() as s:
            return [
                (model.__tablename__, row.id, row.version)
                for model in (Round, Team, Member, Target, Person, ListEntry, FocusItem)
                for row in s.scalars(select(model).order_by(model.id))
            ]
    finally:
        vault.lock()


def test_round_types_and_set_up_from_the_command_line(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_json(
        capsys, "rounds", "add", "--name", "2025年第一轮巡察", "--type", "regular", "--year", "2025"
    )
    made = cli_json(
        capsys,
        *("rounds", "add", "--name", ROUND, "--type", "elevated", "--level", "city"),
        *(
            "--phase-date",
            "进驻=2026-03-01..2026-04-30",
            "--phase-date",
            "preparation=..2026-02-28",
        ),
    )
    assert made["dispatch_level"] == "city" and made["plan_status"] == "none"
    assert made["phase_dates"] == {
        "stationing": ["2026-03-01", "2026-04-30"],
        "preparation": [None, "2026-02-28"],
    }
    edited = cli_json(capsys, "rounds", "edit", ROUND, "--phase-date", "报告=2026-05-01..")
    assert edited["phase_dates"]["reporting"] == ["2026-05-01", None]
    assert edited["phase_dates"]["stationing"] == ["2026-03-01", "2026-04-30"]  # kept
    err = _refused(capsys, 8, "rounds", "edit", ROUND, "--level", "county")
    assert "[WB-WORKFLOW]" in err and "提级巡察由市级派出" in err

    special = cli_json(
        capsys, "rounds", "add", "--name", "专项巡察", "--type", "专项", "--topic", "乡村振兴"
    )
    assert (special["topic"], special["plan_status"]) == ("乡村振兴", "draft")
    err = _refused(capsys, 8, "rounds", "phase", "专项巡察", "进驻")
    assert "[WB-WORKFLOW]" in err and "工作方案须先审核通过" in err
    revisit = cli_json(
        capsys,
        *("rounds", "add", "--name", "回头看", "--type", "revisit", "--year", "2026"),
        *("--revisit-of", "2025年第一轮"),
    )
    assert revisit["revisit_of"] == cli_json(capsys, "rounds", "show", "2025年第一轮巡察")["id"]
    err = _refused(capsys, 8, "rounds", "add", "--name", "又一回头看", "--type", "revisit")
    assert "回头看须指明所回看的原轮次" in err

    # 1托N: a county group under the city team
    city = cli_json(
        capsys, "teams", "add", "--round", ROUND, "--name", "市第一组", "--leader", "office"
    )
    county = cli_json(
        capsys,
        *("teams", "add", "--round", ROUND, "--name", "甲县组", "--leader", "县组长"),
        *("--level", "county", "--county", "甲县", "--lead-team", "市第一组"),
    )
    assert county["team"]["lead_team_id"] == city["team"]["id"]
    assert county["leader"]["home_level"] == "county"
    err = _refused(
        capsys, 8, "teams", "add", "--round", ROUND, "--name", "乙县组", "--level", "county"
    )
    assert "[WB-WORKFLOW]" in err and "“乙县组”须指定牵头组" in err
    moved = cli_json(capsys, "teams", "edit", "甲县组", "--round", ROUND, "--county", "乙县")
    assert moved["county"] == "乙县" and moved["lead_team_id"] == city["team"]["id"]

    target = cli_json(
        capsys,
        *("targets", "add", "--round", ROUND, "--name", "县教育局党组", "--kind", "party_gov"),
        *("--county", "丙县", "--leader", "王局长", "--attention", "key", "--team", "甲县组"),
    )["target"]
    assert (target["county"], target["leader_name"], target["attention"]) == (
        "丙县",
        "王局长",
        "key",
    )
    assert target["team_id"] == county["team"]["id"]

    first17 = "11010519491231002"
    person = cli_json(
        capsys,
        *("persons", "add", "--round", ROUND, "--target", "县教育局", "--name", "张三"),
        *("--level", "县管", "--position", "局长", "--unit", "县教育局"),
        *("--id-number", first17 + check_character(first17)),
    )
    assert (person["target_id"], person["level"]) == (target["id"], "county")
    wrong = "0" if check_character(first17) != "0" else "1"
    err = _refused(
        capsys,
        8,
        *("persons", "add", "--round", ROUND, "--target", "县教育局党组", "--name", "李四"),
        *("--level", "县管", "--id-number", first17 + wrong),
    )
    assert "[WB-VALIDATION]" in err

    team = ("--team", "甲县组", "--round", ROUND)
    member = cli_json(
        capsys,
        *("members", "add", *team, "--name", "李四", "--role", "member"),
        *("--force-type", "seconded", "--home-level", "county", "--home-county", "乙县"),
        *("--recusal-target", "县教育局党组", "--recusal-person", "张三"),
        *("--recusal-reason", "曾在该局任职"),
    )
    assert member["recusal_target_ids"] == [target["id"]]
    assert member["recusal_person_ids"] == [person["id"]]
    assert (member["home_level"], member["recusal"]) == ("county", "曾在该局任职")
    deputy = ("members", "add", *team, "--name", "市干部", "--role", "deputy")
    err = _refused(capsys, 8, *deputy, "--home-level", "city")
    assert "[WB-WORKFLOW]" in err and "副组长须来自县级" in err
    err = _refused(capsys, 5, "members", "add", *team, "--name", "王五", "--recusal-target", "某局")
    assert "[WB-NOT-FOUND]" in err and "县教育局党组" in err
    cleared = cli_json(capsys, "members", "edit", "李四", *team, "--clear-recusal")
    assert cleared["recusal_target_ids"] == [] and cleared["recusal_person_ids"] == []
    again = cli_json(capsys, "members", "edit", "李四", *team, "--recusal-person", "张三")
    assert again["recusal_person_ids"] == [person["id"]] and again["recusal_target_ids"] == []
    listed = cli_json(capsys, "members", "list", *team)
    assert [(m["name"], m["role"]) for m in listed] == [("县组长", "leader"), ("李四", "member")]

    entry = cli_json(
        capsys,
        *("lists", "add", "--round", ROUND, "--kind", "policy", "--title", "某某管理办法"),
        *("--target", "县教育局党组", "--document-no", "教发〔2024〕1号", "--clause", "第三条"),
        *("--content", "应当……", "--source", "县教育局"),
    )
    assert (entry["kind"], entry["target_id"], entry["clause"]) == (
        "policy",
        target["id"],
        "第三条",
    )


def test_bad_options_exit_2_before_anything_is_written(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_json(capsys, "rounds", "add", "--name", ROUND, "--type", "elevated")
    for argv, words in (
        (["rounds", "edit", ROUND, "--level", "province"], ("city", "county")),
        (["rounds", "edit", ROUND, "--phase-date", "进驻:2026-03-01"], ("阶段=开始..结束",)),
        (["rounds", "edit", ROUND, "--phase-date", "驻点=2026-03-01.."], ("stationing",)),
        (["rounds", "edit", ROUND, "--phase-date", "进驻=2026-13-01.."], ("YYYY-MM-DD",)),
        (["teams", "add", "--round", ROUND, "--name", "组", "--level", "x"], ("county",)),
        (["lists", "add", "--round", ROUND, "--kind", "law", "--title", "t"], ("policy",)),
        (
            ["persons", "add", "--round", ROUND, "--target", "t", "--name", "n", "--level", "部管"],
            ("市管",),
        ),
    ):
        err = _refused(capsys, 2, *argv)
        assert "[WB-USAGE]" in err and all(w in err for w in words), (argv, err)


def test_cross_and_village_rounds_refuse_with_the_reason(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_json(capsys, "rounds", "add", "--name", "交叉巡察", "--type", "cross")
    err = _refused(capsys, 8, "teams", "add", "--round", "交叉巡察", "--name", "第一组")
    assert "交叉巡察的巡察组须填写所属县（区）" in err
    cli_json(capsys, "teams", "add", "--round", "交叉巡察", "--name", "第一组", "--county", "甲县")
    err = _refused(
        capsys,
        8,
        *("targets", "add", "--round", "交叉巡察", "--name", "甲县教育局党组"),
        *("--kind", "party_gov", "--county", "甲县", "--team", "第一组"),
    )
    assert "第一组所属县（区）为甲县，交叉巡察不能巡察本县单位“甲县教育局党组”" in err
    cli_json(
        capsys,
        *("targets", "add", "--round", "交叉巡察", "--name", "乙县教育局党组"),
        *("--kind", "party_gov", "--county", "乙县", "--team", "第一组"),
    )
    edit = ("targets", "edit", "乙县教育局党组", "--round", "交叉巡察")
    err = _refused(capsys, 8, *edit, "--county", "甲县")
    assert "交叉巡察不能巡察本县单位“乙县教育局党组”" in err
    off = cli_json(capsys, *edit, "--county", "甲县", "--team", "", "--attention", "key")
    assert (off["county"], off["team_id"], off["attention"]) == ("甲县", None, "key")
    cli_json(capsys, "rounds", "add", "--name", "对村巡察", "--type", "village")
    err = _refused(
        capsys, 8, "targets", "add", "--round", "对村巡察", "--name", "某中学", "--kind", "school"
    )
    assert "对村巡察只巡察村、社区，“某中学”是公立院校" in err
    cli_json(capsys, "targets", "add", "--round", "对村巡察", "--name", "东山村", "--kind", "村")


def test_only_the_office_uses_the_new_set_up_commands(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli_json(capsys, "rounds", "add", "--name", ROUND, "--type", "regular")
    cli_json(capsys, "teams", "add", "--round", ROUND, "--name", "第一组")
    cli_json(capsys, "members", "add", "--team", "第一组", "--name", "张三")
    target = ("targets", "add", "--round", ROUND, "--name", "县教育局党组")
    cli_json(capsys, *target, "--kind", "党政机关")
    person = ("persons", "add", "--round", ROUND, "--target", "县教育局党组")
    monkeypatch.setenv("WORKBENCH_USER", "leader")  # 组长 and 系统管理员: not the office
    for argv in (
        ("rounds", "edit", ROUND, "--topic", "x", "--phase-date", "进驻=2026-03-01.."),
        ("teams", "edit", "第一组", "--county", "甲县"),
        ("members", "edit", "张三", "--team", "第一组", "--recusal-target", "县教育局党组"),
        ("targets", "edit", "县教育局党组", "--round", ROUND, "--county", "甲县"),
        (*person, "--name", "李四", "--level", "县管"),
        ("lists", "add", "--round", ROUND, "--kind", "problem", "--title", "某问题"),
    ):
        err = _refused(capsys, 6, *argv)
        assert "[WB-PERMISSION]" in err and "巡察办" in err, argv
    assert [m["name"] for m in cli_json(capsys, "members", "list", "--team", "第一组")] == ["张三"]
