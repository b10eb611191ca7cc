"""Lists written as an office receives them (.xlsx, .csv in UTF-8 or GB18030), for the import
tests; and what an import may change in the store."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from workbench.datacheck.normalize import id_check_digit
from workbench.models.datalists import DataMapping, DataRow, DataSource
from workbench.models.system import AuditEntry
from workbench.store.vault import Vault

Cell = str | int | float | None

# a 低保 list as a 民政局 sends it: the columns in its own order, one the kind does not know
ASSISTANCE_HEADERS = ("序号", "姓名", "身份证号", "村（社区）", "救助类别", "发放金额", "发放日期")


def id_number(seq: int, birth: str = "19800101") -> str:
    """A valid 18-digit 身份证号 (GB 11643 check digit) for person ``seq``."""
    first17 = f"530102{birth}{seq % 1000:03d}"
    return first17 + id_check_digit(first17)


def assistance_rows(count: int, start: int = 1) -> list[tuple[Cell, ...]]:
    return [
        (i, f"张 {i}", id_number(i), "团结村", "低保", "1,234.50", "2026年5月1日")
        for i in range(start, start + count)
    ]


def write_xlsx(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]], sheet: str = "名单"
) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def write_xls(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Path:
    """An Excel 97-2003 workbook (xlwt, a test dependency), built in memory."""
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("名单")
    for r, row in enumerate([headers, *rows]):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def write_csv(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]], encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def list_state(vault: Vault) -> tuple[int, ...]:
    """What an import may change: the lists, their rows, the mappings and the audit log (but
    for unlocks: each CLI run unlocks)."""
    with vault.read() as s:
        audited = select(func.count()).where(AuditEntry.action != "unlock")
        counts = [
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (DataSource, DataRow, DataMapping)
        ]
        return (s.scalar(audited) or 0, *counts)
