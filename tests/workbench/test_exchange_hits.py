"""比对疑点 in real packages: a hit found and turned into a clue on a team's laptop reaches the
office with its decisions, the clue and the .xlsx; two decisions of one version are a conflict
that reads in words. (Briefings carry the round's set-up only, so a hit does not go from the
office to a team: see exchange/to_team/briefing.py BRIEFING_MODELS.)"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import World, WorldTemplate, get, world_in
from tests.workbench.hit_rows import ROWS
from workbench import exchange as ex
from workbench.cli.conflict_cmds import conflict_text
from workbench.models import Clue, DataHit, Evidence
from workbench.services.hit_review import decide_hit, hit_to_clue
from workbench.store.vault import Vault
from workbench.vocab.enums import HitStatus


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _hit(vault: Vault, round_id: str) -> str:
    with vault.session() as s:
        row = DataHit(
            round_id=round_id,
            rule_id="staff_assistance",
            rule_version=1,
            rule_title="公职人员享受低保",
            match_key=uuid.uuid4().hex,
            subject_name="李四",
            subject_id_number="110101199003071234",
            summary="李四为某某镇政府在编人员，同时在低保名单中领取低保",
            qualification="涉嫌违规享受低保待遇",
            discipline="群众纪律",
            rows=ROWS,
            status=HitStatus.NEW,
        )
        s.add(row)
        s.flush()
        return row.id


def _send(w: World, name: str) -> Path:
    out = w.dir / f"{name}.wbp"
    ex.export_round(w.a, w.round_id, out)
    return out


def test_a_hit_its_decisions_and_its_clue_reach_the_office(w: World) -> None:
    hit = _hit(w.a, w.round_id)
    with w.a.session() as s:
        decide_hit(s, hit, "待核实", "到村核实家庭收入")
    with w.a.session() as s:
        done = hit_to_clue(s, hit, attachments=w.a.attachments, subject_level="乡管")
    result = ex.import_package(w.office, _send(w, "p1"))
    assert result.counts == {"clues": 1, "data_hits": 1, "evidence": 1}
    assert result.attachments_added == 1
    at_office = get(w.office, DataHit, hit)
    assert (at_office.status, at_office.reason, at_office.clue_id) == (
        HitStatus.PENDING,
        "到村核实家庭收入",
        done.record_id,
    )
    assert at_office.rows == ROWS  # the matched rows go with the hit, the lists stay home
    assert get(w.office, Clue, done.record_id).source_refs == [{"type": "data_hit", "id": hit}]
    assert get(w.office, Evidence, done.evidence_id).attachment_sha256 == done.attachment_sha256
    sent = b"".join(w.a.attachments.iter_content(done.attachment_sha256))
    assert b"".join(w.office.attachments.iter_content(done.attachment_sha256)) == sent

    with w.a.session() as s:  # verified on the spot: the next package carries the decision
        decide_hit(s, hit, "属实", "经核实属实")
    assert ex.import_package(w.office, _send(w, "p2")).outcome["conflicts"] == 0
    later = get(w.office, DataHit, hit)
    assert (later.status, later.reason, later.decided_by, later.version) == (
        HitStatus.CONFIRMED,
        "经核实属实",
        "组员a",
        at_office.version + 1,
    )


def test_two_decisions_of_one_version_conflict_in_words(w: World) -> None:
    hit = _hit(w.a, w.round_id)
    ex.import_package(w.office, _send(w, "p1"))
    with w.office.session() as s:
        decide_hit(s, hit, "排除", "同名不同人")
    with w.a.session() as s:
        decide_hit(s, hit, "属实")
    assert ex.import_package(w.office, _send(w, "p2")).outcome["conflicts"] == 1
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
    assert conflict.type_label == "比对疑点" and conflict.title == "李四"
    assert "status" in conflict.differing and "rows" not in conflict.differing
    shown = conflict_text(conflict, full=True)
    assert "排除" in shown and "属实" in shown and "同名不同人" in shown
    [rows] = [r for r in conflict.rows if r.name == "rows"]
    assert rows.label == "比中数据"
    first, second = rows.texts[0].split("；")  # packages sort the keys of a mapping
    assert first.startswith("低保/特困/临时救助名单·县民政局·第12行（")
    assert second.startswith("公职人员/财政供养人员名单·县人社局·第7行（")
    assert "身份证号：110101199003071234" in first and "单位：某某镇政府" in second
    assert "key_fields" not in shown and "cells" not in shown and "row_no" not in shown
