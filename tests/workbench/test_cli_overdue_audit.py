"""Two gaps of the command line on the demo store: ``clues list --overdue`` lists the clues the
dashboard's 督办 reminder counts (the core's rule, not the CLI's), and ``audit list`` names each
action as the audit page does."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.workbench.cli_helpers import cli_json
from workbench.cli import main
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.models import Clue
from workbench.services.clues import overdue_clues
from workbench.store.vault import Vault
from workbench.vocab.enums import ClueStatus


def test_clues_list_overdue_is_the_reminders_rule(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = Vault.open(demo_env, DEMO_LEADER, DEMO_PASSPHRASE)
    try:
        with vault.session() as s:  # one clue 已反馈 past its deadline, one still open
            rows = s.scalars(
                select(Clue).where(Clue.status == ClueStatus.TRANSFERRED).order_by(Clue.number)
            ).all()
            late, answered = rows[0], rows[1]
            late.feedback_due = answered.feedback_due = date.today() - timedelta(days=3)
            answered.status = ClueStatus.FED_BACK
            late_id, answered_id = late.id, answered.id
        with vault.read() as s:
            expected = {c.id for c in overdue_clues(s, None, date.today())}
    finally:
        vault.lock()
    listed = cli_json(capsys, "clues", "list", "--overdue", "--limit", "500")
    assert {c["id"] for c in listed["items"]} == expected
    assert late_id in expected and answered_id not in expected
    assert all(c["status"] != "fed_back" for c in listed["items"])
    # a type without a 反馈期限 has no such filter: a usage error
    assert main(["letters", "list", "--overdue"]) == 2
    assert "不支持 --overdue" in capsys.readouterr().err


def test_audit_list_names_the_actions(demo_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--user", "sunqiang", "audit", "list", "--limit", "500"]) == 0
    out = capsys.readouterr().out
    assert "解锁登录（unlock）" in out
    assert "新增记录（insert）" in out
