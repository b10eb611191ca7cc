"""The record commands of the CLI on the demo store: search, stats, list and show."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbench.cli_helpers import cli_json
from workbench.cli import main


def test_search_json_and_highlight(demo_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = cli_json(capsys, "search", "集体资金")
    assert isinstance(hits, list) and hits
    assert all(
        "集体资金" in h["title"] + h["snippet"].replace("\x02", "").replace("\x03", "")
        for h in hits[:5]
    )
    letters_only = cli_json(capsys, "search", "反映", "--type", "letter")
    assert letters_only and {h["record_type"] for h in letters_only} == {"letter"}  # type: ignore[union-attr]
    assert main(["search", "x", "--type", "nonsense"]) == 8
    capsys.readouterr()
    assert main(["search", "巡察"]) == 0
    out = capsys.readouterr().out
    assert "【巡察】" in out


def test_stats_and_lists(demo_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stats = cli_json(capsys, "stats")
    assert isinstance(stats, dict) and stats["letters"] > 0 and stats["findings"] > 0
    rounds = cli_json(capsys, "rounds", "list")
    round_id = rounds["items"][0]["id"]  # type: ignore[index]
    page = cli_json(capsys, "letters", "list", "--round", round_id, "--limit", "5")
    assert isinstance(page, dict) and len(page["items"]) == 5 and page["total"] >= 5
    small = cli_json(capsys, "letters", "list", "--channel", "small_envelope", "--limit", "200")
    assert all(i["channel"] == "small_envelope" for i in small["items"])  # type: ignore[index]
    letter_id = page["items"][0]["id"]
    shown = cli_json(capsys, "letters", "show", letter_id)
    assert shown["id"] == letter_id  # type: ignore[index]
    assert main(["letters", "show", "no-such-id"]) == 5
    assert main(["activities", "list", "--channel", "x"]) == 2  # a filter the type lacks
    capsys.readouterr()
    assert main(["findings", "list", "--status", "approved"]) == 0
    assert "已审签" in capsys.readouterr().out
    for noun in (
        "targets",
        "persons",
        "interviews",
        "clues",
        "focus",
        "lists",
        "portraits",
        "rectifications",
        "reports",
        "archive",
    ):
        listing = cli_json(capsys, noun, "list", "--limit", "3")
        assert listing["total"] > 0, noun  # type: ignore[index]
