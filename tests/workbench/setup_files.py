"""An office round to import set-up templates into, and templates filled in with openpyxl."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import func, select

from workbench.models import AuditEntry, ListEntry, Member, Person, Target
from workbench.reports.setup_templates import TEMPLATES, write_template
from workbench.services.id_numbers import check_character
from workbench.services.office_setup import DEFAULT_FRAMEWORK, add_round, add_team
from workbench.services.rounds import RoundDraft
from workbench.store.vault import Vault

OFFICE = "office"  # the team fixture's 巡察办 user
TEAMS = ("第一巡察组", "第二巡察组")

TEN_TARGETS: list[dict[str, Any]] = [
    {"名称": "县教育局党组", "类型": "党政机关", "关注等级": "一般关注", "巡察组": "第一巡察组"},
    {"名称": "县总工会党组", "类型": "群团组织", "关注等级": "一般关注"},
    {"名称": "县第一中学党委", "类型": "公立院校", "关注等级": "重点关注"},
    {"名称": "县人民医院党委", "类型": "公立医院", "关注等级": "重点关注", "一把手": "李四"},
    {"名称": "县城投集团党委", "类型": "国有企业", "关注等级": "特别关注"},
    {"名称": "某某镇党委", "类型": "乡镇（街道）", "关注等级": "一般关注", "所属县（区）": "甲县"},
    {"名称": "某某街道党工委", "类型": "乡镇（街道）", "关注等级": "一般关注"},
    {"名称": "东山村党总支", "类型": "村", "子类型": "社情复杂村", "关注等级": "一般关注"},
    {"名称": "西河村党支部", "类型": "村", "子类型": "资源丰富村", "关注等级": "一般关注"},
    {"名称": "幸福社区党委", "类型": "社区", "子类型": "商住型", "关注等级": "一般关注"},
]


def id_number(first17: str = "11010519800101001") -> str:
    """A 身份证号 with the right check character."""
    return first17 + check_character(first17)


def office_round(vault: Vault, name: str = "2026年第一轮巡察") -> str:
    """A round with two teams, made by the office user ``vault`` is unlocked as."""
    with vault.session() as s:
        round_id = add_round(s, RoundDraft(name, 2026, 1, "regular", *DEFAULT_FRAMEWORK)).id
        for team in TEAMS:
            add_team(s, round_id, team)
    return round_id


def fill(kind: str, path: Path, rows: Sequence[Mapping[str, Any]]) -> Path:
    """The blank template of ``kind`` saved at ``path`` with ``rows`` filled in below the header
    (keys are headers), as someone filling it in Excel would leave it."""
    write_template(kind, path, overwrite=True)
    wb = load_workbook(path)
    ws = wb[TEMPLATES[kind].sheet]
    headers = TEMPLATES[kind].headers
    for number, row in enumerate(rows, start=2):
        for header, value in row.items():
            ws.cell(row=number, column=headers.index(header) + 1, value=value)
    wb.save(path)
    return path


def store_state(vault: Vault) -> tuple[int, ...]:
    """What an import may change: the audit log (but for unlocks: each CLI run unlocks) and the
    set-up records."""
    with vault.read() as s:
        audited = select(func.count()).where(AuditEntry.action != "unlock")
        records = [
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Target, Person, Member, ListEntry)
        ]
        return (s.scalar(audited) or 0, *records)
