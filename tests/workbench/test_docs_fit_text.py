"""Ledger tables give their text columns the room: demo-like rows of the landscape ledgers."""

from __future__ import annotations

from docx.table import Table

from workbench.reports.doc_clues import LEDGER_COLUMNS
from workbench.reports.doc_rectification import COLUMNS
from workbench.reports.fitted import fitted_table
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.typeset import CELL_PAD_PT, TEXT_FLOOR_CHARS, unbroken_width_pt

CLUE_ROWS = [
    [
        "1",
        "XS-2026-61-001",
        "张珍娜",
        "党组成员、副局长（县管）",
        "县交通运输局党组",
        "张珍娜涉嫌违规使用公款宴请，费用4.05万元变通报销。",
        "县纪委监委案件监督管理室（双移交）",
        "2026.6.18",
        "予以了结",
        "2026.9.16",
        "已反馈",
    ],
    [
        "12",
        "XS-2026-61-012",
        "张波辉",
        "党支部书记、村委会主任（乡管）",
        "杏花村党支部",
        "张波辉收受管理服务对象礼金、购物卡约4015元。",
        "县委组织部（单移交）",
        "2026.6.6",
        "谈话函询",
        "2026.8.5",
        "办理中",
    ],
]
RECT_ROWS = [
    [
        "1",
        "ZG-2026-62-003",
        "吃拿卡要、优亲厚友",
        "走访群众和谈话了解到，李家庄村村委委员、报账员许勇在办理宅基地审批、危房改造等事项时"
        "向4户群众收取“辛苦费”共计4800元。",
        "向群众退还好处费4800元；公开办事流程和时限，设立投诉电话，开展群众满意度回访。",
        "江明学",
        "村委会",
        "冯鹏刚",
        "2026.9.30",
        "长期坚持",
        "",
        "",
    ]
]


def _size_pt(table: Table) -> float:
    return float(table.rows[1].cells[0].paragraphs[0].runs[0].font.size.pt)


def _check(
    table: Table, total_pt: float, headers: list[str], rows: list[list[str]], text_cols: list[int]
) -> None:
    size = _size_pt(table)
    grid = [c.w for c in table._tbl.tblGrid.gridCol_lst]
    grid_pt = [w * total_pt / sum(grid) for w in grid]
    for i in text_cols:  # running text: never crushed to a character or two a line
        assert grid_pt[i] >= TEXT_FLOOR_CHARS * size + CELL_PAD_PT - 0.5, (headers[i], grid_pt)
    for i, head in enumerate(headers):  # a header breaks only at its marked word boundary
        assert table.rows[0].cells[i].text in (head.replace("|", ""), head.replace("|", "\n"))
        for row in rows:  # numbers and dates stay whole
            if row[i][:1].isascii():
                assert grid_pt[i] >= unbroken_width_pt(row[i], size) + CELL_PAD_PT - 0.5


def test_the_clue_ledger_gives_its_text_columns_room() -> None:
    doc = OfficialDocument(title="台账", landscape=True)
    headers = [c[0] for c in LEDGER_COLUMNS]
    table = fitted_table(doc, headers, CLUE_ROWS, size_pt=10.5)
    _check(table, doc.text_width_twips / 20, headers, CLUE_ROWS, [3, 4, 5, 6])
    assert "被反映人" in headers  # one word, not 被反/映人


def test_the_rectification_ledger_gives_its_text_columns_room() -> None:
    doc = OfficialDocument(title="台账", landscape=True)
    headers = [c[1] for c in COLUMNS]
    table = fitted_table(doc, headers, RECT_ROWS, size_pt=10.5)
    _check(table, doc.text_width_twips / 20, headers, RECT_ROWS, [2, 3, 4])
