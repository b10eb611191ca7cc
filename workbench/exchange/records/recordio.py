"""Records as they travel: one JSON object per aggregate, validated against a strict schema that
is derived from the SQLAlchemy models (so a new column is covered without a second list).

``{"type", "id", "base", "fields", "stamps", "children"}``: ``type`` is the table name,
``fields`` holds every column but the stamps, ``stamps`` those (version, created/updated by and
at, origin device), ``children`` the child rows of the aggregate (transcript turns, sign-offs,
portrait items) without their parent key, sorted by id. ``base`` is the version the
sender started from when it got the record from the office (null if it made the record).
The content hash leaves the stamps out, so equal content is recognised whoever saved it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from workbench.exchange import strict
from workbench.exchange.canonical import StrictJSONError, canonical_json
from workbench.exchange.records.columns import check_fields, to_wire
from workbench.models import (
    RECORD_MODELS,
    Finding,
    FindingSignoff,
    Interview,
    InterviewTurn,
    Portrait,
    PortraitItem,
)
from workbench.models.base import Base
from workbench.models.fieldrules import INT32_MAX, column_specs
from workbench.models.fieldrules import ColumnSpec as ColumnSpec  # the package schema's unit

NOT_CANONICAL = "不是规范 JSON（键的顺序、空白、转义、数字写法或重复的键）"
STAMP_ORDER = ("created_at", "created_by", "origin_device", "updated_at", "updated_by", "version")
STAMPS = frozenset(STAMP_ORDER)

MODELS: dict[str, type[Base]] = {m.__tablename__: m for m in RECORD_MODELS}
_TYPE_JSON = {name: canonical_json(name) for name in MODELS}
# parent model → (relationship, child model, parent key column)
CHILDREN: dict[type[Base], tuple[str, type[Base], str]] = {
    Interview: ("turns", InterviewTurn, "interview_id"),
    Finding: ("signoffs", FindingSignoff, "finding_id"),
    Portrait: ("items", PortraitItem, "portrait_id"),
}
# How sent attachments are named in the field's ``exchange_sent`` (a record type no table uses).
ATTACHMENT_TYPE = "attachments"
# Columns that hold attachment addresses (a list column holds several).
ATTACHMENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "interviews": ("confirmation_sha256",),
    "letters": ("original_sha256",),
    "evidence": ("attachment_sha256",),
    "reports": ("attachment_sha256",),
    "rectifications": ("evidence_sha256",),
    "rectification_documents": ("attachment_sha256",),
}


SCHEMAS: dict[type[Base], tuple[ColumnSpec, ...]] = {m: column_specs(m) for m in RECORD_MODELS}
# On the wire a record's stamps travel apart from its content (what the content hash covers).
CONTENT_SCHEMAS = {
    m: tuple(s for s in specs if s.name not in STAMPS) for m, specs in SCHEMAS.items()
}
STAMP_SCHEMAS = {m: tuple(s for s in specs if s.name in STAMPS) for m, specs in SCHEMAS.items()}
assert all({s.name for s in specs} == STAMPS for specs in STAMP_SCHEMAS.values())
CHILD_SCHEMAS: dict[type[Base], tuple[ColumnSpec, ...]] = {
    child: column_specs(child, skip=fk) for _rel, child, fk in CHILDREN.values()
}


# -- rows → package form ----------------------------------------------------------------------


def row_fields(row: Any, specs: tuple[ColumnSpec, ...]) -> dict[str, Any]:
    return {s.name: to_wire(s, getattr(row, s.name)) for s in specs}


@dataclass(frozen=True)
class PackageRecord:
    """``fields`` holds every column, stamps included; on the wire the stamps travel apart."""

    type: str
    id: str
    version: int
    hash: str
    base: tuple[int, str] | None
    fields: dict[str, Any]
    children: dict[str, list[dict[str, Any]]]
    line: bytes = field(default=b"", compare=False, repr=False)  # canonical JSON, when known

    def canonical_line(self) -> bytes:
        """Its canonical JSON: the line it was read or made with, else encoded now."""
        return self.line or canonical_json(self.to_json())

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "id": self.id,
            "base": _base_json(self.base),
            "fields": {k: v for k, v in self.fields.items() if k not in STAMPS},
            "stamps": {k: v for k, v in self.fields.items() if k in STAMPS},
            "children": self.children,
        }

    @property
    def deleted(self) -> bool:
        return self.fields.get("deleted_at") is not None

    def attachment_refs(self) -> set[str]:
        refs: set[str] = set()
        for name in ATTACHMENT_COLUMNS.get(self.type, ()):
            value = self.fields.get(name)
            if isinstance(value, list):
                refs.update(v for v in value if isinstance(v, str))
            elif isinstance(value, str):
                refs.add(value)
        return refs


def _base_json(base: tuple[int, str] | None) -> dict[str, Any] | None:
    return None if base is None else {"version": base[0], "hash": base[1]}


def type_tail(record_type: str) -> bytes:
    """How the hashed body and the line both end: ``,"type":"…"}``."""
    return b',"type":' + _TYPE_JSON[record_type] + b"}"


def join_line(record_type: str, base: tuple[int, str] | None, inner: bytes, stamps: bytes) -> bytes:
    """The canonical line around ``inner``, the encoded ``"children":…,"fields":…,"id":…``
    members of the hashed body, and the encoded ``stamps``."""
    head = b"null" if base is None else canonical_json(_base_json(base))
    return b"".join((b'{"base":', head, b",", inner, b',"stamps":', stamps, type_tail(record_type)))


def _encode(
    record_type: str,
    record_id: str,
    base: tuple[int, str] | None,
    content: dict[str, Any],
    stamps: dict[str, Any],
    children: dict[str, Any],
) -> tuple[str, bytes]:
    """The content hash and the record's canonical line, from ONE encoding of the content: the
    hashed body ``{"children","fields","id","type"}`` is the line without ``base`` and
    ``stamps``, which sort around it (base < children … id < stamps < type)."""
    body = canonical_json(
        {"children": children, "fields": content, "id": record_id, "type": record_type}
    )
    inner = body[1 : len(body) - len(type_tail(record_type))]
    line = join_line(record_type, base, inner, canonical_json(stamps))
    return hashlib.sha256(body).hexdigest(), line


def make_record(
    record_type: str,
    record_id: str,
    base: tuple[int, str] | None,
    fields: dict[str, Any],
    children: dict[str, list[dict[str, Any]]],
) -> PackageRecord:
    content = fields.copy()
    stamps = {name: content.pop(name) for name in STAMP_ORDER}
    digest, line = _encode(record_type, record_id, base, content, stamps, children)
    version = fields["version"]
    return PackageRecord(record_type, record_id, version, digest, base, fields, children, line)


def serialize(row: Any, base: tuple[int, str] | None = None) -> PackageRecord:
    model = type(row)
    fields = row_fields(row, SCHEMAS[model])
    children: dict[str, list[dict[str, Any]]] = {}
    if model in CHILDREN:
        rel, child, _fk = CHILDREN[model]
        items = [row_fields(c, CHILD_SCHEMAS[child]) for c in getattr(row, rel)]
        children[rel] = sorted(items, key=lambda c: str(c["id"]))
    return make_record(model.__tablename__, row.id, base, fields, children)


def stored_record(
    session: Session,
    model: type[Base],
    record_id: str,
    bases: Mapping[tuple[str, str], tuple[int, str]],
) -> PackageRecord:
    """The record as the export sends it: with the base the office holds, if older."""
    row: Any = session.get(model, record_id)
    base = bases.get((model.__tablename__, record_id))
    return serialize(row, base if base and base[0] < row.version else None)


# -- package form → validated record ----------------------------------------------------------


def parse_record(raw: Any, path: str, line: bytes | None = None) -> PackageRecord:
    """Validate one record in wire form; with ``line``, the bytes it was read from must be
    exactly its canonical JSON (no duplicate keys, whitespace, other escapes or number forms)."""
    o = strict.obj(raw, path, ("type", "id", "base", "fields", "stamps", "children"))
    record_type = strict.text(o["type"], f"{path}.type", 32)
    model = MODELS.get(record_type)
    if model is None:
        raise StrictJSONError("未知的记录类型", f"{path}.type")
    record_id = strict.uuid_text(o["id"], f"{path}.id")
    content = check_fields(o["fields"], CONTENT_SCHEMAS[model], f"{path}.fields")
    stamps = check_fields(o["stamps"], STAMP_SCHEMAS[model], f"{path}.stamps")
    if content["id"] != record_id:
        raise StrictJSONError("记录 id 与字段不一致", f"{path}.fields.id")
    version = strict.integer(stamps["version"], f"{path}.stamps.version", 1, INT32_MAX)
    if content["secrecy"] not in ("work_secret", "internal"):
        raise StrictJSONError("密级不是允许的取值", f"{path}.fields.secrecy")
    children: dict[str, list[dict[str, Any]]] = {}
    if model in CHILDREN:
        rel, child, _fk = CHILDREN[model]
        c = strict.obj(o["children"], f"{path}.children", (rel,))
        items = strict.array(c[rel], f"{path}.children.{rel}", 10_000)
        parsed = [
            check_fields(item, CHILD_SCHEMAS[child], f"{path}.children.{rel}[{i}]")
            for i, item in enumerate(items)
        ]
        for i, item in enumerate(parsed):
            strict.uuid_text(item["id"], f"{path}.children.{rel}[{i}].id")
        ids = [str(item["id"]) for item in parsed]
        if ids != sorted(set(ids)):
            raise StrictJSONError("子记录应按 id 排序且不重复", f"{path}.children.{rel}")
        children[rel] = parsed
    else:
        strict.obj(o["children"], f"{path}.children", ())
    base = None
    if o["base"] is not None:
        b = strict.obj(o["base"], f"{path}.base", ("version", "hash"))
        base = (
            strict.integer(b["version"], f"{path}.base.version", 1, version - 1),
            strict.hex64(b["hash"], f"{path}.base.hash"),
        )
    try:
        digest, canonical = _encode(record_type, record_id, base, content, stamps, children)
    except (UnicodeEncodeError, ValueError):  # a lone surrogate
        raise StrictJSONError("字符串含无效字符", path) from None
    if line is not None and canonical != line:
        raise StrictJSONError(NOT_CANONICAL, path)
    fields = {**content, **stamps}
    return PackageRecord(record_type, record_id, version, digest, base, fields, children, canonical)
