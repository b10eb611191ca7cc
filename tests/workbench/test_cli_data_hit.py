"""``workbench data hit ID [exclude|verify|confirm|to-clue|to-finding]`` on a real store: the hit
shown with its rows side by side (and the read audited), decisions, conversions and their
refusals with their exit codes."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.cli_helpers import cli_json
from tests.workbench.hit_rows import ROWS
from workbench.cli import main
from workbench.models import DataHit, Evidence, Target
from workbench.services.rounds import RoundDraft, create_round
from workbench.store.vault import Vault
from workbench.vocab.enums import AttentionLevel, HitStatus


def _hit(vault: Vault, round_id: str, subject: str = "李四") -> str:
    with vault.session() as s:
        row = DataHit(
            round_id=round_id,
            rule_id="staff_assistance",
            rule_version=1,
            rule_title="公职人员享受低保",
            match_key=uuid.uuid4().hex,
            subject_name=subject,
            subject_id_number="110101199003071234",
            summary=f"{subject}为在编人员，同时领取低保",
            qualification="涉嫌违规享受低保待遇",
            discipline="群众纪律",
            rows=ROWS,
            status=HitStatus.NEW,
        )
        s.add(row)
        s.flush()
        return row.id


@pytest.fixture
def hits(cli_store: Path) -> tuple[str, str]:
    vault = Vault.open(cli_store, LEADER, PASSPHRASE)
    try:
        with vault.session() as s:
            rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
            s.add(
                Target(
                    round_id=rnd.id,
                    name="某某镇党委",
                    kind="township",
                    attention=AttentionLevel.KEY,
                )
            )
            round_id = rnd.id
        return _hit(vault, round_id), _hit(vault, round_id, "王五")
    finally:
        vault.lock()


def _audit(store: Path, action: str) -> list[str]:
    vault = Vault.open(store, LEADER, PASSPHRASE)
    try:
        with vault.read() as s:
            return list(
                s.scalars(text("SELECT object_id FROM audit_log WHERE action = :a"), {"a": action})
            )
    finally:
        vault.lock()


def test_show_puts_the_rows_side_by_side_and_audits_the_read(
    cli_store: Path, hits: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    hit, _ = hits
    capsys.readouterr()
    assert main(["data", "hit", hit[:8]]) == 0
    out = capsys.readouterr().out
    assert "规则：公职人员享受低保（staff_assistance 第 1 版）" in out
    assert "处理结论：待处理" in out
    header = next(line for line in out.splitlines() if line.startswith("字段"))
    assert "县民政局·第12行" in header and "县人社局·第7行" in header
    id_line = next(line for line in out.splitlines() if line.startswith("身份证号"))
    assert id_line.count("110101199003071234") == 2  # the two lists' rows, side by side
    assert "原始数据：家庭住址" in out  # the 组长 may see raw rows
    shown = cli_json(capsys, "data", "hit", hit)
    assert shown["hit"]["status"] == "new" and shown["linked"] == []
    assert _audit(cli_store, "record.read").count(hit) == 2


def test_decisions_and_their_refusals(
    cli_store: Path, hits: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    hit, _ = hits
    assert main(["data", "hit", hit, "exclude"]) == 2  # --reason is required
    assert "--reason" in capsys.readouterr().err
    assert main(["data", "hit", "zzzzzzzz", "verify"]) == 5
    assert cli_json(capsys, "data", "hit", hit, "verify", "--reason", "到村核实")["status"] == (
        "pending"
    )
    assert cli_json(capsys, "data", "hit", hit, "confirm")["status"] == "confirmed"
    done = cli_json(capsys, "data", "hit", hit, "exclude", "--reason", "同名不同人")
    assert (done["status"], done["reason"], done["decided_by"]) == (
        "excluded",
        "同名不同人",
        "王组长",
    )
    assert main(["data", "hit", hit, "to-finding", "--target", "某某镇党委"]) == 8
    assert "疑点已排除（理由：同名不同人）" in capsys.readouterr().err


def test_to_finding_then_to_clue_is_refused_naming_the_finding(
    cli_store: Path, hits: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    hit, other = hits
    done = cli_json(
        capsys, "data", "hit", hit, "to-finding", "--target", "某某镇党委", "--amount", "1200"
    )
    assert done["record_type"] == "findings" and done["hit"]["status"] == "confirmed"
    number = done["number"]
    assert main(["data", "hit", hit, "to-clue", "--level", "乡管"]) == 7
    assert f"疑点已转为问题底稿 {number}，不能重复转换" in capsys.readouterr().err
    assert cli_json(capsys, "data", "hit", hit)["linked"] == [f"问题底稿 {number}"]
    assert main(["data", "hit", other, "to-clue", "--level", "无此级别"]) == 8
    clue = cli_json(capsys, "data", "hit", other, "to-clue", "--level", "乡管", "--to", "组织部")
    assert clue["number"].startswith("XS-2026-")
    vault = Vault.open(cli_store, LEADER, PASSPHRASE)
    try:
        with vault.read() as s:
            sources = set(s.scalars(select(Evidence.source)))
    finally:
        vault.lock()
    assert sources == {"大数据碰撞比对", f"问题线索 {clue['number']}"}
