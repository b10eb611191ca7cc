"""An office rule file is untrusted JSON: deep nesting, a number of thousands of digits, NaN,
a duplicate key or a file larger than a rule are refused as a bad rule file (exit 8, nothing
added), never an internal failure, and never read in part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.workbench.conftest import team, team_template
from tests.workbench.test_cli_data_rules import store
from workbench.cli import main

__all__ = ["store", "team", "team_template"]  # fixtures used here

RULE = {"id": "BJ01", "title": "超出三成", "match": "area_exceeds"}
GOOD = json.dumps(RULE, ensure_ascii=False)[:-1]  # the rule without its closing brace


@pytest.mark.parametrize(
    "text",
    [
        GOOD + ', "params": ' + "[" * 100_000 + "]" * 100_000 + "}",
        GOOD + ', "params": {"tolerance_percent": ' + "9" * 5000 + "}}",
        GOOD + ', "params": {"tolerance_percent": NaN}}',
        GOOD + ', "params": {"tolerance_percent": Infinity}}',
        GOOD + ', "title": "另一个名称"}',
        GOOD + ', "description": "' + "说" * 40_000 + '"}',
    ],
    ids=["deep", "huge-number", "nan", "infinity", "duplicate-key", "larger-than-a-rule"],
)
def test_a_hostile_rule_file_is_refused_as_such(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = tmp_path / "rule.json"
    path.write_text(text, encoding="utf-8")
    assert main(["data", "rules", "add", str(path), "--user", "office"]) == 8
    err = capsys.readouterr().err
    assert "WB-INTERNAL" not in err and "规则文件" in err
    main(["data", "rules", "--json"])
    assert "BJ01" not in capsys.readouterr().out
