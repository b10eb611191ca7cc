"""A bad date option or 份号 is a usage error (WB-USAGE, exit 2) naming the option and the form
expected, refused before any passphrase is asked; the 份号 rule (1–999999, printed as six
digits) lives in the core, so the UI and the API get it too."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from tests.workbench.test_docs_templates import body
from workbench.cli import main
from workbench.cli.common import iso_date
from workbench.errors import UsageError
from workbench.reports import DocRequest, write_document
from workbench.reports.registry import copy_number
from workbench.store.vault import Vault

seeded, seeded_vault = docs_data.seeded, docs_data.seeded_vault  # the shared fixtures

BAD_DATES = [
    ("--from", ["letters", "list", "--from", "2026-13-45"]),
    ("--from", ["letters", "list", "--from", "yesterday"]),
    ("--to", ["findings", "list", "--to", "2026-02-30"]),
    ("--from", ["clues", "list", "--from", "20260301"]),  # ISO, but not the documented form
    ("--from", ["search", "补贴", "--from", "yesterday"]),
    ("--to", ["search", "补贴", "--to", "2026-02-30"]),
    ("--today", ["stats", "--today", "２０２６-０１-０１"]),
    ("--date", ["report", "finding", "--id", "F", "--out", "x.docx", "--date", "2026-13-45"]),
]


@pytest.mark.parametrize(("option", "argv"), BAD_DATES)
def test_a_bad_date_is_a_usage_error_naming_the_option(
    option: str, argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # no store at all: the date is refused before the store is opened
    assert main(["--store", str(tmp_path / "none"), *argv]) == 2
    err = capsys.readouterr().err
    assert "WB-USAGE" in err and option in err and "YYYY-MM-DD" in err
    assert "WB-INTERNAL" not in err


def test_a_good_date_is_read() -> None:
    assert iso_date("2026-02-28", "--from") == date(2026, 2, 28)
    assert iso_date("", "--from") is None and iso_date(None, "--to") is None


@pytest.mark.parametrize("copy_no", ["-1", "0", "1000000", "99999999999999999999", "12a", "１２"])
def test_a_copy_number_out_of_range_is_refused(
    copy_no: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["report", "finding", "--id", "F", "--out", str(tmp_path / "x.docx")]
    assert main(["--store", str(tmp_path / "none"), *argv, "--copy-no", copy_no]) == 2
    err = capsys.readouterr().err
    assert "WB-USAGE" in err and "份号" in err and "999999" in err
    with pytest.raises(UsageError):
        copy_number(copy_no)


def test_the_core_pads_and_bounds_the_copy_number(seeded_vault: Vault, seeded: Seeded) -> None:
    assert copy_number(" 7 ") == "000007" and copy_number("999999") == "999999"
    assert copy_number("") == "" and copy_number("  ") == ""
    with seeded_vault.read() as s:
        with pytest.raises(UsageError, match="份号"):  # not only the CLI: the API refuses too
            write_document(
                s, DocRequest("finding", record_id=seeded.f1, copy_no="-1"), io.BytesIO()
            )
        out = io.BytesIO()
        write_document(s, DocRequest("finding", record_id=seeded.f1, copy_no="7"), out)
    assert "000007" in body(out.getvalue())
