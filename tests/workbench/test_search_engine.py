"""The Chinese full-text search engine, on real SQLite (sqlcipher3's bundled 3.53, FTS5)."""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from workbench.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchDoc,
    SearchHit,
    bench_search,
    create_search_schema,
    drop_search_schema,
    index_documents,
    rebuild,
    remove_documents,
    search,
)

REPO = Path(__file__).resolve().parents[2]


def make_engine() -> sa.Engine:
    """In-memory SQLite the way the store runs it: driver autocommit plus an explicit BEGIN, so
    DDL and DML are transactional and a rollback really rolls back."""
    engine = sa.create_engine("sqlite+pysqlite://", module=sqlcipher3, poolclass=StaticPool)

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.isolation_level = None  # type: ignore[attr-defined]

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


DOCS = [
    SearchDoc(
        "clue",
        "c1",
        "关于某县惠农补贴资金的问题线索",
        "群众反映某村干部贪污惠农补贴资金，涉及金额较大，案件编号XC-2026-001。",
        "r1",
        "t1",
        datetime.date(2026, 3, 1),
        names="王建国、李明",
    ),
    SearchDoc(
        "issue",
        "i1",
        "整改落实情况报告",
        "巡察组发现问题后，被巡察党组织认真整改，建立长效机制。",
        "r1",
        "t2",
        datetime.date(2026, 4, 10),
    ),
    SearchDoc(
        "issue",
        "i2",
        "巡察组工作报告",
        "本轮巡察共发现问题１２个，移交问题线索３件。",
        "r2",
        "t2",
        datetime.date(2026, 5, 20),
    ),
    SearchDoc(
        "talk",
        "k1",
        "谈话记录",
        "与张三同志谈话，了解选人用人情况。",
        "r2",
        "t3",
        None,
        names="张三",
    ),
    SearchDoc(
        "document",
        "d1",
        "输入测试",
        '有人输入了 \'; DROP TABLE x; -- 以及 "引号"(括号)*星号*: AND OR NOT ^ 等字符。',
        None,
        None,
        datetime.date(2026, 6, 1),
    ),
]


@pytest.fixture
def conn() -> Iterator[sa.Connection]:
    engine = make_engine()
    with engine.connect() as connection, connection.begin():
        create_search_schema(connection)
        index_documents(connection, DOCS)
        yield connection
    engine.dispose()


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.record_id for hit in hits]


def found(connection: sa.Connection, query: str, **filters: Any) -> set[str]:
    return set(ids(search(connection, query, **filters)))


# --- the bundled SQLite --------------------------------------------------------------------


def test_like_on_chinese_works_with_the_bundled_sqlite(conn: sa.Connection) -> None:
    # Regression: the system SQLite 3.40 returned nothing for this; the bundled 3.53 must not.
    assert conn.exec_driver_sql("SELECT '关于巡察工作' LIKE '%巡察%'").scalar() == 1
    rows = conn.exec_driver_sql(
        "SELECT record_id FROM search_docs WHERE body LIKE '%巡察%' ORDER BY record_id"
    ).all()
    assert [row[0] for row in rows] == ["i1", "i2"]


def test_sqlite_has_what_the_index_needs(conn: sa.Connection) -> None:
    version = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
    assert tuple(int(part) for part in str(version).split(".")) >= (3, 43)  # contentless_delete
    options = {row[0] for row in conn.exec_driver_sql("PRAGMA compile_options")}
    assert "ENABLE_FTS5" in options


# --- query lengths ---------------------------------------------------------------------------


def test_one_character_terms(conn: sa.Connection) -> None:
    assert found(conn, "贪") == {"c1"}
    assert found(conn, "察") == {"i1", "i2"}
    assert found(conn, "录") == {"k1"}  # the last character of a run
    assert found(conn, "鑫") == set()


def test_two_character_terms(conn: sa.Connection) -> None:
    assert found(conn, "巡察") == {"i1", "i2"}
    assert found(conn, "整改") == {"i1"}
    assert found(conn, "谈话") == {"k1"}
    assert found(conn, "察党") == {"i1"}
    assert found(conn, "改建") == set()  # 整改，建立: a comma separates them


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("问题线索", {"c1", "i2"}),
        ("惠农补贴资金", {"c1"}),
        ("巡察组", {"i1", "i2"}),
        ("选人用人情况", {"k1"}),
        ("惠农补贴资金，涉及", {"c1"}),  # punctuation inside a term is matched exactly
        ("惠农补贴资金涉及", set()),
    ],
)
def test_longer_terms(conn: sa.Connection, query: str, expected: set[str]) -> None:
    assert found(conn, query) == expected


def test_case_numbers_and_latin(conn: sa.Connection) -> None:
    for query in ("XC-2026-001", "xc-2026-001", "ＸＣ－２０２６－００１", "2026", "20", "C-"):
        assert found(conn, query) == {"c1"}, query
    assert found(conn, "XC-2026-002") == set()
    # letters only: the text, and also pinyin initials (巡察组工作报告 → xczgzbg)
    assert found(conn, "XC") == {"c1", "i2"}


def test_full_width_text_is_found_by_half_width_query(conn: sa.Connection) -> None:
    assert found(conn, "12个") == {"i2"}  # body has full-width １２
    assert found(conn, "１２个") == {"i2"}


def test_all_terms_must_match(conn: sa.Connection) -> None:
    assert found(conn, "巡察 问题") == {"i1", "i2"}
    assert found(conn, "巡察 问题线索") == {"i2"}
    assert found(conn, "贪 问题线索 XC") == {"c1"}
    assert found(conn, "  巡察\u3000整改  ") == {"i1"}  # ideographic space separates terms too
    assert found(conn, "巡察 谈话") == set()


def test_empty_and_unsearchable_queries(conn: sa.Connection) -> None:
    for query in ("", "   ", "--", "。，", "'"):
        assert search(conn, query) == [], query


# --- filters ---------------------------------------------------------------------------------


def test_filter_by_type(conn: sa.Connection) -> None:
    assert found(conn, "问题", types=["issue"]) == {"i1", "i2"}
    assert found(conn, "问题", types=["clue", "talk"]) == {"c1"}
    assert found(conn, "问题", types=[]) == set()
    assert found(conn, "问题", types="clue") == {"c1"}  # a lone string is one type, not letters


def test_filter_by_round_and_target(conn: sa.Connection) -> None:
    assert found(conn, "问题", round_id="r1") == {"c1", "i1"}
    assert found(conn, "问题", target_id="t2") == {"i1", "i2"}
    assert found(conn, "问题", round_id="r2", target_id="t2") == {"i2"}
    assert found(conn, "问题", round_id="r9") == set()


def test_filter_by_date_range_is_inclusive_and_skips_undated(conn: sa.Connection) -> None:
    april, may = datetime.date(2026, 4, 10), datetime.date(2026, 5, 20)
    assert found(conn, "问题", date_from=april) == {"i1", "i2"}
    assert found(conn, "问题", date_to=april) == {"c1", "i1"}
    assert found(conn, "问题", date_from=april, date_to=may) == {"i1", "i2"}
    assert found(conn, "谈话") == {"k1"}
    assert found(conn, "谈话", date_from=datetime.date(2000, 1, 1)) == set()
    # a datetime bound counts as its day, not as "later than that day"
    assert found(conn, "问题", date_to=datetime.datetime(2026, 4, 10, 18, 30)) == {"c1", "i1"}


# --- ranking and snippets ---------------------------------------------------------------------


def test_title_match_ranks_above_body_only_match(conn: sa.Connection) -> None:
    hits = search(conn, "问题线索")
    assert ids(hits) == ["c1", "i2"]
    assert hits[0].score > hits[1].score


def test_title_beats_many_body_occurrences() -> None:
    engine = make_engine()
    with engine.connect() as connection, connection.begin():
        create_search_schema(connection)
        index_documents(
            connection,
            [
                SearchDoc("issue", "body", "一般情况", "整改" * 30, None, None, None),
                SearchDoc(
                    "issue", "title", "整改通知", "见附件。" + "内容" * 100, None, None, None
                ),
                SearchDoc("issue", "other", "其他", "无关内容", None, None, None),
            ],
        )
        # 整改 is in most rows, so FTS5 clamps its idf: bm25 alone would barely separate these
        assert ids(search(connection, "整改")) == ["title", "body"]
        assert ids(search(connection, "整 改")) == ["title", "body"]


def test_snippet_marks_the_match(conn: sa.Connection) -> None:
    (hit,) = search(conn, "惠农补贴资金")
    assert f"{HIGHLIGHT_START}惠农补贴资金{HIGHLIGHT_END}" in hit.snippet
    assert hit.title == "关于某县惠农补贴资金的问题线索"
    (hit,) = search(conn, "１２个")
    assert f"{HIGHLIGHT_START}１２个{HIGHLIGHT_END}" in hit.snippet  # original characters shown
    for hit in search(conn, "巡察 问题"):
        assert f"{HIGHLIGHT_START}巡察{HIGHLIGHT_END}" in hit.snippet
        assert f"{HIGHLIGHT_START}问题{HIGHLIGHT_END}" in hit.snippet


def test_snippet_is_a_short_excerpt_around_the_match() -> None:
    engine = make_engine()
    body = "开头" * 200 + "关键问题线索" + "结尾" * 200
    with engine.connect() as connection, connection.begin():
        create_search_schema(connection)
        index_documents(connection, [SearchDoc("doc", "1", "长文", body, None, None, None)])
        (hit,) = search(connection, "问题线索")
    assert len(hit.snippet) < 100
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert f"关键{HIGHLIGHT_START}问题线索{HIGHLIGHT_END}" in hit.snippet


def test_stored_text_cannot_forge_markers() -> None:
    engine = make_engine()
    body = f"伪造{HIGHLIGHT_START}标记{HIGHLIGHT_END}的巡察记录"
    with engine.connect() as connection, connection.begin():
        create_search_schema(connection)
        index_documents(connection, [SearchDoc("doc", "1", "标题", body, None, None, None)])
        (hit,) = search(connection, "巡察")
    assert hit.snippet.count(HIGHLIGHT_START) == hit.snippet.count(HIGHLIGHT_END) == 1
    assert f"{HIGHLIGHT_START}巡察{HIGHLIGHT_END}" in hit.snippet
    assert "<" not in hit.snippet


# --- pinyin ----------------------------------------------------------------------------------


def test_pinyin_initials_of_names_and_titles(conn: sa.Connection) -> None:
    assert found(conn, "wjg") == {"c1"}  # 王建国 (names)
    assert found(conn, "WJG") == {"c1"}
    assert found(conn, "lm") == {"c1"}  # 李明, two letters: the bigram table
    assert found(conn, "zs") == {"k1"}  # 张三
    assert found(conn, "xcz") == {"i2"}  # 巡察组 (title)
    assert found(conn, "wangjianguo") == {"c1"}  # full pinyin of a name
    assert found(conn, "c") == {"c1"}  # one letter: text only (XC-…), never initials (巡察 xc)


def test_pinyin_hit_highlights_the_title(conn: sa.Connection) -> None:
    (hit,) = search(conn, "xcz")
    assert hit.snippet == f"{HIGHLIGHT_START}巡察组{HIGHLIGHT_END}工作报告"


def test_pinyin_combines_with_chinese_terms(conn: sa.Connection) -> None:
    assert found(conn, "wjg 贪") == {"c1"}
    assert found(conn, "wjg 巡察") == set()


# --- hostile input ----------------------------------------------------------------------------

NASTY = [
    '"',
    '""',
    '"巡察',
    '巡察"',
    "*",
    "巡察*",
    "^巡察",
    "(",
    ")",
    "(巡察",
    ":",
    "title:巡察",
    "{title}: 巡察",
    "-巡察",
    "AND",
    "OR",
    "NOT",
    "巡察 OR 整改",
    "巡察 NOT 整改",
    "NEAR(巡察 整改)",
    "'; DROP TABLE search_docs; --",
    "\x00",
    "%",
    "_",
    "\\",
    "巡察\x02整改\x03",
]


@pytest.mark.parametrize("query", NASTY)
def test_fts_syntax_is_plain_text(conn: sa.Connection, query: str) -> None:
    search(conn, query)  # never an FTS5 syntax error
    assert conn.exec_driver_sql("SELECT count(*) FROM search_docs").scalar() == len(DOCS)


def test_operators_are_searched_as_words(conn: sa.Connection) -> None:
    assert found(conn, "巡察 OR 整改") == set()  # three terms, "or" included: nothing has all
    assert found(conn, "AND OR NOT") == {"d1"}
    assert found(conn, '"引号"(括号)*星号*:') == {"d1"}
    assert found(conn, "'; DROP TABLE x; --") == {"d1"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_query_is_safe(query: str) -> None:
    with _shared().connect() as connection, connection.begin():
        search(connection, query)
        search(connection, query, types=["issue"], round_id="r1", date_from=datetime.date.min)


# --- writes ----------------------------------------------------------------------------------


def test_upsert_replaces_old_text(conn: sa.Connection) -> None:
    changed = SearchDoc(
        "clue", "c1", "关于某村集体资产的问题线索", "已核实，无违纪。", "r1", "t1", None
    )
    assert index_documents(conn, [changed]) == 1
    assert found(conn, "贪") == set()
    assert found(conn, "惠农补贴资金") == set()
    assert found(conn, "wjg") == set()  # names went with the old version
    assert found(conn, "集体资产") == {"c1"}
    assert found(conn, "违纪") == {"c1"}
    count = "SELECT count(*) FROM search_docs WHERE record_id = 'c1'"
    assert conn.exec_driver_sql(count).scalar() == 1


def test_same_key_twice_in_one_batch_keeps_the_last(conn: sa.Connection) -> None:
    first = SearchDoc("talk", "k2", "第一版", "谈话内容甲", None, None, None)
    second = SearchDoc("talk", "k2", "第二版", "谈话内容乙", None, None, None)
    assert index_documents(conn, [first, second]) == 1
    assert found(conn, "内容甲") == set()
    assert found(conn, "内容乙") == {"k2"}


def test_remove(conn: sa.Connection) -> None:
    assert remove_documents(conn, [("issue", "i1"), ("issue", "nope")]) == 1
    assert found(conn, "整改") == set()
    assert found(conn, "巡察") == {"i2"}
    # the FTS rows went too (the trigger), not just the row the results are read from
    bigram_rows = "SELECT count(*) FROM search_bi WHERE search_bi MATCH '\"整改\"'"
    assert conn.exec_driver_sql(bigram_rows).scalar() == 0
    assert remove_documents(conn, []) == 0


def test_rebuild_replaces_everything(conn: sa.Connection) -> None:
    fresh = SearchDoc("issue", "n1", "新的问题", "新的整改内容", None, None, None)
    assert rebuild(conn, [fresh]) == 1
    assert found(conn, "整改") == {"n1"}
    assert found(conn, "巡察") == set()
    assert conn.exec_driver_sql("SELECT count(*) FROM search_docs").scalar() == 1


def test_index_stays_in_the_callers_transaction() -> None:
    engine = make_engine()
    with engine.begin() as connection:
        create_search_schema(connection)
    with engine.connect() as connection:
        transaction = connection.begin()
        index_documents(connection, DOCS)
        assert found(connection, "巡察") == {"i1", "i2"}
        transaction.rollback()
        with connection.begin():
            assert found(connection, "巡察") == set()


def test_works_through_an_orm_session() -> None:
    engine = make_engine()
    with Session(engine) as session, session.begin():
        create_search_schema(session.connection())
        index_documents(session, DOCS)
        assert set(ids(search(session, "巡察"))) == {"i1", "i2"}
        assert remove_documents(session, [("issue", "i2")]) == 1


def test_paging(conn: sa.Connection) -> None:
    every = ids(search(conn, "问题"))
    assert len(every) == 3
    assert ids(search(conn, "问题", limit=2)) == every[:2]
    assert ids(search(conn, "问题", limit=2, offset=2)) == every[2:]
    assert search(conn, "问题", limit=0) == []
    with pytest.raises(ValueError):
        search(conn, "问题", offset=-1)


def test_schema_create_and_drop_are_idempotent() -> None:
    engine = make_engine()
    with engine.begin() as connection:
        create_search_schema(connection)
        create_search_schema(connection)
        drop_search_schema(connection)
        drop_search_schema(connection)
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master").all()
        assert not [name for (name,) in tables if name.startswith("search_")]


def test_search_doc_needs_a_key() -> None:
    with pytest.raises(ValueError):
        SearchDoc("", "1", "t", "b", None, None, None)


def test_bench_helper(conn: sa.Connection) -> None:
    result = bench_search(conn, ["贪", "巡察", "问题线索"], repeat=3)
    for name in ("search", "fts", "like"):
        assert 0 <= result[f"{name}_p50_ms"] <= result[f"{name}_p95_ms"]


def test_no_qt_import() -> None:
    code = (
        "import sys, workbench.search; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


# --- property: every substring of a title finds its record -----------------------------------

COMMON_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海"
    "口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身"
    "车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石"
    "记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青"
    "省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型"
    "眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严巡察贪腐惠补贴"
)
ALPHABET = COMMON_HANZI + "ABCXYZabcxyz0123456789"

_ENGINE: list[sa.Engine] = []


def _shared() -> sa.Engine:
    """One engine for the property tests (hypothesis reruns a test body many times)."""
    if not _ENGINE:
        engine = make_engine()
        with engine.begin() as connection:
            create_search_schema(connection)
            index_documents(connection, DOCS)
        _ENGINE.append(engine)
    return _ENGINE[0]


@st.composite
def title_and_substring(draw: st.DrawFn) -> tuple[str, str]:
    title = draw(st.text(alphabet=ALPHABET, min_size=2, max_size=30))
    start = draw(st.integers(0, len(title) - 2))
    end = draw(st.integers(start + 2, len(title)))
    return title, title[start:end]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title_and_substring(), st.text(alphabet=COMMON_HANZI, max_size=60))
def test_every_title_substring_finds_the_record(pair: tuple[str, str], body: str) -> None:
    title, substring = pair
    doc = SearchDoc("prop", "x", title, body, None, None, None)
    with _shared().connect() as connection, connection.begin() as transaction:
        index_documents(connection, [doc])
        assert ("prop", "x") in {
            (hit.record_type, hit.record_id) for hit in search(connection, substring, limit=500)
        }, (title, substring)
        # and the highlight covers the substring wherever it was shown
        (hit,) = search(connection, substring, types=["prop"])
        assert HIGHLIGHT_START in hit.snippet
        transaction.rollback()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30), st.data())
def test_every_single_character_finds_the_record(title: str, data: st.DataObject) -> None:
    char = data.draw(st.sampled_from(title))
    doc = SearchDoc("prop", "y", title, "", None, None, None)
    with _shared().connect() as connection, connection.begin() as transaction:
        index_documents(connection, [doc])
        assert ids(search(connection, char, types=["prop"])) == ["y"]
        transaction.rollback()


def test_pages_of_a_common_term_put_every_title_hit_first() -> None:
    # 60 titles and 200 bodies hold 巡察: the first page is ranked among titles alone, the
    # second page reaches past them and must continue with body-only hits, none repeated.
    engine = make_engine()
    with engine.connect() as connection, connection.begin():
        create_search_schema(connection)
        docs = [
            SearchDoc("letter", f"t{i}", f"巡察组第{i}号工作", "正文无关", None, None, None)
            for i in range(60)
        ] + [
            SearchDoc("letter", f"b{i}", f"来信第{i}号", "反映巡察期间的问题", None, None, None)
            for i in range(200)
        ]
        index_documents(connection, docs)
        first = search(connection, "巡察", limit=50)
        second = search(connection, "巡察", limit=50, offset=50)
    assert [h.record_id[0] for h in first] == ["t"] * 50
    assert [h.record_id[0] for h in second] == ["t"] * 10 + ["b"] * 40
    assert not {h.record_id for h in first} & {h.record_id for h in second}
