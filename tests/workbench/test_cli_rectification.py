"""``workbench rectifications review|catalog|overdue|doc-*|supervise|assess|remind`` on the demo
store: each step of the 整改 follow-through, refusals by role (exit 6) and by rule (exit 8)
leaving the store as it was."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.workbench.cli_helpers import cli_json
from workbench.cli import main
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.roles import Role
from workbench.services.users import add_user
from workbench.store.vault import Vault


@pytest.fixture
def demo_env(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKBENCH_STORE", str(demo_dir))
    monkeypatch.setenv("WORKBENCH_USER", DEMO_LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", DEMO_PASSPHRASE)
    vault = Vault.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)  # the 系统管理员 adds 巡察办
    try:
        add_user(vault, "ban", DEMO_PASSPHRASE, (Role.OFFICE,), display_name="赵主任")
    finally:
        vault.lock()
    return demo_dir


def _open_item(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    page = cli_json(capsys, "rectifications", "list", "--status", "in_progress", "--limit", "50")
    return next(i for i in page["items"] if i["target_id"])


def test_item_review_catalog_and_overdue(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = _open_item(capsys)
    number = item["number"]
    today = date.today().isoformat()
    review = ["rectifications", "review", number, "--opinion", "同意", "--date", today]
    assert main(review) == 6  # the 组长 is not 巡察办
    assert main([*review[:-2], "--date", "2099-01-01", "--user", "ban"]) == 8  # a future day
    assert cli_json(capsys, "rectifications", "show", number)["review_opinion"] == ""
    done = cli_json(capsys, *review, "--user", "ban")
    assert (done["review_opinion"], done["reviewed_by"]) == ("同意", "赵主任")
    catalog = cli_json(
        capsys,
        "rectifications",
        "catalog",
        number,
        "--item",
        "整改会议纪要",
        "--item",
        "公开栏照片",
    )
    assert [e["name"] for e in catalog["evidence_catalog"]] == ["整改会议纪要", "公开栏照片"]
    assert main(["rectifications", "catalog", number, "--item", "照片:" + "a" * 64]) == 8
    assert main(["rectifications", "catalog", number]) == 2  # nothing given: usage
    overdue = cli_json(capsys, "rectifications", "overdue")
    assert all(date.fromisoformat(v["due_date"]) < date.today() for v in overdue)


def test_documents_supervision_assessment_and_reminder(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = _open_item(capsys)
    rnd = item["round_id"]
    target = item["target_id"]
    where = ["--round", rnd, "--target", target]
    feedback = (date.today() - timedelta(days=90)).isoformat()
    doc = cli_json(
        capsys, "rectifications", "doc-add", *where, "--kind", "plan", "--feedback", feedback
    )
    assert (doc["status"], doc["kind"]) == ("pending", "plan")
    late = cli_json(capsys, "rectifications", "docs", "--round", rnd, "--overdue")
    assert doc["id"] in [d["id"] for d in late]
    assert all(d["status"] in ("pending", "returned") for d in late)
    today = date.today().isoformat()
    assert main(["rectifications", "doc-approve", doc["id"], "--user", "ban"]) == 8  # not submitted
    sent = cli_json(capsys, "rectifications", "doc-submit", doc["id"], "--date", today)
    assert sent["status"] == "submitted"
    assert main(["rectifications", "doc-return", doc["id"], "--reason", "不具体"]) == 6
    back = cli_json(
        capsys, "rectifications", "doc-return", doc["id"], "--reason", "不具体", "--user", "ban"
    )
    assert (back["status"], back["review_note"]) == ("returned", "不具体")

    sup = cli_json(
        capsys,
        "rectifications",
        "supervise",
        *where,
        "--by",
        "纪委监委",
        "--date",
        today,
        "--body",
        "实地督查",
        "--escalate",
    )
    assert sup["escalated"] is True and sup["agency"] == "discipline_commission"
    assert (
        main(
            [
                "rectifications",
                "supervise",
                *where,
                "--by",
                "审计局",
                "--date",
                today,
                "--body",
                "x",
            ]
        )
        == 8
    )
    chased = cli_json(capsys, "rectifications", "supervisions", "--escalated")
    assert sup["id"] in [s["id"] for s in chased] and all(s["escalated"] for s in chased)

    assert main(["rectifications", "assess", *where, "--grade", "good"]) == 6
    graded = cli_json(
        capsys, "rectifications", "assess", *where, "--grade", "一般", "--user", "ban"
    )
    assert (graded["grade"], graded["assessor"]) == ("fair", "赵主任")
    assert main(["rectifications", "assess", *where, "--grade", "优秀", "--user", "ban"]) == 8

    letter = cli_json(
        capsys,
        "rectifications",
        "remind",
        *where,
        "--old",
        "张书记",
        "--new",
        "王书记",
        "--changed",
        today,
    )
    assert item["id"] in letter["rectification_ids"] and letter["sent_on"] is None
    assert (
        main(["rectifications", "remind", *where, "--old", "张", "--new", "张", "--changed", today])
        == 8
    )
    assert (
        cli_json(capsys, "rectifications", "reminder-sent", letter["id"], "--date", today)[
            "sent_on"
        ]
        == today
    )
    letters = cli_json(capsys, "rectifications", "reminders", "--target", target)
    assert letter["id"] in [r["id"] for r in letters]
    void = ["rectifications", "followup-void", "reminder", letter["id"]]
    assert main([*void, "--reason", " "]) == 8
    assert main([*void, "--reason", "重复", "--user", "zhangw"]) == 6  # a 组员
    assert cli_json(capsys, *void, "--reason", "重复")["voided"] is True
    after = cli_json(capsys, "rectifications", "reminders", "--target", target)
    assert [r["id"] for r in after] == [r["id"] for r in letters if r["id"] != letter["id"]]


def test_period_rule_is_read_by_all_and_set_by_the_office(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_json(capsys, "rectifications", "period-rule") == {
        "plan_months": 1,
        "report_months": 2,
    }
    assert main(["rectifications", "period-rule", "--plan", "2"]) == 6  # the 组长
    assert main(["rectifications", "period-rule", "--report", "13", "--user", "ban"]) == 8
    set_rule = ["rectifications", "period-rule", "--plan", "2", "--report", "3", "--user", "ban"]
    assert cli_json(capsys, *set_rule) == {"plan_months": 2, "report_months": 3}
    assert cli_json(capsys, "rectifications", "period-rule") == {
        "plan_months": 2,
        "report_months": 3,
    }


def test_follow_through_records_are_named_by_their_target(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No UUID needed: a document by ``单位/kind``, a 提醒函 or entry by its unit's name; a name
    that fits several records is refused with their ids (exit 8), an unknown one exit 5."""
    item = _open_item(capsys)
    where = ["--round", item["round_id"], "--target", item["target_id"]]
    target = cli_json(capsys, "targets", "show", item["target_id"])["name"]
    today = date.today().isoformat()
    docs = cli_json(capsys, "rectifications", "docs", "--round", item["round_id"])
    reminders = cli_json(capsys, "rectifications", "reminders", "--round", item["round_id"])
    for kind, rows in (("document", docs), ("reminder", reminders)):  # the demo's own
        for old in [r for r in rows if r["target_id"] == item["target_id"]]:
            cli_json(capsys, "rectifications", "followup-void", kind, old["id"], "--reason", "x")
    feedback = (date.today() - timedelta(days=10)).isoformat()
    add = ["rectifications", "doc-add", *where, "--kind", "report", "--feedback", feedback]
    doc = cli_json(capsys, *add)
    sent = cli_json(capsys, "rectifications", "doc-submit", f"{target}/整改报告", "--date", today)
    assert (sent["id"], sent["status"]) == (doc["id"], "submitted")
    assert main(["rectifications", "doc-submit", f"{target}/整改报告x", "--date", today]) == 8
    assert main(["rectifications", "doc-submit", "没有这个单位/report", "--date", today]) == 5
    remind = ["--old", "张书记", "--new", "王书记", "--changed", today]
    letter = cli_json(capsys, "rectifications", "remind", *where, *remind)
    marked = cli_json(capsys, "rectifications", "reminder-sent", target, "--date", today)
    assert (marked["id"], marked["sent_on"]) == (letter["id"], today)
    supervise = ["rectifications", "supervise", *where, "--by", "纪委监委", "--date", today]
    for body in ("实地督查", "电话督办"):
        cli_json(capsys, *supervise, "--body", body)
    capsys.readouterr()
    void = ["rectifications", "followup-void", "supervision", target, "--reason", "重复"]
    assert main(void) == 8
    assert "整改监督记录" in capsys.readouterr().err
    void = ["rectifications", "followup-void", "document", f"{target}/report", "--reason", "误录"]
    assert cli_json(capsys, *void)["id"] == doc["id"]
