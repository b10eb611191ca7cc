"""``workbench clues transfer|outcome|deadline-rule`` on the demo store: 双移交 with the rule's
deadline, refusals with their exit codes (permission 6, validation 8) leaving the store as it
was, a dated outcome, the figures in ``stats --json``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.workbench.cli_helpers import cli_json
from workbench.cli import main
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.roles import Role
from workbench.services.clue_transfer import add_months
from workbench.services.users import add_user
from workbench.store.vault import Vault


def _registered(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    page = cli_json(capsys, "clues", "list", "--status", "registered", "--limit", "10")
    return [c for c in page["items"] if c["feedback_due"] is None]


def test_transfer_refusals_then_a_double_transfer_and_an_outcome(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, *_ = _registered(capsys)
    number = first["number"]
    # a 组员 may not transfer: permission
    assert (
        main(["clues", "transfer", number, "--to", "discipline_commission", "--user", "zhangw"])
        == 6
    )
    # 其他 without its name, the same unit twice: validation
    assert main(["clues", "transfer", number, "--to", "other"]) == 8
    assert "单位名称" in capsys.readouterr().err
    args = ["clues", "transfer", number, "--to", "organization_dept"]
    assert main([*args, "--second-to", "organization_dept"]) == 8
    # the rule: 3 months unless the 巡察办 changes it
    assert cli_json(capsys, "clues", "deadline-rule")["feedback_months"] == 3
    assert main(["clues", "deadline-rule", "--months", "0"]) == 6  # the 组长 is not the office
    shown = cli_json(capsys, "clues", "show", number)
    assert shown["status"] == "registered" and shown["transferred_at"] is None
    # 双移交 to 纪委监委 and 组织部, the deadline from the rule
    moved = cli_json(
        capsys,
        "clues",
        "transfer",
        number,
        "--to",
        "纪委监委",
        "--second-to",
        "organization_dept",
    )
    assert (moved["transfer_mode"], moved["transfer_unit"], moved["second_unit"]) == (
        "double",
        "discipline_commission",
        "organization_dept",
    )
    assert moved["feedback_due"] == add_months(date.today(), 3).isoformat()
    # outcomes: a bad kind and a 组织处理 without its measure are validation errors
    today = date.today().isoformat()
    assert main(["clues", "outcome", number, "--kind", "表扬", "--date", today]) == 8
    assert main(["clues", "outcome", number, "--kind", "organizational", "--date", today]) == 8
    done = cli_json(
        capsys,
        "clues",
        "outcome",
        number,
        "--kind",
        "立案",
        "--date",
        today,
        "--detail",
        "县纪委监委立案审查",
    )
    assert done["outcomes"] == [
        {
            "kind": "case_filed",
            "on": today,
            "detail": "县纪委监委立案审查",
            "unit": "discipline_commission",
        }
    ]
    assert main(["clues", "outcome", number, "--kind", "立案", "--date", "2026-13-01"]) == 2
    stats = cli_json(capsys, "stats")
    figures = stats["clue_figures"]
    assert figures["by_outcome"]["case_filed"] >= 1
    assert {g["key"] for g in figures["by_unit"]} == {
        "discipline_commission",
        "organization_dept",
        "other",
    }
    assert figures["by_team"] and figures["by_target"]
    capsys.readouterr()
    assert main(["stats"]) == 0
    assert "立案" in capsys.readouterr().out


def test_a_transfer_without_deadline_is_refused_when_the_rule_is_off(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = Vault.open(demo_env, DEMO_LEADER, DEMO_PASSPHRASE)  # the 系统管理员 adds a 巡察办 user
    try:
        add_user(vault, "ban", DEMO_PASSPHRASE, (Role.OFFICE,), display_name="巡察办")
    finally:
        vault.lock()
    assert cli_json(capsys, "clues", "deadline-rule", "--months", "0", "--user", "ban") == {
        "feedback_months": 0
    }
    first, *_ = _registered(capsys)
    assert main(["clues", "transfer", first["number"], "--to", "discipline_commission"]) == 8
    assert "反馈期限" in capsys.readouterr().err
    assert cli_json(capsys, "clues", "show", first["number"])["status"] == "registered"
    due = add_months(date.today(), 1).isoformat()
    moved = cli_json(
        capsys,
        "clues",
        "transfer",
        first["number"],
        "--to",
        "other",
        "--unit",
        "县审计局",
        "--due",
        due,
    )
    assert (moved["other_unit"], moved["feedback_due"]) == ("县审计局", due)
