"""The match templates a rule chooses from: a small closed set, each with its parameters (what
they are, their defaults and bounds) and its SQL over the typed columns of ``data_rows``.

A rule is data (``workbench.datacheck.rules``); an office picks a template, the kinds of list and
the parameters, never SQL. Each template finds *matches*: the person a hit is about and the rows
that show it. Only rows of the round's live lists of each kind take part (``Sources``).

A list is read by the run of its rows' ids (``ListRows``: an import writes them in one unit of
work), its ``source_id`` tested as well (two runs may interleave). The statements start from the
smaller list's entries in the index on ``id_number`` (``_by_person``: the index alone, in its
order, none of the list's rows read) and look its people up in the larger one through the same
index: in that order the lookups walk it from one page to the next, and since an index entry
holds the row id, the entries of other lists are passed over without their rows being read. Only
the rows that matched are read. Where lists are small beside the lookups (DC04's projects and
companies), each is read once into a materialised table that SQLite indexes in memory.
``CROSS JOIN`` fixes SQLite's join order. On PostgreSQL (an office hub) the same statements
leave the order to its planner, which weighs the lookups in the 身份证号 index against reading a
list once by its run of ids (its statistics kept fresh by the import); the few fragments the two
spell differently are ``workbench.datacheck.spelling``'s. The statements are
put together from fixed fragments of this module only; every value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import TextClause

from workbench.datacheck.spelling import Spelling, spelling
from workbench.i18n import N_
from workbench.vocab.enums import DataListKind as Kind


@dataclass(frozen=True)
class ListRows:
    """One of the round's live lists: its id and the ids of its first and last rows. An import
    writes a list's rows in one unit of work, so in between lie its own rows (or, at worst, a
    few others; the statements check ``source_id`` as well)."""

    source_id: str
    first: int
    last: int


Sources = Mapping[Kind, Sequence[ListRows]]  # kind → the round's live lists of that kind
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


def _in(name: str, values: Iterable[str]) -> Any:
    """``IN :name`` over text ids (typed: an empty list is then an empty set of text, which
    PostgreSQL compares with a text column)."""
    return bindparam(name, value=list(values), expanding=True, type_=String)


def _contains_any(
    sp: Spelling, column: str, words: Sequence[str], prefix: str
) -> tuple[str, dict[str, str]]:
    """SQL true when ``column`` contains any of ``words`` (no words: always true)."""
    if not words:
        return "TRUE", {}
    names = {f"{prefix}{i}": w for i, w in enumerate(words)}
    found = (sp.contains.format(column=column, name=n) for n in names)
    return "(" + " OR ".join(found) + ")", names


def _span(column: str, name: str, lists: Sequence[ListRows]) -> str:
    """SQL true when the row id ``column`` lies within the run of one of ``lists`` (bound by
    ``_run`` under ``name``): on an index entry, it is tested before the row is read."""
    runs = [f"{column} BETWEEN :{name}_{i}_first AND :{name}_{i}_last" for i in range(len(lists))]
    return "(" + " OR ".join(runs) + ")" if runs else "FALSE"


def _run(
    conn: Connection, sql: str | TextClause, lists: Mapping[str, Sequence[ListRows]], **values: Any
) -> Any:
    """``sql`` with, for each ``name`` of ``lists``, ``:name`` their ids and the bounds
    ``_span`` names."""
    statement = (text(sql) if isinstance(sql, str) else sql).bindparams(
        *(_in(name, [x.source_id for x in v]) for name, v in lists.items())
    )
    for name, chosen in lists.items():
        values |= _bounds(name, chosen)
    return conn.execute(statement, values)


def _rows(sp: Spelling, alias: str, name: str, lists: Sequence[ListRows]) -> str:
    """SQL true for the rows of ``lists`` (bound by ``_run`` under ``name``) as ``alias``: read
    by their run of ids, not through the index of ``source_id``."""
    source = sp.unindexed(f"{alias}.source_id")
    return f"{_span(f'{alias}.id', name, lists)} AND {source} IN :{name}"


def _by_person(sp: Spelling, name: str, lists: Sequence[ListRows]) -> str:
    """The 身份证号 index entries (``id``, ``id_number``) within the runs of ``lists`` (bound
    by ``_run`` under ``name``), in the order of 身份证号: the index alone, read in its order,
    so that no row of the list is read or sorted to name its people, and looked up in that
    order they reach the other list's index pages one after the other. An entry may be
    another list's row lying within the run: the statement reads the row of an entry that
    matched and tests it with ``_rows``. The scan passes every list's entries in the store
    (as DC03's), still a fraction of the bytes of the list's own rows."""
    return f"""
        SELECT id, id_number FROM data_rows
        WHERE id_number IS NOT NULL AND {_span(sp.unindexed("id"), name, lists)}
        ORDER BY id_number"""  # noqa: S608


def _bounds(name: str, lists: Sequence[ListRows]) -> dict[str, int]:
    """The values of the bounds ``_span`` names."""
    found: dict[str, int] = {}
    for i, x in enumerate(lists):
        found |= {f"{name}_{i}_first": x.first, f"{name}_{i}_last": x.last}
    return found


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


def _sources(sources: Sources, kinds: Iterable[Kind | str]) -> list[ListRows]:
    return [x for k in kinds for x in sources.get(Kind.parse(str(k)), ())]


# -- 1 公职人员、村（社区）干部及其近亲属 享受低保/特困 -------------------------------------------


def _person_in_lists(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    sp = spelling(conn)
    roster = _sources(sources, p["lists"])
    assist = _sources(sources, [Kind.ASSISTANCE])
    if not roster or not assist:
        return
    relatives = _sources(sources, [Kind.RELATIVES]) if p["relatives"] else []
    cat, words = _contains_any(sp, "a.category", p["categories"], "cat")
    # The roster's and the relatives' people in one pass over the index, each looked up in the
    # assistance list; most receive nothing. Only the entries found there are read, as a
    # person of a roster, or as a relative whose cadre is on one.
    sql = f"""
        WITH listed AS MATERIALIZED ({_by_person(sp, "listed", [*roster, *relatives])}),
        paid (listed, paid, id_number) AS MATERIALIZED (
            SELECT l.id, a.id, a.id_number FROM listed AS l CROSS JOIN data_rows AS a
            WHERE a.id_number = l.id_number AND {_rows(sp, "a", "assist", assist)} AND {cat})
        SELECT x.id_number, x.id_number, p.id, NULL, x.paid
        FROM paid AS x CROSS JOIN data_rows AS p
        WHERE p.id = x.listed AND {_rows(sp, "p", "roster", roster)}
        UNION ALL
        SELECT x.id_number, x.id_number, p.id, r.id, x.paid
        FROM paid AS x CROSS JOIN data_rows AS r CROSS JOIN data_rows AS p
        WHERE r.id = x.listed AND {_rows(sp, "r", "relatives", relatives)}
          AND p.id_number = r.related_id AND {_rows(sp, "p", "roster", roster)}"""  # noqa: S608
    listed = _bounds("listed", [*roster, *relatives])  # only their runs (``_by_person``)
    ids = {"relatives": relatives, "assist": assist, "roster": roster}
    yield from _grouped(_run(conn, sql, ids, **listed, **words), 1)


# -- 2 死亡人员在死亡日期后仍领取低保或补贴 ---------------------------------------------------


def _paid_after_death(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    sp = spelling(conn)
    deaths = _sources(sources, [Kind.DEATHS])
    paid = _sources(sources, p["kinds"])
    if not deaths or not paid:
        return
    sql = f"""
        WITH dead AS MATERIALIZED ({_by_person(sp, "deaths", deaths)})
        SELECT d.id_number, d.id_number, d.id, x.id
        FROM dead AS k CROSS JOIN data_rows AS x CROSS JOIN data_rows AS d
        WHERE x.id_number = k.id_number AND {_rows(sp, "x", "paid", paid)}
          AND d.id = k.id AND {_rows(sp, "d", "deaths", deaths)} AND d.date1 IS NOT NULL
          AND x.date1 > {sp.days_after.format(column="d.date1", name="grace")}"""  # noqa: S608
    grace = int(p["grace_days"])
    yield from _grouped(_run(conn, sql, {"deaths": deaths, "paid": paid}, grace=grace), 1)


# -- 3 同一身份证号 重复或多地领取 -------------------------------------------------------------

# The period a payment belongs to: its month, or for a list without 发放日期 the list itself
# (one person twice in one undated list is paid twice for the same period).
_PERIOD = "COALESCE({month}, source_id)"


def _duplicate_receipt(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    sp = spelling(conn)
    assist = _sources(sources, [Kind.ASSISTANCE])
    if not assist or not (p["same_month"] or p["places"]):
        return
    cat, words = _contains_any(sp, "category", p["categories"], "cat")
    # Whoever is paid twice has two entries within the lists' runs in the 身份证号 index: the
    # index alone, read in its order, names them (``+id``: not the table's rows by id; this
    # reads the entries of every list in the store, a fraction of the assistance rows' bytes);
    # their rows then say whether it is a duplicate (``_duplicate_rows``).
    candidates = f"""
        SELECT id_number FROM data_rows
        WHERE id_number IS NOT NULL AND {_span(sp.unindexed("id"), "assist", assist)}
        GROUP BY id_number HAVING count(*) > 1"""  # noqa: S608
    people = [r[0] for r in conn.execute(text(candidates), _bounds("assist", assist))]
    rows_sql = text(f"""
        SELECT id_number, id, {_PERIOD.format(month=sp.month.format(column="date1"))}, place
        FROM data_rows
        WHERE id_number IN :people AND {_rows(sp, "data_rows", "assist", assist)} AND {cat}
        ORDER BY id_number, date1, id""")  # noqa: S608
    for start in range(0, len(people), 500):
        batch = rows_sql.bindparams(_in("people", people[start : start + 500]))
        found: dict[str, list[tuple[int, str, str]]] = {}
        for pid, rid, period, place in _run(conn, batch, {"assist": assist}, **words):
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
    sp = spelling(conn)
    cadres = _sources(sources, [Kind.CADRES])
    contracts = _sources(sources, [Kind.CONTRACTS]) if p["contracts"] else []
    business = _sources(sources, [Kind.BUSINESS]) if p["projects"] else []
    projects = _sources(sources, [Kind.PROJECTS]) if business else []
    if not cadres or not (contracts or projects):
        return
    ids: dict[str, Sequence[ListRows]] = {
        "cadres": cadres,
        "relatives": _sources(sources, [Kind.RELATIVES]),
    }
    # The dealings (contracts, and companies a person holds a role in that won a project),
    # each with its village and the person's 身份证号, are few: each is looked up among the
    # cadres and the relatives through the index, only a cadre or a relative found read.
    dealings = []
    if contracts:
        ids["contracts"] = contracts
        dealings.append(f"""
            SELECT k.id_number, k.place, k.id, NULL FROM data_rows AS k
            WHERE {_rows(sp, "k", "contracts", contracts)} AND k.id_number IS NOT NULL""")  # noqa: S608
    role, words = _contains_any(sp, "b.category", p["roles"] if projects else [], "role")
    won = ""
    if projects:
        ids |= {"business": business, "projects": projects}
        won = f"""
        won AS MATERIALIZED (
            SELECT id, org, org_code, place FROM data_rows AS j
            WHERE {_rows(sp, "j", "projects", projects)}),
        held AS MATERIALIZED (
            SELECT id, id_number, org, org_code FROM data_rows AS b
            WHERE {_rows(sp, "b", "business", business)} AND {role} AND id_number IS NOT NULL),"""  # noqa: S608
        # The winner is the person's company by name or by 统一社会信用代码.
        for same in ("j.org = b.org", "j.org_code = b.org_code AND b.org_code != ''"):
            dealings.append(f"""
                SELECT b.id_number, j.place, b.id, j.id
                FROM held AS b CROSS JOIN won AS j WHERE {same}""")  # noqa: S608
    cadre = f"{_rows(sp, 'c', 'cadres', cadres)} AND c.place = d.place AND c.place != ''"
    sql = f"""
        WITH{won}
        dealing (pid, place, row1, row2) AS MATERIALIZED ({" UNION ALL ".join(dealings)})
        SELECT c.id_number, d.pid, c.id_number, c.id, NULL, d.row1, d.row2
        FROM dealing AS d CROSS JOIN data_rows AS c
        WHERE :with_cadre = 1 AND c.id_number = d.pid AND {cadre}
        UNION ALL
        SELECT c.id_number, d.pid, c.id_number, c.id, r.id, d.row1, d.row2
        FROM dealing AS d CROSS JOIN data_rows AS r CROSS JOIN data_rows AS c
        WHERE r.id_number = d.pid AND {_rows(sp, "r", "relatives", ids["relatives"])}
          AND c.id_number = r.related_id AND {cadre}"""  # noqa: S608
    flag = 1 if p["include_cadre"] else 0
    yield from _grouped(_run(conn, sql, ids, with_cadre=flag, **words), 2)


# -- 5 财政供养人员 在企业担任法定代表人或股东 --------------------------------------------------


def _staff_in_business(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    sp = spelling(conn)
    staff = _sources(sources, [Kind.STAFF])
    business = _sources(sources, [Kind.BUSINESS])
    if not staff or not business:
        return
    role, words = _contains_any(sp, "b.category", p["roles"], "role")
    sql = f"""
        WITH paid AS MATERIALIZED ({_by_person(sp, "staff", staff)})
        SELECT s.id_number, s.id_number, s.id, b.id
        FROM paid AS k CROSS JOIN data_rows AS b CROSS JOIN data_rows AS s
        WHERE b.id_number = k.id_number AND {_rows(sp, "b", "business", business)} AND {role}
          AND s.id = k.id AND {_rows(sp, "s", "staff", staff)}"""  # noqa: S608
    yield from _grouped(_run(conn, sql, {"staff": staff, "business": business}, **words), 1)


# -- 6 补贴面积超过承包面积 ----------------------------------------------------------------------


def _area_exceeds(conn: Connection, sources: Sources, p: Params) -> Iterator[Match]:
    sp = spelling(conn)
    subsidy = _sources(sources, [Kind.SUBSIDY])
    if not subsidy:
        return
    cat, words = _contains_any(sp, "category", p["categories"], "cat")
    # Areas are 亩 × 100; the percentage in hundredths keeps the comparison in integers.
    sql = f"""
        SELECT id, id_number, id FROM data_rows
        WHERE {_rows(sp, "data_rows", "subsidy", subsidy)} AND id_number IS NOT NULL AND {cat}
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
