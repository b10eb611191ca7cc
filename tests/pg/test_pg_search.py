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
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.orm import Session

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg.stores import Backend, office_on_server
from tests.pg.test_pg_services import RECEIVED, _letter, _world
from tests.workbench.hit_rows import ROWS
from tests.workbench.test_search_engine import DOCS, make_engine
from workbench.models import DataHit, Member, Person, Team
from workbench.search import (
    SearchDoc,
    SearchHit,
    create_search_schema,
    index_documents,
    postgres,
    search,
)
from workbench.search.query import parse_query
from workbench.search.text import bigram_text, fold, pinyin_full, pinyin_initials
from workbench.services.index_queue import catch_up, pending_count, queue_for_index
from workbench.services.letters import register_letter, update_letter, void_letter
from workbench.services.search import search_records, unindexed_count
from workbench.store import migrate
from workbench.store.pg import make_pg_engine
from workbench.vocab.enums import CadreLevel, ForceType, HitStatus, MemberRole

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


@pytest.mark.parametrize("budget", [0, 1_000_000], ids=["through-the-index", "rowid-order"])
def test_many_candidates_come_newest_first_title_hits_first(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    """Past RANK_WINDOW candidates PostgreSQL does not rank them all: the title hits come first,
    then the others, each newest first; the pages hold SQLite's hits, each once, whichever way
    each part is read (``SCAN_BUDGET``: 0 always through the GIN index and a sort, a million
    in rowid order when the sample shows any)."""
    monkeypatch.setattr(postgres, "RANK_WINDOW", 4)
    monkeypatch.setattr(postgres, "SCAN_BUDGET", budget)
    docs = [
        SearchDoc("issue", f"d{n:02d}", title, "整改" * (n % 4 + 1), None, None, None)
        for n in range(20)
        for title in ["整改通知" if n % 3 == 0 else f"第{n}号"]
    ]
    _index(pair, docs)
    for query in ("整改", "整", "整改 第", "zgtz"):
        expected = {h.record_id for h in search(pair.sqlite, query, limit=500)}
        pages = [search(pair.postgresql, query, limit=3, offset=o) for o in range(0, 24, 3)]
        seen = [h for page in pages for h in page]
        assert sorted(h.record_id for h in seen) == sorted(expected), query
        assert _classes_in_order(seen), query
    first = [h.record_id for h in search(pair.postgresql, "整改", limit=20)]
    assert first[:7] == ["d18", "d15", "d12", "d09", "d06", "d03", "d00"]  # titles, newest first
    assert first[7:9] == ["d19", "d17"]


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


# --- the services on both backends ----------------------------------------------------------


def test_records_are_found_as_they_are_written_edited_and_voided(backend: Backend) -> None:
    round_id, target_id = _world(backend)
    with backend.write() as s:
        letter = register_letter(
            s, _letter(round_id, target_id, "反映张三在惠农补贴发放中优亲厚友")
        )
        register_letter(s, _letter(round_id, target_id, "反映李四违规收受礼金"))

    def found(query: str, **filters: Any) -> list[tuple[str, str]]:
        with backend.read() as s:
            return sorted((r.record_type, r.record_id) for r in search_records(s, query, **filters))

    assert found("惠农补贴") == [("letter", letter.id)]  # 3+ characters
    assert found("优亲") == [("letter", letter.id)]  # 2
    assert found("惠") == [("letter", letter.id)]  # 1
    assert len(found("zs")) == 2  # the reported person's initials (张三, in both)
    assert found("zhangsan 惠") == [("letter", letter.id)]
    assert len(found("反映")) == 2
    assert found("某某镇党委") == [("target", target_id)]
    assert found("反映", types=("target",)) == []
    assert found("惠农", round_id=round_id) == [("letter", letter.id)]
    assert found("惠农", date_from=RECEIVED.date() + datetime.timedelta(days=1)) == []
    with backend.write() as s:
        update_letter(
            s,
            letter.id,
            _letter(round_id, target_id, "反映张三截留危房改造资金"),
            expected_version=1,
        )
    assert found("惠农补贴") == []
    assert found("危房改造") == [("letter", letter.id)]
    with backend.read() as s:
        (hit,) = search_records(s, "危房改造")
    assert hit.type_label == "信访件" and "\x02危房改造\x03" in hit.snippet
    with backend.write() as s:
        void_letter(s, letter.id, "重复登记")
    assert found("危房改造") == []


@dataclass(frozen=True)
class _Units:
    """The backend's units of work as ``catch_up`` takes a vault's."""

    backend: Backend

    def read(self) -> AbstractContextManager[Session]:
        return self.backend.read()

    def session(self) -> AbstractContextManager[Session]:
        return self.backend.write()


def test_the_catch_up_queue_indexes_what_a_bulk_import_wrote(backend: Backend) -> None:
    """Rows written without the ORM are queued by table, counted, and indexed by the
    catch-up, a key queued twice kept once (INSERT … ON CONFLICT on both)."""
    round_id, target_id = _world(backend)
    with backend.write() as s:
        letters = [
            register_letter(s, _letter(round_id, target_id, f"反映张三第{n}次违规发放补贴")).id
            for n in range(3)
        ]
    with backend.write() as s:  # as a bulk import leaves them: written, not yet indexed
        s.execute(text("DELETE FROM search_docs WHERE record_type = 'letter'"))
        keys = [("letters", i) for i in letters]
        assert queue_for_index(s, [*keys, ("audit_log", "1")]) == 3
        assert queue_for_index(s, keys[:1]) == 0
    with backend.read() as s:
        assert search_records(s, "违规发放") == []
        assert unindexed_count(s) == pending_count(s) == 3
    seen: list[tuple[int, int]] = []
    assert catch_up(_Units(backend), batch=2, progress=lambda d, t: seen.append((d, t))) == 3
    assert seen == [(0, 3), (2, 3), (3, 3)]
    with backend.read() as s:
        assert sorted(r.record_id for r in search_records(s, "违规发放")) == sorted(letters)
        assert unindexed_count(s) == 0
    assert catch_up(_Units(backend)) == 0


# --- 回避 -------------------------------------------------------------------------------------


def _hit(s: Session, round_id: str, name: str, id_number: str) -> str:
    row = DataHit(
        round_id=round_id,
        rule_id="staff_assistance",
        rule_version=1,
        rule_title="公职人员享受低保",
        match_key=uuid.uuid4().hex,
        subject_name=name,
        subject_id_number=id_number,
        summary=f"{name}为某某镇政府在编人员，同时在低保名单中领取低保",
        qualification="涉嫌违规享受低保待遇",
        discipline="廉洁纪律、群众纪律",
        rows=ROWS,
        status=HitStatus.NEW,
    )
    s.add(row)
    s.flush()
    return row.id


def test_a_hit_naming_a_person_one_declared_recusal_for_is_not_found(backend: Backend) -> None:
    """全文搜索 finds 比对疑点, but not those ``get_hit`` refuses the user: the hits naming a
    person the user's member declared 回避 for, in that round."""
    round_id, target_id = _world(backend)
    with backend.write() as s:
        person = Person(
            round_id=round_id,
            target_id=target_id,
            name="张县管",
            position="县长",
            level=CadreLevel.COUNTY,
        )
        s.add(person)
        team = Team(round_id=round_id, number=1, name="第一巡察组", target_ids=[target_id])
        s.add(team)
        s.flush()
        recused = _hit(s, round_id, "张县管", "")
        other = _hit(s, round_id, "李四", "110101199003071234")
    with backend.read() as s:
        every = {r.record_id for r in search_records(s, "享受低保", types=("data_hit",))}
        assert every == {recused, other}
        (by_name,) = search_records(s, "张县管", types=("data_hit",))
        assert (by_name.record_id, by_name.type_label) == (recused, "比对疑点")
    with backend.write() as s:
        s.add(
            Member(
                round_id=round_id,
                team_id=team.id,
                name="李主任",
                role=MemberRole.LEADER,
                force_type=ForceType.FULL_TIME,
                user_id=_actor_id(s),
                recusal_person_ids=[person.id],
            )
        )
    with backend.read() as s:
        assert {r.record_id for r in search_records(s, "享受低保")} == {other}
        # the person's own record stays: 回避 hides the hits that name them
        assert [r.record_type for r in search_records(s, "张县管")] == ["person"]
        assert [r.record_type for r in search_records(s, "zxg")] == ["person"]
        assert [r.record_id for r in search_records(s, "低保", round_id=round_id)] == [other]


def _actor_id(s: Session) -> str:
    from workbench.services.common import actor_id

    found = actor_id(s)
    assert found is not None
    return found


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


def test_documents_indexed_before_0020_are_queued_for_the_catch_up(
    pg_url: str, tmp_path: Path
) -> None:
    """Revision 0020 on a database with documents: they have no tokens yet, so their records
    wait in the queue, and the catch-up makes them searchable."""
    with office_on_server(pg_url, tmp_path / "desktop", PASSPHRASE, TEST_KDF) as backend:
        round_id, target_id = _world(backend)
        with backend.write() as s:
            letter = register_letter(s, _letter(round_id, target_id, "反映张三违规发放补贴"))
        migrate.downgrade_to(backend.engine, "0019")
        migrate.upgrade(backend.engine)
        with backend.read() as s:
            assert search_records(s, "违规发放") == []
            assert unindexed_count(s) == 2  # the letter and the target
        assert catch_up(_Units(backend)) == 2
        with backend.read() as s:
            assert [r.record_id for r in search_records(s, "违规发放")] == [letter.id]


def _tokens_before_0023(doc: SearchDoc) -> list[str]:
    """The tokens as revisions 0020–0022 wrote them (frozen here): each column's bigram stream,
    each run closed by its last character, and no other single character."""
    title, body = fold(doc.title), fold(doc.body)
    initials, full = pinyin_initials(doc.names, doc.title), pinyin_full(doc.names)
    tokens = {"t" + token for token in bigram_text(title).split()}
    tokens.update("b" + token for token in bigram_text(body).split())
    tokens.update("p" + token for token in bigram_text(f"{initials} {full}").split())
    return sorted(tokens)


def test_0023_gives_documents_indexed_before_it_every_character(
    pg_url: str, tmp_path: Path
) -> None:
    """Revision 0023 derives the one-character tokens from the bigrams already stored: after it
    each document holds exactly the tokens the indexer writes now, and a one-character term
    (an exact lexeme now, no longer a prefix) finds the characters inside a run too."""
    rng = random.Random(23)
    docs = [
        SearchDoc(
            "clue",
            f"r{n:03d}",
            _random_text(rng, rng.randint(1, 12)),
            _random_text(rng, rng.randint(0, 80)),
            None,
            None,
            None,
            names=rng.choice(_NAMES),
        )
        for n in range(60)
    ]
    docs.append(SearchDoc("clue", "quote", "引'号\\", "a'b\\c", None, None, None))
    engine = make_pg_engine(pg_url)
    try:
        with engine.begin() as conn:
            index_documents(conn, docs)
            written = dict(conn.execute(text("SELECT record_id, tokens FROM search_docs")).all())
            for doc in docs:  # as 0022 left them
                conn.execute(
                    text(
                        "UPDATE search_docs SET tokens = array_to_tsvector(:t) WHERE record_id = :i"
                    ),
                    {"t": _tokens_before_0023(doc), "i": doc.record_id},
                )
            conn.execute(
                text(
                    "INSERT INTO search_docs (record_type, record_id, title, body,"
                    " pinyin_initials, pinyin_full) VALUES ('clue', 'queued', '', '', '', '')"
                )
            )
            before = dict(conn.execute(text("SELECT record_id, tokens FROM search_docs")).all())
            assert sum(before[key] != tokens for key, tokens in written.items()) > 50
        migrate.downgrade_to(engine, "0022")
        migrate.upgrade(engine)
        with engine.connect() as conn:
            migrated = dict(conn.execute(text("SELECT record_id, tokens FROM search_docs")).all())
            assert migrated.pop("queued") == ""  # no tokens yet: the catch-up's to make
            assert migrated == written
    finally:
        engine.dispose()


def test_one_character_is_one_exact_lexeme(pair: Pair) -> None:
    """A one-character term is looked up as its own token, not a prefix (GIN's partial match
    is the slow way to the same rows), and still finds the character wherever it stands in a
    run: first, inside, last, alone."""
    _index(
        pair,
        [
            SearchDoc("issue", "first", "整改", "", None, None, None),
            SearchDoc("issue", "inside", "", "落实整改通知", None, None, None),
            SearchDoc("issue", "last", "", "立即整改", None, None, None),
            SearchDoc("issue", "alone", "", "整，改", None, None, None),
            SearchDoc("issue", "none", "", "通知", None, None, None),
        ],
    )
    assert postgres._term_query(parse_query("改").terms[0], False) == "((('t改' | 'b改')))"
    assert same(pair, "改") == {"first", "inside", "last", "alone"}
    assert same(pair, "整") == {"first", "inside", "last", "alone"}
    assert same(pair, "知") == {"inside", "none"}


def test_a_few_rowids_from_far_off_do_not_make_a_dense_term_look_sparse(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit re-indexes its record under the newest rowid, which vacuumed space early in the
    table may take: the sample (read in table order) then holds a few rowids from far off. Its
    spread must not count them, or a term in every document reads as one in a thousand and is
    fetched whole through the GIN index (seconds at a million documents)."""
    monkeypatch.setattr(postgres, "RANK_WINDOW", 200)
    conn = pair.postgresql

    def docs(numbers: range) -> list[SearchDoc]:
        return [SearchDoc("issue", f"d{n}", "", f"落实整改{n}", None, None, None) for n in numbers]

    index_documents(conn, docs(range(5)))
    # the first rows' newest versions stay on the table's first page, far above what follows
    conn.execute(text("UPDATE search_docs SET rowid = rowid + 1000000"))
    index_documents(conn, docs(range(5, 1000)))
    where = ["tokens @@ CAST(:q AS tsquery)"]
    params = {"q": postgres._term_query(parse_query("整改").terms[0], False), "window": 201}
    far_apart = conn.execute(
        text(
            "SELECT max(rowid) - min(rowid) FROM"
            " (SELECT rowid FROM search_docs WHERE tokens @@ CAST(:q AS tsquery) LIMIT :window) c"
        ),
        params,
    ).scalar_one()
    assert far_apart > 900_000  # the set-up holds what it means to: far-off rowids in the sample

    sample = postgres._sample(conn, where, "false", params)
    assert sample.many
    assert sample.density(sample.found) > 0.5  # every document holds the term
    wanted = 50
    assert wanted / sample.density(sample.found) <= postgres.SCAN_BUDGET  # read in rowid order
