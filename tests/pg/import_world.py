"""An office with field devices enrolled and briefed, and their team packages, on either
backend: made once per module, copied for each test (on PostgreSQL ``CREATE DATABASE …
TEMPLATE``, reached from a fresh desktop folder per importer; on SQLCipher the store's folder)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.workbench.exchange_support import (
    PASS,
    add_attachment,
    add_briefed_round,
    add_evidence,
    add_finding,
    enrol_field,
    finding_row,
    interview_row,
)
from workbench import exchange as ex
from workbench.exchange.enrolment import keys
from workbench.models import (
    RECORD_MODELS,
    AuditEntry,
)
from workbench.models.exchange import PackageLedger
from workbench.roles import Role
from workbench.services.index_check import check_search_index
from workbench.services.index_queue import catch_up
from workbench.services.search import search_records
from workbench.store import audit
from workbench.store.keyfile import KdfParams
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault

OFFICE_USER = "ban"
TEAMS = ("a", "b", "c", "d")  # a package each, of records only
FINDINGS, INTERVIEWS = 30, 10  # each package's, an interview with its turns as child rows


@dataclass(frozen=True)
class ImportWorld:
    """The office after briefing, before any team package: a database of ``cluster`` (None:
    ``office`` is a SQLCipher store's folder), and the packages its teams sent."""

    cluster: pg.Cluster | None
    office: str
    packages: dict[str, Path]  # team → its package
    with_attachment: Path  # a package carrying an attachment blob
    attachment: bytes  # that blob's content


def make_world(
    cluster: pg.Cluster | None,
    template: str,
    root: Path,
    *,
    records: tuple[int, int] = (FINDINGS, INTERVIEWS),
    kdf: KdfParams | None = TEST_KDF,
    attachment_bytes: int = 20_000,
) -> ImportWorld:
    """The office on ``cluster`` (a copy of its database ``template``), else on SQLCipher; each
    team's package holds ``records`` findings and interviews; ``with_attachment`` carries a
    blob of ``attachment_bytes``."""
    new = {
        "user_name": OFFICE_USER,
        "passphrase": PASS,
        "display_name": "巡察办",
        "roles": (Role.OFFICE, Role.SYSADMIN),
        "kdf": kdf,
    }
    office: Vault
    if cluster is None:
        where = str(root / "office")
        office, _ = Vault.create(Path(where), store_role="office", **new)  # type: ignore[arg-type]
    else:
        where = f"imp_{uuid.uuid4().hex[:12]}"
        cluster.admin(f"CREATE DATABASE {where} TEMPLATE {template} OWNER {pg.APP_ROLE}")
        url = make_connection(cluster.database_url(where))
        office, _ = OfficeVault.create_on_server(root / "desktop", url, **new)  # type: ignore[arg-type]
    info = ex.init_office(office, escrow=keys.new_age_identity()[1])
    fields = {
        name: enrol_field(office, info.signing_fingerprint, root / name, f"zu{name}", name, kdf)
        for name in (*TEAMS, "blob")
    }
    with office.session() as s:
        round_id, _targets = add_briefed_round(s, ("某某镇党委",))
    brief = root / "brief.wbp"
    ex.build_briefing(office, round_id, [device for _v, device in fields.values()], brief)
    office.lock()
    packages: dict[str, Path] = {}
    content = os.urandom(attachment_bytes)
    for name, (vault, _device) in fields.items():
        ex.import_package(vault, brief)
        _fill(vault, round_id, name, *records)
        if name == "blob":
            finding = add_finding(vault, round_id, title="附有佐证材料的问题")
            add_evidence(vault, round_id, finding, add_attachment(vault, content))
        packages[name] = root / f"{name}.wbp"
        ex.export_round(vault, round_id, packages[name])
        vault.lock()
    blob = packages.pop("blob")
    return ImportWorld(cluster, where, packages, blob, content)


def finding_title(team: str, i: int) -> str:
    return f"{team}组发现的问题{i}"


def _fill(vault: Vault, round_id: str, team: str, findings: int, interviews: int) -> None:
    """A team's findings, and interviews of three turns each (child rows), in one transaction."""
    with vault.session() as s:
        for i in range(findings):
            s.add(finding_row(round_id, f"F-{team}-{i}", finding_title(team, i)))
        for i in range(interviews):
            s.add(interview_row(round_id, f"T-{team}-{i}", turns=3))


def drop(world: ImportWorld) -> None:
    if world.cluster is not None:
        world.cluster.admin(f"DROP DATABASE IF EXISTS {world.office} WITH (FORCE)")


@contextmanager
def office_copy(world: ImportWorld, tmp_path: Path) -> Iterator[str]:
    """The briefed office, the test's own copy: its database's URL, or its store's folder."""
    if world.cluster is None:
        shutil.copytree(world.office, tmp_path / "office-store")
        yield str(tmp_path / "office-store")
        return
    name = f"t_{uuid.uuid4().hex[:16]}"
    world.cluster.admin(f"CREATE DATABASE {name} TEMPLATE {world.office} OWNER {pg.APP_ROLE}")
    try:
        yield world.cluster.database_url(name)
    finally:
        world.cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def desktop(office: str, folder: Path) -> Vault:
    """The office unlocked: on the server from a staff desktop of its own (``folder``), linked
    to the database at ``office``; a SQLCipher store at ``office`` opened where it is."""
    if not office.startswith("postgresql:"):
        return Vault.open(Path(office), OFFICE_USER, PASS)
    return OfficeVault.connect(folder, make_connection(office), OFFICE_USER, PASS)


def record_counts(vault: Vault) -> dict[str, int]:
    """Rows per record table, the ledger's and the ``package.import`` entries; the audit chain
    verified on the way."""
    with vault.read() as s:
        audit.verify_chain(s)  # raises on a broken chain
        counts = {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
            for m in RECORD_MODELS
        }
        counts["ledger"] = s.scalar(select(func.count()).select_from(PackageLedger)) or 0
        for action in ("package.import", "package.reject"):
            entries = select(func.count()).where(AuditEntry.action == action)
            counts[action] = s.scalar(entries) or 0
    return {k: v for k, v in counts.items() if v}


def search_in_step(vault: Vault, teams: Sequence[str], *, catch_up_first: bool = True) -> None:
    """The index catch-up run here (``workbench index``), then ``check``'s search-index step
    finds nothing amiss and nothing queued, and each of ``teams``' findings is found by its
    title."""
    if catch_up_first:
        catch_up(vault)
    with vault.read() as s:
        step = check_search_index(s)
        assert (step.problems, step.warnings) == ((), ()), step
        for team in teams:
            for i in range(FINDINGS):
                title = finding_title(team, i)
                found = search_records(s, title, types=("finding",), limit=FINDINGS * 2)
                assert title in {hit.title for hit in found}, (title, found)


# One staff member on their own desktop: unlock, wait for the others, import the packages one
# after another; prints each one's status and when the imports began and ended.
IMPORTER = textwrap.dedent(
    """
    import json, os, signal, sys, time
    from pathlib import Path
    from workbench.exchange import import_package
    from workbench.store.vault import Vault

    desk, user, passphrase, go, ready, kill_at, *packages = sys.argv[1:]
    vault = Vault.open(desk, user, passphrase)
    Path(ready).touch()
    while not os.path.exists(go):
        time.sleep(0.01)

    def on_stage(reached):
        if reached == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)  # a power cut, right here

    began = time.time()
    statuses = [import_package(vault, Path(p), on_stage=on_stage).status for p in packages]
    print(json.dumps({"statuses": statuses, "began": began, "ended": time.time()}))
    """
)


@dataclass(frozen=True)
class Importer:
    returncode: int
    stderr: str
    statuses: list[str]  # each package's, when it finished
    began: float = 0.0
    ended: float = 0.0


def import_at_once(
    url: str,
    packages: Sequence[Sequence[Path]],
    folder: Path,
    kill_at: dict[int, str] | None = None,
    env: dict[str, str] | None = None,
) -> list[Importer]:
    """A process per list of ``packages``, each on a desktop of its own linked to the office at
    ``url`` (``folder``'s ``desk0``, ``desk1``…, linked unless they are), all let go at once;
    ``kill_at``: a process to SIGKILL at an import stage. A SQLCipher store's folder for
    ``url``: one process, on the store itself."""
    if url.startswith("postgresql:"):
        desks = [folder / f"desk{i}" for i in range(len(packages))]
        for desk in desks:
            if not desk.exists():
                desktop(url, desk).lock()
    else:
        assert len(packages) == 1, "one process at a time opens a SQLCipher store here"
        desks = [Path(url)]
    signals = folder / f"run-{uuid.uuid4().hex[:8]}"
    signals.mkdir()
    go = signals / "go"
    ready = [signals / f"ready{i}" for i in range(len(packages))]
    kill_at = kill_at or {}

    def command(i: int, desk: Path, ps: Sequence[Path]) -> list[str]:
        here = [str(desk), OFFICE_USER, PASS, str(go), str(ready[i]), kill_at.get(i, "-")]
        return [sys.executable, "-c", IMPORTER, *here, *map(str, ps)]

    procs = _let_go(
        [command(i, desk, ps) for i, (desk, ps) in enumerate(zip(desks, packages, strict=True))],
        ready,
        go,
        env,
    )
    done = []
    for p in procs:
        out, err = p.communicate(timeout=3600)
        doc = json.loads(out) if p.returncode == 0 else {"statuses": []}
        done.append(Importer(p.returncode, err, **doc))
    return done


def _let_go(
    commands: list[list[str]], ready: list[Path], go: Path, env: dict[str, str] | None = None
) -> list[subprocess.Popen[str]]:
    """The processes started, let go at once when each has said it is ready."""
    procs = [
        subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    deadline = time.monotonic() + 300
    while not all(r.exists() for r in ready):
        if any(p.poll() is not None for p in procs) or time.monotonic() > deadline:
            for p in procs:
                p.kill()
            raise RuntimeError(f"a process did not start: {[p.communicate() for p in procs]}")
        time.sleep(0.05)
    go.touch()
    return procs


# A desktop running the search index's catch-up (``workbench index``) a few keys per batch, so
# that its batches and another desktop's interleave; prints how many keys it processed.
CATCH_UP = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from workbench.services.index_queue import catch_up
    from workbench.store.vault import Vault

    desk, user, passphrase, go, ready, batch = sys.argv[1:]
    vault = Vault.open(desk, user, passphrase)
    Path(ready).touch()
    while not os.path.exists(go):
        time.sleep(0.01)
    print(catch_up(vault, batch=int(batch)))
    """
)


def catch_up_at_once(
    url: str, processes: int, folder: Path, batch: int, env: dict[str, str] | None = None
) -> list[int]:
    """``processes`` desktops linked to the office at ``url`` run the catch-up at once; each
    one's count of keys processed."""
    desks = [folder / f"indexer{i}" for i in range(processes)]
    for desk in desks:
        desktop(url, desk).lock()
    signals = folder / f"index-{uuid.uuid4().hex[:8]}"
    signals.mkdir()
    go, ready = signals / "go", [signals / f"ready{i}" for i in range(processes)]
    procs = _let_go(
        [
            [
                sys.executable,
                "-c",
                CATCH_UP,
                str(desk),
                OFFICE_USER,
                PASS,
                str(go),
                str(r),
                f"{batch}",
            ]
            for desk, r in zip(desks, ready, strict=True)
        ],
        ready,
        go,
        env,
    )
    counts = []
    for p in procs:
        out, err = p.communicate(timeout=3600)
        assert p.returncode == 0, err
        counts.append(int(out))
    return counts
