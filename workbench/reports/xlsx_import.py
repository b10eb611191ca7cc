"""Import of a 整改台账 that a target unit edited in Excel (the file ``xlsx_ledgers`` exported).

Rows are matched by the hidden 系统编号 column; a row without one is a new item of the round.
The whole file is read and every cell parsed first (dates, status and grade labels), then the
changed rows are applied in one transaction through the rectification services — so their rules
hold (status only moves forward, 销号 needs a date, evidence already in the store and the
office's or team leader's role, 评估 only once finished). Each row runs in a savepoint, so a
refused row leaves nothing of itself behind and the others are still checked. A row whose
record changed in the store since the export (its hidden 版本 no longer matches) is refused
rather than overwritten. The file is all or nothing: one refused row and nothing is saved,
unless the caller asks for ``clean_rows_only``. The report lists what changed, what was
created and what was refused, with the row number and the reason.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from workbench.errors import Conflict, NotFound, WorkbenchError
from workbench.reports.context import all_pages
from workbench.reports.errors import LedgerFileInvalid
from workbench.reports.export import UnitsOfWork
from workbench.reports.xlsx_rows import LABELS, TEXT, Cells, RowError, read_ledger, text_of
from workbench.services import rectification as rect
from workbench.services.targets import list_targets
from workbench.store import audit
from workbench.vocab.enums import Grade, RectificationStatus

S = RectificationStatus


@dataclass(frozen=True)
class RowOutcome:
    row: int  # as Excel numbers it
    number: str
    action: str  # updated | created | unchanged | refused
    fields: tuple[str, ...] = ()  # the column headers that changed
    reason: str = ""


@dataclass(frozen=True)
class ImportReport:
    file: str
    round_id: str | None
    dry_run: bool
    outcomes: tuple[RowOutcome, ...]
    saved: bool  # the updated and created rows were written (not a dry run, nor refused whole)
    clean_rows_only: bool = False

    def _of(self, action: str) -> tuple[RowOutcome, ...]:
        return tuple(o for o in self.outcomes if o.action == action)

    @property
    def updated(self) -> tuple[RowOutcome, ...]:
        return self._of("updated")

    @property
    def created(self) -> tuple[RowOutcome, ...]:
        return self._of("created")

    @property
    def unchanged(self) -> tuple[RowOutcome, ...]:
        return self._of("unchanged")

    @property
    def refused(self) -> tuple[RowOutcome, ...]:
        return self._of("refused")


@dataclass
class _Plan:
    row: int
    number: str
    record_id: str | None
    version: int | None
    draft: rect.RectificationDraft | None
    statuses: list[RectificationStatus] = field(default_factory=list)
    closed_on: date | None = None
    grade: tuple[Grade | None] | None = None  # set when the grade changes
    fields: tuple[str, ...] = ()


class _Discard(Exception):
    """Raised inside the import's transaction to roll it back after every row was tried."""


def _path(current: RectificationStatus, wanted: RectificationStatus) -> list[RectificationStatus]:
    """The forward steps from ``current`` to ``wanted`` (未启动 → 推进中 → 已完成); a move the
    workflow has no path for is tried directly, so the service gives its own reason."""
    queue: deque[list[RectificationStatus]] = deque([[current]])
    while queue:
        trail = queue.popleft()
        if trail[-1] is wanted:
            return trail[1:]
        queue.extend([*trail, nxt] for nxt in rect.TRANSITIONS[trail[-1]] if nxt not in trail)
    return [wanted]


# -- planning ----------------------------------------------------------------------------------


def _plan_new(row: Cells, round_id: str | None, targets: dict[str, str]) -> _Plan:
    """A row without 系统编号: a new item of the round."""
    if not round_id:
        raise RowError("新增事项无法确定所属巡察轮次，请指定轮次")
    if row.target and row.target not in targets:
        raise RowError(f"被巡察单位“{row.target}”不在本轮巡察对象中")
    draft = rect.RectificationDraft(
        due_date=row.due, target_id=targets.get(row.target), **row.values
    )
    steps = _path(S.NOT_STARTED, row.status) if row.status is not S.NOT_STARTED else []
    filled = [LABELS[k] for k in TEXT if row.values.get(k)] + (["整改时限"] if row.due else [])
    return _Plan(
        row.number,
        row.values.get("number") or f"第{row.number}行",
        None,
        None,
        draft,
        steps,
        row.closed,
        (row.grade,) if row.grade else None,
        tuple(filled),
    )


def _plan_existing(session: Session, row: Cells, round_id: str | None) -> _Plan | RowOutcome:
    try:
        view = rect.get_rectification(session, row.record_id)
    except NotFound:
        raise RowError("系统中没有此整改事项（可能已被删除），请重新导出台账") from None
    if round_id and view.round_id != round_id:
        raise RowError("该整改事项不属于本次导入的巡察轮次")
    # a column the sheet lacks (a ledger exported before it existed) keeps the stored text
    kept = {k: getattr(view, k) for k in TEXT}
    values = {**kept, **row.values}
    values["number"] = values["number"] or view.number
    changed = [LABELS[k] for k in TEXT if values[k] != getattr(view, k)]
    if row.due != view.due_date:
        changed.append(LABELS["due_date"])
    draft = None
    if changed:
        draft = rect.RectificationDraft(
            due_date=row.due,
            target_id=view.target_id,
            team_id=view.team_id,
            finding_id=view.finding_id,
            **values,
        )
    steps: list[RectificationStatus] = []
    if row.status is not view.status:
        steps = _path(view.status, row.status)
        changed.append(LABELS["status"])
    if row.closed != view.closed_on:
        if S.DONE not in steps:
            raise RowError("销号日期只在销号（改为“已完成”）时填写，不能单独修改")
        changed.append(LABELS["closed_on"])
    grade = None
    if row.grade is not view.grade:
        grade = (row.grade,)
        changed.append(LABELS["grade"])
    if not changed:
        return RowOutcome(row.number, view.number, "unchanged")
    return _Plan(
        row.number,
        view.number,
        view.id,
        row.version,
        draft,
        steps,
        row.closed,
        grade,
        tuple(changed),
    )


def _plan(
    session: Session,
    number: int,
    cells: dict[str, Any],
    round_id: str | None,
    targets: dict[str, str],
    seen: dict[str, int],
) -> _Plan | RowOutcome:
    row = Cells.parse(number, cells)
    if not row.record_id:
        return _plan_new(row, round_id, targets)
    if row.record_id in seen:
        raise RowError(f"与第{seen[row.record_id]}行是同一整改事项（系统编号重复）")
    seen[row.record_id] = number
    return _plan_existing(session, row, round_id)


# -- applying ----------------------------------------------------------------------------------


def _apply(session: Session, plan: _Plan, round_id: str | None) -> None:
    if plan.record_id is None:
        assert plan.draft is not None and round_id is not None
        record_id = rect.create_rectification(session, round_id, plan.draft).id
    else:
        record_id = plan.record_id
        current = rect.get_rectification(session, record_id)
        if plan.version is not None and current.meta.version != plan.version:
            raise Conflict("该整改事项在导出台账后已被修改，请重新导出台账后再填报")
        if plan.draft is not None:
            rect.update_rectification(session, record_id, plan.draft)
    for status in plan.statuses:
        closed_on = plan.closed_on if status is S.DONE else None
        rect.set_rectification_status(session, record_id, status, closed_on=closed_on)
    if plan.grade is not None:
        rect.grade_rectification(session, record_id, plan.grade[0])


def import_rectification_ledger(
    units: UnitsOfWork,
    path: Path,
    *,
    round_id: str | None = None,
    dry_run: bool = False,
    clean_rows_only: bool = False,
) -> ImportReport:
    """Apply an edited 整改台账 in one transaction: nothing is saved if a row is refused, or
    only the rows without a refusal with ``clean_rows_only``; ``dry_run`` runs every check and
    changes nothing."""
    path = Path(path)
    ledger = read_ledger(path)
    file_round = ledger.meta.get("round_id") or None
    if round_id and file_round and round_id != file_round:
        raise LedgerFileInvalid(f"“{path.name}”导出自其他巡察轮次，与所选轮次不符")
    round_id = round_id or file_round
    outcomes: list[RowOutcome] = []
    plans: list[_Plan] = []
    with units.read() as s:
        targets = (
            {t.name: t.id for t in all_pages(list_targets, s, round_id=round_id)}
            if round_id
            else {}
        )
        seen: dict[str, int] = {}
        for number, cells in ledger.rows:
            try:
                planned = _plan(s, number, cells, round_id, targets, seen)
            except RowError as exc:
                label = text_of(cells.get("number")) or f"第{number}行"
                outcomes.append(RowOutcome(number, label, "refused", reason=exc.reason))
                continue
            if isinstance(planned, RowOutcome):
                outcomes.append(planned)
            else:
                plans.append(planned)
    saved = False
    try:
        with units.session() as s:
            for plan in plans:
                outcomes.append(_apply_row(s, plan, round_id))
            refused = any(o.action == "refused" for o in outcomes)
            if dry_run or (refused and not clean_rows_only):
                raise _Discard
            counts = Counter(o.action for o in outcomes)
            audit.record(
                s,
                "report.import",
                "rectification",
                round_id,
                {
                    "file": path.name,
                    "sha256": ledger.sha256,
                    **{a: counts[a] for a in ("updated", "created", "unchanged", "refused")},
                },
            )
            saved = True
    except _Discard:
        pass
    return ImportReport(
        path.name,
        round_id,
        dry_run,
        tuple(sorted(outcomes, key=lambda o: o.row)),
        saved,
        clean_rows_only,
    )


def _apply_row(s: Session, plan: _Plan, round_id: str | None) -> RowOutcome:
    """One row in a savepoint: applied whole, or refused with nothing of it left."""
    try:
        with s.begin_nested():
            _apply(s, plan, round_id)
    except WorkbenchError as exc:
        return RowOutcome(plan.row, plan.number, "refused", plan.fields, exc.message)
    action = "created" if plan.record_id is None else "updated"
    return RowOutcome(plan.row, plan.number, action, plan.fields)
