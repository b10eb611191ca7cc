"""``workbench data rules|run|hits`` on a real store: the rules listed, an office rule added,
versioned and retired (others exit 6, a bad file exits 8 and changes nothing), a run and a
second run, the hits filtered, and a 组员 who sees no cells."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.cli_helpers import cli_json
from tests.workbench.team import Team
from tests.workbench.test_datacheck_run import _lists
from workbench.cli import main
from workbench.services.rounds import RoundDraft, create_round

ROUND = "2026年第一轮巡察"


@pytest.fixture
def store(team: Team, monkeypatch: pytest.MonkeyPatch) -> Path:
    with team().session() as s:
        rnd = create_round(s, RoundDraft(ROUND, 2026, 1, "常规", "sgjj", 2020))
        _lists(s, rnd.id)
    team.close()
    monkeypatch.setenv("WORKBENCH_STORE", str(team.directory))
    monkeypatch.setenv("WORKBENCH_USER", LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    return team.directory


def _rule_file(tmp_path: Path, name: str, definition: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_rules_listed_added_and_retired(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [r["id"] for r in cli_json(capsys, "data", "rules")] == [f"DC0{i}" for i in range(1, 7)]
    own = {"id": "BJ01", "title": "超出三成", "match": "area_exceeds",
           "params": {"tolerance_percent": 30}}  # fmt: skip
    good = _rule_file(tmp_path, "good.json", own)
    assert main(["data", "rules", "add", good]) == 6  # the 组长 is not the office
    bad = _rule_file(tmp_path, "bad.json", {**own, "match": "vehicles_owned"})
    assert main(["data", "rules", "add", bad, "--user", "office"]) == 8
    assert "vehicles_owned" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ', encoding="utf-8")
    assert main(["data", "rules", "add", str(broken), "--user", "office"]) == 8
    assert len(cli_json(capsys, "data", "rules")) == 6  # nothing was added
    added = cli_json(capsys, "data", "rules", "add", good, "--user", "office")
    assert (added["id"], added["version"]) == ("BJ01", 1)
    again = cli_json(capsys, "data", "rules", "add", good, "--user", "office")
    assert again["version"] == 2
    capsys.readouterr()
    assert main(["data", "rules"]) == 0
    assert "BJ01 v2 [本办] 超出三成" in capsys.readouterr().out
    assert main(["data", "rules", "retire", "BJ01"]) == 6
    assert cli_json(capsys, "data", "rules", "retire", "BJ01", "--user", "office")
    assert "BJ01" not in {r["id"] for r in cli_json(capsys, "data", "rules")}
    retired = [r for r in cli_json(capsys, "data", "rules", "--retired") if r["id"] == "BJ01"]
    assert retired[0]["retired"] is True
    assert main(["data", "rules", "retire", "BJ01", "--user", "office"]) == 5


@pytest.mark.slow
def test_a_run_then_the_hits(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "run", "--round", ROUND, "--user", "member"]) == 6
    first = cli_json(capsys, "data", "run", "--round", ROUND)
    assert first["new"] == 10 and first["by_rule"]["DC03"] == 2
    again = cli_json(capsys, "data", "run", "--round", ROUND, "--rule", "DC03")
    assert (again["new"], again["known"], again["by_rule"]) == (0, 2, {"DC03": 2})
    capsys.readouterr()
    assert main(["data", "run", "--round", ROUND]) == 0
    assert "新增疑点 0 条，已有 10 条" in capsys.readouterr().out
    dc03 = cli_json(capsys, "data", "hits", "--rule", "DC03", "--round", ROUND)
    assert {h["subject_name"] for h in dc03} == {"钱七", "孙八"}
    assert all("cells" in r for h in dc03 for r in h["rows"])
    assert cli_json(capsys, "data", "hits", "--status", "排除") == []
    assert len(cli_json(capsys, "data", "hits", "--status", "new")) == 10
    assert main(["data", "hits", "--status", "bogus"]) == 8
    seen = cli_json(capsys, "data", "hits", "--user", "member")
    assert len(seen) == 10 and not any("cells" in r for h in seen for r in h["rows"])
    capsys.readouterr()
    assert main(["data", "hits", "--rule", "DC03"]) == 0
    out = capsys.readouterr().out
    assert "[待处理]" in out and "钱七" in out
