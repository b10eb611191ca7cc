"""What the CLI tests share: a command's JSON output."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from workbench.cli import build_parser, main
from workbench.reports.registry import DOCUMENTS
from workbench.roles import Role
from workbench.services.indexing import RECORD_TYPES
from workbench.vocab import enums


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Run ``workbench ARGV --json``, which must succeed, and return what it printed."""
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def _parsers(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    """Every parser of the command line with the words that reach it (the root's are [])."""
    yield [], parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                for path, found in _parsers(sub):
                    yield [name, *path], found


def command_paths() -> list[list[str]]:
    """The words of every command and command group: ``[]``, ``["letters"]``,
    ``["letters", "list"]``…"""
    return [path for path, _ in _parsers(build_parser())]


def _syntax() -> set[str]:
    """The words a user types, which stay as they are inside Chinese text: command names,
    positionals' names and the values an option accepts (option names are matched with their
    dashes, so ``--team`` passes and ``team`` alone does not)."""
    words: set[str] = set(_CODE_VALUES)
    for path, parser in _parsers(build_parser()):
        words.update(w for name in path for w in re.findall(r"[A-Za-z]+", name))
        for action in parser._actions:
            if not action.option_strings:  # a positional's name stands in the usage line
                words.update(re.findall(r"[A-Za-z]+", action.dest))
            if action.choices and not isinstance(action, argparse._SubParsersAction):
                words.update(w for c in action.choices for w in re.findall(r"[A-Za-z]+", str(c)))
    return words


# the codes options take (their Chinese labels work too): round types, units, grades, roles…,
# and the record types of `search --type`
_CODE_VALUES = {
    w
    for enum in vars(enums).values()
    if isinstance(enum, type) and issubclass(enum, enums.LabeledEnum)
    for member in enum
    for w in re.findall(r"[A-Za-z]+", member.value)
} | {
    w
    for code in (*(r.value for r in Role), *RECORD_TYPES.values(), *(d.code for d in DOCUMENTS))
    for w in re.findall(r"[A-Za-z]+", code)
}

# names that are not translated: the program, products and file formats, and the record
# numbers' and error codes' letters are matched by the patterns below
_NAMES = {"workbench", "SQLCipher", "SQLite", "community", "Word", "Excel", "JSON", "GB", "id"}
_NAMES |= {"docx", "xlsx"}
_NAMES |= {"sigjj", "complex"}  # taxonomy codes the help gives as examples
_NAMES |= {"local", "incoming"}  # the versions `conflicts resolve --keep/--field` takes
_NAMES |= {"postgresql", "PostgreSQL"}  # the office server: its URL scheme, its engine (`info`)
_CODES = re.compile(
    r"WB-[A-Z0-9-]+"  # error codes
    r"|\b[A-Z]{2}-\d{4}(?:-\d+)+"  # record numbers: XF-2026-61-00019
    r"|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"  # UUIDs
    r"|\b[0-9a-fA-F]{8,}\b"  # hashes, fingerprints, device ids
    r"|(?<![A-Za-z0-9])[A-Z][A-Z0-9_]+(?:[.-]\d+)*(?![A-Za-z])"  # codes, metavars: FS-03, NEW_FILE
    r"|\.(?:docx|xlsx|xls|csv|wbp|json|pdf|m4a|txt|jpg|png)\b"  # file extensions
    r"|(?:/[\w.+-]+)+/?"  # paths
    r"|\bWORKBENCH_[A-Z_]+"  # environment variables
    r"|(?<![\w-])--?[A-Za-z][\w-]*"  # options
    r"|YYYY-MM-DD|MiB|GB/T|\bage1[0-9a-z]*"
)
_syntax_words: set[str] = set()


def english_words(text: str, allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The English words in ``text`` beyond the command line's own syntax and names."""
    if not _syntax_words:
        _syntax_words.update(_syntax() | _NAMES)
    stripped = _CODES.sub(" ", text)
    return sorted(
        {w for w in re.findall(r"[A-Za-z]{2,}", stripped) if w not in _syntax_words | allowed}
    )
