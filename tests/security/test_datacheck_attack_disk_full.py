"""A disk that fills in the middle of an import (a county's list is large) stops it with the
disk-full error, not an internal failure, and the error carries none of the rows: SQLAlchemy
puts a failed statement's parameters (here a batch of the list's cells) into its message, and
an unexpected error's message and traceback go to the rotating log in plaintext."""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from tests.workbench.conftest import team, team_template
from tests.workbench.datalist_files import ASSISTANCE_HEADERS, id_number, write_xlsx
from tests.workbench.setup_files import OFFICE, office_round
from tests.workbench.team import Team
from workbench.errors import DiskFull
from workbench.models.datalists import DataSource
from workbench.services.datalists import import_list
from workbench.vocab.enums import DataListKind

__all__ = ["team", "team_template"]  # fixtures used here

MARKER = "甄秘密"


def test_a_full_disk_stops_an_import_with_no_cell_in_the_error(team: Team, tmp_path: Path) -> None:
    round_id = office_round(team(OFFICE), "2026年第一轮巡察")
    rows = [
        (i, f"{MARKER}{i}", id_number(i), "团结村", "低保", "1,234.50", "2026年5月1日")
        for i in range(1, 2001)
    ]
    path = write_xlsx(tmp_path / "低保.xlsx", ASSISTANCE_HEADERS, rows)
    with team(OFFICE).session() as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
        s.connection().exec_driver_sql(f"PRAGMA max_page_count = {int(pages) + 4}")
        with pytest.raises(DiskFull) as caught:
            import_list(s, path, kind=DataListKind.ASSISTANCE, round_id=round_id)
    logged = "".join(traceback.format_exception(caught.value))  # what a log would get
    assert MARKER not in logged
    with team(OFFICE).read() as s:
        assert s.scalar(select(func.count()).select_from(DataSource)) == 0  # nothing half-in


def test_a_failed_statement_does_not_carry_its_parameters(team: Team) -> None:
    with team(OFFICE).read() as s, pytest.raises(OperationalError) as caught:
        s.execute(text("SELECT :who FROM no_such_table"), {"who": MARKER})
    assert MARKER not in "".join(traceback.format_exception(caught.value))
