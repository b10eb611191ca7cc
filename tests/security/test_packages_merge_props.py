"""Property tests of the merge: any order and any duplication of a set of packages gives the same
office store; the merge rule itself is a function of the set of versions."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workbench.exchange_support import (
    PASS,
    USERS,
    VOLATILE,
    World,
    WorldTemplate,
    add_attachment,
    add_evidence,
    add_finding,
    content_digest,
    edit,
    get,
    world_in,
)
from workbench import exchange as ex
from workbench.exchange.to_office.merge import Candidate, heads, is_conflict, winner
from workbench.models import Finding, Target
from workbench.services.index_queue import catch_up
from workbench.store.vault import Vault

# -- the rule, as a pure function ---------------------------------------------------------------

DEVICES = ("d1", "d2", "d3", "office")
HASHES = ("h1", "h2", "h3")


@st.composite
def version_sets(draw: st.DrawFn) -> list[Candidate]:
    pool: list[Candidate] = []
    for _ in range(draw(st.integers(1, 10))):
        version = draw(st.integers(1, 6))
        older = [c.key for c in pool if c.version < version]
        parents = (
            tuple(draw(st.lists(st.sampled_from(older), max_size=2, unique=True))) if older else ()
        )
        pool.append(
            Candidate(
                version, draw(st.sampled_from(HASHES)), draw(st.sampled_from(DEVICES)), parents
            )
        )
    return pool


@given(version_sets(), st.randoms(use_true_random=False), st.integers(0, 5))
def test_heads_depend_only_on_the_set(pool: list[Candidate], rnd: object, extra: int) -> None:
    shuffled = list(pool) + [rnd.choice(pool) for _ in range(extra)]  # type: ignore[attr-defined]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert heads(shuffled) == heads(pool)
    assert winner(heads(shuffled)) == winner(heads(pool))


@given(version_sets())
def test_heads_are_never_superseded(pool: list[Candidate]) -> None:
    hs = heads(pool)
    assert hs, "a non-empty set always has a head"
    named = {p for c in pool for p in c.parents}
    for h in hs:
        assert h.key not in named
        assert all(c.version <= h.version for c in pool if c.device == h.device)
    best = winner(hs)
    assert best.version == max(h.version for h in hs)


@given(st.lists(st.tuples(st.integers(1, 50), st.sampled_from(HASHES)), min_size=1, max_size=8))
def test_one_device_history_has_one_head_the_highest(edits: list[tuple[int, str]]) -> None:
    top = max(v for v, _h in edits)
    pool = [Candidate(v, h, "d1") for v, h in edits]
    hs = heads(pool)
    assert {h.version for h in hs} == {top}
    assert is_conflict(hs) == (len({h for v, h in edits if v == top}) > 1)


def test_a_resolution_supersedes_every_head() -> None:
    a, b = Candidate(2, "ha", "d1", ((1, "h0"),)), Candidate(2, "hb", "d2", ((1, "h0"),))
    assert is_conflict(heads([a, b]))
    resolved = Candidate(3, "hb", "office", (a.key, b.key))
    assert heads([a, b, resolved]) == [resolved]


# -- real packages on real stores ----------------------------------------------------------------


@pytest.fixture(scope="module")
def packages(
    tmp_path_factory: pytest.TempPathFactory, exchange_world_template: WorldTemplate
) -> Iterator[tuple[World, list[Path], str]]:
    """Five packages from two devices with concurrent edits, resends, a tombstone and
    attachments; and the office's content after importing them in their natural order."""
    template = exchange_world_template
    with world_in(template, tmp_path_factory.mktemp("merge")) as w:
        t0, t1 = template.target_ids
        out: list[Path] = []

        def send(field: str) -> None:
            path = w.dir / f"p{len(out)}.wbp"
            ex.export_round(w.open(field), w.round_id, path)
            out.append(path)

        edit(w.a, Target, t0, overview="A 的了解")
        f1 = add_finding(w.a, w.round_id, title="A 的底稿")
        add_evidence(w.a, w.round_id, f1, add_attachment(w.a, b"shared evidence"))
        gone = add_finding(w.a, w.round_id, title="将删除")
        send("a")
        edit(w.b, Target, t0, overview="B 的了解")
        f2 = add_finding(w.b, w.round_id, title="B 的底稿")
        add_evidence(w.b, w.round_id, f2, add_attachment(w.b, b"shared evidence"))
        send("b")
        edit(w.a, Finding, f1, summary="补充")
        edit(w.a, Finding, gone, deleted_at=get(w.a, Finding, gone).created_at)
        send("a")  # resends the target too: nothing was confirmed yet
        edit(w.b, Target, t1, leader_name="王书记")
        send("b")
        edit(w.a, Target, t0, overview="A 再次了解")
        edit(
            w.a, Target, t1, leader_name="王书记"
        )  # the same edit as B's: same content, no conflict
        send("a")
        reference = _import_all(w, out)
        yield w, out, reference


def _import_all(w: World, order: list[Path]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "office"
        shutil.copytree(w.template.root / "office", store)
        with Vault.open(store, USERS["office"], PASS) as office:
            for path in order:
                ex.import_package(office, path)
            catch_up(office)  # the search index, filled after each import's commit, settles
            with office.read() as s:
                assert ex.list_conflicts(s), "the scenario has a conflict to keep"
            return content_digest(office, skip_columns=VOLATILE)


@pytest.mark.slow
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_order_and_duplication_gives_the_same_office(
    packages: tuple[World, list[Path], str], data: st.DataObject
) -> None:
    w, paths, reference = packages
    order = data.draw(st.permutations(paths), label="order")
    for extra in data.draw(st.lists(st.sampled_from(paths), max_size=3), label="duplicates"):
        order.insert(data.draw(st.integers(0, len(order))), extra)
    assert _import_all(w, order) == reference
