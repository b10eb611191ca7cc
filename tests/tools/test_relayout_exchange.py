"""tools/relayout_exchange.py: the rewrite of each reference form, the prose it rewraps, and a
run on a small git tree (a refusal, the moves, then nothing left to do)."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

from tools import relayout_exchange as relayout

WHERE = {"recordio": "records", "bulk": "records", "keys": "enrolment", "export": "to_office",
         "team": "to_office", "team_sink": "to_office", "rejected": "intake"}  # fmt: skip
REWRITER = relayout.Rewriter(WHERE, sorted(relayout.SUBPACKAGES))


def rewrite(text: str, python: bool = True) -> str:
    once = REWRITER.rewrite(text, python)
    assert REWRITER.rewrite(once, python) == once  # a second run changes nothing
    return once


def test_a_module_imported_from_the_package_moves_to_its_subpackage() -> None:
    text = "from workbench.exchange import ExportResult, keys, team as t  # why\n"
    assert rewrite(text) == (
        "from workbench.exchange import ExportResult  # why\n"
        "from workbench.exchange.enrolment import keys\n"
        "from workbench.exchange.to_office import team as t\n"
    )


def test_a_parenthesised_import_keeps_its_indent_and_the_public_names() -> None:
    text = (
        "def f():\n"
        "    from workbench.exchange import (\n        export,\n        rejected,\n    )\n"
    )
    assert rewrite(text) == (
        "def f():\n"
        "    from workbench.exchange.intake import rejected\n"
        "    from workbench.exchange.to_office import export\n"
    )
    assert rewrite("from workbench.exchange import ImportResult\n") == (
        "from workbench.exchange import ImportResult\n"
    )


def test_dotted_names_in_imports_strings_and_prose() -> None:
    assert rewrite("from workbench.exchange.team_sink import TeamMergeSink\n") == (
        "from workbench.exchange.to_office.team_sink import TeamMergeSink\n"
    )
    assert rewrite("import workbench.exchange.bulk as b\n") == (
        "import workbench.exchange.records.bulk as b\n"
    )
    assert rewrite('patch("workbench.exchange.recordio.serialize")\n') == (
        'patch("workbench.exchange.records.recordio.serialize")\n'
    )
    assert rewrite("replaces them (``exchange.export``)\n") == (
        "replaces them (``exchange.to_office.export``)\n"
    )
    # an audit action and a module of another package are not exchange modules
    untouched = 'record(s, "exchange.rejected_retention")\nfrom workbench.store.keys import x\n'
    assert rewrite(untouched) == untouched


def test_paths_in_docs_but_not_the_store_folders() -> None:
    text = "(`exchange/bulk.py`, `workbench/exchange/team.py`) into `<store>/exchange/rejected/`"
    assert rewrite(text, python=False) == (
        "(`exchange/records/bulk.py`, `workbench/exchange/to_office/team.py`) into "
        "`<store>/exchange/rejected/`"
    )


def test_prose_pushed_past_the_line_length_is_rewrapped_and_code_is_not() -> None:
    words = " ".join(["word"] * 22)
    text = (
        'def f() -> None:\n'
        f'    """{words} (``exchange/records/bulk.py``) and\n'
        '    more of the paragraph."""\n'
        f'    x = "{"y" * 110}"\n'
    )  # fmt: skip
    new = relayout.reflow_long_prose(text)
    ast.parse(new)
    lines = new.splitlines()
    assert all(len(line) <= relayout.LINE_LENGTH for line in lines[:-1])
    assert lines[-1] == text.splitlines()[-1]  # a code line stays as it is
    assert " ".join(new.split()) == " ".join(text.split())  # the same words in the same order


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    exchange = tmp_path / "workbench" / "exchange"
    exchange.mkdir(parents=True)
    (exchange / "__init__.py").write_text('"""Packages."""\n')
    (exchange / "recordio.py").write_text('"""Records."""\n')
    (exchange / "importer.py").write_text("from .recordio import x\n")
    (exchange / "stray.py").write_text("")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text(
        "from workbench.exchange import recordio, rowdump\n"
    )
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    monkeypatch.setattr(relayout, "ROOT", tmp_path)
    monkeypatch.setattr(relayout, "EXCHANGE", exchange)
    return tmp_path


def test_a_run_refuses_unmapped_modules_then_moves_and_rewrites(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert relayout.run(format_code=False) == 2
    assert "stray.py" in capsys.readouterr().out
    assert (tree / "workbench" / "exchange" / "recordio.py").exists()  # nothing done

    _git(tree, "rm", "-q", "-f", "workbench/exchange/stray.py")
    assert relayout.check() == 1
    assert relayout.run(format_code=False) == 0
    exchange = tree / "workbench" / "exchange"
    assert (exchange / "records" / "recordio.py").read_text() == '"""Records."""\n'
    init = (exchange / "records" / "__init__.py").read_text()
    assert init == f'"""{relayout.SUBPACKAGES["records"]}"""\n'
    assert (exchange / "importer.py").read_text() == (
        "from workbench.exchange.records.recordio import x\n"
    )
    # rowdump is mapped but absent here: the name is left as it was
    assert (tree / "tests" / "test_x.py").read_text() == (
        "from workbench.exchange import rowdump\nfrom workbench.exchange.records import recordio\n"
    )
    assert relayout.check() == 0
    before = {p: p.read_text() for p in tree.rglob("*.py")}
    assert relayout.run(format_code=False) == 0
    assert {p: p.read_text() for p in tree.rglob("*.py")} == before
