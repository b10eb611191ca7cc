"""Running a query: FTS candidates from one or both tables, filters, ranking, snippets.

Each FTS table is queried once in a ``MATERIALIZED`` CTE and the candidate sets are joined on
rowid. Without materialisation SQLite may probe one FTS table per row of the other with
``rowid = ? AND MATCH``, which re-evaluates the whole MATCH (a prefix merge, for a one-character
term) for every candidate. Ranking and LIMIT run on (rowid, score) only; title and body are read
for the final page alone, so a common term does not drag every body through the sorter.

Score = (number of FTS tables whose terms hit the title or pinyin columns) + r / (1 + r), where r is
FTS5 ``bm25`` (negated) with title and pinyin weighted 20 times the body, summed over the tables.
The integer part makes "a title match ranks above a body-only match" a guarantee rather than a
tendency: bm25 alone cannot promise it, because FTS5 clamps the idf of a term found in more than
half the rows to 1e-6, which flattens any column weighting.

SQL is assembled only from the constant fragments below; everything the user typed is bound.
On PostgreSQL the same terms go through ``search.postgres`` (no FTS5 there).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from workbench.search import postgres
from workbench.search.filters import FilterSql, conditions
from workbench.search.indexer import as_connection
from workbench.search.model import Filters, SearchHit
from workbench.search.query import ParsedQuery, parse_query
from workbench.search.snippet import make_snippet
from workbench.store.separation import require_case_reader, session_roles

MAX_LIMIT = 500

# bm25 weights per column (title, body, pinyin); the second bm25 sees the title/pinyin columns
# only, so it is < 0 exactly when a term hit them.
_TRI_CTE = (
    "t AS MATERIALIZED (SELECT rowid AS rid, -bm25(search_tri, 20.0, 1.0, 20.0) AS r,"
    " bm25(search_tri, 1.0, 0.0, 1.0) < 0 AS th FROM search_tri WHERE search_tri MATCH :tq)"
)
_BI_CTE = (
    "b AS MATERIALIZED (SELECT rowid AS rid, -bm25(search_bi, 20.0, 1.0, 20.0) AS r,"
    " bm25(search_bi, 1.0, 0.0, 1.0) < 0 AS th FROM search_bi WHERE search_bi MATCH :bq)"
)
_CANDIDATES = {  # (trigram used, bigram used) → CTE of (rid, score)
    (True, False): "cand AS (SELECT t.rid AS rid, t.th + t.r / (1.0 + t.r) AS score FROM t)",
    (False, True): "cand AS (SELECT b.rid AS rid, b.th + b.r / (1.0 + b.r) AS score FROM b)",
    (True, True): (
        "cand AS (SELECT t.rid AS rid, t.th + b.th + (t.r + b.r) / (1.0 + t.r + b.r) AS score"
        " FROM t JOIN b ON b.rid = t.rid)"
    ),
}
# Each filter is its own ``rowid IN (subquery)`` so that it is answered from a covering index
# (rowid rides in every index) and never reads a search_docs row: looking up the row of each of
# 20,000 candidates decrypts thousands of pages (170 ms instead of 25 ms at 100,000 documents).
_BY_TYPES = (
    "rid IN (SELECT rowid FROM search_docs"
    " WHERE record_type IN (SELECT value FROM json_each(:types)))"
)
_BY_ROUND = "rid IN (SELECT rowid FROM search_docs WHERE round_id = :round_id)"
_BY_TARGET = "rid IN (SELECT rowid FROM search_docs WHERE target_id = :target_id)"
_BY_DATES = "rid IN (SELECT rowid FROM search_docs WHERE date BETWEEN :date_from AND :date_to)"
_NOT_HIDDEN = (
    "rid NOT IN (SELECT d.rowid FROM json_each(:hidden) AS j JOIN search_docs AS d"
    " ON d.record_type = json_extract(j.value, '$[0]')"
    " AND d.record_id = json_extract(j.value, '$[1]'))"
)
_FILTERS = FilterSql(
    types=_BY_TYPES,
    round_id=_BY_ROUND,
    target_id=_BY_TARGET,
    dates=_BY_DATES,
    hidden=_NOT_HIDDEN,
    bind_types=json.dumps,
    bind_hidden=lambda keys: json.dumps([list(key) for key in keys]),
)
_PAGE = (
    ", top AS MATERIALIZED (SELECT rid, score FROM cand{where}"
    " ORDER BY score DESC, rid LIMIT :limit OFFSET :offset)"
)
_SELECT = (
    " SELECT d.record_type, d.record_id, d.title, d.body, top.score"
    " FROM top JOIN search_docs AS d ON d.rowid = top.rid ORDER BY top.score DESC, top.rid"
)


def search(
    target: Session | Connection,
    query: str,
    *,
    types: Iterable[str] | None = None,
    round_id: str | None = None,
    target_id: str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    limit: int = 50,
    offset: int = 0,
    hidden: Sequence[tuple[str, str]] = (),
) -> list[SearchHit]:
    """Records matching every term of ``query``, best first; see ``query`` for the syntax.

    ``types`` None means all types (an empty collection matches nothing); the date range is
    inclusive and excludes undated records. ``hidden``: (record_type, record_id) keys never
    returned (what the user may not read). ``limit`` is capped at MAX_LIMIT. An empty or
    unsearchable query returns [].
    """
    if offset < 0:
        raise ValueError("offset must be ≥ 0")
    if isinstance(target, Session):  # the index's own SQL passes no ORM hook: 三员分立 here
        require_case_reader(session_roles(target))
    parsed = parse_query(query)
    if isinstance(types, str):  # types="clue" would otherwise mean the types c, l, u and e
        types = [types]
    type_list = None if types is None else list(dict.fromkeys(types))
    limit = min(limit, MAX_LIMIT)
    if parsed.empty or limit <= 0 or type_list == []:
        return []
    filters = (type_list, round_id, target_id, date_from, date_to)
    conn = as_connection(target)
    ranked = postgres.ranked if conn.dialect.name == "postgresql" else _ranked
    rows: list[Any] = []
    if parsed.single_term:
        # A title hit always outranks a body-only hit (the integer part of the score), so when
        # the titles alone fill this page, the page is theirs: rank only those. A one- or
        # two-character term found in half of 100,000 bodies would otherwise be ranked in full.
        rows = ranked(conn, parsed.in_titles(), filters, hidden, limit, offset)
    if len(rows) < limit:
        rows = ranked(conn, parsed, filters, hidden, limit, offset)
    return [
        SearchHit(
            record_type=record_type,
            record_id=record_id,
            title=title,
            snippet=make_snippet(title, body, parsed.needles, parsed.pinyin),
            score=float(score_value),
        )
        for record_type, record_id, title, body, score_value in rows
    ]


def _ranked(
    conn: Connection,
    parsed: ParsedQuery,
    filters: Filters,
    hidden: Sequence[tuple[str, str]],
    limit: int,
    offset: int,
) -> list[Any]:
    """One page of (record_type, record_id, title, body, score), best first."""
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    ctes: list[str] = []
    if parsed.trigram is not None:
        params["tq"] = parsed.trigram
        ctes.append(_TRI_CTE)
    if parsed.bigram is not None:
        params["bq"] = parsed.bigram
        ctes.append(_BI_CTE)
    ctes.append(_CANDIDATES[(parsed.trigram is not None, parsed.bigram is not None)])
    where = conditions(_FILTERS, params, filters, hidden)
    page = _PAGE.replace("{where}", " WHERE " + " AND ".join(where) if where else "")
    sql = "WITH " + ", ".join(ctes) + page + _SELECT
    return list(conn.execute(text(sql), params))
