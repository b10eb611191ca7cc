"""The 公文 frame from the command line: ``workbench report … --issue`` and the other choices of
one export, ``report-numbers`` (the register) and ``report-settings`` (巡察办 only), with their
exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.test_docs_cli import audit_entries
from tests.workbench.test_docs_cli import store as store
from tests.workbench.test_docs_data import Seeded
from tests.workbench.test_docs_data import seeded as seeded
from workbench.cli import main
from workbench.roles import Role
from workbench.services import users
from workbench.store.vault import Vault

YEAR = 2025  # the report's 成文日期 (the seeded round's end): the number's year


def test_issue_and_the_choices_of_one_export(
    store: Path, seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "报告.docx"
    argv = ["report", "inspection-report", "--round", seeded.round_id, "--out", str(out)]
    choices = ["--issue", "--urgency", "加急", "--signer", "张三", "--attachment", "问题清单"]
    choices += ["--attachment", "线索汇总表", "--note", "此件发至县级", "--cc", "县委办、县政府办"]
    assert main([*argv, *choices]) == 0
    assert f"发文字号 巡一组〔{YEAR}〕1号" in capsys.readouterr().out
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "加急" in texts and f"\t巡一组〔{YEAR}〕1号\t签发人：张三" in texts
    assert "附件：1. 问题清单" in texts and "2. 线索汇总表" in texts and "（此件发至县级）" in texts
    cc = Document(str(out)).sections[-1].footer.tables[0].rows[0].cells[0].text
    assert cc == "抄送：县委办，县政府办。"

    assert main(["report-numbers", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["code"], row["seq"], row["doc_type"]) == ("巡一组", 1, "inspection-report")
    assert main(["report-numbers"]) == 0
    assert f"巡一组〔{YEAR}〕1号  巡察报告（" in capsys.readouterr().out

    # the same number again, for the same document only
    again = ["--number", f"巡一组〔{YEAR}〕1号", "--force"]
    assert main([*argv, *again]) == 0
    capsys.readouterr()
    feedback = ["report", "feedback", "--target", seeded.t1, "--out", str(tmp_path / "f.docx")]
    assert main([*feedback, "--number", f"巡一组〔{YEAR}〕1号"]) == 7
    assert "另一份文书" in capsys.readouterr().err
    assert main([*feedback, "--number", "巡一组-1"]) == 2
    assert main([*feedback, "--issue", "--draft"]) == 2
    assert main([*feedback, "--urgency", "急"]) == 2  # argparse's choices
    assert [e.object_type for e in audit_entries(store, "document.number")] == ["inspection-report"]


def test_settings_are_the_office_s(
    store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report-settings"]) == 0
    assert "巡察办机关代字：（未设定，用默认）" in capsys.readouterr().out
    assert main(["report-settings", "--office-code", "云巡办"]) == 6  # the 组长
    with Vault.open(store, LEADER, PASSPHRASE) as vault:
        users.add_user(vault, "office", PASSPHRASE, (Role.OFFICE,), display_name="巡察办")
    monkeypatch.setenv("WORKBENCH_USER", "office")
    assert main(["report-settings", "--office-code", "云巡办", "--team-code", "云巡"]) == 0
    out = capsys.readouterr().out
    assert "巡察办机关代字：云巡办" in out and "巡察组机关代字前缀：云巡" in out
    assert main(["report-settings", "--office-code", "云巡办〔"]) == 8
    assert main(["report-settings", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["office_code"] == "云巡办"
    assert len(audit_entries(store, "setting.change")) == 2
