"""``workbench conflicts`` in plain language (issue 18): ``list`` prints every version's value
of each differing field under its label, ``show`` and ``resolve`` take the record's number, a
field is chosen with ``--field 名称=local|incoming``, and a record with no conflict is answered
with what is pending."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import PASS, World, WorldTemplate, get, world_in
from tests.workbench.test_conflicts_merge import _clue_conflict, _target_conflict
from tests.workbench.test_exchange_cli import Main, _as, _json
from workbench.models import Clue, Target


@pytest.fixture(name="w")
def world_fixture(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


@pytest.fixture(name="main")
def main_fixture(monkeypatch: pytest.MonkeyPatch) -> Main:
    import workbench.cli as cli

    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    return cli.main


def _office(w: World) -> list[str]:
    """The office's CLI arguments; the core's handles are closed (reopened by ``get``)."""
    office = _as(w, "office")
    w.close()
    w.vaults.clear()
    return office


def test_list_prints_both_values_under_their_labels(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    _clue_conflict(w)
    office = _office(w)
    capsys.readouterr()
    assert main([*office, "conflicts", "list"]) == 0
    out = capsys.readouterr().out
    assert "问题线索 XS-2026-0001" in out
    assert "具体问题：" in out and "problem" not in out
    assert "巡察办补充：违规收受礼金 3 次" in out and "违规收受礼金" in out
    assert "A 组填的单位" in out and "巡察办填的单位" in out  # both values, side by side
    assert "本机：本机（巡察办）" in out and "来件：“组员a”（zu1）" in out
    listed = _json(capsys, main, [*office, "conflicts", "list"])
    assert isinstance(listed, list) and listed[0]["type_label"] == "问题线索"
    rows = {r["name"]: r for r in listed[0]["rows"]}
    assert rows["problem"]["label"] == "具体问题" and rows["problem"]["differs"]
    assert sorted(rows["other_unit"]["texts"]) == ["A 组填的单位", "巡察办填的单位"]


def test_resolve_by_number_field_by_field_with_a_preview(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    clue = _clue_conflict(w)
    office = _office(w)
    capsys.readouterr()
    assert main([*office, "conflicts", "show", "XS-2026-0001"]) == 0
    assert "被反映人：" in capsys.readouterr().out  # a clue's person, not 谈话对象
    pick = [*office, "conflicts", "resolve", "XS-2026-0001", "--field", "其他单位=incoming"]
    assert main([*pick, "--preview"]) == 0
    preview = capsys.readouterr().out
    assert "未保存" in preview and "其他单位：A 组填的单位（取自" in preview
    assert "具体问题：巡察办补充：违规收受礼金 3 次" in preview
    assert main(pick) == 0
    assert "其他单位取自第" in capsys.readouterr().out
    row = get(w.office, Clue, clue)
    assert (row.other_unit, row.problem) == ("A 组填的单位", "巡察办补充：违规收受礼金 3 次")
    assert main([*office, "conflicts", "list"]) == 0


def test_no_conflict_names_what_is_pending(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: ``conflicts resolve XS-2026-0001`` said there was none while one was pending."""
    _target_conflict(w)
    office = _office(w)
    capsys.readouterr()
    assert main([*office, "conflicts", "resolve", "XS-2026-0001", "--keep", "local"]) == 5
    err = capsys.readouterr().err
    assert "XS-2026-0001" in err and "待处理的冲突有：被巡察对象" in err


def test_bad_choices_are_usage_errors(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _target_conflict(w)
    office = _office(w)
    resolve = [*office, "conflicts", "resolve", target]
    assert main(resolve) == 2  # neither --keep nor --field
    assert main([*resolve, "--keep", "9"]) == 2
    assert main([*resolve, "--field", "名称"]) == 2
    assert main([*resolve, "--field", "不存在=local"]) == 2
    capsys.readouterr()
    assert main([*resolve, "--keep", "incoming"]) == 0
    assert get(w.office, Target, target).overview == "A 组：班子 9 人"
    assert _json(capsys, main, [*office, "conflicts", "list"]) == []
