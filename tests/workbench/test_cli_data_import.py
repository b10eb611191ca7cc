"""``workbench data import|preview|sources|remove|access``: Chinese output, ``--json``, refused
rows one per line with exit 8 and nothing stored, the exit codes of the other refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.workbench.datalist_files import (
    ASSISTANCE_HEADERS,
    assistance_rows,
    id_number,
    list_state,
    write_csv,
    write_xlsx,
)
from tests.workbench.setup_files import OFFICE, office_round
from tests.workbench.team import Team
from workbench.cli import main

ROUND = "2026年第一轮巡察"
Capture = pytest.CaptureFixture[str]


@pytest.fixture
def office(team: Team, monkeypatch: pytest.MonkeyPatch) -> Team:
    office_round(team(OFFICE), ROUND)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    return team


def run(team: Team, *argv: str, user: str = OFFICE) -> int:
    return main(["--store", str(team.directory), "--user", user, *argv])


def test_import_then_sources_then_remove(office: Team, tmp_path: Path, capsys: Capture) -> None:
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(3))
    capsys.readouterr()
    argv = ["data", "import", str(path), "--kind", "低保/特困/临时救助名单", "--round", "第一轮"]
    assert run(office, *argv, "--label", "县民政局", "--date", "2026-05-31") == 0
    assert capsys.readouterr().out.strip() == "已导入“低保.xlsx”（低保/特困/临时救助名单）3 行"

    assert run(office, "data", "sources", "--round", ROUND, "--json") == 0
    [source] = json.loads(capsys.readouterr().out)
    assert source["kind"] == "assistance" and source["label"] == "县民政局"
    assert source["rows"] == 3 and source["source_date"] == "2026-05-31"
    assert run(office, "data", "sources") == 0
    listed = capsys.readouterr().out
    assert "县民政局" in listed and "3 行" in listed and ROUND in listed

    assert run(office, "data", "import", str(path), "--kind", "assistance", "--round", ROUND) == 7
    assert "WB-DATA-DUPLICATE" in capsys.readouterr().err

    assert run(office, "data", "remove", source["id"]) == 0
    assert "已删除名单“低保.xlsx”" in capsys.readouterr().out
    assert run(office, "data", "sources") == 0
    assert capsys.readouterr().out.strip() == "没有导入的名单"


def test_refused_rows_are_printed_one_a_line_and_nothing_is_stored(
    office: Team, tmp_path: Path, capsys: Capture
) -> None:
    rows = assistance_rows(4)
    rows[1] = (2, "赵六", "12345", "团结村", "低保", "100", "2026-05-01")
    rows[3] = (4, "", id_number(4), "团结村", "低保", "100", "5月")
    path = write_csv(tmp_path / "低保.csv", ASSISTANCE_HEADERS, rows, "gb18030")
    before = list_state(office(OFFICE))
    capsys.readouterr()
    argv = ["data", "import", str(path), "--kind", "assistance", "--round", ROUND]
    assert run(office, *argv) == 8
    head, *lines = capsys.readouterr().out.splitlines()
    assert head == (
        "“低保.csv”有 2 行无法读取，整个名单未导入（未做任何修改）；"
        "请按原因改正后重新导入，或用 --skip-bad 只导入无误的行"
    )
    assert [line.split("：")[0] for line in lines] == [
        "  第 3 行“身份证号”",
        "  第 5 行“姓名”",
        "  第 5 行“发放日期”",
    ]
    assert lines[1] == "  第 5 行“姓名”：“姓名”不能为空"
    assert list_state(office(OFFICE)) == before

    assert run(office, *argv, "--json") == 8
    refused = json.loads(capsys.readouterr().out)
    assert refused["code"] == "WB-DATA-ROWS" and refused["bad_rows"] == 2
    assert refused["problems"][1] == {"row_no": 5, "column": "姓名", "reason": "“姓名”不能为空"}

    assert run(office, *argv, "--skip-bad") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "已导入“低保.csv”（低保/特困/临时救助名单）2 行，2 行无法读取，未导入："
    assert out[1].startswith("  第 3 行“身份证号”：")


def test_preview_and_map_name_the_columns(office: Team, tmp_path: Path, capsys: Capture) -> None:
    headers = ("户主", "公民身份号码", "村组")
    path = write_xlsx(tmp_path / "名单.xlsx", headers, [("李四", id_number(9), "和平村")])
    capsys.readouterr()
    assert run(office, "data", "preview", str(path), "--kind", "assistance") == 0
    out = capsys.readouterr().out
    assert "“名单.xlsx”工作表“名单”" in out and "李四 | " in out
    argv = ["data", "import", str(path), "--kind", "assistance", "--round", ROUND]
    assert run(office, *argv, "--map", "姓名=户主", "--map", "身份证号=公民身份号码") == 0
    assert "1 行" in capsys.readouterr().out
    assert run(office, "data", "preview", str(path), "--kind", "assistance", "--json") == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["remembered"] is True and preview["missing"] == []
    assert preview["mapping"]["name"] == 0 and preview["mapping"]["id_number"] == 1
    assert run(office, *argv, "--map", "户主") == 2
    assert "字段=列名" in capsys.readouterr().err
    assert run(office, *argv, "--map", "姓名=没有这列") == 8
    assert "WB-DATA-MAPPING" in capsys.readouterr().err


def test_access_is_shown_to_all_and_set_by_the_office(
    office: Team, tmp_path: Path, capsys: Capture
) -> None:
    capsys.readouterr()
    assert run(office, "data", "access", user="member") == 0
    assert capsys.readouterr().out.strip() == "可导入和查看名单的角色：巡察办、组长"
    assert run(office, "data", "access", "--set", "副组长", user="leader") == 6
    assert run(office, "data", "access", "--set", "副组长,组员", "--json") == 0
    assert json.loads(capsys.readouterr().out) == {
        "roles": ["deputy_leader", "member", "office_staff"]
    }
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, assistance_rows(1))
    argv = ["data", "import", str(path), "--kind", "assistance", "--round", ROUND]
    assert run(office, *argv, user="leader") == 6
    assert "需要巡察办授权查看名单的角色" in capsys.readouterr().err
    assert run(office, *argv, user="member") == 0
    assert run(office, "data", "access", "--set", "安全审计员") == 6
    assert run(office, "data", "import", str(path), "--kind", "低保", "--round", ROUND) == 2
    assert "assistance（低保/特困/临时救助名单）" in capsys.readouterr().err


def test_a_column_mapped_by_hand_is_not_also_read_as_the_guess(
    office: Team, tmp_path: Path, capsys: Capture
) -> None:
    headers = ("姓名", "身份证号", "发放日期")
    path = write_xlsx(tmp_path / "名单.xlsx", headers, [("李四", id_number(9), "2020-01-01")])
    argv = ["data", "import", str(path), "--kind", "assistance", "--round", ROUND]
    assert run(office, *argv, "--map", "享受起始日期=发放日期") == 0
    capsys.readouterr()
    assert run(office, "data", "sources", "--json") == 0
    [source] = json.loads(capsys.readouterr().out)
    assert source["mapping"] == {"name": "姓名", "id_number": "身份证号", "since": "发放日期"}
