"""The office runs a round, start to finish, through ``workbench.cli.main`` only, as a script
would: a fresh office store and a fresh laptop enrolled with it; a 交叉巡察 round with phase dates,
two county teams, the blank templates written and the targets one filled in, refused for two bad
rows (exit 8, both listed, nothing written) and imported once fixed, a team refused a target of
its own county, a cadre, members with a 回避 declaration, "3+1" entries, the seeded 监督清单; the
briefing for the laptop, which imports it and lists the targets and the 监督清单."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.workbench.setup_files import store_state
from workbench.cli import main
from workbench.reports.setup_templates import TEMPLATES
from workbench.store.vault import Vault

PASS = "office round CLI 巡察 passphrase"
OFFICE, FIELD = "ban", "zuyuan"
ROUND = "2026年第一轮交叉巡察"
GOOD_ID = "11010519491231002X"  # the GB 11643 example number

# the targets file's columns; 甲县's team inspects 乙县 and 丙县, 乙县's team 甲县 and 丙县 — no
# team in its own county
HEADERS = ("名称", "类型", "子类型", "关注等级", "所属县（区）", "巡察组", "一把手")
TARGETS = (
    ("乙县教育局党组", "党政机关", "", "一般关注", "乙县", "第一巡察组", ""),
    ("乙县总工会党组", "群团组织", "", "一般关注", "乙县", "第一巡察组", ""),
    ("丙县第一中学党委", "公立院校", "", "重点关注", "丙县", "第一巡察组", ""),
    ("丙县人民医院党委", "公立医院", "", "重点关注", "丙县", "第一巡察组", "李四"),
    ("乙县城投集团党委", "国有企业", "", "特别关注", "乙县", "第一巡察组", ""),
    ("甲县某某镇党委", "乡镇（街道）", "", "一般关注", "甲县", "第二巡察组", ""),
    ("甲县某某街道党工委", "乡镇（街道）", "", "一般关注", "甲县", "第二巡察组", ""),
    ("甲县东山村党总支", "村", "社情复杂村", "一般关注", "甲县", "第二巡察组", ""),
    ("丙县西河村党支部", "村", "资源丰富村", "一般关注", "丙县", "第二巡察组", ""),
    ("丙县幸福社区党委", "社区", "商住型", "一般关注", "丙县", "第二巡察组", ""),
)
NAMES = sorted(t[0] for t in TARGETS)


def _fill_targets(blank: Path, out: Path, changes: dict[int, dict[str, str]]) -> Path:
    """The blank template ``templates write`` saved, filled in as Excel would leave it."""
    wb = load_workbook(blank)
    ws = wb[TEMPLATES["targets"].sheet]
    headers = TEMPLATES["targets"].headers
    for number, target in enumerate(TARGETS):
        row = {**dict(zip(HEADERS, target, strict=True)), **changes.get(number, {})}
        for header, value in row.items():
            ws.cell(row=number + 2, column=headers.index(header) + 1, value=value or None)
    wb.save(out)
    return out


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], root: Path) -> None:
        self.capsys = capsys
        self.office = ["--store", str(root / "office"), "--user", OFFICE]
        self.field = ["--store", str(root / "laptop"), "--user", FIELD]

    def run(self, argv: list[str], code: int = 0) -> tuple[str, str]:
        self.capsys.readouterr()
        got = main(argv)
        out, err = self.capsys.readouterr()
        assert got == code, (argv, out, err)
        return out, err

    def json(self, argv: list[str]) -> Any:
        return json.loads(self.run([*argv, "--json"])[0])


def test_the_office_sets_up_a_cross_round_and_the_laptop_receives_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", PASS)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    cli = Cli(capsys, tmp_path)
    office, field = cli.office, cli.field

    # two fresh stores; the laptop enrolled with the office
    cli.run([*office, "init", "--role", "office", "--display-name", "巡察办"])
    cli.run([*field, "init", "--role", "field", "--display-name", "组员甲"])
    cli.run([*office, "office", "init"])
    request, certificate = tmp_path / "req.json", tmp_path / "cert.json"
    device = cli.json([*field, "enrol", "request", "--out", str(request)])["device_id"]
    cli.run([*office, "enrol", "sign", str(request), "--out", str(certificate)])
    cli.run([*field, "enrol", "accept", str(certificate)])

    # the round, with the dates of two phases
    made = cli.json(
        [
            *office,
            *("rounds", "add", "--name", ROUND, "--type", "cross"),
            *("--term", "十五届市委", "--year", "2026", "--auth-no", "市巡办〔2026〕5号"),
            *("--phase-date", "准备=2026-03-01..2026-03-10"),
            *("--phase-date", "stationing=2026-03-11..2026-05-10"),
        ]
    )
    assert made["round_type"] == "cross" and made["phase_dates"] == {
        "preparation": ["2026-03-01", "2026-03-10"],
        "stationing": ["2026-03-11", "2026-05-10"],
    }

    # two county teams; a cross round's team needs its county
    team = [*office, "teams", "add", "--round", ROUND, "--level", "county"]
    _out, err = cli.run([*team, "--name", "第三巡察组"], 8)
    assert "交叉巡察的巡察组须填写所属县（区）" in err
    for name, county, leader in (
        ("第一巡察组", "甲县", "张组长"),
        ("第二巡察组", "乙县", "李组长"),
    ):
        cli.run([*team, "--name", name, "--county", county, "--leader", leader])
    teams = cli.json([*office, "teams", "list", "--round", ROUND])
    assert [(t["team"]["name"], t["team"]["level"], t["team"]["county"]) for t in teams] == [
        ("第一巡察组", "county", "甲县"),
        ("第二巡察组", "county", "乙县"),
    ]

    # the targets: the blank template, filled in with two bad rows, refused whole
    written = cli.json(["templates", "write", str(tmp_path / "模板")])["files"]
    blank = next(Path(f) for f in written if Path(f).name == "被巡察单位.xlsx")
    bad = {1: {"类型": "卫生院"}, 4: {"关注等级": ""}}  # an unknown kind, a missing level
    path = _fill_targets(blank, tmp_path / "被巡察单位.xlsx", bad)
    with Vault.open(tmp_path / "office", OFFICE, PASS) as vault:
        before = store_state(vault)
    out, _err = cli.run([*office, "targets", "import", str(path), "--round", ROUND], 8)
    assert "整个文件未导入" in out
    assert "第 3 行“类型”：“卫生院”不是可选的类型" in out
    assert "第 6 行“关注等级”：必填，不能为空" in out
    out, _err = cli.run([*office, "targets", "import", str(path), "--round", ROUND, "--json"], 8)
    report = json.loads(out)
    assert (report["saved"], report["accepted"], report["refused_rows"]) == (False, 8, [3, 6])
    with Vault.open(tmp_path / "office", OFFICE, PASS) as vault:
        assert store_state(vault) == before
    assert cli.json([*office, "targets", "list", "--round", ROUND])["total"] == 0
    _fill_targets(blank, path, {})  # fixed and saved again
    out, _err = cli.run([*office, "targets", "import", str(path), "--round", ROUND])
    assert "导入被巡察单位 10 行" in out
    targets = cli.json([*office, "targets", "list", "--round", ROUND])["items"]
    assert sorted(t["name"] for t in targets) == NAMES
    by_name = {t["name"]: t for t in targets}
    team_ids = {t["team"]["name"]: t["team"]["id"] for t in teams}
    for name, _kind, _sub, _level, county, team_name, _leader in TARGETS:
        assert by_name[name]["county"] == county
        assert by_name[name]["team_id"] == team_ids[team_name]

    # 乙县's team may not take a target of 乙县: refused with the reason, nothing changed
    _out, err = cli.run(
        [*office, "targets", "edit", "乙县教育局党组", "--round", ROUND, "--team", "第二巡察组"], 8
    )
    assert "第二巡察组所属县（区）为乙县，交叉巡察不能巡察本县单位“乙县教育局党组”" in err
    again = cli.json([*office, "targets", "show", by_name["乙县教育局党组"]["id"]])
    assert again["team_id"] == team_ids["第一巡察组"]

    # a cadre, and members: one declares 回避 for a target and that cadre
    cli.run(
        [
            *office,
            *("persons", "add", "--round", ROUND, "--target", "乙县教育局党组"),
            *("--name", "钱局长", "--level", "县管", "--position", "局长"),
            *("--id-number", GOOD_ID),
        ]
    )
    (person,) = cli.json([*office, "persons", "list", "--round", ROUND])["items"]
    zhou = cli.json(
        [
            *office,
            *("members", "add", "--team", "第一巡察组", "--name", "周组员"),
            *("--unit", "甲县财政局", "--home-level", "county", "--home-county", "甲县"),
            *("--recusal-target", "乙县教育局党组", "--recusal-person", "钱局长"),
            *("--recusal-reason", "配偶在该局任职"),
        ]
    )
    assert zhou["recusal_target_ids"] == [by_name["乙县教育局党组"]["id"]]
    assert zhou["recusal_person_ids"] == [person["id"]] and zhou["recusal"] == "配偶在该局任职"
    cli.run([*office, "members", "add", "--team", "第二巡察组", "--name", "吴组员"])
    members = cli.json([*office, "members", "list", "--team", "第二巡察组"])
    wu = next(m for m in members if m["name"] == "吴组员")
    assert (wu["home_level"], wu["home_county"]) == ("county", "乙县")  # from its team

    # "3+1": a policy entry for the whole round, a problem of one target
    cli.run(
        [
            *office,
            *("lists", "add", "--round", ROUND, "--kind", "policy"),
            *("--title", "农村集体“三资”管理办法", "--document-no", "甲政发〔2024〕3号"),
            *("--content", "村集体资产处置应当经村民代表会议讨论决定。"),
        ]
    )
    cli.run(
        [
            *office,
            *("lists", "add", "--round", ROUND, "--kind", "problem"),
            *("--title", "上轮巡察反馈的账目问题", "--target", "甲县东山村党总支"),
        ]
    )
    entries = cli.json([*office, "lists", "list", "--round", ROUND])["items"]
    assert [(e["kind"], e["title"]) for e in entries] == [
        ("policy", "农村集体“三资”管理办法"),
        ("problem", "上轮巡察反馈的账目问题"),
    ]

    # 监督清单: seeded for every imported target by its kind
    focus = cli.json([*office, "focus", "list", "--round", ROUND, "--limit", "1000"])
    seeded = focus["total"]
    assert {i["target_id"] for i in focus["items"]} == {t["id"] for t in targets}
    village_items = sorted(
        i["title"] for i in focus["items"] if i["target_id"] == by_name["甲县东山村党总支"]["id"]
    )

    # the briefing for the laptop, which imports it
    package = tmp_path / "部署包.wbp"
    brief = cli.json(
        [*office, "brief", "--round", ROUND, "--device", device, "--out", str(package)]
    )
    assert brief["counts"]["targets"] == 10 and brief["counts"]["focus_items"] == seeded
    assert cli.json([*field, "rounds", "list"])["total"] == 0
    cli.run([*field, "import", str(package)])
    (laptop_round,) = cli.json([*field, "rounds", "list"])["items"]
    assert (laptop_round["id"], laptop_round["round_type"]) == (made["id"], "cross")
    on_laptop = cli.json([*field, "targets", "list", "--round", ROUND])["items"]
    assert sorted(t["name"] for t in on_laptop) == NAMES
    items = cli.json([*field, "focus", "list", "--round", ROUND, "--limit", "1000"])
    assert items["total"] == seeded
    village = next(t for t in on_laptop if t["name"] == "甲县东山村党总支")
    assert (
        sorted(i["title"] for i in items["items"] if i["target_id"] == village["id"])
        == village_items
    )
    laptop_entries = cli.json([*field, "lists", "list", "--round", ROUND])["items"]
    assert [e["title"] for e in laptop_entries] == [e["title"] for e in entries]
