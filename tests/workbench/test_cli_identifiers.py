"""Every CLI argument naming a record takes its human identifier (number or name) as well as its
UUID, resolved in one place (``services/identifiers.py``): each kind, an unknown one, and a
number two live records share (as after merging two devices' packages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.workbench.cli_helpers import cli_json
from workbench.cli import main
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.errors import AmbiguousName, NotFound
from workbench.models import Letter
from workbench.services.identifiers import resolve_pending, resolve_record
from workbench.store.vault import Vault

NUMBERED = ("letters", "findings", "clues", "interviews", "rectifications")


def _first(capsys: pytest.CaptureFixture[str], noun: str) -> dict[str, Any]:
    items = cli_json(capsys, noun, "list", "--limit", "1")["items"]
    assert items, noun
    return dict(items[0])


@pytest.mark.parametrize("noun", NUMBERED)
def test_show_takes_the_number(
    demo_env: Path, capsys: pytest.CaptureFixture[str], noun: str
) -> None:
    record = _first(capsys, noun)
    assert record["number"]
    assert cli_json(capsys, noun, "show", record["number"])["id"] == record["id"]
    assert (
        cli_json(capsys, noun, "show", record["id"])["id"] == record["id"]
    )  # the UUID still works


@pytest.mark.parametrize("noun", ["targets", "persons", "rounds"])
def test_show_takes_the_name(demo_env: Path, capsys: pytest.CaptureFixture[str], noun: str) -> None:
    items = cli_json(capsys, noun, "list", "--limit", "200")["items"]
    names = [i["name"] for i in items]
    record = next(i for i in items if names.count(i["name"]) == 1)
    assert cli_json(capsys, noun, "show", record["name"])["id"] == record["id"]


def test_unknown_number_is_not_found_with_the_text(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["letters", "show", "XF-1999-9999"]) == 5
    err = capsys.readouterr().err
    assert "WB-NOT-FOUND" in err and "XF-1999-9999" in err and "信访件" in err
    # a kind without a human identifier says so
    assert main(["activities", "show", "某次座谈"]) == 5
    assert "请写id" in capsys.readouterr().err.replace(" ", "")


def test_a_shared_number_is_ambiguous_and_lists_the_records(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = cli_json(capsys, "letters", "list", "--limit", "2")["items"]
    # two devices' letters with one number, as the office holds them after merging both packages
    # (each device checks its numbers only among its own records)
    vault = Vault.open(demo_env, DEMO_LEADER, DEMO_PASSPHRASE)
    try:
        with vault.session() as s:
            row = s.get(Letter, second["id"])
            assert row is not None
            row.number = first["number"]
        with vault.read() as s, pytest.raises(AmbiguousName) as caught:
            resolve_record(s, "letters", first["number"])
        assert set(caught.value.details["candidates"]) == {first["id"], second["id"]}
        with vault.read() as s:  # the id still picks one
            assert resolve_record(s, "letters", second["id"]) == second["id"]
    finally:
        vault.lock()
    capsys.readouterr()
    assert main(["letters", "show", first["number"]]) == 8
    err = capsys.readouterr().err
    assert "WB-AMBIGUOUS" in err and "2 条信访件" in err and "录入" in err
    assert first["id"] not in err  # listed in words; the ids are in --json details


def test_filters_and_documents_take_names_and_numbers(
    demo_env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = _first(capsys, "targets")
    by_name = cli_json(capsys, "letters", "list", "--target", target["name"], "--limit", "500")
    by_id = cli_json(capsys, "letters", "list", "--target", target["id"], "--limit", "500")
    assert by_name["total"] == by_id["total"]
    finding = _first(capsys, "findings")
    out = tmp_path / "底稿.docx"
    capsys.readouterr()
    assert main(["report", "finding", "--id", finding["number"], "--out", str(out)]) == 0
    assert out.is_file()
    assert (
        main(["report", "finding", "--id", "DG-1999-999", "--out", str(tmp_path / "x.docx")]) == 5
    )
    assert not (tmp_path / "x.docx").exists()


def test_a_number_of_any_kind(demo_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``conflicts resolve`` names a record of any kind, among those that wait."""
    letter, clue = _first(capsys, "letters"), _first(capsys, "clues")
    pending = [("letters", letter["id"]), ("clues", clue["id"])]
    vault = Vault.open(demo_env, DEMO_LEADER, DEMO_PASSPHRASE)
    try:
        with vault.read() as s:
            assert resolve_pending(s, letter["number"], pending) == letter["id"]
            assert resolve_pending(s, clue["number"], pending) == clue["id"]
            assert resolve_pending(s, clue["id"].upper(), pending) == clue["id"]
            with pytest.raises(NotFound):
                resolve_pending(s, "XF-1999-9999", pending)
            with pytest.raises(NotFound):  # a real number, but nothing of it waits
                resolve_pending(s, letter["number"], pending[1:])
    finally:
        vault.lock()
