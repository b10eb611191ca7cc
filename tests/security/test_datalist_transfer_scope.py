"""A 碰撞比对 list travels one way only, office → team, and only when the office chooses it: a
team's export never carries the lists it received, and a team package that carries one anyway
is refused with the error any blob a team may not send gets, the office's store unchanged."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_csv
from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    add_finding,
    audit_actions,
    audit_head,
    content_digest,
    forge_team,
    world_in,
)
from workbench import exchange as ex
from workbench.exchange.errors import BadManifest
from workbench.exchange.importer import read_for
from workbench.exchange.package.framing import Limits
from workbench.exchange.package.manifest import DATALIST_MEDIA_TYPE
from workbench.services.datalists import import_list, list_sources
from workbench.vocab.enums import DataListKind


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _send_a_list(w: World) -> str:
    path = write_csv(w.dir / "低保.csv", ASSISTANCE_HEADERS, assistance_rows(3))
    with w.office.session() as s:
        source_id = import_list(
            s, path, kind=DataListKind.ASSISTANCE, round_id=w.round_id, label="县民政局"
        ).source_id
    brief = w.dir / "brief.wbp"
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], brief, lists=[source_id])
    ex.import_package(w.a, brief)
    return source_id


def test_a_team_export_carries_no_list_it_received(w: World) -> None:
    _send_a_list(w)
    add_finding(w.a, w.round_id)  # something of the team's own to send
    out = w.dir / "team.wbp"
    ex.export_round(w.a, w.round_id, out, all_unconfirmed=True)
    read = read_for(w.office, out, Limits(), lambda _stage: None)
    assert {b.role for b in read.manifest.blobs} == {"records"}
    assert read.manifest.counts == {"findings": 1}


def test_a_team_package_carrying_a_list_is_refused(w: World) -> None:
    _send_a_list(w)
    with w.a.read() as s:
        [view] = list_sources(s)
    data = b'{"format":"workbench-datalist","version":1}\n'
    entry = {
        "id": "datalist-1",
        "role": "datalist",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "media_type": DATALIST_MEDIA_TYPE,
        "name": view.file_name,
    }
    path = forge_team(w, w.dir / "back.wbp", [], [(entry, data)])
    before, seq = content_digest(w.office), audit_head(w.office)
    with pytest.raises(BadManifest, match="此类数据包不能包含“datalist”文件"):
        ex.import_package(w.office, path)
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject"]
