"""What a document request still lacks, named without the CLI's flags (for the GUI's reasons)."""

from __future__ import annotations

import pytest

from workbench.reports import get_spec
from workbench.reports.registry import missing_scope


@pytest.mark.parametrize(
    ("code", "record", "round_chosen", "target", "missing"),
    [
        ("interview", False, True, True, "record"),
        ("interview", True, False, False, ""),
        ("finding", True, False, False, ""),  # record or round: the record will do
        ("finding", False, False, False, "round"),
        ("finding", False, False, True, ""),  # a target brings its round
        ("feedback", False, True, False, "target"),
        ("feedback", True, True, False, "target"),  # a target document takes no record
        ("feedback", False, False, True, ""),
        ("immediate-fix-notice", False, True, False, "record_or_target"),
        ("immediate-fix-notice", True, False, False, ""),
        ("immediate-fix-notice", False, False, True, ""),
        ("stats", False, False, False, "round"),
        ("stats", False, True, False, ""),
    ],
)
def test_missing_scope(
    code: str, record: bool, round_chosen: bool, target: bool, missing: str
) -> None:
    spec = get_spec(code)
    assert missing_scope(spec, record=record, round_chosen=round_chosen, target=target) == missing
