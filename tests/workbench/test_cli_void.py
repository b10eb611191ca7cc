"""``workbench <records> void ID --reason R`` and ``list --voided`` on the demo store: the record's
number as its ID, exit codes (permission 6, validation 8) leaving the store as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbench.cli_helpers import cli_json
from workbench.cli import main


def _numbers(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    page = cli_json(capsys, "letters", "list", "--limit", "500", *argv)
    return [item["number"] for item in page["items"]]


def test_void_a_letter_by_its_number(demo_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = cli_json(capsys, "letters", "list", "--status", "registered", "--limit", "5")
    number = page["items"][0]["number"]
    before = _numbers(capsys)
    # no reason: a usage error from the parser; a blank one: validation; nothing changed
    assert main(["letters", "void", number]) == 2
    assert "--reason" in capsys.readouterr().err
    assert main(["letters", "void", number, "--reason", "   "]) == 8
    assert "作废须填写理由" in capsys.readouterr().err
    # the 三员 do not touch case records; a 组员 voids only what they entered
    assert main(["letters", "void", number, "--reason", "重复", "--user", "sunqiang"]) == 6
    assert main(["letters", "void", number, "--reason", "重复", "--user", "zhangw"]) == 6
    assert _numbers(capsys) == before

    capsys.readouterr()
    assert main(["letters", "void", number, "--reason", "与另一件重复登记"]) == 0
    assert f"已作废：{number}" in capsys.readouterr().out
    assert number not in _numbers(capsys)
    # gone from the lists; shown by its number, marked with the reason
    capsys.readouterr()
    assert main(["letters", "show", number]) == 0
    assert capsys.readouterr().out.startswith("已作废：与另一件重复登记\n")
    shown = cli_json(capsys, "letters", "show", number)
    assert shown["number"] == number and shown["meta"]["void_reason"] == "与另一件重复登记"
    # --voided lists it, marked with the reason
    capsys.readouterr()
    assert main(["letters", "list", "--voided", "--limit", "500"]) == 0
    (line,) = [row for row in capsys.readouterr().out.splitlines() if row.startswith(number)]
    assert line.endswith("已作废：与另一件重复登记")
    voided = cli_json(capsys, "letters", "list", "--voided", "--limit", "500")
    (item,) = [i for i in voided["items"] if i["number"] == number]
    assert item["meta"]["deleted"] is True
    assert item["meta"]["void_reason"] == "与另一件重复登记"
    # voiding it again: it is no longer found
    assert main(["letters", "void", number, "--reason", "再来"]) == 5


def test_a_disposed_letter_is_refused(demo_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = cli_json(capsys, "letters", "list", "--status", "disposed", "--limit", "50")
    # (a 重复件 stays voidable: it points at its original)
    number = next(i["number"] for i in page["items"] if i["category"] != "duplicate")
    assert main(["letters", "void", number, "--reason", "录入错误"]) == 8
    assert "不能作废" in capsys.readouterr().err
    assert number in _numbers(capsys)


@pytest.mark.parametrize(
    "group", ["interviews", "findings", "clues", "activities", "rectifications", "portraits"]
)
def test_every_record_group_has_void_and_no_delete(
    demo_env: Path, capsys: pytest.CaptureFixture[str], group: str
) -> None:
    with pytest.raises(SystemExit):
        main([group, "--help"])
    text = capsys.readouterr().out
    assert "void" in text and "delete" not in text
