"""比对: run the rules over a round's lists, record what they find as hits, list the hits.

A run needs a role the office allows to see the lists (``data_access``). Each match becomes a
``DataHit`` (status 待处理) named by ``match_key``: a hash of the rule id and the matched rows'
normalised contents, never their store ids, so a second run, or the same lists imported in
another store, names the same hit; one already recorded in the round is counted as known and
left as it is (an 排除 stays 排除). The hit keeps a copy of its rows side by side; who may not
see the lists sees only the fields the rule matched on (``key_fields``), not the other cells.
Who declared 回避 for a person does not see the hits that name that person (its subject, or a
person in its rows, such as a relative's cadre): they leave the list, and reading one is
refused.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from workbench.datacheck import rules as rulebook
from workbench.datacheck.kinds import FIELDS
from workbench.datacheck.matchers import ListRows, Match, Sources
from workbench.errors import Cancelled
from workbench.i18n import wording_nodes, wording_of
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models import Team
from workbench.models.datalists import DataHit, DataRow, DataSource
from workbench.services import data_access
from workbench.services.authority import RecusedPeople, Refusal, recused_people
from workbench.services.common import RecordMeta, get_live, live, parse_enum, record_meta
from workbench.services.hit_wording import MatchedRow, display_value, say_hit
from workbench.services.workflow import round_row
from workbench.store import audit
from workbench.store.engine import page_cache
from workbench.vocab.enums import DataListKind as Kind
from workbench.vocab.enums import HitStatus

RUN_CACHE_KIB = 64 * 1024  # the page cache while rules run
CANCEL_POLL_SECONDS = 0.1  # how often a run on PostgreSQL looks for a cancel
MAX_ROWS = 50  # matched rows kept with one hit: enough to show it, within a record's bounds
# a row's cells kept with a hit: MAX_ROWS such rows stay within a record's JSON (10,000 values)
ROW_CELLS = 150
CELL_CHARS = 2000
_STATUS_ORDER = {s: i for i, s in enumerate(HitStatus)}
# the typed columns that identify a row's content wherever it was imported (not its store ids)
_IDENTITY = (
    "id_number",
    "name",
    "place",
    "org",
    "org_code",
    "related_id",
    "related_name",
    "category",
    "date1",
    "date2",
    "amount_fen",
    "area1_centi",
    "area2_centi",
)


@dataclass(frozen=True)
class RuleView:
    id: str
    version: int
    title: str
    description: str
    match: str  # the template's key
    match_label: str
    params: dict[str, Any]
    qualification: str
    discipline: str
    kinds: tuple[Kind, ...]  # the lists it reads
    shipped: bool  # 内置 (else the office's own)
    retired: bool


@dataclass(frozen=True)
class RunResult:
    new: int  # hits recorded by this run
    known: int  # hits found again, already recorded in the round
    by_rule: dict[str, int]  # rule id → hits found (new and known)


@dataclass(frozen=True)
class HitView:
    id: str
    round_id: str | None
    team_id: str | None
    rule_id: str
    rule_version: int
    rule_title: str
    match_key: str
    subject_name: str
    subject_id_number: str
    summary: str
    qualification: str
    discipline: str
    # [{kind, kind_label, source, file_name, row_no, key_fields: {label: value}, cells?}]
    rows: tuple[dict[str, Any], ...]
    status: HitStatus
    reason: str
    decided_by: str
    decided_at: datetime | None
    clue_id: str | None
    finding_id: str | None
    meta: RecordMeta


def _rule_view(rule: rulebook.Rule) -> RuleView:
    template = rule.template
    return RuleView(
        rule.id,
        rule.version,
        rule.title,
        rule.description,
        rule.match,
        template.label,
        dict(rule.params),
        rule.qualification,
        rule.discipline,
        template.kinds,
        rule.shipped,
        rule.retired_at is not None,
    )


def rule_list(session: Session, *, retired: bool = False) -> list[RuleView]:
    """The rules a run uses: the shipped ones, then the office's (retired ones with
    ``retired``). Anyone may read them."""
    return [_rule_view(r) for r in rulebook.all_rules(session, retired=retired)]


# -- the rows of a hit --------------------------------------------------------------------------


def _cells(headers: Sequence[str], cells: Sequence[str | None]) -> dict[str, str]:
    """The row's cells by header (a blank or repeated header named by its column), cut to fit
    a record (``ROW_CELLS`` cells of at most ``CELL_CHARS``): a list may hold more than the
    field rules let a hit carry, and one refused hit would fail the whole run."""
    named: dict[str, str] = {}
    for i, cell in enumerate(cells):
        if len(named) == ROW_CELLS:
            named["（其余各列）"] = f"另有 {len(cells) - i} 列未复制，见名单原表"
            break
        header = (headers[i] if i < len(headers) else "").strip()[:100] or f"第 {i + 1} 列"
        if header in named:
            header = f"{header}（第 {i + 1} 列）"
        text = "" if cell is None else str(cell)
        if len(text) > CELL_CHARS:
            text = f"{text[:CELL_CHARS]}……（共 {len(text):,} 字，其余未复制）"
        named[header] = text
    return named


def _identity(row: DataRow, kind: Kind) -> list[Any]:
    values = (getattr(row, c) for c in _IDENTITY)
    return [kind.value, *(v.isoformat() if isinstance(v, date) else v for v in values)]


def match_key(rule_id: str, identities: Iterable[list[Any]]) -> str:
    """The hit's name: the rule and the contents of its rows, in no particular order."""
    canonical = sorted(json.dumps(i, ensure_ascii=False) for i in identities)
    text = json.dumps([rule_id, canonical], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load_rows(session: Session, ids: Sequence[int]) -> dict[int, DataRow]:
    loaded: dict[int, DataRow] = {}
    for start in range(0, len(ids), 500):
        query = select(DataRow).where(DataRow.id.in_(ids[start : start + 500]))
        loaded.update((r.id, r) for r in session.scalars(query))
    return loaded


def _row_entry(item: MatchedRow, shown: Sequence[str]) -> dict[str, Any]:
    fields = {f.key: f for f in FIELDS[item.kind]}
    key_fields = {
        fields[k].label: display_value(fields[k].type, getattr(item.row, fields[k].column))
        for k in shown
        if k in fields
    }
    return {
        "kind": item.kind.value,
        "kind_label": item.kind.label,
        "source": item.source.label,
        "file_name": item.source.file_name,
        "row_no": item.row.row_no,
        "key_fields": key_fields,
        "cells": _cells(item.source.headers or [], item.row.cells or []),
    }


# -- the run ------------------------------------------------------------------------------------


def _sources(session: Session, round_id: str) -> tuple[Sources, dict[str, DataSource]]:
    """The round's live lists by kind, each with the run of its rows' ids (a list without
    rows is left out), and by id."""
    query = select(DataSource).where(
        DataSource.round_id == round_id, DataSource.deleted_at.is_(None)
    )
    found = list(session.scalars(query.order_by(DataSource.imported_at, DataSource.id)))
    by_kind: dict[Kind, list[ListRows]] = {}
    for source in found:
        ids = select(DataRow.id).where(DataRow.source_id == source.id)
        first = session.scalar(ids.order_by(DataRow.id).limit(1))
        last = session.scalar(ids.order_by(DataRow.id.desc()).limit(1))
        if first is not None and last is not None:
            by_kind.setdefault(source.kind, []).append(ListRows(source.id, first, last))
    return by_kind, {s.id: s for s in found}


def _round_team(session: Session, round_id: str) -> str | None:
    """The team a hit belongs to: the round's one team (a field laptop's), else none (the
    office's round-wide hits)."""
    teams = session.scalars(
        select(Team.id).where(Team.round_id == round_id, Team.deleted_at.is_(None)).limit(2)
    ).all()
    return teams[0] if len(teams) == 1 else None


@contextmanager
def _matching(session: Session, cancel: CancelToken) -> Iterator[None]:
    """The connection set for a run: a cancel stops a long statement, and a larger page cache
    keeps the index pages the rules share decrypted between them."""
    try:
        with _stoppable(session, cancel), page_cache(session, RUN_CACHE_KIB):
            yield
    except OperationalError as exc:
        if cancel.cancelled:
            raise Cancelled() from exc
        raise


@contextmanager
def _stoppable(session: Session, cancel: CancelToken) -> Iterator[None]:
    """A cancel ends the session's running statement: SQLite asks a progress handler every few
    thousand steps; a PostgreSQL server is asked to cancel it by a watcher beside the run.
    Either way the statement fails with an ``OperationalError``."""
    raw: Any = session.connection().connection.dbapi_connection
    if session.get_bind().dialect.name != "postgresql":
        raw.set_progress_handler(lambda: 1 if cancel.cancelled else 0, 20_000)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)
        return
    done = threading.Event()

    def watch() -> None:
        # again at each poll until the run stops: a request that comes between two statements
        # finds none running and is forgotten
        while not done.wait(CANCEL_POLL_SECONDS):
            if cancel.cancelled:
                raw.cancel_safe()

    watcher = threading.Thread(target=watch, name="datacheck-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def run_rules(
    session: Session,
    round_id: str,
    rule_id: str | None = None,
    progress: ProgressSink | None = None,
    cancel: CancelToken | None = None,
) -> RunResult:
    """Run every rule (or ``rule_id``) over the round's live lists and record the new hits.
    ``progress`` gets (rules done, rules, title); a cancel stops between rules or inside a
    statement and raises ``Cancelled``: the caller's unit of work then records nothing."""
    data_access.require_raw_access(session, "运行比对规则")
    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    rnd = round_row(session, round_id)
    chosen = [rulebook.get_rule(session, rule_id)] if rule_id else rulebook.all_rules(session)
    team_id = _round_team(session, rnd.id)
    known_keys = set(session.scalars(select(DataHit.match_key).where(DataHit.round_id == rnd.id)))
    new = known = 0
    by_rule: dict[str, int] = {}
    conn = session.connection()
    with _matching(session, cancel):
        sources, source_rows = _sources(session, rnd.id)
        for done, rule in enumerate(chosen):
            cancel.raise_if_cancelled()
            progress(done, len(chosen), rule.title)
            matches = rule.template.matches(conn, sources, rule.params)
            hits = _hits(session, rule, matches, source_rows)
            by_rule[rule.id] = len(hits)
            for key, hit in hits:
                if key in known_keys:
                    known += 1
                    continue
                known_keys.add(key)
                new += 1
                hit.round_id, hit.team_id = rnd.id, team_id
                session.add(hit)
            session.flush()
    cancel.raise_if_cancelled()
    progress(len(chosen), len(chosen), "")
    detail = {"rules": [r.id for r in chosen], "new": new, "known": known, "by_rule": by_rule}
    audit.record(session, "data.run", "rounds", rnd.id, detail)
    session.flush()
    return RunResult(new, known, by_rule)


def _hits(
    session: Session,
    rule: rulebook.Rule,
    matches: Sequence[Match],
    sources: dict[str, DataSource],
) -> list[tuple[str, DataHit]]:
    template = rule.template
    order = {k: i for i, k in enumerate(template.kinds)}
    ids = sorted({rid for m in matches for rid in m.row_ids})
    loaded = _load_rows(session, ids)
    made: list[tuple[str, DataHit]] = []
    for m in matches:
        items = [
            MatchedRow(sources[r.source_id].kind, sources[r.source_id], r)
            for rid in m.row_ids
            if (r := loaded.get(rid)) is not None
        ]
        items.sort(key=lambda i: (order.get(i.kind, 99), i.source.label, i.row.row_no, i.row.id))
        items = items[:MAX_ROWS]
        key = match_key(rule.id, (_identity(i.row, i.kind) for i in items))
        name, summary = say_hit(rule.match, m.subject, items)
        hit = DataHit(
            rule_id=rule.id,
            rule_version=rule.version,
            rule_title=rule.title,
            match_key=key,
            subject_name=name[:64],
            subject_id_number=m.subject,
            summary=summary,
            summary_wording=wording_nodes(summary),
            qualification=rule.qualification,
            discipline=rule.discipline,
            rows=[_row_entry(i, template.shown.get(i.kind, ())) for i in items],
            status=HitStatus.NEW,
        )
        made.append((key, hit))
    return made


# -- reading hits -------------------------------------------------------------------------------


_ROW_TEXTS = ("kind", "kind_label", "source", "file_name")


def _fields_of(value: Any) -> dict[str, str]:
    """A ``{label: value}`` of an entry as text; what is not a label and a scalar is left out."""
    if not isinstance(value, dict):
        return {}
    return {
        k: str(v)
        for k, v in value.items()
        if isinstance(k, str) and isinstance(v, str | int) and not isinstance(v, bool)
    }


def hit_rows(value: Any, *, raw: bool) -> tuple[dict[str, Any], ...]:
    """A hit's ``rows`` in the shape ``_row_entry`` writes, whatever a package brought (the
    field rules bound its size and depth, not its shape): entries that are not mappings and
    parts that are not text are left out, and ``cells`` is kept only with ``raw``
    (``data_access.may_see_raw``)."""
    entries = []
    for entry in value if isinstance(value, list) else ():
        if not isinstance(entry, dict):
            continue
        read: dict[str, Any] = {k: v for k in _ROW_TEXTS if isinstance(v := entry.get(k), str)}
        row_no = entry.get("row_no")
        read["row_no"] = (
            row_no if isinstance(row_no, int) and not isinstance(row_no, bool) else None
        )
        read["key_fields"] = _fields_of(entry.get("key_fields"))
        if raw:
            read["cells"] = _fields_of(entry.get("cells"))
        entries.append(read)
    return tuple(entries)


def hit_view(row: DataHit, *, raw: bool) -> HitView:
    """The hit as a reader sees it: the cells of its rows only with ``raw``
    (``data_access.may_see_raw``)."""
    rows = hit_rows(row.rows, raw=raw)
    return HitView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        rule_id=row.rule_id,
        rule_version=row.rule_version,
        rule_title=row.rule_title,
        match_key=row.match_key,
        subject_name=row.subject_name,
        subject_id_number=row.subject_id_number,
        summary=wording_of(row.summary_wording) if row.summary_wording else row.summary,
        qualification=row.qualification,
        discipline=row.discipline,
        rows=rows,
        status=row.status,
        reason=row.reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        clue_id=row.clue_id,
        finding_id=row.finding_id,
        meta=record_meta(row),
    )


# the fields of the lists that name a person: their labels in a hit's ``key_fields``
_ID_LABELS = {
    str(f.label) for fs in FIELDS.values() for f in fs if f.key in ("id_number", "related_id")
}
_NAME_LABELS = {
    str(f.label) for fs in FIELDS.values() for f in fs if f.key in ("name", "related_name")
}


def _named(row: DataHit) -> tuple[list[str], list[str]]:
    """The 身份证号 and the names of the people a hit names: its subject, and those in the key
    fields of its rows (whatever shape a package gave them)."""
    numbers, names = [row.subject_id_number], [row.subject_name]
    for entry in hit_rows(row.rows, raw=False):
        for label, value in entry["key_fields"].items():
            if label in _ID_LABELS:
                numbers.append(value)
            elif label in _NAME_LABELS:
                names.append(value)
    return [n for n in numbers if n], [n for n in names if n]


def recused_from(session: Session, row: DataHit, people: RecusedPeople | None = None) -> str:
    """The person the acting user declared 回避 for whom the hit names ("" when none);
    ``people``: that user's for the hit's round, when already read."""
    people = people if people is not None else recused_people(session, row.round_id)
    return people.among(*_named(row)) or ""


def check_not_recused(session: Session, row: DataHit) -> None:
    """Refuse (WB-PERMISSION) a hit that names a person the acting user declared 回避 for."""
    if name := recused_from(session, row):
        message = f"您已申报回避“{name}”，不能查看、办理涉及该人员的比对疑点"
        raise Refusal("recusal", message, "查看", name).error()


def list_hits(
    session: Session,
    round_id: str | None = None,
    rule_id: str | None = None,
    status: HitStatus | str | None = None,
) -> list[HitView]:
    """The live hits, by rule, then 待处理 before 待核实, 属实 and 排除, then person; not those
    that name a person the acting user declared 回避 for."""
    query = live(DataHit)
    if round_id is not None:
        query = query.where(DataHit.round_id == round_id)
    if rule_id is not None:
        query = query.where(DataHit.rule_id == rule_id)
    if status is not None:
        chosen = parse_enum(HitStatus, status, "status", "疑点状态")
        query = query.where(DataHit.status == chosen)
    people: dict[str | None, RecusedPeople] = {}  # by round: 回避 is declared per round
    found = []
    for hit in session.scalars(query):
        if hit.round_id not in people:
            people[hit.round_id] = recused_people(session, hit.round_id)
        if not recused_from(session, hit, people[hit.round_id]):
            found.append(hit)
    found.sort(key=lambda h: (h.rule_id, _STATUS_ORDER[h.status], h.subject_name, h.id))
    raw = data_access.may_see_raw(session)
    return [hit_view(h, raw=raw) for h in found]


def get_hit(session: Session, hit_id: str) -> HitView:
    """One live hit; refused when it names a person the acting user declared 回避 for."""
    row = get_live(session, DataHit, hit_id, "比对疑点")
    check_not_recused(session, row)
    return hit_view(row, raw=data_access.may_see_raw(session))
