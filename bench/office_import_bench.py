"""Team packages imported into the office on PostgreSQL beside SQLCipher (issue #20).

Four teams' packages (findings, and interviews with their turns as child rows) go into a fresh
office on each backend, every import in a process of its own that unlocks first and starts when
told (``tests/pg/import_world.py``), so key derivation and start-up are not timed:

- throughput: one importer takes the four packages one after another, on SQLCipher and on
  PostgreSQL (records per second of each; the ratio PostgreSQL / SQLCipher in time);
- concurrency on PostgreSQL: four importers at once, one package each, each on a desktop of its
  own, against the same four one after another (the speed-up: the four one after another / at
  once). Each importer is a fresh process in both, so both pay the same start-up per package;
- the store's write lock on PostgreSQL: the four packages imported in this process one after
  another, each import's time and the time its transaction held the store's write lock (from
  the statement that takes it to the commit), and from these the speed-up four desktops of their
  own would see if only that part waited for the others (``held_speed_up``: 4t / (t + 3h)).

PostgreSQL is the tests' throwaway cluster (``tests/pg/cluster.py``, TLS on localhost, as the
postgres user when run as root), so its round trips are a local socket's. No PostgreSQL: the
area is skipped.

    python -m bench.office_import_bench --findings 5000
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.common import BenchResult, Target
from bench.office_bench import refuse_if_required

RATIO_TARGET = 3.0  # PostgreSQL's import time against SQLCipher's, on one machine
SPEED_UP_TARGET = 1.0  # four importers at once take no longer than one doing the four
REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class ImportSizes:
    findings: int  # each team's package
    interviews: int  # with three turns each


FULL = ImportSizes(5_000, 1_000)
QUICK = ImportSizes(200, 50)


def _run(world: object, turns: list[list[list[Path]]], folder: Path) -> float:
    """Seconds from the first import's start to the last one's end, summed over ``turns``: in
    each, a process per list of packages, all at once."""
    import os

    from tests.pg.import_world import ImportWorld, import_at_once, office_copy

    assert isinstance(world, ImportWorld)
    folder.mkdir()
    pythonpath = os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": pythonpath}
    seconds = 0.0
    with office_copy(world, folder) as office:
        for packages in turns:
            done = import_at_once(office, packages, folder, env=env)
            for importer in done:
                if importer.returncode != 0 or set(importer.statuses) != {"imported"}:
                    raise RuntimeError(f"an import failed: {importer.stderr.strip()[-500:]}")
            seconds += max(i.ended for i in done) - min(i.began for i in done)
    return seconds


def _lock_held(world: object, folder: Path) -> tuple[float, float]:
    """Mean seconds per import (four packages, one after another, in this process) and mean
    seconds of it under the store's write lock."""
    import time

    from sqlalchemy import event

    from tests.pg.import_world import TEAMS, ImportWorld, desktop, office_copy
    from workbench.exchange import import_package
    from workbench.store.pg import STORE_LOCK_SQL

    assert isinstance(world, ImportWorld)
    folder.mkdir()
    marks: list[tuple[str, float]] = []
    took = held = 0.0
    with office_copy(world, folder) as office:
        vault = desktop(office, folder / "desk")

        @event.listens_for(vault.engine, "before_cursor_execute")
        def _statement(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            if statement == STORE_LOCK_SQL:
                marks.append(("lock", time.perf_counter()))

        @event.listens_for(vault.engine, "commit")
        def _commit(_conn: object) -> None:
            marks.append(("commit", time.perf_counter()))

        for team in TEAMS:
            marks.clear()
            began = time.perf_counter()
            if import_package(vault, world.packages[team]).status != "imported":
                raise RuntimeError("an import failed")
            took += time.perf_counter() - began
            locked = max(i for i, (what, _t) in enumerate(marks) if what == "lock")
            committed = next(t for what, t in marks[locked:] if what == "commit")
            held += committed - marks[locked][1]
        vault.lock()
    return took / len(TEAMS), held / len(TEAMS)


def bench_office_import(tmp: Path, sizes: ImportSizes = FULL) -> list[BenchResult]:
    from tests.pg import cluster as pg
    from tests.pg.import_world import TEAMS, drop, make_world
    from workbench.store import migrate
    from workbench.store.pg import make_pg_engine

    if (reason := pg.skip_reason()) is not None:
        refuse_if_required(reason)
        return []
    records = (sizes.findings, sizes.interviews)
    per_package = sizes.findings + sizes.interviews
    with pg.running() as cluster:
        engine = make_pg_engine(cluster.url)
        migrate.upgrade(engine)
        engine.dispose()
        worlds = {
            "sqlcipher": make_world(None, "", tmp / "sqlcipher", records=records, kdf=None),
            "postgresql": make_world(
                cluster, pg.APP_DATABASE, tmp / "postgresql", records=records, kdf=None
            ),
        }
        try:
            one = {
                name: _run(w, [[[w.packages[t] for t in TEAMS]]], tmp / f"one-{name}")
                for name, w in worlds.items()
            }
            packages = [[worlds["postgresql"].packages[t]] for t in TEAMS]
            after = _run(worlds["postgresql"], [[p] for p in packages], tmp / "after")
            four = _run(worlds["postgresql"], [packages], tmp / "four")
            took, held = _lock_held(worlds["postgresql"], tmp / "held")
        finally:
            drop(worlds["postgresql"])
    total = per_package * len(TEAMS)
    rate = {name: round(total / seconds) for name, seconds in one.items()}
    ratio = one["postgresql"] / one["sqlcipher"]
    speed_up = after / four
    params = {"packages": len(TEAMS), "records_per_package": per_package, "turns": 3}
    return [
        BenchResult(
            name="office_import_pg",
            title="Team packages imported on PostgreSQL beside SQLCipher",
            summary=f"{rate['postgresql']} records/s on PostgreSQL, "
            f"{rate['sqlcipher']} on SQLCipher",
            params=params,
            figures={"seconds": round(one["postgresql"], 2), "records_per_s": rate["postgresql"]},
            baseline={"seconds": round(one["sqlcipher"], 2), "records_per_s": rate["sqlcipher"]},
            ratio=round(ratio, 2),
            ratio_definition="PostgreSQL's time / SQLCipher's, one importer, four packages",
            target=Target("ratio", "<=", RATIO_TARGET, round(ratio, 2)),
        ),
        BenchResult(
            name="office_import_concurrent",
            title="Four staff importing at once on PostgreSQL against one after another",
            summary=f"4 importers at once {four:.2f} s, one after another {after:.2f} s",
            params=params,
            figures={
                "seconds": round(four, 2),
                "import_s": round(took, 3),
                "lock_held_s": round(held, 3),
                "held_speed_up": round(4 * took / (took + 3 * held), 2),
            },
            baseline={"seconds": round(after, 2)},
            ratio=round(speed_up, 2),
            ratio_definition="speed-up: four importers one after another / at once",
            target=Target("speed_up", ">=", SPEED_UP_TARGET, round(speed_up, 2)),
            notes=[
                "each import takes the store's write lock late, for the records the office "
                "knows, the ledger and the audit chain; decrypting, checking and the records "
                "new here run before it (docs/store-format.md)",
                f"per import alone: {took:.2f} s, {held:.2f} s of it under the write lock; "
                f"on desktops of their own: speed-up {4 * took / (took + 3 * held):.2f}",
            ],
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=FULL.findings)
    args = parser.parse_args(argv)
    sizes = ImportSizes(args.findings, max(1, args.findings // 5))
    with tempfile.TemporaryDirectory(prefix="bench-office-import-") as tmp:
        for result in bench_office_import(Path(tmp), sizes):
            print(f"{result.name}: {result.summary}; ratio {result.ratio} ({result.target.text()})")
            print(f"  figures {result.figures}, baseline {result.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
