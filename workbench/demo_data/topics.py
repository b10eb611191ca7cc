"""Problem topics: one theme gives a letter, a clue, a 底稿 and a 整改 item that read alike.

Templates use ``str.format`` fields filled by ``text.Filler``: {unit} {org} {person} {position}
{leader} {relative} {company} {project} {year} {n} {m} {amount} {dept} {village} {month}.
Codes are 表现 codes of ``sgjj@2020``; kinds are target kind codes ("*" for every kind).
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.demo_data.topics_common import COMMON
from workbench.demo_data.topics_grassroots import GRASSROOTS
from workbench.demo_data.topics_units import UNITS


@dataclass(frozen=True)
class Topic:
    key: str  # short label, also the clue's 二级分类
    kinds: tuple[str, ...]
    codes: tuple[str, ...]
    disciplines: tuple[str, ...]
    amount: tuple[int, int] | None  # 元
    finding: str  # 底稿名称
    summary: str  # 问题概述
    letter: str  # what a letter says
    clue: str  # 线索具体问题
    measure: str  # 整改措施
    policies: tuple[str, ...] = ()  # POLICIES keys of the 定性依据
    to_org_dept: bool = False  # a clue goes to 组织部 rather than 纪委监委


TOPICS: tuple[Topic, ...] = tuple(
    Topic(*row[:10], **row[10]) for row in (*GRASSROOTS, *UNITS, *COMMON)
)


def topics_for(kind: str) -> tuple[Topic, ...]:
    return tuple(t for t in TOPICS if "*" in t.kinds or kind in t.kinds)
