"""Which kind of list a file most likely is, from its name and headers: the import dialog
preselects it, so a user choosing 村集体三资合同台账.xlsx need not look for 集体“三资”合同
among the nine kinds."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.datacheck.kinds import FIELDS
from workbench.datacheck.mapping import guess
from workbench.vocab.enums import DataListKind as Kind

# words a department's file name uses for each kind of list, the more telling kinds first
NAME_HINTS: dict[Kind, tuple[str, ...]] = {
    Kind.RELATIVES: ("近亲属", "亲属"),
    Kind.DEATHS: ("死亡", "火化", "殡葬"),
    Kind.CONTRACTS: ("三资", "合同"),
    Kind.PROJECTS: ("中标", "工程", "项目"),
    Kind.BUSINESS: ("工商", "企业", "股东", "法定代表人"),
    Kind.SUBSIDY: ("补贴", "惠农"),
    Kind.ASSISTANCE: ("低保", "特困", "救助"),
    Kind.STAFF: ("财政供养", "公职", "在编", "工资"),
    Kind.CADRES: ("干部",),
}


def guess_kind(file_name: str, headers: Sequence[str | None]) -> Kind | None:
    """The kind whose required fields the headers all name, the file name breaking ties, then
    the most fields found; None when no kind's required fields are all there."""
    best: tuple[tuple[bool, bool, int], Kind] | None = None
    for kind in Kind:
        found = guess(kind, headers)
        complete = all(f.key in found for f in FIELDS[kind] if f.required)
        named = any(word in file_name for word in NAME_HINTS[kind])
        score = (complete, named, len(found))
        if best is None or score > best[0]:
            best = (score, kind)
    if best is None or not best[0][0]:
        return None
    return best[1]
