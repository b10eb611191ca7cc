"""A conflict merge cannot assemble a signed 底稿 nobody signed: a version under sign-off or
approved (services.locks) can only be kept whole, never mixed field by field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    add_finding,
    edit,
    get,
    world_in,
)
from workbench import exchange as ex
from workbench.exchange.errors import ConflictMergeRefused
from workbench.models import Finding
from workbench.vocab.enums import FindingStatus


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _send(w: World, field: str) -> None:
    out = w.dir / f"{field}-{len(list(w.dir.glob('*.wbp')))}.wbp"
    ex.export_round(w.open(field), w.round_id, out)
    ex.import_package(w.office, out)


def _conflict(w: World, status: FindingStatus) -> str:
    """The 组 signs (or reviews) its 底稿 while the office edits the 问题概述."""
    f = add_finding(w.a, w.round_id)
    _send(w, "a")
    edit(w.a, Finding, f, status=status, summary="组长审签的内容")
    edit(w.office, Finding, f, summary="从未审签的内容")
    _send(w, "a")
    return f


@pytest.mark.parametrize("status", [FindingStatus.APPROVED, FindingStatus.REVIEWED])
def test_a_signed_status_cannot_be_mixed_with_unsigned_content(
    w: World, status: FindingStatus
) -> None:
    f = _conflict(w, status)
    with w.office.read() as s:
        view = ex.get_conflict(s, f)
    choices = {"status": ex.head_number(view, "incoming"), "summary": ex.head_number(view, "local")}
    with w.office.read() as s:
        refusal = ex.preview_merge(s, f, choices=choices).refusal
    assert refusal is not None and "底稿" in refusal and "整体采用" in refusal
    with pytest.raises(ConflictMergeRefused):
        ex.resolve_conflict(w.office, f, choices=choices)
    row = get(w.office, Finding, f)
    assert not (row.status == status and row.summary == "从未审签的内容")


def test_the_signed_version_can_still_be_kept_whole(w: World) -> None:
    f = _conflict(w, FindingStatus.APPROVED)
    with w.office.read() as s:
        view = ex.get_conflict(s, f)
    ex.resolve_conflict(w.office, f, keep=ex.head_number(view, "incoming"))
    row = get(w.office, Finding, f)
    assert row.status == FindingStatus.APPROVED and row.summary == "组长审签的内容"
