"""A hit's matched rows are personal data: turning the hit into a 底稿 writes them only into the
store, encrypted. openpyxl's own ``save`` spools each worksheet to a temp file (normal mode
too); ``datacheck.evidence`` builds the .xlsx in memory instead. Python's audit hook sees every
file opened for writing while it runs."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.workbench.conftest import team, team_template
from tests.workbench.findings_world import World, world_fixture
from tests.workbench.hit_rows import ROWS
from tests.workbench.team import Team
from tests.workbench.test_hit_review import add_hit
from workbench.datacheck import evidence as sheet
from workbench.services.hit_review import hit_to_finding

__all__ = ["team", "team_template", "world_fixture"]  # fixtures used here

_WRITES = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND
_WRITTEN: list[str] | None = None


def _watch(event: str, args: tuple[Any, ...]) -> None:
    """Record each path opened for writing (builtin ``open`` by its mode, ``os.open`` by flags)."""
    if _WRITTEN is None or event != "open" or not args or not isinstance(args[0], str | bytes):
        return
    mode, flags = (args[1] if len(args) > 1 else None), (args[2] if len(args) > 2 else 0)
    writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool(flags & _WRITES)
    if writing:
        _WRITTEN.append(os.fsdecode(args[0]))


sys.addaudithook(_watch)  # hooks stay for the process: it records only inside ``written``


@pytest.fixture
def written() -> Iterator[list[str]]:
    global _WRITTEN
    _WRITTEN = []
    try:
        yield _WRITTEN
    finally:
        _WRITTEN = None


def test_the_watch_sees_openpyxl_spool_a_sheet(written: list[str]) -> None:
    """The check can fail: openpyxl's own save writes a temp file."""
    hit = sheet.HitSheet("规则", "情况", "定性", "廉洁纪律", "李四", "", "属实", ROWS)
    sheet.hit_workbook(hit, raw=True).save(io.BytesIO())
    assert any("openpyxl" in path for path in written)


def test_the_evidence_workbook_is_built_in_memory(written: list[str]) -> None:
    hit = sheet.HitSheet("规则", "情况", "定性", "廉洁纪律", "李四", "", "属实", ROWS)
    assert sheet.hit_xlsx(hit, raw=True)[:2] == b"PK"
    assert written == []


def test_a_conversion_writes_only_into_the_store(
    team: Team, world: World, written: list[str]
) -> None:
    hit = add_hit(team, world)
    vault = team()
    store = Path(vault.layout.root).resolve()
    written.clear()
    with vault.session() as s:
        done = hit_to_finding(s, hit, attachments=vault.attachments, target_id=world.target_id)
    outside = [p for p in written if not Path(p).resolve().is_relative_to(store)]
    assert outside == []
    assert any(Path(p).name.endswith(".part") for p in written)  # the encrypted staging file
    blob = vault.attachments.blob_path(done.attachment_sha256).read_bytes()
    assert "某某村3组".encode() not in blob  # a raw cell, in the sheet only when decrypted
