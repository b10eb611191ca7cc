"""``workbench report`` and ``workbench report-import`` as a script drives them: the plaintext
warning, the audit entry of every export, exit codes and --json."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

import workbench.cli
from tests.conftest import LEADER, PASSPHRASE
from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.cli import main, report_cmds
from workbench.models import AuditEntry
from workbench.store.vault import Vault

seeded = docs_data.seeded  # the shared fixture


@pytest.fixture
def store(seeded: Seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seeded store, and ``workbench`` with the report commands registered (until
    workbench/cli/__init__.py registers them itself)."""
    import shutil

    target = tmp_path / "store"
    shutil.copytree(seeded.store, target)
    monkeypatch.setenv("WORKBENCH_STORE", str(target))
    monkeypatch.setenv("WORKBENCH_USER", LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    original = workbench.cli.build_parser

    def build_parser() -> argparse.ArgumentParser:
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "report" not in sub.choices:
            report_cmds.register(sub)
        return parser

    monkeypatch.setattr(workbench.cli, "build_parser", build_parser)
    return target


def audit_entries(store: Path, action: str) -> list[AuditEntry]:
    with Vault.open(store, LEADER, PASSPHRASE) as vault, vault.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_list(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--list"]) == 0
    out = capsys.readouterr().out
    # codes are padded to the longest, so a new type may widen the column
    assert re.search(r"^inspection-report +巡察报告（docx）  --round \[--target\]$", out, re.M)
    assert re.search(r"^clue-letter +问题线索移交函（docx）  --id 或 --round", out, re.M)
    assert re.search(r"^supervision-letter +整改督办函（docx）  --id 或 --target", out, re.M)
    assert "rectification" in out and "docx/xlsx" in out
    assert main(["report", "--list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["type"] for r in rows} >= {"interview", "finding", "letter-ledger", "stats"}


def test_export_warns_and_is_audited(
    store: Path,
    seeded: Seeded,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "报告.docx"
    argv = ["report", "inspection-report", "--round", seeded.round_id, "--out", str(out)]
    assert main([*argv, "--copy-no", "000003", "--date", "2025-06-05"]) == 0
    captured = capsys.readouterr()
    assert "未加密" in captured.err and "审计" in captured.err
    assert "已导出巡察报告" in captured.out
    assert out.exists() and not list(tmp_path.glob(".*.part"))
    if os.name == "posix":
        assert out.stat().st_mode & 0o077 == 0  # owner-only
    [entry] = audit_entries(store, "report.export")
    detail = json.loads(entry.detail)
    assert entry.object_type == "inspection-report" and entry.object_id == seeded.round_id
    assert detail["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert detail["file"] == "报告.docx" and detail["copy_no"] == "000003"
    assert detail["encrypted"] is False
    # an existing file is not overwritten without --force
    assert main(argv) == 7
    assert "已存在" in capsys.readouterr().err
    assert main([*argv, "--force", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["format"] == "docx" and result["size"] == out.stat().st_size
    assert len(audit_entries(store, "report.export")) == 2


def test_usage_errors(store: Path, seeded: Seeded, tmp_path: Path) -> None:
    out = str(tmp_path / "x.docx")
    assert main(["report", "interview", "--out", out]) == 2  # needs --id
    assert main(["report", "letter-ledger", "--round", seeded.round_id, "--out", out]) == 2
    assert main(["report", "no-such", "--out", out]) == 2
    assert (
        main(["report", "stats", "--round", seeded.round_id, "--out", str(tmp_path / "x.pdf")]) == 2
    )
    assert main(["report", "stats", "--round", seeded.round_id]) == 2  # no --out
    assert main(["report", "interview", "--id", "missing", "--out", out]) == 5
    assert not audit_entries(store, "report.export")


def test_a_folder_as_out_is_a_usage_error_and_not_audited(
    store: Path, seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "报告.docx"
    folder.mkdir()
    argv = ["report", "inspection-report", "--round", seeded.round_id, "--out", str(folder)]
    capsys.readouterr()
    assert main([*argv, "--force"]) == 2
    err = capsys.readouterr().err
    assert "WB-USAGE" in err and str(folder) in err and "文件夹" in err
    assert folder.is_dir() and not list(tmp_path.glob(".*.part"))
    assert not audit_entries(store, "report.export")


def test_templates_from_the_command_line(
    store: Path,
    seeded: Seeded,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    starter = tmp_path / "反馈意见模板.docx"
    assert main(["report", "feedback", "--starter-template", "--out", str(starter)]) == 0
    assert main(["report", "feedback", "--check-template", str(starter)]) == 0
    assert "模板可用于反馈意见" in capsys.readouterr().out
    assert main(["report", "interview", "--check-template", str(starter)]) == 8
    assert "缺少必需的占位符" in capsys.readouterr().err
    assert main(["report", "feedback", "--install-template", str(starter)]) == 0
    capsys.readouterr()
    out = tmp_path / "反馈.docx"
    assert main(["report", "feedback", "--target", seeded.t1, "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["template"].endswith("feedback.docx")
    assert main(["report", "feedback", "--remove-template"]) == 0


def test_ledger_round_trip(
    store: Path,
    seeded: Seeded,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:

    ledger = tmp_path / "整改台账.xlsx"
    argv = ["report", "rectification", "--round", seeded.round_id, "--out", str(ledger)]
    assert main(argv) == 0
    wb = load_workbook(ledger)
    ws = wb["整改台账"]
    cols = {c.value: c.column for c in ws[1]}
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, cols["系统编号（勿改）"]).value == seeded.rect_open:
            ws.cell(row, cols["整改措施"]).value = "新措施"
        if ws.cell(row, cols["系统编号（勿改）"]).value == seeded.rect_done:
            ws.cell(row, cols["整改状态"]).value = "未启动"
    wb.save(ledger)
    capsys.readouterr()
    assert main(["report-import", str(ledger), "--dry-run"]) == 8
    out = capsys.readouterr().out
    assert out.startswith("试导入（未保存任何修改）：可更新 1 项")
    assert main(["report-import", str(ledger)]) == 8  # one row refused: nothing imported
    out = capsys.readouterr().out
    assert "可更新 1 项" in out and "未导入 1 项" in out and "整个文件未导入" in out
    assert "——整改状态不能从“已完成”改为“未启动”" in out
    assert audit_entries(store, "report.import") == []
    assert main(["report-import", str(ledger), "--clean-rows-only"]) == 8  # scripts notice
    out = capsys.readouterr().out
    assert "已更新 1 项" in out and "未导入 1 项" in out and "整个文件未导入" not in out
    assert "：已更新（整改措施）" in out and "——整改状态不能从“已完成”改为“未启动”" in out
    assert len(audit_entries(store, "report.import")) == 1
    # a hostile file: coded, exit 8, never WB-INTERNAL
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(ledger) as zin, zipfile.ZipFile(hostile, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data[: len(data) // 2] if name.endswith("sheet1.xml") else data)
    assert main(["report-import", str(hostile)]) == 8
    assert "WB-LEDGER-INVALID" in capsys.readouterr().err


def test_the_transfer_letter_takes_its_receiving_unit(
    store: Path, seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "letter.docx")
    args = ["report", "clue-letter", "--round", seeded.round_id, "--out", out]
    assert main([*args, "--unit", "县委组织部"]) == 2  # its clue went to the 纪委监委 only
    assert "没有移交县委组织部的问题线索；接收单位：县纪委监委" in capsys.readouterr().err
    assert main([*args, "--unit", "县纪委监委"]) == 0
    assert main([*args, "--force"]) == 0  # one unit: none needs naming
