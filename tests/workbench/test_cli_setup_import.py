"""``workbench templates write`` and ``workbench targets|persons|members|lists import``: refused
rows one per line (and in --json), exit 8 with nothing changed, the exit codes of the errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.setup_files import (
    OFFICE,
    TEN_TARGETS,
    fill,
    id_number,
    office_round,
    store_state,
)
from tests.workbench.team import Team
from workbench.cli import main

ROUND = "2026年第一轮巡察"


@pytest.fixture
def office(team: Team, monkeypatch: pytest.MonkeyPatch) -> Team:
    office_round(team(OFFICE), ROUND)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    return team


def run(team: Team, *argv: str, user: str = OFFICE) -> int:
    return main(["--store", str(team.directory), "--user", user, *argv])


def test_templates_write_saves_four_blank_templates_and_keeps_existing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["templates", "write", str(tmp_path / "模板"), "--json"]) == 0
    files = json.loads(capsys.readouterr().out)["files"]
    assert Path(files[0]).name == "被巡察单位.xlsx" and len(files) == 4
    assert main(["templates", "write", str(tmp_path / "模板")]) == 7
    assert "不会覆盖" in capsys.readouterr().err
    assert main(["templates", "write", str(tmp_path / "模板"), "--force"]) == 0
    (tmp_path / "a-file").write_text("")
    assert main(["templates", "write", str(tmp_path / "a-file")]) == 2
    assert "无法保存模板" in capsys.readouterr().err


def test_refused_rows_are_printed_and_nothing_changes_until_fixed(
    office: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [dict(r) for r in TEN_TARGETS]
    rows[2]["类型"] = "卫生院"
    rows[5]["名称"] = ""
    path = fill("targets", tmp_path / "对象.xlsx", rows)
    before = store_state(office(OFFICE))
    capsys.readouterr()
    assert run(office, "targets", "import", str(path), "--round", ROUND) == 8
    out = capsys.readouterr().out
    assert "整个文件未导入" in out
    assert "第 4 行“类型”：“卫生院”不是可选的类型，可选：党政机关、群团组织" in out
    assert "第 7 行“名称”：必填，不能为空" in out
    assert store_state(office(OFFICE)) == before
    assert run(office, "targets", "import", str(path), "--round", ROUND, "--json") == 8
    data = json.loads(capsys.readouterr().out)
    assert (data["saved"], data["accepted"], data["refused_rows"]) == (False, 8, [4, 7])
    assert data["refusals"][1] == {"row": 7, "column": "名称", "reason": "必填，不能为空"}
    fill("targets", path, TEN_TARGETS)
    assert run(office, "targets", "import", str(path), "--round", ROUND) == 0
    assert "已从“对象.xlsx”导入被巡察单位 10 行" in capsys.readouterr().out


def test_clean_rows_only_saves_the_clean_rows_and_still_exits_8(
    office: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [dict(r) for r in TEN_TARGETS]
    rows[0]["关注等级"] = "非常关注"
    path = fill("targets", tmp_path / "对象.xlsx", rows)
    argv = ("targets", "import", str(path), "--round", ROUND, "--clean-rows-only", "--json")
    assert run(office, *argv) == 8
    data = json.loads(capsys.readouterr().out)
    assert (data["saved"], data["accepted"], data["refused_rows"]) == (True, 9, [2])


def test_persons_members_and_lists_import_from_their_templates(
    office: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = fill("targets", tmp_path / "t.xlsx", TEN_TARGETS)
    persons = fill(
        "persons",
        tmp_path / "p.xlsx",
        [
            {
                "姓名": "张三",
                "身份证号": id_number(),
                "所在被巡察单位": "县教育局党组",
                "干部管理权限": "县管",
            }
        ],
    )
    members = fill(
        "members",
        tmp_path / "m.xlsx",
        [
            {
                "巡察组": "第一巡察组",
                "姓名": "周组长",
                "组内职务": "组长",
                "力量类型": "专职",
                "回避人员": "张三",
            }
        ],
    )
    lists = fill("lists", tmp_path / "l.xlsx", [{"清单类型": "问题", "标题": "食堂管理混乱"}])
    for group, path in (
        ("targets", targets),
        ("persons", persons),
        ("members", members),
        ("lists", lists),
    ):
        assert run(office, group, "import", str(path), "--round", ROUND) == 0, group
    out = capsys.readouterr().out
    assert "导入干部/人员 1 行" in out and "导入巡察组成员 1 行" in out


def test_a_foreign_file_a_dry_run_and_a_non_office_user(
    office: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Workbook().save(tmp_path / "foreign.xlsx")
    before = store_state(office(OFFICE))
    assert run(office, "lists", "import", str(tmp_path / "foreign.xlsx"), "--round", ROUND) == 8
    assert "WB-IMPORT-TEMPLATE" in capsys.readouterr().err
    path = fill("targets", tmp_path / "t.xlsx", TEN_TARGETS)
    assert run(office, "targets", "import", str(path), "--round", ROUND, "--dry-run") == 0
    assert "10 行无误" in capsys.readouterr().out
    assert run(office, "targets", "import", str(path), "--round", ROUND, user=LEADER) == 6
    assert "巡察办" in capsys.readouterr().err
    assert store_state(office(OFFICE)) == before
