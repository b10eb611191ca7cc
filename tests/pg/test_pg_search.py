"""全文搜索 on PostgreSQL beside SQLite: the same hits for the same corpus, title hits first.

SQLite's search (FTS5, ``tests/workbench/test_search_engine.py``) is the oracle: the same
documents go into an in-memory SQLite index and into a PostgreSQL database at head, and every
query must find the same records, with the same integer part of the score (title or pinyin hits
before body-only hits) and the same snippets. The services run on both backends (the
``backend`` fixture): records found as they are written, edited and voided, the catch-up queue,
and 回避.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import text

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench.test_search_engine import DOCS, make_engine
from workbench.search import SearchDoc, SearchHit, create_search_schema, index_documents, search
from workbench.store.pg import make_pg_engine

# --- the same corpus on both ------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    sqlite: sa.Connection
    postgresql: sa.Connection


@pytest.fixture
def pair(pg_url: str) -> Iterator[Pair]:
    lite, pg = make_engine(), make_pg_engine(pg_url)
    try:
        with lite.connect() as a, a.begin(), pg.connect() as b, b.begin():
            create_search_schema(a)
            yield Pair(a, b)
    finally:
        lite.dispose()
        pg.dispose()


def _index(pair: Pair, docs: list[SearchDoc]) -> None:
    index_documents(pair.sqlite, docs)
    index_documents(pair.postgresql, docs)


def _answer(hits: list[SearchHit]) -> list[tuple[str, int, str]]:
    """Each hit with its rank class (title/pinyin families hit) and snippet, in a fixed order:
    within one class the two rankings may differ (bm25 on SQLite, ours on PostgreSQL)."""
    return sorted((h.record_id, int(h.score), h.snippet) for h in hits)


def _classes_in_order(hits: list[SearchHit]) -> bool:
    return [int(h.score) for h in hits] == sorted((int(h.score) for h in hits), reverse=True)


def same(pair: Pair, query: str, **filters: Any) -> set[str]:
    """The records both find for ``query``, asserting that they find the same."""
    lite = search(pair.sqlite, query, limit=500, **filters)
    pg = search(pair.postgresql, query, limit=500, **filters)
    assert _answer(pg) == _answer(lite), query
    assert _classes_in_order(pg), query
    return {h.record_id for h in pg}


QUERIES: list[tuple[str, dict[str, Any], set[str]]] = [
    # 1 character; the last of a run
    ("贪", {}, {"c1"}),
    ("察", {}, {"i1", "i2"}),
    ("录", {}, {"k1"}),
    ("鑫", {}, set()),
    # 2 characters; not across punctuation (整改，建立)
    ("巡察", {}, {"i1", "i2"}),
    ("察党", {}, {"i1"}),
    ("改建", {}, set()),
    # 3 and more, punctuation inside a term matched exactly
    ("问题线索", {}, {"c1", "i2"}),
    ("选人用人情况", {}, {"k1"}),
    ("惠农补贴资金，涉及", {}, {"c1"}),
    ("惠农补贴资金涉及", {}, set()),
    # ASCII, case numbers, full width
    ("XC-2026-001", {}, {"c1"}),
    ("ＸＣ－２０２６－００１", {}, {"c1"}),
    ("C-", {}, {"c1"}),
    ("XC-2026-002", {}, set()),
    ("XC", {}, {"c1", "i2"}),
    ("12个", {}, {"i2"}),
    # pinyin: initials of names (2 and 3 letters) and titles, full pinyin of names
    ("wjg", {}, {"c1"}),
    ("lm", {}, {"c1"}),
    ("zs", {}, {"k1"}),
    ("xcz", {}, {"i2"}),
    ("wangjianguo", {}, {"c1"}),
    ("c", {}, {"c1"}),
    # every term must match
    ("巡察 问题线索", {}, {"i2"}),
    ("贪 问题线索 XC", {}, {"c1"}),
    ("wjg 贪", {}, {"c1"}),
    ("巡察 谈话", {}, set()),
    # hostile text is plain text
    ("'; DROP", {}, {"d1"}),
    ('"引号"(括号)', {}, {"d1"}),
    ("AND OR", {}, {"d1"}),
    ("--", {}, set()),
    # the filters
    ("问题", {"types": ["issue"]}, {"i1", "i2"}),
    ("问题", {"types": "clue"}, {"c1"}),
    ("问题", {"types": []}, set()),
    ("问题", {"round_id": "r2", "target_id": "t2"}, {"i2"}),
    ("问题", {"date_to": datetime.date(2026, 4, 10)}, {"c1", "i1"}),
    ("谈话", {"date_from": datetime.date(2000, 1, 1)}, set()),
    ("问题", {"hidden": [("issue", "i1")]}, {"c1", "i2"}),
]


@pytest.mark.parametrize(("query", "filters", "expected"), QUERIES)
def test_postgresql_finds_what_sqlite_finds(
    pair: Pair, query: str, filters: dict[str, Any], expected: set[str]
) -> None:
    _index(pair, DOCS)
    assert same(pair, query, **filters) == expected


def test_title_hits_come_first_on_postgresql(pair: Pair) -> None:
    _index(
        pair,
        [
            SearchDoc("issue", "body", "一般情况", "整改" * 30, None, None, None),
            SearchDoc("issue", "title", "整改通知", "见附件。" + "内容" * 100, None, None, None),
            SearchDoc("issue", "other", "其他", "无关内容", None, None, None),
        ],
    )
    for query in ("整改", "整 改", "整改通"):
        pg = search(pair.postgresql, query)
        assert [h.record_id for h in pg] == [h.record_id for h in search(pair.sqlite, query)]
    assert [h.record_id for h in search(pair.postgresql, "整改")] == ["title", "body"]


def test_pages_follow_one_another(pair: Pair) -> None:
    docs = [
        SearchDoc("issue", f"d{n:02d}", f"第{n}号", "巡察" * (n + 1), None, None, None)
        for n in range(30)
    ]
    _index(pair, docs)
    pages = [search(pair.postgresql, "巡察", limit=7, offset=o) for o in range(0, 35, 7)]
    seen = [h.record_id for page in pages for h in page]
    assert sorted(seen) == sorted(d.record_id for d in docs)  # each once, none lost
    # more occurrences in a body of the same kind rank higher
    assert seen[0] == "d29"


_ALPHABET = "巡察组整改问题线索贪污惠农补贴张三王五"
_NAMES = ("张三", "王建国", "李明", "赵六", "")


def _random_text(rng: random.Random, size: int) -> str:
    chars = [rng.choice(_ALPHABET + "，。 -ab12") for _ in range(size)]
    return "".join(chars)


def test_a_random_corpus_gives_the_same_hits(pair: Pair) -> None:
    """Terms of 1–4 characters cut from the corpus (and some that are not in it), pinyin
    initials of the names: the same records on both, whatever the text around them."""
    rng = random.Random(20)
    docs = [
        SearchDoc(
            rng.choice(("clue", "letter")),
            f"r{n:03d}",
            _random_text(rng, rng.randint(2, 12)),
            _random_text(rng, rng.randint(0, 80)),
            rng.choice(("r1", "r2")),
            None,
            datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 200)),
            names=rng.choice(_NAMES),
        )
        for n in range(150)
    ]
    _index(pair, docs)
    queries = ["zs", "wjg", "lm", "zl", "wangjianguo", "zhangsan"]
    for _ in range(120):
        doc = rng.choice(docs)
        source = doc.body or doc.title
        size = rng.randint(1, 4)
        start = rng.randint(0, max(0, len(source) - size))
        queries.append(source[start : start + size])
        queries.append(_random_text(rng, size))
    found = 0
    for query in queries:
        found += len(same(pair, query))
        same(pair, f"{query} 察", round_id="r1")
    assert found > 500  # the queries do find things


def test_pg_trgm_ships_but_takes_nothing_from_chinese_under_the_c_ctype(pg_url: str) -> None:
    """Why the tokens are the app's own: pg_trgm installs (a trusted extension, the database
    owner may), but under the ``C`` ctype it takes no trigram from Chinese text."""
    engine = make_pg_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            assert conn.execute(text("SELECT show_trgm('巡察组报告')")).scalar_one() == []
            assert conn.execute(text("SELECT show_trgm('abc')")).scalar_one() != []
    finally:
        engine.dispose()
