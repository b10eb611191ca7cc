"""Strict schema for records: wrong types, huge numbers, deep nesting, duplicate keys and the
rest are refused with the store untouched; hostile-looking text is stored verbatim."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    add_attachment,
    add_evidence,
    add_finding,
    add_interview,
    audit_actions,
    audit_head,
    content_digest,
    finding_record,
    forge,
    forge_team,
    get,
    manifest_doc,
    records_doc,
    world_in,
)
from workbench import exchange as ex
from workbench.errors import WorkbenchError
from workbench.exchange.errors import BadRecords, MissingAttachment, OutOfRound
from workbench.exchange.records.recordio import serialize
from workbench.models import Finding, Interview


@pytest.fixture(scope="module")
def w(
    tmp_path_factory: pytest.TempPathFactory, exchange_world_template: WorldTemplate
) -> Iterator[World]:
    """One world for the module: every case is a refusal that must leave it unchanged, so the
    cases can share it (and an accumulation of refusals is checked along the way)."""
    with world_in(exchange_world_template, tmp_path_factory.mktemp("schema")) as world:
        yield world


@pytest.fixture
def base(w: World) -> dict[str, Any]:
    """A genuine finding of device A in package form (made once; the office has never seen it)."""
    return copy.deepcopy(
        w.cached(
            "finding",
            lambda w: finding_record(w, w.a, add_finding(w.a, w.round_id, title="真实底稿")),
        )
    )


def refused(w: World, path: Path, expected: type[WorkbenchError] = BadRecords) -> WorkbenchError:
    before, seq = content_digest(w.office), audit_head(w.office)
    with pytest.raises(expected) as info:
        ex.import_package(w.office, path)
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject"]
    return info.value


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(rec: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node = rec
        for p in parents:
            node = node[p]
        node[last] = value

    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(rec: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node = rec
        for p in parents:
            node = node[p]
        del node[last]

    return change


CASES: dict[str, Callable[[dict[str, Any]], None]] = {
    "text as number": _set("fields.title", 12345),
    "number as text": _set("stamps.version", "3"),
    "bool as number": _set("fields.immediate_fix", 1),
    "number as bool": _set("fields.amount_fen", True),
    "list as object": _set("fields.disciplines", {"a": 1}),
    "null where required": _set("fields.title", None),
    "huge number": _set("fields.amount_fen", 2**63),
    "huge 32-bit column": _set("stamps.version", 2**31),
    "negative version": _set("stamps.version", 0),
    "bad enum": _set("fields.status", "finished"),
    "bad secrecy": _set("fields.secrecy", "top_secret"),
    "bad date": _set("fields.compiled_on", "2026-02-30"),
    "bad datetime": _set("stamps.created_at", "2026-03-01 10:00"),
    "zoned datetime": _set("stamps.created_at", "2026-03-01T10:00:00+08:00"),
    "id not a uuid": _set("id", "../../etc/passwd"),
    "id mismatch": _set("fields.id", "00000000-0000-4000-8000-000000000000"),
    "unknown type": _set("type", "users"),
    "unknown field": _set("fields.is_admin", True),
    "missing field": _drop("fields.summary"),
    "unknown top-level key": _set("extra", 1),
    "too long": _set("fields.title", "长" * 201),
    "nul in text": _set("fields.summary", "a\x00b"),
    "bad attachment address": _set("fields.source_refs", [{"type": "x", "id": 1.5}]),
    "base not below version": _set("base", {"version": 99, "hash": "0" * 64}),
    "deep nesting": _set("fields.source_refs", [json.loads("[" * 40 + "]" * 40)]),
    "children on a childless type": _set("children", {"turns": []}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_strict_schema_violations(w: World, base: dict[str, Any], case: str) -> None:
    rec = copy.deepcopy(base)
    CASES[case](rec)
    error = refused(w, forge_team(w, w.dir / "bad.wbp", [rec]))
    assert error.code == "WB-PKG-RECORDS" or case == "unknown type"


def _raw(w: World, name: str, records_json: bytes, counts: dict[str, int]) -> Path:
    dk = w.keys_of("a")
    doc = manifest_doc(dk, w.round_id, records_json, counts=counts)
    return forge(
        w.dir / name,
        doc,
        [records_json],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )


def _doc_text(base: dict[str, Any]) -> str:
    """The records blob of ``base`` as text: the header line and the record's canonical line."""
    return records_doc([base]).decode("utf-8")


# The mangles edit canonical text (no space after ':'); each must be refused on its own.
@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t.replace('"title":"真实底稿"', '"title":"真实底稿","title":"改过的标题"'),
        lambda t: t.replace('"amount_fen":null', '"amount_fen":1.5'),
        lambda t: t.replace('"amount_fen":null', '"amount_fen":NaN'),
        lambda t: t.replace('"amount_fen":null', '"amount_fen":-Infinity'),
        lambda t: t.replace('"amount_fen":null', '"amount_fen":1' + "0" * 40),
        lambda t: t.replace('"source_refs":[]', '"source_refs":' + "[" * 100_000 + "]" * 100_000),
        lambda t: t.replace('"summary":""', '"summary":"\\ud800"'),
        lambda t: t.encode("utf-16").decode("latin-1"),
        lambda t: t[:-1] + "{}\n",
        lambda t: t.replace('"summary":""', '"summary": ""'),
        lambda t: t.replace('"summary":""', '"summary":"\\u4e2d"'),
        lambda t: t.replace('"amount_fen":null', '"amount_fen":-0'),
        lambda t: t[:-1],
        lambda t: t + "\n",
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.split("\n", 1)[1],
        lambda t: t.replace('"version":2', '"version":1'),
    ],
    ids=[
        "duplicate key",
        "float",
        "NaN",
        "Infinity",
        "40 digits",
        "100000 deep",
        "surrogate",
        "utf-16",
        "two documents on a line",
        "whitespace",
        "needless escape",
        "minus zero",
        "no final newline",
        "blank line",
        "CRLF",
        "no header",
        "records format 1",
    ],
)
def test_raw_json_violations(w: World, base: dict[str, Any], mangle: Callable[[str], str]) -> None:
    text = _doc_text(base)
    mangled = mangle(text)
    assert mangled != text
    refused(w, _raw(w, "raw.wbp", mangled.encode("utf-8", "surrogatepass"), {"findings": 1}))


def test_the_unmangled_text_is_accepted(w: World, base: dict[str, Any]) -> None:
    """The mangles above start from a valid package: it is their change that is refused."""
    path = _raw(w, "ok.wbp", _doc_text(base).encode("utf-8"), {"findings": 1})
    report = ex.verify_package(w.office, path)
    assert (report.verdict, report.counts) == ("ok", {"findings": 1})


def test_a_record_of_another_round_is_refused(w: World, base: dict[str, Any]) -> None:
    rec = copy.deepcopy(base)
    rec["fields"]["round_id"] = "00000000-0000-4000-8000-000000000009"
    refused(w, forge_team(w, w.dir / "r.wbp", [rec]), OutOfRound)


def test_a_record_twice_in_one_package_is_refused(w: World, base: dict[str, Any]) -> None:
    again = copy.deepcopy(base)
    error = refused(w, forge_team(w, w.dir / "twice.wbp", [base, again]))
    assert "两次" in error.message and error.details["path"] == "$[1]"
    again["fields"]["title"] = "另一个版本"  # the same record, other content: still twice
    refused(w, forge_team(w, w.dir / "twice2.wbp", [base, again]))


def test_a_missing_attachment_is_refused(w: World) -> None:
    sha = add_attachment(w.a)
    finding = add_finding(w.a, w.round_id)
    evidence = add_evidence(w.a, w.round_id, finding, sha)
    from workbench.models import Evidence

    with w.a.read() as s:
        rec = serialize(s.get(Evidence, evidence)).to_json()
    refused(w, forge_team(w, w.dir / "m.wbp", [rec]), MissingAttachment)


def test_children_must_be_sorted_and_unique(w: World) -> None:
    interview = add_interview(w.a, w.round_id, turns=2)
    with w.a.read() as s:
        rec = serialize(s.get(Interview, interview)).to_json()
    rec["children"]["turns"].reverse()
    refused(w, forge_team(w, w.dir / "c.wbp", [rec]))
    rec["children"]["turns"] = [rec["children"]["turns"][0]] * 2
    refused(w, forge_team(w, w.dir / "d.wbp", [rec]))


HOSTILE = [
    "'; DROP TABLE findings; --",
    "Robert'); DELETE FROM audit_log WHERE ('1'='1",
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "&lt;b&gt; ${jndi:ldap://x} {{7*7}} %s%n",
]


def test_sql_and_html_looking_text_is_stored_verbatim(w: World, base: dict[str, Any]) -> None:
    records = []
    for i, text in enumerate(HOSTILE):
        rec = copy.deepcopy(base)
        rec["id"] = rec["fields"]["id"] = f"00000000-0000-4000-8000-00000000000{i}"
        rec["fields"]["title"] = text[:200]
        rec["fields"]["summary"] = text
        records.append(rec)
    ex.import_package(w.office, forge_team(w, w.dir / "h.wbp", records))
    for rec in records:
        row = get(w.office, Finding, rec["id"])
        assert (row.title, row.summary) == (rec["fields"]["title"], rec["fields"]["summary"])
    with w.office.read() as s:
        assert s.get(Finding, base["id"]) is None  # the genuine one was not in this package
