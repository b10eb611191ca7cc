"""Record values are shown, never acted on: the CLI prints control and bidi characters (ESC
sequences, a CR that overwrites the line, RLO) escaped, with --json still decoding to the
values as stored; the conflicts page shows a value that looks like HTML as typed."""

from __future__ import annotations

import argparse
import json

import pytest

from ui.pages.conflicts_page import plain_tip
from workbench.cli.common import emit

HOSTILE = "正常\x1b[2J\x1b]0;标题\x07\r伪造行\u202egnp.exe\u2066\x85\x7f"
RAW = ("\x1b", "\r", "\x07", "\u202e", "\u2066", "\x85", "\x7f")


@pytest.mark.parametrize("as_json", [False, True])
def test_the_cli_escapes_what_a_terminal_would_act_on(
    as_json: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    emit(argparse.Namespace(json=as_json), {"summary": HOSTILE}, f"问题概述：{HOSTILE}\n下一行")
    out = capsys.readouterr().out
    assert not [c for c in RAW if c in out]
    if as_json:
        assert json.loads(out) == {"summary": HOSTILE}  # lossless
    else:
        assert "\\u001b[2J" in out and "\\u202e" in out and "\n下一行" in out


def test_a_tooltip_shows_markup_as_typed() -> None:
    tip = plain_tip('<img src="http://127.0.0.1/b"><font size=40>假</font>\n第二行')
    assert "<img" not in tip and "<font" not in tip
    assert "&lt;img src=&quot;http://127.0.0.1/b&quot;&gt;" in tip and "<br>第二行" in tip
