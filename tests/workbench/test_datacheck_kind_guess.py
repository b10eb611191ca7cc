"""The kind of list a file looks like (workbench/datacheck/kind_guess.py), on the demo's files."""

from __future__ import annotations

from pathlib import Path

from workbench.datacheck.kind_guess import guess_kind
from workbench.datacheck.readers import open_table
from workbench.demo_data.lists import write_lists
from workbench.vocab.enums import DataListKind


def test_every_demo_list_is_taken_for_its_own_kind(tmp_path: Path) -> None:
    for f in write_lists(tmp_path).files:
        with open_table(f.path) as table:
            assert guess_kind(f.path.name, table.headers) is f.kind, f.path.name


def test_headers_that_fit_no_kind_guess_nothing() -> None:
    assert guess_kind("会议记录.xlsx", ("时间", "地点", "议题")) is None


def test_the_file_name_breaks_a_tie_between_person_lists() -> None:
    headers = ("姓名", "身份证号", "金额", "发放日期")
    assert guess_kind("惠农补贴发放清册.xlsx", headers) is DataListKind.SUBSIDY
    assert guess_kind("低保发放花名册.xlsx", headers) is DataListKind.ASSISTANCE
