"""The 发文字号 issued to one document (its type and scope), for the GUI's 沿用已发文号 choice:
another target's, round's or type's numbers are not offered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.reports import DocRequest, export_document
from workbench.reports.numbers import Scope, numbers_for
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
ON = date(2026, 6, 1)


def test_only_the_documents_own_numbers_are_listed(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    def issue(name: str, request: DocRequest) -> str:
        return export_document(seeded_copy, request, tmp_path / f"{name}.docx").number

    first = issue("t1-a", DocRequest("feedback", target_id=seeded.t1, date=ON, issue=True))
    other = issue("t2", DocRequest("feedback", target_id=seeded.t2, date=ON, issue=True))
    second = issue("t1-b", DocRequest("feedback", target_id=seeded.t1, date=ON, issue=True))
    report = issue(
        "report", DocRequest("inspection-report", round_id=seeded.round_id, date=ON, issue=True)
    )
    with seeded_copy.read() as s:
        t1 = [n.text for n in numbers_for(s, Scope("feedback", seeded.round_id, seeded.t1, None))]
        t2 = [n.text for n in numbers_for(s, Scope("feedback", seeded.round_id, seeded.t2, None))]
        whole = numbers_for(s, Scope("inspection-report", seeded.round_id, None, None))
        none = numbers_for(s, Scope("feedback", seeded.round_id, None, None))
    assert t1 == [first, second] and t2 == [other]
    assert [n.text for n in whole] == [report]
    assert none == []  # the round's feedback is not a target's
