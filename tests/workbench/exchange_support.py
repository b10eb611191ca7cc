"""Shared helpers for the package tests: the ``exchange_world_template`` fixture, a "world" of
real stores (an office with exchange keys and two enrolled field devices briefed with one round)
made once per session and copied per test, a content digest of a store, record factories and a
forger for hostile packages. tests/conftest.py registers the fixture."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import struct
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

import workbench.models.exchange  # noqa: F401 - registers the exchange tables
from tests.kdf import TEST_KDF
from workbench import exchange as ex
from workbench.exchange.canonical import canonical_json
from workbench.exchange.enrolment import keys
from workbench.exchange.enrolment.identity import device_keys, office_keys
from workbench.exchange.package.container import seal
from workbench.exchange.package.manifest import RECORDS_MEDIA_TYPE
from workbench.exchange.package.writer import APP_VERSION, schema_version
from workbench.models import (
    Evidence,
    Finding,
    Interview,
    InterviewTurn,
    ListEntry,
    Round,
    Target,
    Team,
)
from workbench.models.base import utcnow
from workbench.store.keyfile import KdfParams
from workbench.store.vault import Vault
from workbench.vocab.enums import (
    AttentionLevel,
    EvidenceType,
    FindingStatus,
    InterviewType,
    ListKind,
    RoundType,
)

PASS = "correct horse 巡察 battery"
# Columns that take the wall-clock time (or the importing user) of an import.
VOLATILE = {
    "attachments": {"created_at", "created_by"},
    "exchange_ledger": {"processed_at", "warning"},
    "exchange_keys": {"created_at"},
    "audit_anchors": {"recorded_at"},
}
OFFICE_USER, FIELD_A_USER, FIELD_B_USER = "ban", "zu1", "zu2"
USERS = {"office": OFFICE_USER, "a": FIELD_A_USER, "b": FIELD_B_USER}


@dataclass(frozen=True)
class WorldTemplate:
    root: Path
    round_id: str
    target_ids: tuple[str, ...]
    device_a: str
    device_b: str
    office_fingerprint: str
    escrow_secret: str
    escrow_recipient: str
    # what every copy of the world shares (device key material, values made once), by name
    shared: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False)
    # the test's own copy of the office, unlocked in a folder (tests/pg: a copy of its database
    # on the server, this folder the desktop linked to it); None: a copy of the SQLCipher store
    office_copy: Callable[[Path], AbstractContextManager[Vault]] | None = field(
        default=None, compare=False
    )


@pytest.fixture(scope="session")
def exchange_world_template(tmp_path_factory: pytest.TempPathFactory) -> WorldTemplate:
    """Made once per session; tests copy its stores (``world_in``)."""
    return make_world(tmp_path_factory.mktemp("world"))


def enrol_field(
    office: Vault,
    office_fingerprint: str,
    folder: Path,
    user: str,
    name: str,
    kdf: KdfParams | None = TEST_KDF,
) -> tuple[Vault, str]:
    """A field laptop's store in ``folder`` (its user ``user``, 组员``name``), its device enrolled
    by ``office``: the store, unlocked, and its device id."""
    vault, _ = Vault.create(
        folder,
        user_name=user,
        passphrase=PASS,
        display_name=f"组员{name}",
        store_role="field",
        kdf=kdf,
    )
    request, _req = ex.make_request(vault)
    cert, view = ex.sign_request(office, request)
    ex.accept_certificate(vault, cert, expect_office_fingerprint=office_fingerprint)
    return vault, view.device_id


def round_row(name: str = "2026年第六轮巡察", number: int = 6, **kw: Any) -> Round:
    """A regular round of 2026 on the 2020 三个聚焦 framework, not yet added to a session."""
    return Round(
        name=name,
        year=2026,
        number=number,
        round_type=RoundType.REGULAR,
        framework_id="sgjj",
        framework_version="2020",
        **kw,
    )


def add_round(vault: Vault, name: str, number: int, **kw: Any) -> str:
    """A ``round_row`` added to ``vault``'s store, by itself; its id."""
    with vault.session() as s:
        rnd = round_row(name, number, **kw)
        s.add(rnd)
        s.flush()
        return rnd.id


def add_briefed_round(s: Session, target_names: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The round an office briefs its teams with: its targets, a team, a policy on its list.
    Returns the round's id and its targets'."""
    rnd = round_row()
    s.add(rnd)
    s.flush()
    targets = [
        Target(round_id=rnd.id, name=name, kind="township", attention=AttentionLevel.KEY)
        for name in target_names
    ]
    s.add_all(targets)
    s.add(Team(round_id=rnd.id, number=1, name="第一巡察组", target_ids=[]))
    s.add(ListEntry(round_id=rnd.id, kind=ListKind.POLICY, title="中国共产党巡视工作条例"))
    s.flush()
    return rnd.id, tuple(t.id for t in targets)


def _sqlcipher_office(folder: Path, **new: Any) -> Vault:
    return Vault.create(folder, store_role="office", **new)[0]


def make_world(
    root: Path,
    new_office: Callable[..., Vault] = _sqlcipher_office,
    office_copy: Callable[[Path], AbstractContextManager[Vault]] | None = None,
) -> WorldTemplate:
    """The world in ``root``; ``new_office(folder, **first_user)`` makes the office's store
    (tests/pg: on the server) and ``office_copy`` gives each test its own (``World.open``)."""
    escrow_secret, escrow_recipient = keys.new_age_identity()
    office = new_office(
        root / "office",
        user_name=OFFICE_USER,
        passphrase=PASS,
        display_name="巡察办",
        kdf=TEST_KDF,
    )
    info = ex.init_office(office, escrow=escrow_recipient)
    devices = [
        enrol_field(office, info.signing_fingerprint, root / name, user, name)
        for name, user in (("a", FIELD_A_USER), ("b", FIELD_B_USER))
    ]
    with office.session() as s:
        round_id, target_ids = add_briefed_round(s, ("某某镇党委", "某某街道党工委"))
    brief = root / "brief.wbp"
    ex.build_briefing(office, round_id, [d for _v, d in devices], brief)
    for field_vault, _d in devices:
        ex.import_package(field_vault, brief)
        field_vault.lock()
    brief.unlink()
    office.lock()
    return WorldTemplate(
        root,
        round_id,
        target_ids,
        devices[0][1],
        devices[1][1],
        info.signing_fingerprint,
        escrow_secret,
        escrow_recipient,
        office_copy=office_copy,
    )


@dataclass
class World:
    template: WorldTemplate
    dir: Path
    vaults: dict[str, Vault] = field(default_factory=dict)
    copies: ExitStack = field(default_factory=ExitStack)  # the office's, if on the server

    def open(self, name: str) -> Vault:
        if name not in self.vaults:
            target = self.dir / name
            if name == "office" and self.template.office_copy is not None:
                if target.exists():  # linked to this test's copy already: reopen
                    self.vaults[name] = Vault.open(target, USERS[name], PASS)
                else:
                    self.vaults[name] = self.copies.enter_context(self.template.office_copy(target))
                return self.vaults[name]
            if not target.exists():
                shutil.copytree(self.template.root / name, target)
            self.vaults[name] = Vault.open(target, USERS[name], PASS)
        return self.vaults[name]

    @property
    def office(self) -> Vault:
        return self.open("office")

    @property
    def a(self) -> Vault:
        return self.open("a")

    @property
    def b(self) -> Vault:
        return self.open("b")

    @property
    def round_id(self) -> str:
        return self.template.round_id

    def keys_of(self, name: str = "a") -> Any:
        """A device's key material; every copy of the world shares it, so it is cached and the
        device's store need not be opened to forge its packages."""
        key = ("device", name)
        if key not in self.template.shared:
            self.template.shared[key] = device_material(self.open(name))
        return self.template.shared[key]

    def cached(self, name: str, make: Callable[[World], Any]) -> Any:
        key = ("value", name)
        if key not in self.template.shared:
            self.template.shared[key] = make(self)
        return self.template.shared[key]

    def close(self) -> None:
        for vault in self.vaults.values():
            vault.lock()


@contextmanager
def world_in(template: WorldTemplate, directory: Path) -> Iterator[World]:
    directory.mkdir(parents=True, exist_ok=True)
    w = World(template, directory)
    try:
        yield w
    finally:
        w.close()
        w.copies.close()


# -- store content ----------------------------------------------------------------------------


def content_digest(
    vault: Vault, *, skip_columns: dict[str, set[str]] | None = None, files: bool = True
) -> str:
    """Every table except the audit log (and its head), plus the blob files: what "the store is
    unchanged" means. ``skip_columns`` leaves out columns that differ by wall-clock time."""
    # search_docs.rowid is the index's internal key, assigned in flush order
    skip_columns = {"search_docs": {"rowid"}, **(skip_columns or {})}
    digest = hashlib.sha256()
    with vault.engine.connect() as conn:
        schema = inspect(conn)  # SQLite's or the office server's tables alike
        tables = [
            name
            for name in schema.get_table_names()
            if name != "audit_log" and not name.startswith(("search_tri", "search_bi"))
        ]
        for table in sorted(tables):
            columns = [c["name"] for c in schema.get_columns(table)]
            columns = [c for c in columns if not (table == "search_docs" and c == "rowid")]
            kept = [c for c in columns if c not in skip_columns.get(table, set())]
            rows = conn.execute(text(f'SELECT {", ".join(kept)} FROM "{table}"')).all()
            rows = [r for r in rows if not (table == "store_meta" and r[0] == "audit_head")]
            digest.update(f"{table}:{sorted(repr(tuple(r)) for r in rows)}\n".encode())
    if not files:
        return digest.hexdigest()
    blobs = vault.layout.blobs
    names = sorted(
        str(p.relative_to(blobs))
        for p in blobs.rglob("*")
        if p.is_file() and "staging" not in p.parts
    )
    digest.update(repr(names).encode())
    return digest.hexdigest()


def audit_actions(vault: Vault, after_seq: int = 0) -> list[str]:
    with vault.read() as s:
        return list(
            s.scalars(
                text("SELECT action FROM audit_log WHERE seq > :n ORDER BY seq").bindparams(
                    n=after_seq
                )
            )
        )


def audit_head(vault: Vault) -> int:
    with vault.read() as s:
        return int(s.scalar(text("SELECT coalesce(max(seq), 0) FROM audit_log")) or 0)


# -- records ----------------------------------------------------------------------------------


def add_attachment(vault: Vault, data: bytes | None = None, name: str = "谈话录音.m4a") -> str:
    with vault.session() as s:
        info = vault.attachments.add(
            s, io.BytesIO(data or os.urandom(5000)), name=name, media_type="audio/mp4"
        )
    return info.sha256


def finding_row(round_id: str, number: str, title: str = "违规发放津贴补贴", **kw: Any) -> Finding:
    """A draft finding of ``round_id``, not yet added to a session."""
    return Finding(
        round_id=round_id,
        number=number,
        title=title,
        compiled_on=date(2026, 3, 10),
        method_code="individual_talk",
        status=FindingStatus.DRAFT,
        **kw,
    )


def add_finding(vault: Vault, round_id: str, title: str = "违规发放津贴补贴", **kw: Any) -> str:
    with vault.session() as s:
        number = kw.pop("number", f"F-{uuid.uuid4().hex[:6]}")
        row = finding_row(round_id, number, title, **kw)
        s.add(row)
        s.flush()
        return row.id


def add_evidence(
    vault: Vault, round_id: str, finding_id: str, sha: str, title: str = "财务凭证"
) -> str:
    with vault.session() as s:
        row = Evidence(
            round_id=round_id,
            finding_id=finding_id,
            evidence_type=EvidenceType.DOCUMENT,
            title=title,
            attachment_sha256=sha,
        )
        s.add(row)
        s.flush()
        return row.id


def interview_row(round_id: str, number: str, turns: int = 2) -> Interview:
    """A required talk of ``round_id`` with ``turns`` turns (child rows), not yet added."""
    row = Interview(
        round_id=round_id,
        number=number,
        interview_type=InterviewType.REQUIRED,
        held_at=datetime(2026, 3, 11, 9, 30),
        interviewers=["李四", "王五"],
        recorder="王五",
        subject_name="张三",
    )
    for n in range(turns):
        row.turns.append(InterviewTurn(seq=n + 1, question=f"问题{n}", answer=f"回答{n}"))
    return row


def add_interview(vault: Vault, round_id: str, turns: int = 2) -> str:
    with vault.session() as s:
        row = interview_row(round_id, f"T-{uuid.uuid4().hex[:6]}", turns)
        s.add(row)
        s.flush()
        return row.id


def edit(vault: Vault, model: type, record_id: str, **values: Any) -> None:
    with vault.session() as s:
        row = s.get(model, record_id)
        for k, v in values.items():
            setattr(row, k, v)


def get(vault: Vault, model: type, record_id: str) -> Any:
    with vault.read() as s:
        return s.get(model, record_id)


# -- forging packages -------------------------------------------------------------------------


_DEVICE_USERS: dict[str, list[str]] = {}  # device id → its store's user ids (signed manifests)


def device_material(vault: Vault) -> Any:
    from workbench.models import User

    with vault.read() as s:
        dk = device_keys(s)
        _DEVICE_USERS[dk.device_id] = sorted(s.scalars(select(User.id)))
        return dk


def device_users(dk: Any) -> list[str]:
    return _DEVICE_USERS[dk.device_id]


def office_material(vault: Vault) -> Any:
    with vault.read() as s:
        return office_keys(s)


def manifest_doc(
    dk: Any,
    round_id: str,
    records: bytes,
    blobs: Sequence[tuple[dict[str, Any], bytes]] = (),
    **over: Any,
) -> dict[str, Any]:
    """A team manifest as a plain dict, to be altered by a test before signing."""
    doc: dict[str, Any] = {
        "format": "workbench-package",
        "format_version": 1,
        "kind": "team",
        "package_id": str(uuid.uuid4()),
        "sender": {
            "device_id": dk.device_id,
            "store_id": dk.store_id,
            "user": "zu1",
            "display_name": "组员a",
            "role": "field",
        },
        "device_seq": 1,
        "prev_hash": None,
        "created_at": utcnow().replace(microsecond=0).isoformat(),
        "app_version": APP_VERSION,
        "audit": None,
        "schema_version": schema_version(),
        "round_id": round_id,
        "recipients": [keys.recipient_fingerprint(r) for r in dk.office_recipients],
        "blobs": [
            {
                "id": "records",
                "role": "records",
                "size": len(records),
                "sha256": hashlib.sha256(records).hexdigest(),
                "media_type": RECORDS_MEDIA_TYPE,
                "name": "records.json",
            },
            *(entry for entry, _data in blobs),
        ],
        "counts": {},
        "receipt": None,
        "device_users": device_users(dk),
    }
    doc.update(over)
    return doc


def attachment_entry(data: bytes, name: str = "扫描件.pdf", **over: Any) -> dict[str, Any]:
    sha = hashlib.sha256(data).hexdigest()
    entry = {
        "id": sha,
        "role": "attachment",
        "size": len(data),
        "sha256": sha,
        "media_type": "application/pdf",
        "name": name,
    }
    entry.update(over)
    return entry


def records_doc(records: list[dict[str, Any]], revocations: list[Any] | None = None) -> bytes:
    """A records blob from raw dicts: the header line, then one canonical line per record."""
    header = {"format": "workbench-records", "version": 2, "revocations": revocations or []}
    return b"".join(canonical_json(doc) + b"\n" for doc in [header, *records])


def frame(
    manifest: bytes,
    signature: bytes,
    certificate: bytes,
    payloads: Sequence[bytes],
    sizes: Sequence[int] | None = None,
) -> bytes:
    """The plaintext framing written from docs/package-format.md, independently of the
    product's writer, and willing to lie about lengths."""
    sizes = list(sizes) if sizes is not None else [len(p) for p in payloads]
    out = [b"WBPKG\x00\r\n", struct.pack(">H", 1)]
    for part in (manifest, signature, certificate):
        out += [struct.pack(">I", len(part)), part]
    for payload, size in zip(payloads, sizes, strict=True):
        out += [struct.pack(">Q", size), payload]
    return b"".join(out)


def forge(
    out: Path,
    manifest: dict[str, Any] | bytes,
    payloads: Sequence[bytes],
    *,
    signing_secret: str,
    certificate: bytes,
    recipients: Sequence[str],
    sizes: Sequence[int] | None = None,
    tamper: Callable[[bytes], bytes] | None = None,
) -> Path:
    """Frame, sign and encrypt whatever a test wants, lies included."""
    manifest_bytes = manifest if isinstance(manifest, bytes) else canonical_json(manifest)
    signature = keys.sign(signing_secret, keys.SIG_MANIFEST, manifest_bytes)
    plain = frame(manifest_bytes, signature, certificate, payloads, sizes)
    if tamper is not None:
        plain = tamper(plain)
    with open(out, "wb") as f:
        seal([plain], recipients, f)
    return out


def forge_team(
    w: World,
    out: Path,
    records: list[dict[str, Any]],
    blobs: Sequence[tuple[dict[str, Any], bytes]] = (),
    **over: Any,
) -> Path:
    """A well-formed team package from device A carrying ``records`` (dicts) and blobs."""
    dk = w.keys_of("a")
    data = records_doc(records)
    counts: dict[str, int] = {}
    for r in records:
        if isinstance(r, dict) and isinstance(r.get("type"), str):
            counts[r["type"]] = counts.get(r["type"], 0) + 1
    doc = manifest_doc(dk, w.round_id, data, blobs, counts=counts)
    doc.update(over)
    return forge(
        out,
        doc,
        [data, *(d for _e, d in blobs)],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )


def finding_record(w: World, vault: Vault, finding_id: str) -> dict[str, Any]:
    """The package form of a finding of ``vault`` (to alter before forging)."""
    from workbench.exchange.records.recordio import serialize

    with vault.read() as s:
        return serialize(s.get(Finding, finding_id)).to_json()
