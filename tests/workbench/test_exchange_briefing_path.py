"""A briefing is imported through the team import's path: a record the device has no row of is
inserted in bulk, audited as an insert naming the package, queued for the search index and given
its sync base; a record it has is judged one by one (unchanged, applied or kept local)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.workbench.exchange_support import World, WorldTemplate, edit, get, world_in
from workbench import exchange as ex
from workbench.models import Target
from workbench.models.exchange import SyncBase
from workbench.vocab.enums import AttentionLevel


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def test_a_briefed_record_new_to_the_device_goes_in_like_a_team_packages(w: World) -> None:
    with w.office.session() as s:
        new = Target(
            round_id=w.round_id, name="新增党组织", kind="township", attention=AttentionLevel.KEY
        )
        s.add(new)
        s.flush()
        new_id = new.id
    known = w.template.target_ids[0]
    edit(w.b, Target, known, overview="本机修改")  # a local edit: kept, not overwritten
    result = ex.build_briefing(w.office, w.round_id, [w.template.device_b], w.dir / "brief.wbp")
    imported = ex.import_package(w.b, w.dir / "brief.wbp")
    assert imported.outcome["applied"] == 1  # the new record; the others it holds already
    office_row = get(w.office, Target, new_id)
    assert get(w.b, Target, new_id).name == "新增党组织"
    assert get(w.b, Target, known).overview == "本机修改"
    with w.b.read() as s:
        base = s.get(SyncBase, ("targets", new_id))
        assert base is not None and base.version == office_row.version
        entries = s.execute(
            text("SELECT action, detail FROM audit_log WHERE object_id = :id").bindparams(id=new_id)
        ).all()
        pending = s.scalars(
            text("SELECT record_id FROM search_pending WHERE record_type = 'targets'")
        ).all()
    assert [(a, json.loads(d)) for a, d in entries] == [
        ("insert", {"package_id": result.package_id})
    ]
    assert new_id in pending
