"""The match templates a rule chooses from: a small closed set, each with its parameters (what
they are, their defaults and bounds) and its SQL over the typed columns of ``data_rows``.

A rule is data (``workbench.datacheck.rules``); an office picks a template, the kinds of list and
the parameters, never SQL. Each template finds *matches*: the person a hit is about and the rows
that show it. The statements start from the smaller list and reach the larger one through the
indexes on ``id_number``, ``related_id`` and ``org`` (``CROSS JOIN`` fixes SQLite's join order),
and only rows of the round's live lists of each kind take part (``Sources``). The statements are
put together from fixed fragments of this module only; every value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from workbench.i18n import N_
from workbench.vocab.enums import DataListKind as Kind

Sources = Mapping[Kind, Sequence[str]]  # kind → the ids of the round's live lists of that kind
Params = Mapping[str, Any]


@dataclass(frozen=True)
class Match:
    """One hit before it is recorded: ``group`` tells matches apart, ``subject`` is the
    身份证号 of the person it is about, ``row_ids`` the rows that show it."""

    group: tuple[str, ...]
    subject: str
    row_ids: tuple[int, ...]


@dataclass(frozen=True)
class Param:
    """A template's parameter. ``type``: ``kinds`` (codes among ``choices``), ``words`` (a list
    of key words; a row matches when its text contains any of them, none given: any row),
    ``int``, ``number`` (within ``low``…``high``) or ``bool``."""

    key: str
    label: str
    type: str
    default: Any
    choices: tuple[Kind, ...] = ()
    low: float = 0
    high: float = 0


@dataclass(frozen=True)
class Template:
    key: str
    label: str
    params: tuple[Param, ...]
    kinds: tuple[Kind, ...]  # the lists it may read, in the order a hit shows their rows
    shown: Mapping[Kind, tuple[str, ...]]  # the fields of each kind it matched on (key fields)
    find: Callable[[Connection, Sources, Params], Iterator[Match]]

    def matches(self, conn: Connection, sources: Sources, params: Params) -> list[Match]:
        """Every match, one per group (a group several statements found gets all its rows)."""
        merged: dict[tuple[str, ...], tuple[str, dict[int, None]]] = {}
        for m in self.find(conn, sources, params):
            merged.setdefault(m.group, (m.subject, {}))[1].update(dict.fromkeys(m.row_ids))
        return [Match(g, subject, tuple(ids)) for g, (subject, ids) in merged.items()]


def _in(name: str, values: Iterable[Any]) -> Any:
    return bindparam(name, value=list(values), expanding=True)


def _contains_any(column: str, words: Sequence[str], prefix: str) -> tuple[str, dict[str, str]]:
    """SQL true when ``column`` contains any of ``words`` (no words: always true)."""
    if not words:
        return "1", {}
    names = {f"{prefix}{i}": w for i, w in enumerate(words)}
    return "(" + " OR ".join(f"instr({column}, :{n}) > 0" for n in names) + ")", names


def _run(conn: Connection, sql: str, ids: Mapping[str, Sequence[str]], **values: Any) -> Any:
    statement = text(sql).bindparams(*(_in(name, v) for name, v in ids.items()))
    return conn.execute(statement, values)


def _grouped(rows: Iterable[Any], width: int) -> Iterator[Match]:
    """Rows of (group…, subject, row id…) → one match per group, its row ids in first-seen
    order without repeats (NULL ids, from the branches that have fewer rows, dropped)."""
    found: dict[tuple[str, ...], tuple[str, dict[int, None]]] = {}
    for row in rows:
        group = tuple(str(v) for v in row[:width])
        entry = found.setdefault(group, (row[width], {}))
        for rid in row[width + 1 :]:
            if rid is not None:
                entry[1][rid] = None
    for group, (subject, ids) in found.items():
        yield Match(group, subject, tuple(ids))


def _sources(sources: Sources, kinds: Iterable[Kind | str]) -> list[str]:
    return [sid for k in kinds for sid in sources.get(Kind.parse(str(k)), ())]


# -- 1 公职人员、村（社区）干部及其近亲属 享受低保/特困 -------------------------------------------


def _person_in_lists(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    roster = _sources(sources, p["lists"])
    assist = _sources(sources, [Kind.ASSISTANCE])
    if not roster or not assist:
        return
    cat, words = _contains_any("a.category", p["categories"], "cat")
    direct = f"""
        SELECT a.id_number, a.id_number, p.id, NULL, a.id
        FROM data_rows AS p CROSS JOIN data_rows AS a
        WHERE p.source_id IN :roster AND p.id_number IS NOT NULL
          AND a.id_number = p.id_number AND a.source_id IN :assist AND {cat}"""  # noqa: S608
    yield from _grouped(_run(conn, direct, {"roster": roster, "assist": assist}, **words), 1)
    relatives = _sources(sources, [Kind.RELATIVES])
    if not p["relatives"] or not relatives:
        return
    # Most relatives receive nothing: look each up in the assistance list first, then ask
    # whether the person they are related to is on a roster.
    related = f"""
        SELECT a.id_number, a.id_number, p.id, r.id, a.id
        FROM data_rows AS r CROSS JOIN data_rows AS a CROSS JOIN data_rows AS p
        WHERE r.source_id IN :relatives AND r.id_number IS NOT NULL
          AND a.id_number = r.id_number AND a.source_id IN :assist AND {cat}
          AND p.id_number = r.related_id AND p.source_id IN :roster"""  # noqa: S608
    ids = {"relatives": relatives, "assist": assist, "roster": roster}
    yield from _grouped(_run(conn, related, ids, **words), 1)


# -- 2 死亡人员在死亡日期后仍领取低保或补贴 ---------------------------------------------------


def _paid_after_death(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    deaths = _sources(sources, [Kind.DEATHS])
    paid = _sources(sources, p["kinds"])
    if not deaths or not paid:
        return
    sql = """
        SELECT d.id_number, d.id_number, d.id, x.id
        FROM data_rows AS d CROSS JOIN data_rows AS x
        WHERE d.source_id IN :deaths AND d.id_number IS NOT NULL AND d.date1 IS NOT NULL
          AND x.id_number = d.id_number AND x.source_id IN :paid
          AND x.date1 > date(d.date1, :grace)"""
    grace = f"+{int(p['grace_days'])} days"
    yield from _grouped(_run(conn, sql, {"deaths": deaths, "paid": paid}, grace=grace), 1)


# -- 3 同一身份证号 重复或多地领取 -------------------------------------------------------------

# The period a payment belongs to: its month, or for a list without 发放日期 the list itself
# (one person twice in one undated list is paid twice for the same period).
_PERIOD = "COALESCE(substr(date1, 1, 7), source_id)"


def _duplicate_receipt(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    assist = _sources(sources, [Kind.ASSISTANCE])
    if not assist or not (p["same_month"] or p["places"]):
        return
    cat, words = _contains_any("category", p["categories"], "cat")
    tests = []
    if p["same_month"]:
        tests.append(f"count(*) > count(DISTINCT {_PERIOD})")
    if p["places"]:
        tests.append("min(NULLIF(place, '')) != max(NULLIF(place, ''))")
    candidates = f"""
        SELECT id_number FROM data_rows
        WHERE source_id IN :assist AND id_number IS NOT NULL AND {cat}
        GROUP BY id_number HAVING {" OR ".join(tests)}"""  # noqa: S608
    people = [r[0] for r in _run(conn, candidates, {"assist": assist}, **words)]
    # ``+source_id``: reach the rows by 身份证号, not by scanning the whole list again
    rows_sql = f"""
        SELECT id_number, id, {_PERIOD}, place FROM data_rows
        WHERE id_number IN :people AND +source_id IN :assist AND {cat}
        ORDER BY id_number, date1, id"""  # noqa: S608
    for start in range(0, len(people), 500):
        batch = people[start : start + 500]
        found: dict[str, list[tuple[int, str, str]]] = {}
        for pid, rid, period, place in _run(
            conn, rows_sql, {"people": batch, "assist": assist}, **words
        ):
            found.setdefault(pid, []).append((rid, period, place))
        for pid, rows in found.items():
            if ids := _duplicate_rows(rows, p["same_month"], p["places"]):
                yield Match((pid,), pid, ids)


def _duplicate_rows(
    rows: Sequence[tuple[int, str, str]], same_month: bool, places: bool
) -> tuple[int, ...]:
    """The rows that show the duplicate: those sharing a period, and the first row of each
    place when there are several."""
    chosen: dict[int, None] = {}
    if same_month:
        periods: dict[str, list[int]] = {}
        for rid, period, _place in rows:
            periods.setdefault(period, []).append(rid)
        for ids in periods.values():
            if len(ids) > 1:
                chosen.update(dict.fromkeys(ids))
    if places:
        first: dict[str, int] = {}
        for rid, _period, place in rows:
            if place:
                first.setdefault(place, rid)
        if len(first) > 1:
            chosen.update(dict.fromkeys(first.values()))
    return tuple(sorted(chosen))


# -- 4 村干部近亲属 承接本村工程或签订三资合同 ------------------------------------------------


def _relative_contracts(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    cadres = _sources(sources, [Kind.CADRES])
    contracts = _sources(sources, [Kind.CONTRACTS]) if p["contracts"] else []
    business = _sources(sources, [Kind.BUSINESS]) if p["projects"] else []
    projects = _sources(sources, [Kind.PROJECTS]) if business else []
    if not cadres or not (contracts or projects):
        return
    ids: dict[str, Sequence[str]] = {
        "cadres": cadres,
        "relatives": _sources(sources, [Kind.RELATIVES]),
    }
    # The people whose dealings count, each with the cadre and the cadre's village: the
    # cadre's relatives (and the cadre). Materialised once for every branch below.
    people = """
        WITH c AS (
            SELECT id, id_number, place FROM data_rows
            WHERE source_id IN :cadres AND id_number IS NOT NULL AND place != ''),
        people AS MATERIALIZED (
            SELECT c.id_number AS cadre, c.id AS cid, NULL AS rid, c.id_number AS pid, c.place
            FROM c WHERE :with_cadre
            UNION ALL
            SELECT c.id_number, c.id, r.id, r.id_number, c.place
            FROM c CROSS JOIN data_rows AS r
            WHERE r.related_id = c.id_number AND r.source_id IN :relatives
              AND r.id_number IS NOT NULL)"""
    branches = []
    if contracts:
        ids["contracts"] = contracts
        branches.append("""
            SELECT e.cadre, e.pid, e.cadre, e.cid, e.rid, k.id, NULL
            FROM people AS e CROSS JOIN data_rows AS k
            WHERE k.id_number = e.pid AND k.source_id IN :contracts AND k.place = e.place""")
    role, words = _contains_any("b.category", p["roles"] if projects else [], "role")
    if projects:
        ids |= {"business": business, "projects": projects}
        # The winner is the person's company by name (through its index: ``+j.source_id``
        # keeps SQLite off the list's) or by 统一社会信用代码 (not indexed: the projects list,
        # small, is read for each of the few companies found).
        for same in (
            "j.org = b.org AND +j.source_id IN :projects",
            "j.org_code = b.org_code AND b.org_code != '' AND j.source_id IN :projects",
        ):
            branches.append(f"""
                SELECT e.cadre, e.pid, e.cadre, e.cid, e.rid, b.id, j.id
                FROM people AS e CROSS JOIN data_rows AS b CROSS JOIN data_rows AS j
                WHERE b.id_number = e.pid AND b.source_id IN :business AND {role}
                  AND {same} AND j.place = e.place""")  # noqa: S608
    sql = people + "\nUNION ALL".join(branches)
    flag = 1 if p["include_cadre"] else 0
    yield from _grouped(_run(conn, sql, ids, with_cadre=flag, **words), 2)


# -- 5 财政供养人员 在企业担任法定代表人或股东 --------------------------------------------------


def _staff_in_business(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    staff = _sources(sources, [Kind.STAFF])
    business = _sources(sources, [Kind.BUSINESS])
    if not staff or not business:
        return
    role, words = _contains_any("b.category", p["roles"], "role")
    sql = f"""
        SELECT s.id_number, s.id_number, s.id, b.id
        FROM data_rows AS s CROSS JOIN data_rows AS b
        WHERE s.source_id IN :staff AND s.id_number IS NOT NULL
          AND b.id_number = s.id_number AND b.source_id IN :business AND {role}"""  # noqa: S608
    yield from _grouped(_run(conn, sql, {"staff": staff, "business": business}, **words), 1)


# -- 6 补贴面积超过承包面积 ----------------------------------------------------------------------


def _area_exceeds(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    subsidy = _sources(sources, [Kind.SUBSIDY])
    if not subsidy:
        return
    cat, words = _contains_any("category", p["categories"], "cat")
    # Areas are 亩 × 100; the percentage in hundredths keeps the comparison in integers.
    sql = f"""
        SELECT id, id_number, id FROM data_rows
        WHERE source_id IN :subsidy AND id_number IS NOT NULL AND {cat}
          AND area1_centi IS NOT NULL AND area2_centi IS NOT NULL
          AND area1_centi - area2_centi > :mu
          AND (area1_centi - area2_centi) * 10000 > area2_centi * :pct"""  # noqa: S608
    values = {"mu": round(p["tolerance_mu"] * 100), "pct": round(p["tolerance_percent"] * 100)}
    yield from _grouped(_run(conn, sql, {"subsidy": subsidy}, **values, **words), 1)


# -- the set ------------------------------------------------------------------------------------

_CATEGORIES = N_("救助类别关键字（含任一即比中；不填：全部）")
_ROLES = N_("企业身份关键字（含任一即比中；不填：全部）")
_PERSON = ("name", "id_number")

TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template(
            "person_in_lists",
            N_("名单人员及其近亲属享受救助"),
            (
                Param(
                    "lists",
                    N_("比对的人员名单"),
                    "kinds",
                    ["staff", "cadres"],
                    (Kind.STAFF, Kind.CADRES),
                ),
                Param("relatives", N_("含近亲属"), "bool", True),
                Param("categories", _CATEGORIES, "words", []),
            ),
            (Kind.STAFF, Kind.CADRES, Kind.RELATIVES, Kind.ASSISTANCE),
            {
                Kind.STAFF: (*_PERSON, "org"),
                Kind.CADRES: (*_PERSON, "place", "category"),
                Kind.RELATIVES: (*_PERSON, "related_name", "related_id", "category"),
                Kind.ASSISTANCE: (*_PERSON, "place", "category", "paid_on"),
            },
            _person_in_lists,
        ),
        Template(
            "paid_after_death",
            N_("死亡后仍领取"),
            (
                Param(
                    "kinds",
                    N_("比对的发放名单"),
                    "kinds",
                    ["assistance", "subsidy"],
                    (Kind.ASSISTANCE, Kind.SUBSIDY),
                ),
                Param("grace_days", N_("宽限天数"), "int", 0, low=0, high=366),
            ),
            (Kind.DEATHS, Kind.ASSISTANCE, Kind.SUBSIDY),
            {
                Kind.DEATHS: (*_PERSON, "died_on"),
                Kind.ASSISTANCE: (*_PERSON, "category", "amount", "paid_on"),
                Kind.SUBSIDY: (*_PERSON, "category", "amount", "paid_on"),
            },
            _paid_after_death,
        ),
        Template(
            "duplicate_receipt",
            N_("同一身份证号重复或多地领取"),
            (
                Param("same_month", N_("同月重复领取"), "bool", True),
                Param("places", N_("多地领取"), "bool", True),
                Param("categories", _CATEGORIES, "words", []),
            ),
            (Kind.ASSISTANCE,),
            {Kind.ASSISTANCE: (*_PERSON, "place", "category", "amount", "paid_on")},
            _duplicate_receipt,
        ),
        Template(
            "relative_contracts",
            N_("村干部近亲属承接本村工程或三资合同"),
            (
                Param("include_cadre", N_("含干部本人"), "bool", True),
                Param("contracts", N_("比对三资合同"), "bool", True),
                Param("projects", N_("比对工程项目"), "bool", True),
                Param("roles", _ROLES, "words", ["法定代表人", "法人", "股东"]),
            ),
            (Kind.CADRES, Kind.RELATIVES, Kind.CONTRACTS, Kind.BUSINESS, Kind.PROJECTS),
            {
                Kind.CADRES: (*_PERSON, "place", "category"),
                Kind.RELATIVES: (*_PERSON, "related_name", "related_id", "category"),
                Kind.CONTRACTS: ("contract", "place", *_PERSON, "amount", "signed_on"),
                Kind.BUSINESS: ("org", "org_code", *_PERSON, "category"),
                Kind.PROJECTS: ("project", "org", "org_code", "place", "amount", "awarded_on"),
            },
            _relative_contracts,
        ),
        Template(
            "staff_in_business",
            N_("财政供养人员经商办企业"),
            (Param("roles", _ROLES, "words", ["法定代表人", "法人", "股东"]),),
            (Kind.STAFF, Kind.BUSINESS),
            {
                Kind.STAFF: (*_PERSON, "org", "category"),
                Kind.BUSINESS: ("org", "org_code", *_PERSON, "category"),
            },
            _staff_in_business,
        ),
        Template(
            "area_exceeds",
            N_("补贴面积超过承包面积"),
            (
                Param("tolerance_percent", N_("允许超出（%）"), "number", 0, low=0, high=1000),
                Param("tolerance_mu", N_("允许超出（亩）"), "number", 0, low=0, high=100000),
                Param("categories", N_("补贴项目关键字（含任一即比中；不填：全部）"), "words", []),
            ),
            (Kind.SUBSIDY,),
            {
                Kind.SUBSIDY: (
                    *_PERSON,
                    "place",
                    "category",
                    "subsidy_area",
                    "contract_area",
                    "amount",
                    "paid_on",
                )
            },
            _area_exceeds,
        ),
    )
}
