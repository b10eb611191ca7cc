"""An office on PostgreSQL with field devices enrolled and briefed, and their team packages:
made once per module in a database of its own, copied for each test (``CREATE DATABASE …
TEMPLATE``) and reached from a fresh desktop folder per importer."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.workbench.exchange_support import (
    PASS,
    add_attachment,
    add_evidence,
    add_finding,
    add_interview,
)
from workbench import exchange as ex
from workbench.exchange.enrolment import keys
from workbench.models import RECORD_MODELS, ListEntry, Round, Target, Team
from workbench.models import AuditEntry
from workbench.models.exchange import PackageLedger
from workbench.roles import Role
from workbench.store import audit
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault
from workbench.vocab.enums import AttentionLevel, ListKind, RoundType

OFFICE_USER = "ban"
TEAMS = ("a", "b", "c", "d")  # a package each, of records only
FINDINGS, INTERVIEWS = 30, 10  # each package's, an interview with its turns as child rows


@dataclass(frozen=True)
class ImportWorld:
    cluster: pg.Cluster
    database: str  # the office after briefing, before any team package: copied per test
    packages: dict[str, Path]  # team → its package
    with_attachment: Path  # a package carrying an attachment blob


def make_world(cluster: pg.Cluster, template: str, root: Path) -> ImportWorld:
    database = f"imp_{uuid.uuid4().hex[:12]}"
    cluster.admin(f"CREATE DATABASE {database} TEMPLATE {template} OWNER {pg.APP_ROLE}")
    office, _ = OfficeVault.create_on_server(
        root / "desktop",
        make_connection(cluster.database_url(database)),
        user_name=OFFICE_USER,
        passphrase=PASS,
        display_name="巡察办",
        roles=(Role.OFFICE, Role.SYSADMIN),
        kdf=TEST_KDF,
    )
    info = ex.init_office(office, escrow=keys.new_age_identity()[1])
    fields: dict[str, tuple[Vault, str]] = {}
    for name in (*TEAMS, "blob"):
        vault, _ = Vault.create(
            root / name,
            user_name=f"zu{name}",
            passphrase=PASS,
            display_name=f"组员{name}",
            store_role="field",
            kdf=TEST_KDF,
        )
        request, _req = ex.make_request(vault)
        cert, view = ex.sign_request(office, request)
        ex.accept_certificate(vault, cert, expect_office_fingerprint=info.signing_fingerprint)
        fields[name] = (vault, view.device_id)
    with office.session() as s:
        rnd = Round(
            name="2026年第六轮巡察",
            year=2026,
            number=6,
            round_type=RoundType.REGULAR,
            framework_id="sgjj",
            framework_version="2020",
        )
        s.add(rnd)
        s.flush()
        s.add(Target(round_id=rnd.id, name="某某镇党委", kind="township", attention=AttentionLevel.KEY))
        s.add(Team(round_id=rnd.id, number=1, name="第一巡察组", target_ids=[]))
        s.add(ListEntry(round_id=rnd.id, kind=ListKind.POLICY, title="中国共产党巡视工作条例"))
        round_id = rnd.id
    brief = root / "brief.wbp"
    ex.build_briefing(office, round_id, [device for _v, device in fields.values()], brief)
    office.lock()
    packages: dict[str, Path] = {}
    for name, (vault, _device) in fields.items():
        ex.import_package(vault, brief)
        for i in range(FINDINGS):
            add_finding(vault, round_id, title=f"{name}组发现的问题{i}")
        for _ in range(INTERVIEWS):
            add_interview(vault, round_id, turns=3)
        if name == "blob":
            finding = add_finding(vault, round_id, title="附有佐证材料的问题")
            add_evidence(vault, round_id, finding, add_attachment(vault, os.urandom(20_000)))
        packages[name] = root / f"{name}.wbp"
        ex.export_round(vault, round_id, packages[name])
        vault.lock()
    blob = packages.pop("blob")
    return ImportWorld(cluster, database, packages, blob)


@contextmanager
def office_copy(world: ImportWorld) -> Iterator[str]:
    """A database of the test's own holding the briefed office; its URL."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    world.cluster.admin(f"CREATE DATABASE {name} TEMPLATE {world.database} OWNER {pg.APP_ROLE}")
    try:
        yield world.cluster.database_url(name)
    finally:
        world.cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def desktop(url: str, folder: Path) -> OfficeVault:
    """A staff desktop of its own, linked to the office at ``url`` and unlocked."""
    return OfficeVault.connect(folder, make_connection(url), OFFICE_USER, PASS)


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
