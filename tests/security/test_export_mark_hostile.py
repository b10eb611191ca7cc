"""An export mark that is not a whole number (``store_meta`` holds free text) fails no export
with WB-INTERNAL: it counts as no mark, so the round's unconfirmed records are sent again, and
the next landed package writes a proper mark."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import World, WorldTemplate, add_finding, world_in
from workbench import exchange as ex
from workbench.exchange.to_office.export_mark import landed_seq
from workbench.models.system import StoreMeta


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


@pytest.mark.parametrize("mark", ["abc", "1.5", "", "-3", "١٢"])
def test_a_bad_mark_is_no_mark(w: World, mark: str) -> None:
    add_finding(w.a, w.round_id)
    with w.a.session() as s:
        s.merge(StoreMeta(key="export_mark:" + w.round_id, value=mark))
    with w.a.read() as s:
        assert landed_seq(s, w.round_id) == 0
    ex.export_round(w.open("a"), w.round_id, w.dir / "a.wbp")
    with w.a.read() as s:
        row = s.get(StoreMeta, "export_mark:" + w.round_id)
        assert row is not None and row.value.isdigit() and landed_seq(s, w.round_id) >= 1
