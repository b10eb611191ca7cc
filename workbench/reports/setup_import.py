"""Importing a filled-in set-up template (被巡察单位, 干部/人员, 巡察组成员, "3+1" 清单条目) into a
round: only 巡察办 may, and the file is all or nothing.

The file is read whole first (``reports/setup_sheet.py``: the hostile-file guard, the template's
identity and headers), every row is checked (``setup_rows``) and then tried, in one write
transaction, through the same services as entry by hand (``office_setup.add_target`` seeds the
监督重点清单; the round's rules refuse what they refuse), each row in a savepoint so a refused row
leaves nothing behind while the others are still tried. Every refused row is listed with its
column and reason. One refusal and nothing is saved, unless the caller asks for
``clean_rows_only``; ``dry_run`` tries every row and saves nothing (the check before importing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from workbench.errors import UsageError, WorkbenchError
from workbench.reports.export import UnitsOfWork
from workbench.reports.setup_rows import COLUMNS, Plan, Refusal, RoundNames, plan_row
from workbench.reports.setup_sheet import read_setup_sheet
from workbench.reports.setup_templates import TEMPLATES
from workbench.services.common import require_role
from workbench.services.office_setup import SETUP_ROLES
from workbench.services.targets import require_round
from workbench.store import audit

KINDS = tuple(TEMPLATES)


@dataclass(frozen=True)
class SetupImportReport:
    file: str
    kind: str
    round_id: str
    rows: int  # the file's non-blank rows
    accepted: int  # rows written, or that would be (dry run, or held back by a refusal)
    refusals: tuple[Refusal, ...]  # by row, then column
    saved: bool
    dry_run: bool = False
    clean_rows_only: bool = False

    @property
    def refused_rows(self) -> tuple[int, ...]:
        return tuple(sorted({r.row for r in self.refusals}))

    @property
    def clean(self) -> bool:
        return not self.refusals


class _Discard(Exception):
    """Raised inside the write transaction to roll it back after every row was tried."""


def _action(kind: str) -> str:
    return f"从 Excel 导入{TEMPLATES[kind].title}"


def _try(session: Session, kind: str, plan: Plan) -> Refusal | None:
    """One row in a savepoint: added whole, or refused with nothing of it left."""
    try:
        with session.begin_nested():
            plan.apply(session)
    except WorkbenchError as exc:
        field = str(exc.details.get("field", ""))
        return Refusal(plan.row, COLUMNS[kind].get(field, ""), exc.message)
    return None


def _sorted(refusals: Sequence[Refusal]) -> tuple[Refusal, ...]:
    return tuple(sorted(refusals, key=lambda r: r.row))


def import_setup_file(
    units: UnitsOfWork,
    path: Path,
    kind: str,
    round_id: str,
    *,
    dry_run: bool = False,
    clean_rows_only: bool = False,
) -> SetupImportReport:
    """Import the template of ``kind`` (targets, persons, members, lists) at ``path`` into the
    round: saved only when every row passes, or its clean rows with ``clean_rows_only``."""
    if kind not in TEMPLATES:
        raise UsageError(f"未知的导入内容“{kind}”，可选：{'、'.join(KINDS)}")
    path = Path(path)
    with units.read() as s:
        require_role(s, SETUP_ROLES, _action(kind))
        require_round(s, round_id)
    sheet = read_setup_sheet(path, kind)
    with units.read() as s:
        known = RoundNames.load(s, round_id)
    refusals: list[Refusal] = []
    plans: list[Plan] = []
    seen: dict[Any, int] = {}
    for number, cells in sheet.rows:
        planned = plan_row(kind, number, cells, known, seen)
        if isinstance(planned, Plan):
            plans.append(planned)
        else:
            refusals.extend(planned)
    accepted = 0
    saved = False
    try:
        with units.session() as s:
            require_role(s, SETUP_ROLES, _action(kind))
            for plan in plans:
                refusal = _try(s, kind, plan)
                if refusal is None:
                    accepted += 1
                else:
                    refusals.append(refusal)
            if dry_run or not accepted or (refusals and not clean_rows_only):
                raise _Discard
            audit.record(
                s,
                "setup.import",
                kind,
                round_id,
                {
                    "file": path.name,
                    "sha256": sheet.sha256,
                    "rows": len(sheet.rows),
                    "imported": accepted,
                    "refused": len({r.row for r in refusals}),
                },
            )
            saved = True
    except _Discard:
        pass
    return SetupImportReport(
        path.name,
        kind,
        round_id,
        len(sheet.rows),
        accepted,
        _sorted(refusals),
        saved,
        dry_run,
        clean_rows_only,
    )
