"""Excel ledgers read back with openpyxl: Chinese headers, frozen header row, auto-filter,
column widths, status drop-downs, hidden import columns, and rows against the records."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded, open_seeded
from workbench.reports import DocRequest, write_document
from workbench.reports.xlsx_ledgers import LEDGERS
from workbench.vocab.enums import LetterStatus, RectificationStatus

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
LEDGER_TYPES = {
    "letters": "letter-ledger",
    "findings": "finding-ledger",
    "clues": "clue-ledger",
    "rectification": "rectification",
}


@pytest.fixture(scope="module")
def books(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with open_seeded(seeded, tmp_path_factory) as vault, vault.read() as s:
        for name, code in [*LEDGER_TYPES.items(), ("stats", "stats")]:
            buf = io.BytesIO()
            written = write_document(s, DocRequest(code, round_id=seeded.round_id), buf, "xlsx")
            out[name] = (load_workbook(io.BytesIO(buf.getvalue())), written.rows)
    return out


def rows(ws: Any) -> list[dict[str, Any]]:
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


@pytest.mark.parametrize("name", list(LEDGER_TYPES))
def test_sheet_is_sortable_and_filterable(books: dict[str, Any], name: str) -> None:
    wb, count = books[name]
    ledger = LEDGERS[name]
    ws = wb[ledger.sheet]
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in ledger.columns]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    last = ws.cell(row=1, column=len(headers)).column_letter
    assert ws.auto_filter.ref == f"A1:{last}{count + 1}"
    assert ws.max_row == count + 1
    for index, column in enumerate(ledger.columns, start=1):
        letter = ws.cell(row=1, column=index).column_letter
        assert ws.column_dimensions[letter].width == column.width
    lists = {str(dv.sqref).split(":")[0][:-1]: dv for dv in ws.data_validations.dataValidation}
    for index, column in enumerate(ledger.columns, start=1):
        letter = ws.cell(row=1, column=index).column_letter
        if column.choices:
            dv = lists[letter]
            assert dv.type == "list"
            assert dv.formula1 == '"' + ",".join(column.choices) + '"'
            assert str(dv.sqref) == f"{letter}2:{letter}1048576"
        else:
            assert letter not in lists
    meta = wb["_meta"]
    assert meta.sheet_state == "hidden"
    assert dict(meta.iter_rows(values_only=True))["ledger"] == name


def test_letters_ledger(books: dict[str, Any], seeded: Seeded) -> None:
    wb, count = books["letters"]
    ws = wb["信访件台账"]
    data = rows(ws)
    assert count == 2
    named = next(r for r in data if r["来源渠道"] == "来信")
    assert named["收到时间"] == datetime(2025, 3, 15, 10, 0)
    assert ws.cell(row=2, column=2).is_date
    assert named["被反映人"] == "李明" and named["实名/匿名"] == "实名"
    assert named["分类"] == "一般性问题" and named["处置方式"] == "转交"
    assert named["状态"] == LetterStatus.DISPOSED.label and named["组务会日期"].date() == date(
        2025, 3, 18
    )
    # a plaintext ledger never carries who reported
    flat = [str(v) for r in data for v in r.values()]
    assert "赵六" not in flat and "13800000000" not in flat
    # text that looks like a formula stays text
    row = 2 + [r["来源渠道"] for r in data].index("二维码")
    cell = ws.cell(row=row, column=7)
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


def test_findings_ledger(books: dict[str, Any]) -> None:
    wb, count = books["findings"]
    ws = wb["问题底稿台账"]
    data = {r["底稿名称"]: r for r in rows(ws)}
    assert count == 4
    f1 = data["城关镇惠农补贴虚报冒领"]
    assert f1["涉及金额（元）"] == pytest.approx(42000.50)
    money = next(c for c in ws[1] if c.value == "涉及金额（元）").column
    row = 2 + list(data).index("城关镇惠农补贴虚报冒领")
    assert ws.cell(row=row, column=money).number_format == "#,##0.00"
    assert f1["方面"].startswith("聚焦群众身边") and f1["类"] == "惠民惠农资金管理使用"
    assert f1["状态"] == "已审签" and f1["编制日期"].date() == date(2025, 4, 1)
    assert data["城关镇党委议事决策把关缺位"]["立行立改"] == "是"
    assert data["不纳入报告的问题"]["纳入报告"] == "否"


def test_clues_ledger(books: dict[str, Any]) -> None:
    data = rows(books["clues"][0]["问题线索台账"])
    wang = next(r for r in data if r["被反映人"] == "王五")
    assert wang["拟移交单位"] == "纪委监委" and wang["状态"] == "已移交"
    assert wang["移交时间"] == datetime(2025, 6, 1, 9, 0) and wang["移交经办人"] == "王组长"
    assert wang["反馈期限"].date() == date(2025, 8, 30)


def test_rectification_ledger_carries_hidden_import_columns(
    books: dict[str, Any], seeded: Seeded
) -> None:

    ws = books["rectification"][0]["整改台账"]
    data = rows(ws)
    assert {r["系统编号（勿改）"] for r in data} == {
        seeded.rect_open,
        seeded.rect_progress,
        seeded.rect_done,
    }
    assert ws.column_dimensions["T"].hidden and ws.column_dimensions["U"].hidden
    for shown in ("整改目标", "具体责任人", "佐证材料目录", "巡察办审核意见"):
        assert shown in data[0]
    done = next(r for r in data if r["系统编号（勿改）"] == seeded.rect_done)
    assert done["整改状态"] == RectificationStatus.DONE.label and done["评估等次"] == "好"
    assert done["销号日期"].date() == date(2025, 6, 20)
    assert isinstance(done["版本（勿改）"], int)
    first = next(r for r in data if r["系统编号（勿改）"] == seeded.rect_open)
    assert first["对应底稿"].startswith("DG-") and first["牵头部门"] == "镇财政所"


def test_statistics_workbook(books: dict[str, Any]) -> None:
    wb, _ = books["stats"]
    assert wb.sheetnames == [
        "主要指标",
        "信访件分类",
        "信访件来源渠道",
        "发现问题按方面统计",
        "发现问题按类统计",
    ]
    main = dict(list(wb["主要指标"].iter_rows(values_only=True))[1:])
    assert main["发现问题（个）"] == 1 and main["受理信访件（件）"] == 2  # 已审签 底稿 only
    assert main["涉及金额（元）"] == pytest.approx(42000.5)
    assert wb["主要指标"].freeze_panes == "A2"
    aspects = dict(list(wb["发现问题按方面统计"].iter_rows(values_only=True))[1:])
    assert sum(aspects.values()) == 1


def test_ledger_export_reports_rows_and_cancels_leaving_no_file(
    seeded: Seeded, seeded_copy: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.errors import Cancelled
    from workbench.jobs import CancelToken
    from workbench.reports import export_document, xlsx_ledgers

    monkeypatch.setattr(xlsx_ledgers, "PROGRESS_EVERY", 1)
    request = DocRequest("letter-ledger", round_id=seeded.round_id)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    seen: list[int] = []
    result = export_document(
        seeded_copy, request, out_dir / "台账.xlsx", progress=lambda d, _t, _l="": seen.append(d)
    )
    assert seen and seen == sorted(seen) and seen[-1] == result.rows

    token = CancelToken()

    def cancel_after_first_row(done: int, _total: int | None, _label: str = "") -> None:
        token.cancel()  # the user presses 取消 while the rows are written

    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    temp_files = list(ALL_TEMP_FILES)  # openpyxl streams rows through temporary files
    out = out_dir / "取消.xlsx"
    with pytest.raises(Cancelled):
        export_document(seeded_copy, request, out, progress=cancel_after_first_row, cancel=token)
    assert temp_files == ALL_TEMP_FILES  # the cancelled sheet's rows are not left in /tmp
    assert list(out_dir.iterdir()) == [out_dir / "台账.xlsx"]  # no file, no partial file
