"""A list file's own text reaches the terminal in error messages too: a header with a bidi
override (the reader drops C0 controls from cells, not these), or a file name with an escape
sequence (retitling the window, clearing the screen), is shown escaped on stderr as ``emit``
shows it on stdout, not acted on by the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbench.conftest import team, team_template
from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_csv
from tests.workbench.team import Team
from tests.workbench.test_cli_data_import import office, run

__all__ = ["office", "team", "team_template"]  # fixtures used here


def test_a_refusal_naming_the_files_headers_is_escaped(
    office: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "\u202e列\u2066"
    path = write_csv(tmp_path / "低保.csv", (*ASSISTANCE_HEADERS, header), assistance_rows(2))
    capsys.readouterr()
    argv = ["data", "import", str(path), "--kind", "assistance", "--round", "第一轮"]
    assert run(office, *argv, "--map", "身份证号=没有这一列") == 8
    err = capsys.readouterr().err
    assert "WB-DATA-MAPPING" in err and "\\u202e列\\u2066" in err
    assert "\u202e" not in err and "\u2066" not in err


def test_a_refusal_naming_the_file_is_escaped(
    office: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "\x1b]0;已授权\x07\x1b[2J名单.txt"
    path.write_text("姓名,身份证号\n", encoding="utf-8")
    argv = ["data", "import", str(path), "--kind", "assistance", "--round", "第一轮"]
    assert run(office, *argv) == 8
    err = capsys.readouterr().err
    assert "WB-DATA-FILE" in err and "\\u001b]0;已授权\\u0007\\u001b[2J名单.txt" in err
    assert "\x1b" not in err and "\x07" not in err
