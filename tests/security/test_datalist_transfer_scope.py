"""A 碰撞比对 list travels one way only, office → team, and only when the office chooses it: a
team's export never carries the lists it received, and a team package that carries one anyway
is refused with the error any blob a team may not send gets, the office's store unchanged. What a
briefing's list holds is checked line by line before anything of it is stored."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
from workbench.errors import ValidationError
from workbench.exchange.errors import BadManifest
from workbench.exchange.importer import read_for
from workbench.exchange.package.framing import Limits
from workbench.exchange.package.manifest import DATALIST_MEDIA_TYPE
from workbench.services.datalist_transfer import ListReceiver
from workbench.services.datalists import import_list, list_sources
from workbench.store.separation import as_store_job
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


def _header(**over: Any) -> dict[str, Any]:
    header = {
        "format": "workbench-datalist",
        "version": 1,
        "id": "6f1c2a4e-0000-4000-8000-000000000001",
        "kind": "assistance",
        "label": "县民政局",
        "source_date": None,
        "file_name": "低保.csv",
        "file_sha256": "a" * 64,
        "sheet": "",
        "headers": ["姓名", "身份证号"],
        "mapping": {"name": 0, "id_number": 1},
        "rows": 1,
    }
    return {**header, **over}


def _lines(*values: Any) -> bytes:
    return b"".join(json.dumps(v, ensure_ascii=False).encode() + b"\n" for v in values)


GOOD_ROW = [2, ["张三", "110101199003070011"]]
HOSTILE = {
    "an unknown key": _lines(_header(extra=1), GOOD_ROW),
    "a header without rows": _lines(_header(rows=0)),
    "a mapping to no column": _lines(_header(mapping={"name": 0, "id_number": 9}), GOOD_ROW),
    "a mapping without the 身份证号": _lines(_header(mapping={"name": 0}), GOOD_ROW),
    "a control character in the label": _lines(_header(label="县\x1b[2J民政局"), GOOD_ROW),
    "an id that is not a UUID": _lines(_header(id="../../x"), GOOD_ROW),
    "a cell that is an object": _lines(_header(), [2, [{"a": 1}, "110101199003070011"]]),
    "a row number below 1": _lines(_header(), [0, GOOD_ROW[1]]),
    "a wrong check digit": _lines(_header(), [2, ["张三", "110101199003070012"]]),
    "more rows than the header says": _lines(_header(), GOOD_ROW, [3, GOOD_ROW[1]]),
    "fewer rows than the header says": _lines(_header(rows=2), GOOD_ROW),
    "a last line without its end": _lines(_header(), GOOD_ROW)[:-1],
    "a float": _lines(_header(), GOOD_ROW).replace(b"[2,", b"[2.0,"),
    "a row number past the column": _lines(_header(), [2**63, GOOD_ROW[1]]),
    "an escaped lone surrogate": _lines(_header(), GOOD_ROW).replace("张".encode(), b"\\ud800"),
    "a line that is not UTF-8": _lines(_header(), GOOD_ROW).replace("张".encode(), b"\xff"),
    "rows nested too deep": _lines(_header(), [2, [[[["x"]]]]]),
}


def _receive(w: World, data: bytes) -> None:
    with w.a.session() as s:
        as_store_job(s)
        receiver = ListReceiver(s, w.round_id, {"package_id": "p"}, {})
        for start in range(0, len(data), 7):  # in chunks that split lines and characters
            receiver.feed(memoryview(data[start : start + 7]))
        receiver.finish()


def test_a_well_formed_list_is_stored(w: World) -> None:
    _receive(w, _lines(_header(), GOOD_ROW))
    with w.a.read() as s:
        [view] = list_sources(s)
    assert (view.label, view.rows) == ("县民政局", 1)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_list_is_refused_and_nothing_stored(w: World, case: str) -> None:
    before = content_digest(w.a)
    with pytest.raises(ValidationError, match="部署包中的名单不符合格式要求"):
        _receive(w, HOSTILE[case])
    assert content_digest(w.a) == before
