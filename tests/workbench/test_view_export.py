"""A list's view written to .xlsx: audited (view.export, with the file's hash) before the file
appears, owner-only, refused without a trace for a wrong name or an existing file; and the
安全审计员 finds that entry with the log's own text filter and day range."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.errors import UsageError
from workbench.reports.errors import OutputExists
from workbench.reports.view_export import TableView, export_view
from workbench.reports.xlsx_writer import Column
from workbench.services.audit_log import list_audit_entries
from workbench.services.letters import list_letters
from workbench.store.vault import Vault

AUDITOR = "sunqiang"


@pytest.fixture
def leader(demo_dir: Path) -> Iterator[Vault]:
    vault = Vault.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    yield vault
    vault.lock()


def _view(text: str) -> TableView:
    def rows(session: Any) -> Iterator[list[Any]]:
        for v in list_letters(session, text=text, order="number", limit=1000).items:
            yield [v.number, "=1+1"]  # a formula-looking text stays text

    return TableView(
        "letters", "信访件", [Column("编号", 20), Column("摘要", 40)], rows, {"text": text}
    )


def test_the_view_is_written_audited_and_owner_only(
    leader: Vault, demo_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "信访件.xlsx"
    result = export_view(leader, _view("XF-2026-61"), out)
    with leader.read() as s:
        numbers = [v.number for v in list_letters(s, text="XF-2026-61", order="number").items]
    sheet = load_workbook(out).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("编号", "摘要")
    assert [r[0] for r in rows[1:]] == numbers and result.rows == len(numbers)
    assert {r[1] for r in rows[1:]} == {"=1+1"} and sheet["B2"].data_type == "s"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()

    leader.lock()
    auditor = Vault.open(demo_dir, AUDITOR, DEMO_PASSPHRASE)
    try:
        with auditor.read() as s:
            found = list_audit_entries(s, action="view.export", text=result.sha256).items
            today = found[0].at.date() if found else None
            assert today is not None
            same_day = list_audit_entries(s, date_from=today, date_to=today, limit=1000)
            day_before = list_audit_entries(s, date_to=today - timedelta(days=1), limit=1000)
            everything = list_audit_entries(s, limit=1).total
    finally:
        auditor.lock()
    assert len(found) == 1
    assert found[0].detail["file"] == out.name and found[0].detail["rows"] == len(numbers)
    assert found[0].detail["encrypted"] is False
    assert found[0].seq in [e.seq for e in same_day.items]
    assert all(e.at.date() == today for e in same_day.items)
    assert all(e.at.date() < today for e in day_before.items)
    assert same_day.total + day_before.total <= everything


def test_a_wrong_name_or_an_existing_file_is_refused_without_a_trace(
    leader: Vault, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UsageError):
        export_view(leader, _view(""), folder / "信访件.docx")
    existing = folder / "已有.xlsx"
    existing.write_bytes(b"keep me")
    with pytest.raises(OutputExists):
        export_view(leader, _view(""), existing)
    assert existing.read_bytes() == b"keep me"
    assert sorted(p.name for p in folder.iterdir()) == ["已有.xlsx"]
