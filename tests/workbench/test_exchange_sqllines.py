"""sqllines has SQLite render each column of a record's line. Property: for any stored value, the
rendering is exactly what rowdump gives (its conversion, then canonical JSON), or it carries the
ODD mark that sends the record through rowdump; and for every value the app itself stores (JSON
written by ``compact_json`` or by older versions' ``json.dumps``, datetimes with microseconds)
it is never ODD, so the fast path is the one taken."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workbench import rowdump_oracle as rowdump
from workbench.exchange.canonical import canonical_json
from workbench.exchange.records.sqllines import ODD, column_sql
from workbench.models.fieldrules import ColumnSpec
from workbench.store.engine import compact_json
from workbench.vocab.enums import LetterStatus

TEXT = st.text(max_size=12)  # no lone surrogates by default: SQLite holds UTF-8
INT = st.integers(-(2**63), 2**63 - 1)
FLAT = st.none() | st.booleans() | INT | TEXT
OBJECT = st.dictionaries(TEXT, FLAT, max_size=5)
APP_LIST = st.lists(FLAT | OBJECT, max_size=5)  # what the app's list columns hold
ANY_JSON = st.recursive(
    FLAT | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
SPELLINGS = [
    compact_json,  # today's columns
    json.dumps,  # older columns: ASCII escapes and spaces
    lambda v: json.dumps(v, ensure_ascii=False, indent=1),
]


@pytest.fixture(scope="module")
def conn() -> Iterator[sqlite3.Connection]:
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    yield connection
    connection.close()


def _sql(conn: Any, spec: ColumnSpec, stored: Any) -> bytes:
    sql = f"SELECT json_object('v', {column_sql(spec, 'c')}) FROM (SELECT ? AS c)"
    (text,) = conn.execute(sql, (stored,)).fetchone()
    return str(text).encode()


def _rowdump(spec: ColumnSpec, stored: Any) -> bytes | None:
    """rowdump's value in canonical JSON; None when rowdump refuses it."""
    convert = rowdump._converter(spec)
    try:
        value = stored if stored is None or convert is None else convert(stored)
        return canonical_json({"v": value})
    except (ValueError, TypeError):
        return None


def _check(conn: Any, spec: ColumnSpec, stored: Any, *, must_be_fast: bool) -> None:
    got = _sql(conn, spec, stored)
    expected = _rowdump(spec, stored)
    if ODD in got:
        assert not must_be_fast or (expected is not None and ODD in expected), (stored, got)
    else:
        assert got == expected, (stored, got, expected)


LIST = ColumnSpec("reported_persons", "list", nullable=True)
DICT = ColumnSpec("extra", "dict", nullable=True)


@settings(max_examples=300, deadline=None)
@given(value=APP_LIST, spelling=st.sampled_from(SPELLINGS))
def test_app_lists_render_exactly(conn: Any, value: list[Any], spelling: Any) -> None:
    _check(conn, LIST, spelling(value), must_be_fast=True)


@settings(max_examples=200, deadline=None)
@given(value=OBJECT, spelling=st.sampled_from(SPELLINGS))
def test_app_objects_render_exactly(conn: Any, value: dict[str, Any], spelling: Any) -> None:
    _check(conn, DICT, spelling(value), must_be_fast=True)


@settings(max_examples=300, deadline=None)
@given(value=ANY_JSON, spelling=st.sampled_from(SPELLINGS), kind=st.sampled_from([LIST, DICT]))
def test_any_json_is_exact_or_odd(conn: Any, value: Any, spelling: Any, kind: ColumnSpec) -> None:
    _check(conn, kind, spelling(value), must_be_fast=False)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40))
def test_text_is_quoted_as_json_dumps(conn: Any, text: str) -> None:
    _check(conn, ColumnSpec("summary", "str", nullable=True), text, must_be_fast=True)


@settings(max_examples=200, deadline=None)
@given(moment=st.datetimes(min_value=datetime(1000, 1, 1)))
def test_stored_datetimes_render_as_isoformat(conn: Any, moment: datetime) -> None:
    stored = moment.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite DateTime form
    _check(conn, ColumnSpec("received_at", "datetime", nullable=True), stored, must_be_fast=True)


@pytest.mark.parametrize(
    ("spec", "stored"),
    [
        (ColumnSpec("received_at", "datetime", nullable=True), "2026-01-02T03:04:05"),
        (ColumnSpec("received_at", "datetime", nullable=True), "2026-01-02 03:04:05"),
        (ColumnSpec("received_at", "datetime", nullable=True), "2026-02-30 03:04:05.000000"),
        (ColumnSpec("received_at", "datetime", nullable=True), "2026-01-02 24:00:00.000000"),
        (ColumnSpec("received_at", "datetime", nullable=True), "2026-01-02 03:04:05.100000"),
        (ColumnSpec("received_at", "datetime", nullable=True), None),
        (ColumnSpec("meeting_date", "date", nullable=True), "2026-02-30"),
        (ColumnSpec("meeting_date", "date", nullable=True), "2026-2-3"),
        (ColumnSpec("meeting_date", "date", nullable=True), date(2026, 2, 3).isoformat()),
        (ColumnSpec("anonymous", "bool", nullable=True), 0),
        (ColumnSpec("anonymous", "bool", nullable=True), 1),
        (ColumnSpec("anonymous", "bool", nullable=True), 2),
        (ColumnSpec("anonymous", "bool", nullable=True), None),
        (ColumnSpec("version", "int", nullable=False), 7),
        (ColumnSpec("version", "int", nullable=False), 7.0),
        (ColumnSpec("version", "int", nullable=False), "7"),
        (ColumnSpec("summary", "str", nullable=True), 12),
        (ColumnSpec("summary", "str", nullable=True), 1.5),
        (ColumnSpec("summary", "str", nullable=True), "a\\u0041b"),  # the mark itself: exact too
        (ColumnSpec("reported_persons", "list", nullable=True), "[ ]"),
        (ColumnSpec("reported_persons", "list", nullable=True), '{"a": 1}'),
        (ColumnSpec("reported_persons", "list", nullable=True), "[[1]]"),
        (ColumnSpec("reported_persons", "list", nullable=True), '[{"a": {"b": 1}}]'),
        (ColumnSpec("reported_persons", "list", nullable=True), "[1.5]"),
        (ColumnSpec("extra", "dict", nullable=True), "[]"),
        (ColumnSpec("extra", "dict", nullable=True), '{"b": 1, "a": [true]}'),
    ],
)
def test_odd_stored_forms_are_exact_or_odd(conn: Any, spec: ColumnSpec, stored: Any) -> None:
    _check(conn, spec, stored, must_be_fast=False)


def test_enum_codes_render_and_others_are_odd(conn: Any) -> None:
    spec = ColumnSpec(
        "status",
        "enum",
        nullable=False,
        enum=LetterStatus,
        codes=frozenset(m.value for m in LetterStatus),
    )
    for member in LetterStatus:
        _check(conn, spec, member.value, must_be_fast=True)
    assert ODD in _sql(conn, spec, "nonsense")
    assert _rowdump(spec, "nonsense") is None


def test_a_datetime_with_microseconds_keeps_them(conn: Any) -> None:
    spec = ColumnSpec("received_at", "datetime", nullable=True)
    assert _sql(conn, spec, "2026-01-02 03:04:05.000000") == b'{"v":"2026-01-02T03:04:05"}'
    assert _sql(conn, spec, "2026-01-02 03:04:05.250000") == b'{"v":"2026-01-02T03:04:05.250000"}'
