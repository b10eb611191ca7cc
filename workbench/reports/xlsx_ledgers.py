"""Excel ledgers (台账): letters, findings, clues, rectification and the round statistics.

Chinese headers, a frozen header row, auto-filter, set column widths and drop-downs on status
columns; rows stream from the list services page by page into a write-only workbook. The
rectification ledger carries two hidden columns (the record id and its version) and a hidden
``_meta`` sheet, so that the copy a target unit fills in can be imported back
(``xlsx_import``). The letters ledger leaves out reporters' names and contacts: a plaintext file
must not expose who reported (they are on the single-letter 登记表).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from workbench.errors import Cancelled
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models import Letter
from workbench.reports import doc_stats
from workbench.reports.context import (
    DocRequest,
    Lookup,
    all_pages,
    describe_ref,
    discipline_labels,
    label,
    record_number,
)
from workbench.reports.doc_rectification import rectification_views
from workbench.reports.xlsx_writer import Column, SheetWriter, new_workbook, write_meta
from workbench.services import clues, findings, letters
from workbench.services.common import live
from workbench.vocab.enums import (
    ClueStatus,
    FindingStatus,
    Grade,
    LetterCategory,
    LetterChannel,
    LetterDisposition,
    LetterStatus,
    RectificationStatus,
)

YES_NO = ("是", "否")
MONEY = "#,##0.00"

RowsFn = Callable[[Session, DocRequest, Lookup], Iterator[Sequence[Any]]]


def labels(enum: Any) -> tuple[str, ...]:
    return tuple(m.label for m in enum)


@dataclass(frozen=True)
class Ledger:
    sheet: str
    columns: tuple[Column, ...]
    rows: RowsFn


# -- letters -----------------------------------------------------------------------------------

LETTER_COLUMNS = (
    Column("编号", 18),
    Column("收到时间", 17),
    Column("来源渠道", 10, labels(LetterChannel)),
    Column("被反映单位", 22),
    Column("被反映人", 20),
    Column("实名/匿名", 10, ("实名", "匿名")),
    Column("摘要", 50),
    Column("涉及纪律", 16),
    Column("分类", 14, labels(LetterCategory)),
    Column("处置方式", 14, labels(LetterDisposition)),
    Column("转交单位", 16),
    Column("拟办意见", 30),
    Column("组务会日期", 12),
    Column("状态", 12, labels(LetterStatus)),
    Column("重复件原件编号", 18),
    Column("巡察组", 14),
)


def _letters(session: Session, req: DocRequest) -> Iterator[letters.LetterView]:
    """The scope's live letters, newest first, as ``list_letters`` orders and filters them —
    streamed in one query: paging 50,000 letters by OFFSET re-sorts the table for every page."""
    query = live(Letter).where(Letter.round_id == req.round_id)
    if req.target_id:
        query = query.where(Letter.target_id == req.target_id)
    query = query.order_by(Letter.received_at.desc(), Letter.number.desc(), Letter.id)
    for row in session.scalars(query.execution_options(yield_per=1000)):
        yield letters.letter_view(row)


def _letter_rows(session: Session, req: DocRequest, names: Lookup) -> Iterator[Sequence[Any]]:
    numbers: dict[str, str] = {}  # originals of duplicates only: memory stays flat
    for v in _letters(session, req):
        yield (
            v.number,
            v.received_at,
            v.channel.label,
            names.target_name(v.target_id),
            "、".join(p.name for p in v.reported_persons),
            "匿名" if v.anonymous else "实名",
            v.summary,
            discipline_labels(v.disciplines),
            label(v.category),
            label(v.disposition),
            v.transfer_to,
            v.proposal,
            v.meeting_date,
            v.status.label,
            _original(session, v.duplicate_of_id, numbers),
            names.team_name(v.round_id, v.team_id),
        )


def _original(session: Session, letter_id: str | None, numbers: dict[str, str]) -> str:
    if not letter_id:
        return ""
    if letter_id not in numbers:
        numbers[letter_id] = letters.get_letter(session, letter_id).number
    return numbers[letter_id]


# -- findings ----------------------------------------------------------------------------------

FINDING_COLUMNS = (
    Column("编号", 18),
    Column("底稿名称", 36),
    Column("被巡察单位", 22),
    Column("巡察组", 14),
    Column("编制日期", 12),
    Column("问题来源方式", 18),
    Column("方面", 30),
    Column("类", 26),
    Column("分类编码", 16),
    Column("涉及纪律", 16),
    Column("涉及金额（元）", 14, number_format=MONEY),
    Column("立行立改", 10, YES_NO),
    Column("纳入报告", 10, YES_NO),
    Column("状态", 10, labels(FindingStatus)),
    Column("问题概述", 60),
)


def _finding_rows(session: Session, req: DocRequest, names: Lookup) -> Iterator[Sequence[Any]]:
    for v in all_pages(
        findings.list_findings, session, round_id=req.round_id, target_id=req.target_id
    ):
        aspect, category, _ = names.classification(v.round_id, v.taxonomy_code)
        yield (
            v.number,
            v.title,
            names.target_name(v.target_id),
            names.team_name(v.round_id, v.team_id),
            v.compiled_on,
            names.method_title(v.method_code),
            aspect,
            category,
            v.taxonomy_code,
            discipline_labels(v.disciplines),
            v.amount,
            "是" if v.immediate_fix else "否",
            "是" if v.include_in_report else "否",
            v.status.label,
            v.summary,
        )


# -- clues -------------------------------------------------------------------------------------

CLUE_COLUMNS = (
    Column("编号", 18),
    Column("巡察组", 14),
    Column("线索来源", 30),
    Column("被反映人", 10),
    Column("职务", 20),
    Column("级别", 8),
    Column("所在单位", 22),
    Column("具体问题", 50),
    Column("涉及纪律", 16),
    Column("一级分类", 14),
    Column("二级分类", 14),
    Column("拟移交单位", 12),
    Column("移交方式", 10),
    Column("移交经办人", 10),
    Column("移交时间", 17),
    Column("接收经办人", 10),
    Column("接收时间", 17),
    Column("处置方式", 12),
    Column("办理结果", 30),
    Column("处置结果", 20),
    Column("处置结果明细", 40),
    Column("反馈期限", 12),
    Column("反馈时间", 17),
    Column("办结时间", 17),
    Column("状态", 10, labels(ClueStatus)),
    Column("反馈逾期", 10, YES_NO),
)


def _outcome_kinds(v: clues.ClueView) -> str:
    """处置结果: the kinds reported (谈话函询、立案…), each once, in the order reported."""
    return "、".join(dict.fromkeys(o.kind.label for o in v.outcomes))


def _outcome_entries(v: clues.ClueView) -> str:
    """处置结果明细: each dated entry with the unit that reported it."""
    return "；".join(
        f"{o.on.isoformat()} {o.kind.label}（{o.unit.label}）{'：' + o.detail if o.detail else ''}"
        for o in v.outcomes
    )


def _clue_rows(session: Session, req: DocRequest, names: Lookup) -> Iterator[Sequence[Any]]:
    today = req.date or date.today()
    for v in all_pages(clues.list_clues, session, round_id=req.round_id, target_id=req.target_id):
        yield (
            v.number,
            names.team_name(v.round_id, v.team_id),
            "；".join(describe_ref(session, r.kind, r.id) for r in v.source_refs),
            v.subject_name,
            v.subject_position,
            v.subject_level.label,
            names.target_name(v.target_id),
            v.problem,
            discipline_labels(v.disciplines),
            v.category1,
            v.category2,
            v.units_text(),
            v.transfer_mode.label,
            v.transferred_by,
            v.transferred_at,
            v.received_by,
            v.received_at,
            label(v.handling),
            v.result,
            _outcome_kinds(v),
            _outcome_entries(v),
            v.feedback_due,
            v.fed_back_at,
            v.closed_at,
            v.status.label,
            "是" if v.overdue(today) else "否",
        )


# -- rectification -----------------------------------------------------------------------------

ID_HEADER = "系统编号（勿改）"
VERSION_HEADER = "版本（勿改）"
RECTIFICATION_COLUMNS = (
    Column("编号", 18),
    Column("被巡察单位", 22),
    Column("对应底稿", 18),
    Column("问题归类", 18),
    Column("问题表现", 50),
    Column("整改目标", 30),
    Column("整改措施", 50),
    Column("分管领导", 10),
    Column("牵头部门", 16),
    Column("主要负责人", 10),
    Column("具体责任人", 10),
    Column("整改时限", 12),
    Column("整改状态", 10, labels(RectificationStatus)),
    Column("进展情况", 40),
    Column("销号日期", 12),
    Column("评估等次", 10, labels(Grade)),
    Column("是否逾期", 10, YES_NO),
    Column("佐证材料目录", 30),
    Column("巡察办审核意见", 30),
    Column(ID_HEADER, 38, hidden=True),
    Column(VERSION_HEADER, 8, hidden=True),
)


def _rectification_rows(
    session: Session, req: DocRequest, names: Lookup
) -> Iterator[Sequence[Any]]:
    today = req.date or date.today()
    numbers: dict[str, str] = {}
    for v in rectification_views(session, req):
        if v.finding_id and v.finding_id not in numbers:
            numbers[v.finding_id] = record_number(findings.get_finding, session, v.finding_id)
        yield (
            v.number,
            names.target_name(v.target_id),
            numbers.get(v.finding_id or "", ""),
            v.category,
            v.problem,
            v.goal,
            v.measures,
            v.leader_in_charge,
            v.lead_department,
            v.responsible_person,
            v.specific_person,
            v.due_date,
            v.status.label,
            v.progress_notes,
            v.closed_on,
            label(v.grade),
            "是" if v.overdue_on(today) else "否",
            "；".join(e.name for e in v.evidence_catalog),
            _review_cell(v),
            v.id,
            v.meta.version,
        )


def _review_cell(v: Any) -> str:
    """巡察办审核意见 with its date and reviewer: for reading, not imported back."""
    if v.reviewed_on is None:
        return ""
    return f"{v.review_opinion}（{v.reviewed_by} {v.reviewed_on.isoformat()}）"


LEDGERS: dict[str, Ledger] = {
    "letters": Ledger("信访件台账", LETTER_COLUMNS, _letter_rows),
    "findings": Ledger("问题底稿台账", FINDING_COLUMNS, _finding_rows),
    "clues": Ledger("问题线索台账", CLUE_COLUMNS, _clue_rows),
    "rectification": Ledger("整改台账", RECTIFICATION_COLUMNS, _rectification_rows),
}


PROGRESS_EVERY = 500  # rows between progress reports and cancel checks


def _watched(
    rows: Iterable[Sequence[Any]], progress: ProgressSink, cancel: CancelToken
) -> Iterator[Sequence[Any]]:
    """The rows, reporting how many went by and stopping when the user cancels."""
    count = 0
    for count, row in enumerate(rows, start=1):
        if count % PROGRESS_EVERY == 0:
            cancel.raise_if_cancelled()
            progress(count, None, "rows")
        yield row
    progress(count, None, "rows")


def write_ledger(
    session: Session,
    name: str,
    request: DocRequest,
    target: str | Path | IO[bytes],
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> int:
    """Write ledger ``name`` of the request's round (and target); the number of data rows.
    A 50,000-row ledger takes seconds: progress every 500 rows, cancellable until saved."""
    if name == "stats":
        return _write_stats(session, request, target)
    ledger = LEDGERS[name]
    names = Lookup(session)
    scope = names.target_name(request.target_id) or names.round(request.round_id or "").name
    wb = new_workbook(f"{scope}{ledger.sheet}")
    sheet = SheetWriter(wb, ledger.sheet, ledger.columns)
    try:
        sheet.extend(_watched(ledger.rows(session, request, names), progress, cancel))
        cancel.raise_if_cancelled()
    except Cancelled:
        # end openpyxl's streaming writer now (not when garbage collected) and remove the
        # temporary file it wrote the rows to
        sheet.ws.close()
        sheet.ws._writer.cleanup()
        raise
    sheet.close()
    write_meta(
        wb,
        {
            "ledger": name,
            "round_id": request.round_id or "",
            "target_id": request.target_id or "",
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "schema": "1",
        },
    )
    wb.save(target)
    return sheet.rows


def _write_stats(session: Session, request: DocRequest, target: str | Path | IO[bytes]) -> int:
    ctx = doc_stats.context(session, request)
    wb = new_workbook(ctx.title)
    rows = 0
    for attr, heading, column in doc_stats.SECTIONS:
        sheet = SheetWriter(wb, heading.split("、", 1)[1], (Column(column, 36), Column("数量", 14)))
        for row in getattr(ctx, attr):
            value = row.value.replace(",", "")
            number: Any = row.value
            if value.isdigit():
                number = int(value)
            elif value.replace(".", "", 1).isdigit():
                number = float(value)
            sheet.append((row.label, number))
        sheet.close()
        rows += sheet.rows
    wb.save(target)
    return rows
