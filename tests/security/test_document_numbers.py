"""发文字号 come from one register, the office's: a field store (whose register never travels and
whose numbers would clash with its team's other laptops and the office's) draws none, nor does
anyone but 巡察办 or a 组长/副组长; a far-off 成文日期 reserves no year's numbers, and the
register (whose titles name targets) is case content the 安全审计员 does not read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.errors import PermissionDenied
from workbench.models import AuditEntry
from workbench.models.system import DocumentNumber, StoreMeta
from workbench.reports import DocRequest, export_document
from workbench.reports.errors import DocumentNumberInvalid
from workbench.reports.numbers import checked_year, list_numbers
from workbench.roles import Role
from workbench.services import users
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
ON = date.today()


def _feedback(seeded: Seeded, on: date = ON) -> DocRequest:
    return DocRequest("feedback", target_id=seeded.t1, date=on, issue=True)


def _nothing_drawn(vault: Vault) -> bool:
    with vault.read() as s:
        drawn = list(s.scalars(select(DocumentNumber)))
        audited = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "document.number")))
    return drawn == [] and audited == []


def test_a_field_store_draws_no_number(seeded_copy: Vault, seeded: Seeded, tmp_path: Path) -> None:
    with seeded_copy.session() as s:
        meta = s.get(StoreMeta, "store_role")
        assert meta is not None
        meta.value = "field"
    with pytest.raises(PermissionDenied) as refused:
        export_document(seeded_copy, _feedback(seeded), tmp_path / "f.docx")
    assert "巡察办" in refused.value.message and "不带发文字号" in refused.value.message
    assert _nothing_drawn(seeded_copy)
    # the team still exports its document, without a number
    plain = DocRequest("feedback", target_id=seeded.t1, date=ON)
    assert export_document(seeded_copy, plain, tmp_path / "plain.docx").number == ""


def test_a_member_draws_no_number_even_on_the_office_store(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    users.add_user(seeded_copy, "zuyuan", PASSPHRASE, (Role.MEMBER,), display_name="组员")
    with (
        Vault.open(seeded_copy.layout.root, "zuyuan", PASSPHRASE) as member,
        pytest.raises(PermissionDenied) as refused,
    ):
        export_document(member, _feedback(seeded), tmp_path / "f.docx")
    assert "组长" in refused.value.message
    assert _nothing_drawn(seeded_copy)


def test_a_far_off_date_reserves_no_year(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    with pytest.raises(DocumentNumberInvalid) as refused:
        export_document(seeded_copy, _feedback(seeded, date(2099, 12, 31)), tmp_path / "f.docx")
    assert "2099-12-31" in refused.value.message
    assert _nothing_drawn(seeded_copy)
    today = date(2026, 12, 7)
    assert checked_year(date(2027, 1, 5), today) == 2027
    assert checked_year(date(2025, 3, 1), today) == 2025
    assert checked_year(date(2019, 6, 1), today) == 2019  # a past round numbered late
    for far_off in (date(2028, 1, 1), date(2015, 12, 31)):
        with pytest.raises(DocumentNumberInvalid):
            checked_year(far_off, today)


def test_the_auditor_does_not_read_the_register(seeded_copy: Vault) -> None:
    users.add_user(seeded_copy, "shenji", PASSPHRASE, (Role.AUDITOR,), display_name="审计员")
    with (
        Vault.open(seeded_copy.layout.root, "shenji", PASSPHRASE) as auditor,
        auditor.read() as s,
        pytest.raises(PermissionDenied),
    ):
        list_numbers(s)
