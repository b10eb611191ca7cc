"""Exports from departments' systems carry stray control characters (a vertical tab, a BEL, an
ESC sequence pasted from a terminal). The store's field rules refuse them in a hit's text and
JSON, so one such cell in a matched row made every run of the round fail (WB-VALIDATION, no
hit recorded) until the list was removed. The reader drops them from cells as it reads, the way
a person reading the sheet would never see them; names still match."""

from __future__ import annotations

from pathlib import Path

from tests.workbench.conftest import team, team_template
from tests.workbench.datalist_files import ASSISTANCE_HEADERS, id_number, write_csv
from tests.workbench.setup_files import OFFICE, office_round
from tests.workbench.team import Team
from workbench.datacheck.readers import open_table
from workbench.services.datahits import list_hits, run_rules
from workbench.services.datalists import import_list
from workbench.vocab.enums import DataListKind

__all__ = ["team", "team_template"]  # fixtures used here


def test_a_cell_with_control_characters_does_not_stop_a_run(team: Team, tmp_path: Path) -> None:
    round_id = office_round(team(OFFICE), "2026年第一轮巡察")
    person = id_number(7)
    staff = write_csv(
        tmp_path / "财政供养.csv", ("姓名", "身份证号", "工作单位"), [("张三", person, "县教育局")]
    )
    assistance = write_csv(
        tmp_path / "低保.csv",
        (*ASSISTANCE_HEADERS, "家庭住址"),
        [(1, "张\x07三", person, "团结村", "低保", "300", "2026年5月1日", "东村\x0b3组\x1b[2J")],
    )
    with team(OFFICE).session() as s:
        import_list(s, staff, kind=DataListKind.STAFF, round_id=round_id)
        import_list(s, assistance, kind=DataListKind.ASSISTANCE, round_id=round_id)
    with team(OFFICE).session() as s:
        assert run_rules(s, round_id, rule_id="DC01").new == 1
    with team(OFFICE).read() as s:
        [hit] = list_hits(s, round_id)
    [cells] = [r["cells"] for r in hit.rows if r["kind"] == "assistance"]
    assert hit.subject_name == "张三" and cells["家庭住址"] == "东村3组[2J"


def test_the_reader_keeps_tabs_and_line_breaks(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ("姓名", "备注"), [("张三", "一\t二\r\n三\x7f\x85")])
    with open_table(path) as table:
        assert [cells for _, cells in table.rows()] == [["张三", "一\t二\r\n三"]]
