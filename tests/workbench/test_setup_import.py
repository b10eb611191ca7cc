"""Set-up templates filled in Excel and imported into a round: every refused row is listed with its
column and reason, and nothing is saved until the file is clean (or only the clean rows, when
asked); only 巡察办 may import."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.workbench.setup_files import (
    OFFICE,
    TEN_TARGETS,
    fill,
    id_number,
    office_round,
    store_state,
)
from tests.workbench.team import Team
from workbench.errors import PermissionDenied
from workbench.reports.setup_import import import_setup_file
from workbench.reports.setup_rows import Refusal
from workbench.reports.setup_templates import TEMPLATES, write_templates
from workbench.services.focus import list_focus_items, list_list_entries
from workbench.services.office_setup import list_round_teams
from workbench.services.targets import list_persons, list_targets
from workbench.store.vault import Vault


@pytest.fixture
def office(team: Team) -> Vault:
    return team(OFFICE)


@pytest.fixture
def round_id(office: Vault) -> str:
    return office_round(office)


def _targets(vault: Vault, round_id: str) -> dict[str, str]:
    with vault.read() as s:
        return {t.name: t.id for t in list_targets(s, round_id=round_id).items}


def _import_targets(vault: Vault, round_id: str, tmp_path: Path) -> dict[str, str]:
    path = fill("targets", tmp_path / "targets.xlsx", TEN_TARGETS)
    report = import_setup_file(vault, path, "targets", round_id)
    assert report.saved and report.accepted == 10, report.refusals
    return _targets(vault, round_id)


def test_blank_templates_carry_headers_drop_downs_and_their_version(tmp_path: Path) -> None:
    paths = write_templates(tmp_path)
    assert [p.name for p in paths] == [
        "被巡察单位.xlsx",
        "干部人员.xlsx",
        "巡察组成员.xlsx",
        "3+1清单条目.xlsx",
    ]
    for path, spec in zip(paths, TEMPLATES.values(), strict=True):
        wb = load_workbook(path)
        ws = wb[spec.sheet]
        assert [c.value for c in ws[1]] == list(spec.headers)
        assert ws.freeze_panes == "A2"
        assert wb["_meta"].sheet_state == "hidden" and wb["_lists"].sheet_state == "hidden"
        assert dict(wb["_meta"].values)["template"] == spec.kind
        assert all(ws.column_dimensions[c].width >= 10 for c in "ABC")
    ws = load_workbook(paths[0])["被巡察单位"]
    lists = load_workbook(paths[0])["_lists"]
    validated = {str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert validated == {"B2:B1048576", "C2:C1048576", "D2:D1048576"}  # 类型, 子类型, 关注等级
    column = [c.value for c in lists["A"]]
    assert column[0] == "类型" and "村" in column and "社区" in column
    assert "社情复杂村" in [c.value for c in lists["B"]]


def test_a_clean_targets_file_is_imported_with_focus_lists_seeded(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    targets = _import_targets(office, round_id, tmp_path)
    assert len(targets) == 10
    with office.read() as s:
        assert list_focus_items(s, target_id=targets["东山村党总支"]).total > 0
        teams = {t.team.name: t.team.target_ids for t in list_round_teams(s, round_id)}
    assert teams["第一巡察组"] == (targets["县教育局党组"],)


def test_bad_rows_are_all_listed_and_nothing_is_saved_until_fixed(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    rows = [dict(r) for r in TEN_TARGETS]
    rows[3]["类型"] = "卫生院"  # unknown kind (the service's refusal, with its column)
    rows[6]["关注等级"] = ""  # a required cell left empty
    rows[6]["巡察组"] = "第九巡察组"  # and a team the round does not have
    rows[8]["子类型"] = "商住型"  # a 社区 sub-type on a 村
    before = store_state(office)
    path = fill("targets", tmp_path / "targets.xlsx", rows)
    report = import_setup_file(office, path, "targets", round_id)
    assert not report.saved and store_state(office) == before
    assert report.refused_rows == (5, 8, 10)
    assert report.accepted == 7
    by_row = {(r.row, r.column) for r in report.refusals}
    assert by_row == {(5, "类型"), (8, "关注等级"), (8, "巡察组"), (10, "子类型")}
    assert any("卫生院" in r.reason and "可选" in r.reason for r in report.refusals)
    assert Refusal(8, "巡察组", "本轮没有名为“第九巡察组”的巡察组") in report.refusals
    # fixed in the same file: the whole file goes in
    fill("targets", path, TEN_TARGETS)
    report = import_setup_file(office, path, "targets", round_id)
    assert report.saved and report.clean and len(_targets(office, round_id)) == 10


def test_duplicates_in_the_file_and_in_the_round_are_refused(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    _import_targets(office, round_id, tmp_path)
    rows = [
        {"名称": "县教育局党组", "类型": "党政机关", "关注等级": "一般关注"},
        {"名称": "新单位", "类型": "党政机关", "关注等级": "一般关注"},
        {"名称": "新单位", "类型": "党政机关", "关注等级": "一般关注"},
    ]
    report = import_setup_file(
        office, fill("targets", tmp_path / "dup.xlsx", rows), "targets", round_id
    )
    assert [(r.row, r.column) for r in report.refusals] == [(2, "名称"), (4, "名称")]
    assert "已有" in report.refusals[0].reason and "第 3 行" in report.refusals[1].reason


def test_the_services_refusals_name_their_column(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    rows = [
        {"名称": "长" * 121, "类型": "党政机关", "关注等级": "一般关注"},
        {"名称": "县财政局党组", "类型": "党政机关", "关注等级": "非常关注"},
    ]
    report = import_setup_file(
        office, fill("targets", tmp_path / "t.xlsx", rows), "targets", round_id
    )
    assert [(r.row, r.column) for r in report.refusals] == [(2, "名称"), (3, "关注等级")]
    assert "不能超过 120 个字" in report.refusals[0].reason
    assert report.refusals[1].reason.startswith("关注等级“非常关注”无效，可选：特别关注")


def test_clean_rows_only_imports_the_clean_rows_when_asked(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    rows = [dict(r) for r in TEN_TARGETS]
    rows[0]["类型"] = "卫生院"
    path = fill("targets", tmp_path / "targets.xlsx", rows)
    checked = import_setup_file(office, path, "targets", round_id, dry_run=True)
    assert not checked.saved and checked.accepted == 9 and checked.refused_rows == (2,)
    report = import_setup_file(office, path, "targets", round_id, clean_rows_only=True)
    assert report.saved and report.accepted == 9 and report.refused_rows == (2,)
    assert "县教育局党组" not in _targets(office, round_id)
    assert len(_targets(office, round_id)) == 9


def test_persons_with_a_bad_id_number_are_refused_per_gb_11643(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    _import_targets(office, round_id, tmp_path)
    good = id_number()
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    rows = [
        {
            "姓名": "张三",
            "身份证号": good,
            "所在被巡察单位": "县教育局党组",
            "干部管理权限": "县管",
        },
        {
            "姓名": "李四",
            "身份证号": wrong_check,
            "所在被巡察单位": "县教育局党组",
            "干部管理权限": "县管",
        },
        {
            "姓名": "王五",
            "身份证号": 110105198001010000,
            "所在被巡察单位": "县教育局党组",
            "干部管理权限": "县管",
        },
        {"姓名": "赵六", "所在被巡察单位": "不存在的单位", "干部管理权限": "处级"},
        {
            "姓名": "钱七",
            "身份证号": good,
            "所在被巡察单位": "东山村党总支",
            "干部管理权限": "乡管",
        },
        {
            "姓名": "孙八",
            "所在被巡察单位": "东山村党总支",
            "干部管理权限": "其他",
            "任职开始": "2024年13月1日",
        },
    ]
    before = store_state(office)
    report = import_setup_file(
        office, fill("persons", tmp_path / "persons.xlsx", rows), "persons", round_id
    )
    assert not report.saved and store_state(office) == before
    reasons = {(r.row, r.column): r.reason for r in report.refusals}
    assert "校验位" in reasons[(3, "身份证号")]
    assert "数字" in reasons[(4, "身份证号")]
    assert "不存在的单位" in reasons[(5, "所在被巡察单位")]
    assert "第 2 行" in reasons[(6, "身份证号")]
    assert "不是有效日期" in reasons[(7, "任职开始")]
    assert set(reasons) == {
        (3, "身份证号"),
        (4, "身份证号"),
        (5, "所在被巡察单位"),
        (6, "身份证号"),
        (7, "任职开始"),
    }
    report = import_setup_file(
        office, fill("persons", tmp_path / "persons.xlsx", rows[:1]), "persons", round_id
    )
    assert report.saved
    with office.read() as s:
        (person,) = list_persons(s, round_id=round_id).items
    assert (person.name, person.id_number, person.level.label) == ("张三", good, "县管")
    # the same person again is a duplicate of the round's
    again = import_setup_file(
        office, fill("persons", tmp_path / "again.xlsx", rows[:1]), "persons", round_id
    )
    assert [(r.row, r.column) for r in again.refusals] == [(2, "身份证号"), (2, "姓名")]


def test_members_declare_recusal_by_names_of_the_round(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    targets = _import_targets(office, round_id, tmp_path)
    import_setup_file(
        office,
        fill(
            "persons",
            tmp_path / "p.xlsx",
            [{"姓名": "张三", "所在被巡察单位": "县教育局党组", "干部管理权限": "县管"}],
        ),
        "persons",
        round_id,
    )
    rows = [
        {
            "巡察组": "第一巡察组",
            "姓名": "周组长",
            "组内职务": "组长",
            "力量类型": "专职",
            "回避单位": "县教育局党组、东山村党总支",
            "回避人员": "张三",
            "回避事由": "曾在该局任职",
        },
        {
            "巡察组": "第二巡察组",
            "姓名": "吴组员",
            "组内职务": "组员",
            "力量类型": "抽调",
            "来源层级": "县级",
            "来源县（区）": "甲县",
        },
        {
            "巡察组": "第三巡察组",
            "姓名": "郑某",
            "组内职务": "组员",
            "力量类型": "临时",
            "回避单位": "县财政局",
        },
    ]
    path = fill("members", tmp_path / "members.xlsx", rows)
    report = import_setup_file(office, path, "members", round_id)
    assert {(r.row, r.column) for r in report.refusals} == {(4, "巡察组"), (4, "回避单位")}
    report = import_setup_file(office, fill("members", path, rows[:2]), "members", round_id)
    assert report.saved and report.accepted == 2
    with office.read() as s:
        teams = {t.team.name: t.members for t in list_round_teams(s, round_id)}
        (person,) = list_persons(s, round_id=round_id).items
    leader = next(m for m in teams["第一巡察组"] if m.name == "周组长")
    assert set(leader.recusal_target_ids) == {targets["县教育局党组"], targets["东山村党总支"]}
    assert leader.recusal_person_ids == (person.id,)
    second = next(m for m in teams["第二巡察组"] if m.name == "吴组员")
    assert (second.force_type.label, second.home_level.label, second.home_county) == (
        "抽调",
        "县级",
        "甲县",
    )


def test_list_entries_for_a_target_or_the_whole_round(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    targets = _import_targets(office, round_id, tmp_path)
    rows = [
        {
            "清单类型": "政策",
            "标题": "关于加强基层党建的意见",
            "文号": "X发〔2025〕1号",
            "内容": "第三条……",
        },
        {"清单类型": "职能清单", "被巡察单位": "县教育局党组", "标题": "教育经费管理"},
        {"清单类型": "政策清单", "标题": "没有原文的政策"},
    ]
    path = fill("lists", tmp_path / "lists.xlsx", rows)
    report = import_setup_file(office, path, "lists", round_id)
    assert [(r.row, r.column) for r in report.refusals] == [(4, "内容")]
    report = import_setup_file(office, path, "lists", round_id, clean_rows_only=True)
    assert report.saved and report.accepted == 2
    with office.read() as s:
        entries = {e.title: e for e in list_list_entries(s, round_id=round_id).items}
    assert entries["关于加强基层党建的意见"].target_id is None
    assert entries["教育经费管理"].target_id == targets["县教育局党组"]


def test_only_the_office_may_import(team: Team, round_id: str, tmp_path: Path) -> None:
    leader = team()  # 组长 and 系统管理员, not 巡察办
    path = fill("targets", tmp_path / "targets.xlsx", TEN_TARGETS)
    before = store_state(leader)
    with pytest.raises(PermissionDenied, match="巡察办"):
        import_setup_file(leader, path, "targets", round_id)
    assert store_state(leader) == before
