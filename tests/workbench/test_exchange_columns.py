"""The table of column kinds: every kind a model column has is in it, and for each kind an ORM
value goes to the wire, passes the check and comes back equal; a wrong value is refused with
its column and the place inside it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from workbench.exchange.canonical import StrictJSONError
from workbench.exchange.records.columns import KINDS, check_fields, from_wire, to_wire
from workbench.exchange.records.recordio import CHILD_SCHEMAS, SCHEMAS
from workbench.models.fieldrules import ColumnSpec
from workbench.vocab.enums import LetterStatus

STATUS = ColumnSpec(
    "status", "enum", False, enum=LetterStatus, codes=frozenset(m.value for m in LetterStatus)
)
SAMPLES: list[tuple[ColumnSpec, Any, Any]] = [  # spec, ORM value, wire value
    (ColumnSpec("summary", "str", True), "反映“资金”\t去向", "反映“资金”\t去向"),
    (ColumnSpec("version", "int", False, lo=1, hi=9), 7, 7),
    (ColumnSpec("anonymous", "bool", True), False, False),
    (
        ColumnSpec("received_at", "datetime", True),
        datetime(2026, 3, 1, 9, 30),
        "2026-03-01T09:30:00",
    ),
    (ColumnSpec("meeting_date", "date", True), date(2026, 3, 5), "2026-03-05"),
    (STATUS, LetterStatus.REGISTERED, "registered"),
    (ColumnSpec("reported_persons", "list", True), [{"name": "康兰"}], [{"name": "康兰"}]),
    (ColumnSpec("extra", "dict", True), {"层级": [1, None]}, {"层级": [1, None]}),
]


def test_every_model_column_has_a_kind() -> None:
    specs = [s for table in (*SCHEMAS.values(), *CHILD_SCHEMAS.values()) for s in table]
    assert {s.kind for s in specs} == set(KINDS) == {spec.kind for spec, _o, _w in SAMPLES}


@pytest.mark.parametrize(("spec", "orm", "wire"), SAMPLES, ids=lambda v: getattr(v, "kind", ""))
def test_a_value_travels_and_comes_back(spec: ColumnSpec, orm: Any, wire: Any) -> None:
    assert to_wire(spec, orm) == wire
    assert check_fields({spec.name: wire}, (spec,), "$.fields") == {spec.name: wire}
    assert from_wire(spec, wire) == orm and type(from_wire(spec, wire)) is type(orm)
    assert to_wire(spec, None) is None and from_wire(spec, None) is None


@pytest.mark.parametrize(
    ("spec", "value", "path", "reason"),
    [
        (ColumnSpec("summary", "str", True), "a\x00b", "$.fields.summary", "含 NUL 字符"),
        (ColumnSpec("letter_id", "str", True), "a\tb", "$.fields.letter_id", "含控制字符"),
        (ColumnSpec("file_sha256", "str", True), "ab", "$.fields.file_sha256", "格式不正确"),
        (ColumnSpec("version", "int", False, lo=1, hi=9), True, "$.fields.version", "应为整数"),
        (ColumnSpec("version", "int", False, lo=1, hi=9), 10, "$.fields.version", "超出范围 1..9"),
        (ColumnSpec("version", "int", False), None, "$.fields.version", "不能为空"),
        (ColumnSpec("anonymous", "bool", True), 1, "$.fields.anonymous", "应为 true 或 false"),
        (
            ColumnSpec("at", "datetime", True),
            "2026-02-30T00:00:00",
            "$.fields.at",
            "日期时间不存在",
        ),
        (ColumnSpec("on", "date", True), "0001-01-01", "$.fields.on", "超出允许范围"),
        (STATUS, "nonsense", "$.fields.status", "不是允许的取值"),
        (ColumnSpec("extra", "dict", True), [], "$.fields.extra", "应为对象"),
        (ColumnSpec("persons", "list", True), [{"名": "\x00"}], "$.fields.persons[0].名", "NUL"),
    ],
)
def test_a_bad_value_is_refused_where_it_is(
    spec: ColumnSpec, value: Any, path: str, reason: str
) -> None:
    with pytest.raises(StrictJSONError) as caught:
        check_fields({spec.name: value}, (spec,), "$.fields")
    assert caught.value.path == path and reason in caught.value.reason
