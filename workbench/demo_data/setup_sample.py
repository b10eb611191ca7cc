"""A sample office set-up for ``--screenshots``: a round with two teams, and a filled-in
被巡察单位 template in which three rows are refused (an unknown 类型, an empty 关注等级, a team the
round does not have)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from workbench.reports.setup_templates import TEMPLATES, write_template
from workbench.services.office_setup import DEFAULT_FRAMEWORK, add_round, add_team
from workbench.services.rounds import RoundDraft

COLUMNS = ("名称", "类型", "子类型", "关注等级", "所属县（区）", "巡察组")
TARGETS = (
    ("县教育局党组", "党政机关", "", "一般关注", "甲县", "第一巡察组"),
    ("县总工会党组", "群团组织", "", "一般关注", "甲县", "第一巡察组"),
    ("县人民医院党委", "卫生院", "", "重点关注", "甲县", "第一巡察组"),
    ("县城投集团党委", "国有企业", "", "", "乙县", "第二巡察组"),
    ("东山村党总支", "村", "社情复杂村", "一般关注", "乙县", "第三巡察组"),
    ("幸福社区党委", "社区", "商住型", "一般关注", "乙县", "第二巡察组"),
)


def sample_round(session: Session) -> str:
    """The round (its id), made by the office user the session belongs to."""
    draft = RoundDraft("2026年第一轮巡察", 2026, 1, "regular", *DEFAULT_FRAMEWORK)
    round_id = add_round(session, draft).id
    for name in ("第一巡察组", "第二巡察组"):
        add_team(session, round_id, name)
    return round_id


def sample_targets_file(directory: Path) -> Path:
    """The filled-in template, saved in ``directory`` under the template's own name."""
    path = Path(directory) / TEMPLATES["targets"].file_name
    write_template("targets", path)
    wb = load_workbook(path)
    ws = wb[TEMPLATES["targets"].sheet]
    headers = TEMPLATES["targets"].headers
    for number, row in enumerate(TARGETS, start=2):
        for header, value in zip(COLUMNS, row, strict=True):
            ws.cell(row=number, column=headers.index(header) + 1, value=value or None)
    wb.save(path)
    return path
