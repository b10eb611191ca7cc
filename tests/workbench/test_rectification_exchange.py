"""The rectification follow-through records travel in packages like the ledger: the item's new
fields, 整改方案/报告 with their attachments, supervision entries, 质效评估 and 提醒函."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.workbench.exchange_support import World, WorldTemplate, add_attachment, world_in
from workbench import exchange as ex
from workbench.exchange.records.recordio import serialize
from workbench.models import (
    Rectification,
    RectificationAssessment,
    RectificationDocument,
    RectificationSupervision,
    ReminderLetter,
)
from workbench.models.base import Base
from workbench.vocab.enums import (
    Grade,
    RectificationDocKind,
    RectificationDocStatus,
    RectificationStatus,
    SupervisionAgency,
)


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def test_follow_through_records_travel_with_their_attachments(w: World) -> None:
    sha = add_attachment(w.a, b"plan scan " * 500, name="整改方案.pdf")
    target = w.template.target_ids[0]
    with w.a.session() as s:
        item = Rectification(
            round_id=w.round_id,
            target_id=target,
            number="ZG-2026-0001",
            problem="村务公开不及时",
            status=RectificationStatus.IN_PROGRESS,
            evidence_sha256=[],
            goal="按季度公开",
            specific_person="李会计",
            evidence_catalog=[{"name": "会议纪要", "sha256": ""}],
            review_opinion="同意",
            reviewed_on=date(2026, 4, 1),
            reviewed_by="赵主任",
        )
        s.add(item)
        s.flush()
        rows: list[Base] = [
            item,
            RectificationDocument(
                round_id=w.round_id,
                target_id=target,
                kind=RectificationDocKind.PLAN,
                title="整改方案",
                feedback_on=date(2026, 3, 1),
                due_on=date(2026, 4, 1),
                submitted_on=date(2026, 3, 20),
                status=RectificationDocStatus.SUBMITTED,
                attachment_sha256=[sha],
            ),
            RectificationSupervision(
                round_id=w.round_id,
                target_id=target,
                rectification_id=item.id,
                agency=SupervisionAgency.ORGANIZATION_DEPT,
                held_on=date(2026, 4, 2),
                body="听取汇报",
                escalated=True,
            ),
            RectificationAssessment(
                round_id=w.round_id,
                target_id=target,
                grade=Grade.FAIR,
                assessed_on=date(2026, 5, 1),
                assessor="赵主任",
            ),
            ReminderLetter(
                round_id=w.round_id,
                target_id=target,
                old_leader="张书记",
                new_leader="王书记",
                changed_on=date(2026, 4, 5),
                rectification_ids=[item.id],
            ),
        ]
        s.add_all(rows)
        s.flush()
        keys = [(type(r), r.id) for r in rows]  # type: ignore[attr-defined]
    out = w.dir / "p.wbp"
    ex.export_round(w.open("a"), w.round_id, out)
    result = ex.import_package(w.office, out)
    assert result.status == "imported" and result.attachments_added == 1
    for model, rid in keys:
        with w.a.read() as a, w.office.read() as o:
            assert serialize(o.get(model, rid)).to_json() == serialize(a.get(model, rid)).to_json()
    with w.office.read() as s:
        assert b"".join(w.office.attachments.iter_content(sha)) == b"plan scan " * 500
