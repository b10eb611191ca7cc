"""The command line as a new user meets it: Chinese throughout (argparse's own messages too),
bad arguments refused with exit 2 and the reason, empty lists said so, `init` taking the one
passphrase variable, and valid JSON from every `list` and `show`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.workbench.cli_helpers import cli_json, command_paths, english_words
from workbench.cli import main
from workbench.cli.list_cmds import COMMANDS

Capture = pytest.CaptureFixture[str]


def _run(capsys: Capture, *argv: str) -> tuple[int, str]:
    """Exit code and everything printed (stdout and stderr), ``--help``'s exit included."""
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_argparse_speaks_chinese(capsys: Capture) -> None:
    code, text = _run(capsys, "--help")
    assert code == 0 and "用法：workbench" in text and "显示本帮助后退出" in text
    assert "usage" not in text and "show this help" not in text and "options:" not in text
    code, text = _run(capsys, "letters", "list", "--bogus")
    assert code == 2 and "无法识别的参数：--bogus" in text
    code, text = _run(capsys)
    assert code == 2 and "缺少必需的参数" in text
    code, text = _run(capsys, "lettrs")
    assert code == 2 and "无效的取值 'lettrs'" in text and "'letters'" in text
    code, text = _run(capsys, "user", "add", "x")
    assert code == 2 and "缺少必需的参数：--roles" in text


def test_version_and_help_do_not_load_the_commands(capsys: Capture) -> None:
    """What keeps `--version` fast: nothing behind the commands is imported for it (run in a
    fresh interpreter, since this one has imported everything already)."""
    import subprocess
    import sys

    probe = (
        "import sys\nfrom workbench.cli import main\n"
        "for argv in (['--version'], ['--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "heavy = [m for m in ('sqlalchemy', 'cryptography', 'docx', 'openpyxl', "
        "'workbench.store.vault', 'workbench.cli.list_cmds') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "HEAVY []" in done.stderr, done.stderr


def test_bad_values_are_usage_errors_with_the_reason(demo_env: Path, capsys: Capture) -> None:
    code, text = _run(capsys, "letters", "list", "--from", "2026/12/01")
    assert code == 2 and "YYYY-MM-DD" in text and "WB-USAGE" in text
    code, text = _run(capsys, "search", "补贴", "--from", "2026/12/01")
    assert code == 2 and "YYYY-MM-DD" in text
    code, text = _run(capsys, "letters", "list", "--order", "foo")
    assert code == 2 and "WB-USAGE" in text
    assert "received_at" in text and "number" in text  # the columns it can sort by
    code, text = _run(capsys, "letters", "list", "--limit", "-1")
    assert code == 2 and "超出范围" in text


def test_an_empty_list_says_so(demo_env: Path, capsys: Capture) -> None:
    code, text = _run(capsys, "letters", "list", "--from", "2099-01-01")
    assert code == 0 and text.strip() == "没有记录"
    code, text = _run(capsys, "letters", "list", "--offset", "1000")
    assert code == 0 and "第 1001 条起没有记录" in text and "1–" not in text


def test_init_takes_the_passphrase_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    """As restic and borg do: for a new store the one variable serves (no terminal here)."""
    monkeypatch.setenv("WORKBENCH_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("WORKBENCH_USER", "zuzhang")
    monkeypatch.delenv("WORKBENCH_NEW_PASSPHRASE", raising=False)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "one passphrase for both")
    code, text = _run(capsys, "init")
    assert code == 0, text
    assert cli_json(capsys, "info")["user"] == "zuzhang"  # opened with that passphrase


def _record_commands(capsys: Capture) -> list[list[str]]:
    """Every `list` and `show` of the record groups and the other list commands, with a record
    of the demo store for each `show`."""
    runs: list[list[str]] = []
    for spec in COMMANDS:
        items = cli_json(capsys, spec.name, "list", "--limit", "2")["items"]
        assert items, spec.name
        runs += [[spec.name, "list"], [spec.name, "show", str(items[0]["id"])]]
        if isinstance(items[0].get("number"), str):  # a round's is its place in the year
            runs.append([spec.name, "show", str(items[0]["number"])])
    round_name = cli_json(capsys, "rounds", "list")["items"][0]["name"]
    team = cli_json(capsys, "teams", "list", "--round", round_name)[0]["team"]["name"]
    runs += [
        ["teams", "list", "--round", round_name],
        ["members", "list", "--team", team],
        ["user", "list"],
        ["user", "links"],
        ["user", "grants", "wangjg"],
        ["attach", "list"],
        ["clues", "list", "--overdue"],
        *(
            ["rectifications", verb]
            for verb in ("overdue", "docs", "supervisions", "assessments", "reminders")
        ),
    ]
    listed = {tuple(path) for path in command_paths() if path[-1:] in (["list"], ["show"])}
    covered = {tuple(run[:2]) for run in runs}
    # the lists that need an office store, and the auditor's: their own tests cover them
    office_or_auditor = {("devices", "list"), ("conflicts", "list"), ("conflicts", "show")}
    assert listed - covered <= office_or_auditor | {("audit", "list")}
    return runs


def test_every_list_and_show_emits_json(demo_env: Path, capsys: Capture) -> None:
    for argv in _record_commands(capsys):
        data: Any = cli_json(capsys, *argv)
        assert data is not None, argv
        if argv[1] == "show":
            assert json.dumps(data) and data["id"], argv


def test_no_english_in_any_help(capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # one line per option: no word split by wrapping
    found = {}
    for path in command_paths():
        code, text = _run(capsys, *path, "--help")
        assert code == 0, path
        if words := english_words(text):
            found[" ".join(path)] = words
    assert not found


def test_no_english_in_what_commands_print(
    demo_env: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A representative run of each command on the demo store, refusals included. User names
    and the values typed back are data, not English."""
    monkeypatch.setenv("COLUMNS", "1000")
    users = {u["name"] for u in cli_json(capsys, "user", "list")}
    runs = [
        *_record_commands(capsys),
        ["info"],
        ["search", "补贴"],
        ["stats"],
        ["clues", "deadline-rule"],
        ["rectifications", "period-rule"],
        ["audit", "verify"],
        ["check"],
        ["report", "--list"],
        ["rejected"],
        ["templates", "write", str(tmp_path / "templates")],
        [],
        ["lettrs"],
        ["letters", "list", "--bogus"],
        ["letters", "list", "--from", "2026/12/01"],
        ["letters", "list", "--from", "2099-01-01"],
        ["letters", "show", "XF-1999-0001"],
        ["conflicts", "list"],
        ["devices", "list"],
        ["export", "--round", "第六轮", "--out", str(tmp_path / "p.wbp")],
    ]
    typed = {"lettrs", "bogus"}
    taxonomy = {"sgjj", "zzhx", "village", "resource", "rich"}  # codes shown beside their titles
    found = {}
    for argv in runs:
        _code, text = _run(capsys, *argv)
        if words := english_words(text, users | typed | taxonomy):
            found[" ".join(argv)] = words
    assert not found
