"""One parser serves every ``main()`` call of a process: built once, and nothing one call gives
(a value, the terminal's width) reaches the next."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

import workbench.cli
from workbench.cli import main


@pytest.fixture
def fresh_parsers() -> Iterator[None]:
    """Both cached parsers dropped before and after: the test sees its own build."""
    workbench.cli._parser.cache_clear()
    workbench.cli._placeholder_parser.cache_clear()
    yield
    workbench.cli._parser.cache_clear()
    workbench.cli._placeholder_parser.cache_clear()


def test_main_builds_the_parser_once(
    fresh_parsers: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built: list[argparse.ArgumentParser] = []
    real = workbench.cli.build_parser

    def counted() -> argparse.ArgumentParser:
        built.append(real())
        return built[-1]

    monkeypatch.setattr(workbench.cli, "build_parser", counted)
    for argv in (["letters", "list", "--bogus"], ["findings", "show"], ["search"]):
        assert main(argv) == 2
        assert "参数有误" in capsys.readouterr().err
    assert len(built) == 1


def test_a_call_leaves_no_value_for_the_next(fresh_parsers: None) -> None:
    first = workbench.cli._parser().parse_args(
        ["report", "clue-letter", "--attachment", "甲", "--attachment", "乙"]
    )
    again = workbench.cli._parser().parse_args(["report", "clue-letter"])
    assert first.attachment == ["甲", "乙"]
    assert again.attachment == []
    assert again.type == "clue-letter"


def test_help_takes_the_width_of_each_call(
    fresh_parsers: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def help_lines(columns: int) -> int:
        monkeypatch.setenv("COLUMNS", str(columns))
        with pytest.raises(SystemExit):
            main(["report", "--help"])
        return len(capsys.readouterr().out.splitlines())

    narrow = help_lines(60)
    assert help_lines(1000) < narrow
    assert help_lines(60) == narrow
