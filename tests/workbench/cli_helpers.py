"""What the CLI tests share: a command's JSON output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workbench.cli import main


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Run ``workbench ARGV --json``, which must succeed, and return what it printed."""
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)
