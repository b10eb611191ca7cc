"""``workbench index`` drains the search queue, ``workbench search`` says what is not indexed yet,
and ``workbench import`` indexes after its commit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import (
    PASS,
    USERS,
    World,
    WorldTemplate,
    add_finding,
    world_in,
)
from tests.workbench.index_world import MARKER, core_letters
from workbench.cli import main
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.services.index_queue import pending_count, queue_for_index
from workbench.store.vault import Vault


@pytest.fixture
def demo_cli(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKBENCH_STORE", str(demo_dir))
    monkeypatch.setenv("WORKBENCH_USER", DEMO_LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", DEMO_PASSPHRASE)
    return demo_dir


def queue_letters(store: Path, count: int) -> list[str]:
    with Vault.open(store, DEMO_LEADER, DEMO_PASSPHRASE) as vault, vault.session() as s:
        return core_letters(s, count)


def run(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 0) -> tuple[str, str]:
    capsys.readouterr()
    assert main(argv) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_index_catches_up_and_search_says_what_is_missing(
    demo_cli: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = queue_letters(demo_cli, 7)
    out, err = run(capsys, ["search", MARKER, "--json"])
    assert json.loads(out) == []
    assert "7 条记录尚未编入检索" in err  # on stderr: the JSON on stdout stays clean

    out, err = run(capsys, ["index", "--json", "--batch", "3"])
    assert json.loads(out) == {"rebuilt": False, "indexed": 7, "pending": 0}
    assert err == ""  # progress only on a terminal

    out, err = run(capsys, ["search", MARKER, "--json"])
    assert {hit["record_id"] for hit in json.loads(out)} == set(ids)
    assert err == ""

    out, _err = run(capsys, ["index"])
    assert "检索索引已是最新" in out


def test_index_human_output_and_rebuild(demo_cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queue_letters(demo_cli, 2)
    out, _err = run(capsys, ["index"])
    assert "已编入检索 2 条记录" in out
    queue_letters(demo_cli, 3)
    out, _err = run(capsys, ["index", "--rebuild", "--json"])
    result = json.loads(out)
    assert result["rebuilt"] is True and result["pending"] == 0 and result["indexed"] > 200
    out, _err = run(capsys, ["search", MARKER, "--json"])
    assert len(json.loads(out)) == 5
    run(capsys, ["index", "--batch", "0"], code=2)


@pytest.fixture
def world(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as w:
        yield w


def test_import_indexes_after_its_commit(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_finding(world.a, world.round_id, title="关于青石板路改造资金的问题")
    with world.office.session() as s:  # left over from an interrupted earlier catch-up
        queue_for_index(s, [("findings", "gone-since")])
    world.close()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    a = ["--store", str(world.dir / "a"), "--user", USERS["a"]]
    office = ["--store", str(world.dir / "office"), "--user", USERS["office"]]
    package = world.dir / "p.wbp"
    run(capsys, [*a, "export", "--round", world.round_id, "--out", str(package)])

    out, err = run(capsys, [*office, "import", str(package), "--json"])
    assert json.loads(out)["status"] == "imported"  # --json output as before
    assert err == ""
    with Vault.open(world.dir / "office", USERS["office"], PASS) as vault, vault.read() as s:
        assert pending_count(s) == 0
    out, err = run(capsys, [*office, "search", "青石板路", "--json"])
    assert len(json.loads(out)) == 1 and err == ""
