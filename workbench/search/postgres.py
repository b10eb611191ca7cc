"""Search on PostgreSQL (the office hub): the app's own tokens in a GIN-indexed ``tsvector``.

Only what PostgreSQL ships (and KingbaseES has): ``array_to_tsvector``, a ``tsquery`` of quoted
lexemes and a GIN index. No text search configuration and no pg_trgm: both split words by the
server's locale, and under the ``C`` ctype an office database is made with, pg_trgm takes no
trigram at all from Chinese text. The tokens are made here, from the same folded text and
bigram stream as SQLite's ``search_bi`` table (``text.bigram_text``), each tagged with its
column: ``t`` title, ``b`` body, ``p`` pinyin (initials and full pinyin). They only find the
candidates; each term is then checked on the folded text (``ftitle``, ``fbody``) and the
pinyin columns, so the hits are SQLite's. Besides the bigrams every character of a run is a
token of its own (migration 0023): a one-character term is then an exact lexeme (``'t贪'``),
which GIN finds about ten times faster than the prefix (``'t贪':*``) FTS5's stream would need.

- 1 character: its own token, i.e. the character occurs;
- 2 characters: the bigram token;
- ≥ 3 characters: every token of its runs (bigrams, a 1-character run its own token), then the
  exact substring (``strpos``), punctuation included; a term with no letter or digit at all
  has no token and is checked on every row;
- a term of ASCII letters may match the pinyin instead: its initials for 2 letters (SQLite's
  bigram table holds initials only), initials or full pinyin for ≥ 3.

Ranking is our own, not ``ts_rank``: the tokens carry no positions (a ``tsvector`` keeps at
most 256 positions of a lexeme, up to position 16,383, which a long transcript passes), and
ts_rank would read every candidate's vector besides. As on SQLite the integer part counts the
term families (≥ 3 characters; 1–2 characters) found in the title or the pinyin, so a title hit
always ranks first; the fraction r / (1 + r) sums, per term, a BM25-like saturation of its
count (title and pinyin occurrences weighing 20 body occurrences) against the body's length. It
has no idf: every candidate holds every term.

Ranking reads every candidate (FTS5 ranks from its index; a GIN index holds no counts). Past
``RANK_WINDOW`` candidates the page is therefore the title (or pinyin) hits, newest first, then
the others, newest first (by ``rowid``: the last written or edited first): the same hits,
title hits still first. One bounded sample of the candidates decides that, and how dense each
part is decides how it is read: in rowid order, stopping at the page (a few milliseconds for a
term found in a fifth of a million documents), or, when the page would take more than
``SCAN_BUDGET`` rows, through the GIN index and a sort.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from workbench.search.filters import FilterSql, conditions
from workbench.search.model import Filters
from workbench.search.query import ParsedQuery, Term
from workbench.search.text import bigram_phrase, runs

TITLE, BODY, PINYIN = "t", "b", "p"
_TITLE_WEIGHT = 20
_K1, _B, _AVERAGE_BODY = 1.2, 0.75, 200.0  # BM25's usual k1 and b; a body of ~200 characters

# Each term's count is computed once per candidate: OFFSET 0 keeps the planner from pulling the
# LATERAL subqueries up into the score, which would repeat every replace() in it.
_PAGE = (
    "SELECT record_type, record_id, title, body, {families} + rank.r / (1 + rank.r) AS score"
    " FROM search_docs"
    " CROSS JOIN LATERAL (SELECT {frequencies} OFFSET 0) AS tf"
    " CROSS JOIN LATERAL (SELECT {r} AS r OFFSET 0) AS rank"
    " WHERE {where} ORDER BY score DESC, rowid LIMIT :limit OFFSET :offset"
)
# Past this many candidates the page is the newest hits, title hits first (``_newest_first``):
# ranking them all would read every one (bench/NOTES.md, "office").
RANK_WINDOW = 2_000
# How many rows a part of that page may read newest first, checking each on its text, before
# the GIN index and a sort are cheaper (about 20,000 rows in order cost what 2,000 candidates
# fetched one by one do: bench/NOTES.md, "office").
SCAN_BUDGET = 20_000
# The candidates up to the window, in the GIN bitmap's order, with how many hit a title and
# the rowids they spread over: how dense each part of the hits is, to choose how to read it.
# The spread is twice the middle half's, not max - min: the bitmap reads in table order, and an
# edit re-indexes its record under the newest rowid, often into space vacuumed early in the
# table, so a few sampled rowids from far off would make a dense term look sparse (read through
# the GIN index and sorted: seconds at a million documents).
_SAMPLE = (
    "SELECT count(*), count(*) FILTER (WHERE th), coalesce(2 * ("
    "percentile_disc(0.75) WITHIN GROUP (ORDER BY rowid)"
    " - percentile_disc(0.25) WITHIN GROUP (ORDER BY rowid)) + 1, 0)"
    " FROM (SELECT rowid, {in_title} AS th FROM search_docs WHERE {where} LIMIT :window) AS c"
)
# The newest title hits, then (only when they do not fill the page) the newest others: one
# round trip; the caller cuts the page out of the two.
_NEWEST = (
    "SELECT record_type, record_id, title, body, {score} AS score FROM search_docs"
    " WHERE {where} ORDER BY rowid DESC LIMIT :wanted"
)
# Sparse: every hit found first (through the GIN index), then sorted. Without the fence the
# planner may read the rowid index backwards instead, when it overestimates the hits (as it
# did for a prefix lexeme): every row of the table for a term no title holds.
_NEWEST_OF_FEW = (
    "SELECT record_type, record_id, title, body, {score} AS score FROM ("
    "WITH hits AS MATERIALIZED (SELECT * FROM search_docs WHERE {where})"
    " SELECT * FROM hits) AS few ORDER BY rowid DESC LIMIT :wanted"
)
_TITLES_THEN_OTHERS = (
    "WITH first AS MATERIALIZED ({titled})"
    " SELECT * FROM first UNION ALL"
    " SELECT * FROM ({others}) AS others WHERE (SELECT count(*) FROM first) < :wanted"
)
_INITIALS = "pinyin_initials"
_ALL_PINYIN = "(pinyin_initials || ' ' || pinyin_full)"
_FILTERS = FilterSql(
    types="record_type = ANY(:types)",
    round_id="round_id = :round_id",
    target_id="target_id = :target_id",
    dates="date BETWEEN :date_from AND :date_to",
    hidden="NOT (record_type || ' ' || record_id = ANY(:hidden))",
    bind_types=list,
    bind_hidden=lambda keys: [f"{kind} {record_id}" for kind, record_id in keys],
)


def _column_tokens(tag: str, folded: str) -> set[str]:
    """Every bigram and every character of the runs of ``folded``, tagged with its column."""
    tokens: set[str] = set()
    for run in runs(folded):
        tokens.update(run)
        tokens.update(bigram_phrase(run).split())
    return {tag + token for token in tokens}


def doc_tokens(title: str, body: str, initials: str, full: str) -> list[str]:
    """The tagged tokens of one document (``title`` and ``body`` folded), each once."""
    tokens = _column_tokens(TITLE, title)
    tokens |= _column_tokens(BODY, body)
    tokens |= _column_tokens(PINYIN, f"{initials} {full}")
    return sorted(tokens)


def _lexeme(token: str) -> str:
    """A quoted tsquery lexeme: taken as it is, never parsed by a configuration."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _tokens_of(term: Term, tag: str) -> list[str]:
    """One lexeme per token a document holds when ``term`` occurs in the ``tag`` column."""
    lexemes = []
    for run in term.runs:
        grams = [run] if len(run) == 1 else bigram_phrase(run).split()
        lexemes += [_lexeme(tag + gram) for gram in grams]
    return lexemes


def _term_query(term: Term, titles_only: bool) -> str | None:
    """The tsquery finding the candidates for ``term`` (None: it has no token)."""
    if not term.runs:
        return None
    tags = (TITLE,) if titles_only else (TITLE, BODY)
    per_token = zip(*(_tokens_of(term, tag) for tag in tags), strict=True)
    alternatives = ["(" + " & ".join("(" + " | ".join(t) + ")" for t in per_token) + ")"]
    if term.pinyin:
        alternatives.append("(" + " & ".join(_tokens_of(term, PINYIN)) + ")")
    return "(" + " | ".join(alternatives) + ")"


def _pinyin_column(term: Term) -> str:
    return _ALL_PINYIN if term.trigram else _INITIALS


def _occurs(column: str, index: int) -> str:
    return f"strpos({column}, :n{index}) > 0"


def _count(column: str, index: int) -> str:
    return f"((length({column}) - length(replace({column}, :n{index}, ''))) / :l{index})"


def _in_title(term: Term, index: int) -> str:
    found = [_occurs("ftitle", index)]
    if term.pinyin:
        found.append(_occurs(_pinyin_column(term), index))
    return "(" + " OR ".join(found) + ")"


def _matches(term: Term, index: int, titles_only: bool) -> str:
    if titles_only:
        return _in_title(term, index)
    return f"({_in_title(term, index)} OR {_occurs('fbody', index)})"


def _frequency(term: Term, index: int) -> str:
    """The term's occurrences, a title (or pinyin) one counting as ``_TITLE_WEIGHT``."""
    title = _count("ftitle", index)
    if term.pinyin:
        title = f"({title} + {_count(_pinyin_column(term), index)})"
    return f"({_TITLE_WEIGHT} * {title} + {_count('fbody', index)})::float8 AS f{index}"


def _family(terms: Sequence[tuple[int, Term]]) -> str:
    if not terms:
        return "0"
    return "(CASE WHEN " + " OR ".join(_in_title(t, i) for i, t in terms) + " THEN 1 ELSE 0 END)"


def _score(terms: Sequence[Term]) -> tuple[str, str, str]:
    """The score's integer part, each term's frequency and r (see the module docstring)."""
    numbered = list(enumerate(terms))
    families = (
        _family([(i, t) for i, t in numbered if t.trigram])
        + " + "
        + _family([(i, t) for i, t in numbered if not t.trigram])
    )
    frequencies = ", ".join(_frequency(t, i) for i, t in numbered)
    norm = f"({_K1} * ({1 - _B} + {_B} * length(fbody)::float8 / {_AVERAGE_BODY}))"
    r = " + ".join(f"f{i} / (f{i} + {norm})" for i, _ in numbered)
    return families, frequencies, r


def _page(
    conn: Connection, parsed: ParsedQuery, where: list[str], params: dict[str, Any]
) -> list[Any]:
    """By relevance: the score of every candidate, then the best ``limit``."""
    families, frequencies, r = _score(parsed.terms)
    sql = (
        _PAGE.replace("{families}", families)
        .replace("{frequencies}", frequencies)
        .replace("{r}", r)
        .replace("{where}", " AND ".join(where))
    )
    return list(conn.execute(text(sql), params))


@dataclass(frozen=True)
class _Sample:
    """What ``_SAMPLE`` finds: up to RANK_WINDOW + 1 candidates, the title hits among them and
    the rowids they spread over (estimated from the middle half)."""

    found: int
    titled: int
    span: int

    @property
    def many(self) -> bool:
        return self.found > RANK_WINDOW

    def density(self, hits: int) -> float:
        """Of ``hits`` among the sampled candidates: the share of rows that hold one."""
        return hits / self.span if self.span else 0.0


def _sample(conn: Connection, where: list[str], in_title: str, params: dict[str, Any]) -> _Sample:
    sql = _SAMPLE.replace("{in_title}", in_title).replace("{where}", " AND ".join(where))
    found, titled, span = conn.execute(text(sql), params).one()
    return _Sample(int(found), int(titled), int(span))


def _newest(tokens: list[str], exact: list[str], score: str, wanted: int, density: float) -> str:
    """The newest ``wanted`` rows meeting ``tokens`` and ``exact``. Dense (found within
    SCAN_BUDGET rows): read in rowid order, each checked on its text alone, until enough are
    found; without the token condition, whose selectivity the planner underestimates (it takes
    a word's bigrams as independent), so that it does not sort them all instead. Sparse: found
    through the GIN index and sorted. Either way the same rows."""
    if not tokens or (density > 0 and wanted / density <= SCAN_BUDGET):
        return _NEWEST.replace("{score}", score).replace("{where}", " AND ".join(exact))
    where = " AND ".join([*tokens, *exact])
    return _NEWEST_OF_FEW.replace("{score}", score).replace("{where}", where)


def _newest_first(
    conn: Connection,
    parsed: ParsedQuery,
    where: tuple[list[str], list[str], str],
    params: dict[str, Any],
    limit: int,
    offset: int,
    sample: _Sample,
) -> list[Any]:
    """More than RANK_WINDOW candidates: the title (or pinyin) hits, newest first, then the
    others, newest first, each part stopping at the page."""
    tokens, exact, in_title = where
    title_tokens = [q for t in parsed.terms if (q := _term_query(t, True)) is not None]
    # The index finds the title hits alone when every term has title tokens: those only (the
    # exact checks hold the rest), not the whole query's, whose common characters and bigrams
    # make a bitmap of every candidate.
    titled = tokens
    params = {**params, "wanted": offset + limit}
    if len(title_tokens) == len(parsed.terms):
        params["qt"] = " | ".join(title_tokens)
        titled = ["tokens @@ CAST(:qt AS tsquery)"]
    families = _score(parsed.terms)[0]
    wanted, found, in_titles = offset + limit, sample.found, sample.titled
    sql = _newest(titled, [*exact, in_title], families, wanted, sample.density(in_titles))
    if not parsed.titles_only:
        others = [*exact, f"NOT {in_title}"]
        density = sample.density(found - in_titles)
        others_sql = _newest(tokens, others, "0", wanted, density)
        sql = _TITLES_THEN_OTHERS.replace("{titled}", sql).replace("{others}", others_sql)
    return list(conn.execute(text(sql), params))[offset:wanted]


def ranked(
    conn: Connection,
    parsed: ParsedQuery,
    filters: Filters,
    hidden: Sequence[tuple[str, str]],
    limit: int,
    offset: int,
) -> list[Any]:
    """One page of (record_type, record_id, title, body, score), best first, as
    ``searcher._ranked`` gives it on SQLite. SQL from the fragments above; all values bound."""
    params: dict[str, Any] = {"limit": limit, "offset": offset, "window": RANK_WINDOW + 1}
    tokens: list[str] = []
    queries = [q for t in parsed.terms if (q := _term_query(t, parsed.titles_only)) is not None]
    if queries:
        params["q"] = " & ".join(queries)
        tokens.append("tokens @@ CAST(:q AS tsquery)")
    exact: list[str] = []
    for index, term in enumerate(parsed.terms):
        params[f"n{index}"] = term.needle
        params[f"l{index}"] = len(term.needle)
        exact.append(_matches(term, index, parsed.titles_only))
    exact += conditions(_FILTERS, params, filters, hidden)
    in_title = "(" + " OR ".join(_in_title(t, i) for i, t in enumerate(parsed.terms)) + ")"
    sample = _sample(conn, [*tokens, *exact], in_title, params)
    if sample.many:
        where = (tokens, exact, in_title)
        return _newest_first(conn, parsed, where, params, limit, offset, sample)
    if sample.found == 0:
        return []
    return _page(conn, parsed, [*tokens, *exact], params)
