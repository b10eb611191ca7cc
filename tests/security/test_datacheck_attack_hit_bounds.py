"""What a hit copies of its rows must fit the field rules of a record (a JSON string of at most
100,000 characters, at most 10,000 values), or the run that finds it fails whole. A list may
hold more: a CSV cell of up to 128 KB, a row of up to 16,384 columns. One such matched row
made every run of the round fail (WB-VALIDATION, nothing recorded); the copy is now cut to
fit, saying so, and the run goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbench.conftest import team, team_template
from tests.workbench.datalist_files import id_number, write_csv
from tests.workbench.setup_files import OFFICE, office_round
from tests.workbench.team import Team
from workbench.datacheck.errors import ListRowsRefused
from workbench.models.fieldrules import json_fault
from workbench.services.datahits import list_hits, run_rules
from workbench.services.datalists import import_list
from workbench.vocab.enums import DataListKind

__all__ = ["team", "team_template"]  # fixtures used here

BASE = ("姓名", "身份证号", "村（社区）", "救助类别", "发放金额", "发放日期")


@pytest.mark.parametrize(
    ("extra_headers", "extra_cells"),
    [
        (("备注",), ("说" * 110_000,)),
        (tuple(f"第{i}项" for i in range(12_000)), tuple("x" for _ in range(12_000))),
    ],
    ids=["a-long-cell", "many-columns"],
)
def test_a_huge_matched_row_does_not_stop_the_run(
    team: Team, tmp_path: Path, extra_headers: tuple[str, ...], extra_cells: tuple[str, ...]
) -> None:
    round_id = office_round(team(OFFICE), "2026年第一轮巡察")
    person = id_number(7)
    staff = write_csv(
        tmp_path / "财政供养.csv", ("姓名", "身份证号", "工作单位"), [("张三", person, "县教育局")]
    )
    row = ("张三", person, "团结村", "低保", "300", "2026年5月1日", *extra_cells)
    assistance = write_csv(tmp_path / "低保.csv", (*BASE, *extra_headers), [row])
    with team(OFFICE).session() as s:
        import_list(s, staff, kind=DataListKind.STAFF, round_id=round_id)
        import_list(s, assistance, kind=DataListKind.ASSISTANCE, round_id=round_id)
    with team(OFFICE).session() as s:
        assert run_rules(s, round_id, rule_id="DC01").new == 1
    with team(OFFICE).read() as s:
        [hit] = list_hits(s, round_id)
    assert json_fault(list(hit.rows)) is None
    [cells] = [r["cells"] for r in hit.rows if r["kind"] == "assistance"]
    assert cells["姓名"] == "张三" and any("未复制" in k or "未复制" in v for k, v in cells.items())


def test_a_value_wider_than_its_column_is_a_bad_row(team: Team, tmp_path: Path) -> None:
    """A name of 110,000 characters went in (SQLite does not hold a value to its column's
    width) and out again into a hit's text, past the field rules: the run failed. A name is at
    most 64 characters, other text 1,000; a project's name past 64 still goes in."""
    round_id = office_round(team(OFFICE), "2026年第一轮巡察")
    person = id_number(7)
    row = ("张" * 110_000, person, "团结村", "低保", "300", "2026年5月1日")
    path = write_csv(tmp_path / "低保.csv", BASE, [row])
    with pytest.raises(ListRowsRefused, match=r"姓名.*超过 64 个字"), team(OFFICE).session() as s:
        import_list(s, path, kind=DataListKind.ASSISTANCE, round_id=round_id)

    project = "某某县某某镇某某村2026年度高标准农田建设项目（第二标段）" * 3
    assert len(project) > 64
    headers = ("项目名称", "中标单位", "项目所在村（社区）")
    path = write_csv(tmp_path / "工程.csv", headers, [(project, "某某建筑公司", "团结村")])
    with team(OFFICE).session() as s:
        assert import_list(s, path, kind=DataListKind.PROJECTS, round_id=round_id).rows == 1
