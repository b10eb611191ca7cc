"""What an operator sees while ``office migrate`` runs: what is done, never a table's name."""

from __future__ import annotations

import io
import re

import pytest

from workbench.cli import office_cmds
from workbench.store import office_migrate


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_names_no_table(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    office_cmds._migrate_progress(5, 10, "letters")
    office_cmds._migrate_progress(1, 2, office_migrate.BLOBS)
    office_cmds._migrate_progress(3, 9, "verify")
    shown = terminal.getvalue()
    assert "正在复制数据：5 / 10 行" in shown
    assert "正在上传附件：1 / 2 个" in shown
    assert "正在校验：3 / 9 行" in shown
    assert not re.search(r"[a-z_]{3,}", shown.replace("\033[K", ""))
