"""Records as they travel: one JSON object per aggregate, validated against a strict schema that
is derived from the SQLAlchemy models (so a new column is covered without a second list).

``{"type", "id", "base", "fields", "children"}``: ``type`` is the table name, ``fields`` holds
every column (stamps included), ``children`` the child rows of the aggregate (transcript turns,
sign-offs, portrait items) without their parent key, sorted by id. ``base`` is the version the
sender started from when it got the record from the office (null if it made the record).
The content hash leaves the stamps out, so equal content is recognised whoever saved it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.types import JSON

from workbench.exchange import strict
from workbench.exchange.canonical import INT_MAX, INT_MIN, StrictJSONError, canonical_json
from workbench.models import (
    RECORD_MODELS,
    Finding,
    FindingSignoff,
    Interview,
    InterviewTurn,
    Portrait,
    PortraitItem,
)
from workbench.models.base import Base, EnumCode

STAMPS = frozenset(
    {"version", "created_by", "created_at", "updated_by", "updated_at", "origin_device"}
)
MAX_TEXT = 1_000_000
INT32 = (-(2**31), 2**31 - 1)

MODELS: dict[str, type[Base]] = {m.__tablename__: m for m in RECORD_MODELS}
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
}


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str  # str | int | bool | datetime | date | list | dict | enum
    nullable: bool
    max_len: int = MAX_TEXT
    lo: int = INT_MIN
    hi: int = INT_MAX
    enum: type[Enum] | None = None


def _annotation(model: type[Base], name: str) -> str:
    for cls in model.__mro__:
        note = getattr(cls, "__annotations__", {}).get(name)
        if note is not None:
            return str(note)
    return ""


def _spec(model: type[Base], col: Any) -> ColumnSpec:
    t, nullable = col.type, bool(col.nullable)
    if isinstance(t, EnumCode):
        return ColumnSpec(col.name, "enum", nullable, enum=t.enum_cls)
    if isinstance(t, Boolean):
        return ColumnSpec(col.name, "bool", nullable)
    if isinstance(t, BigInteger):
        return ColumnSpec(col.name, "int", nullable)
    if isinstance(t, Integer):
        return ColumnSpec(col.name, "int", nullable, lo=INT32[0], hi=INT32[1])
    if isinstance(t, DateTime):
        return ColumnSpec(col.name, "datetime", nullable)
    if isinstance(t, Date):
        return ColumnSpec(col.name, "date", nullable)
    if isinstance(t, JSON):
        kind = "dict" if "Mapped[dict" in _annotation(model, col.key) else "list"
        return ColumnSpec(col.name, kind, nullable)
    if isinstance(t, String) and not isinstance(t, Text) and t.length:
        return ColumnSpec(col.name, "str", nullable, max_len=t.length)
    if isinstance(t, String):
        return ColumnSpec(col.name, "str", nullable)
    raise TypeError(f"no package schema for {model.__name__}.{col.name}: {t!r}")


def _specs(model: type[Base], skip: str | None = None) -> tuple[ColumnSpec, ...]:
    return tuple(_spec(model, c) for c in model.__table__.columns if c.name != skip)


SCHEMAS: dict[type[Base], tuple[ColumnSpec, ...]] = {m: _specs(m) for m in RECORD_MODELS}
CHILD_SCHEMAS: dict[type[Base], tuple[ColumnSpec, ...]] = {
    child: _specs(child, skip=fk) for _rel, child, fk in CHILDREN.values()
}


# -- rows → package form ----------------------------------------------------------------------


def _out(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_fields(row: Any, specs: tuple[ColumnSpec, ...]) -> dict[str, Any]:
    return {s.name: _out(getattr(row, s.name)) for s in specs}


@dataclass(frozen=True)
class PackageRecord:
    type: str
    id: str
    version: int
    hash: str
    base: tuple[int, str] | None
    fields: dict[str, Any]
    children: dict[str, list[dict[str, Any]]]

    def to_json(self) -> dict[str, Any]:
        base = None if self.base is None else {"version": self.base[0], "hash": self.base[1]}
        return {
            "type": self.type,
            "id": self.id,
            "base": base,
            "fields": self.fields,
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


def content_hash(
    record_type: str, record_id: str, fields: dict[str, Any], children: dict[str, Any]
) -> str:
    body = {
        "type": record_type,
        "id": record_id,
        "fields": {k: v for k, v in fields.items() if k not in STAMPS},
        "children": children,
    }
    return hashlib.sha256(canonical_json(body)).hexdigest()


def serialize(row: Any, base: tuple[int, str] | None = None) -> PackageRecord:
    model = type(row)
    fields = row_fields(row, SCHEMAS[model])
    children: dict[str, list[dict[str, Any]]] = {}
    if model in CHILDREN:
        rel, child, _fk = CHILDREN[model]
        items = [row_fields(c, CHILD_SCHEMAS[child]) for c in getattr(row, rel)]
        children[rel] = sorted(items, key=lambda c: str(c["id"]))
    record_type = model.__tablename__
    digest = content_hash(record_type, row.id, fields, children)
    return PackageRecord(record_type, row.id, row.version, digest, base, fields, children)


# -- package form → validated record ----------------------------------------------------------


def _value(spec: ColumnSpec, value: Any, path: str) -> Any:
    if value is None:
        if not spec.nullable:
            raise StrictJSONError("不能为空", path)
        return None
    if spec.kind == "str":
        s = strict.text(value, path, spec.max_len)
        if spec.name.endswith("sha256"):
            strict.hex64(s, path)
        elif spec.name == "id" or spec.name.endswith("_id"):
            strict.text(s, path, spec.max_len, allow_control=False)
        return s
    if spec.kind == "int":
        return strict.integer(value, path, spec.lo, spec.hi)
    if spec.kind == "bool":
        return strict.boolean(value, path)
    if spec.kind == "datetime":
        strict.timestamp(value, path)
        return value
    if spec.kind == "date":
        strict.day(value, path)
        return value
    if spec.kind == "enum":
        assert spec.enum is not None
        codes = {m.value for m in spec.enum}
        if not isinstance(value, str) or value not in codes:
            raise StrictJSONError("不是允许的取值", path)
        return value
    if spec.kind == "list" and not isinstance(value, list):
        raise StrictJSONError("应为数组", path)
    if spec.kind == "dict" and not isinstance(value, dict):
        raise StrictJSONError("应为对象", path)
    return strict.json_value(value, path)


def _fields(raw: Any, specs: tuple[ColumnSpec, ...], path: str) -> dict[str, Any]:
    o = strict.obj(raw, path, [s.name for s in specs])
    return {s.name: _value(s, o[s.name], f"{path}.{s.name}") for s in specs}


def parse_record(raw: Any, path: str) -> PackageRecord:
    o = strict.obj(raw, path, ("type", "id", "base", "fields", "children"))
    record_type = strict.text(o["type"], f"{path}.type", 32)
    model = MODELS.get(record_type)
    if model is None:
        raise StrictJSONError("未知的记录类型", f"{path}.type")
    record_id = strict.uuid_text(o["id"], f"{path}.id")
    fields = _fields(o["fields"], SCHEMAS[model], f"{path}.fields")
    if fields["id"] != record_id:
        raise StrictJSONError("记录 id 与字段不一致", f"{path}.fields.id")
    version = strict.integer(fields["version"], f"{path}.fields.version", 1, INT32[1])
    if fields["secrecy"] not in ("work_secret", "internal"):
        raise StrictJSONError("密级不是允许的取值", f"{path}.fields.secrecy")
    children: dict[str, list[dict[str, Any]]] = {}
    if model in CHILDREN:
        rel, child, _fk = CHILDREN[model]
        c = strict.obj(o["children"], f"{path}.children", (rel,))
        items = strict.array(c[rel], f"{path}.children.{rel}", 10_000)
        parsed = [
            _fields(item, CHILD_SCHEMAS[child], f"{path}.children.{rel}[{i}]")
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
    digest = content_hash(record_type, record_id, fields, children)
    return PackageRecord(record_type, record_id, version, digest, base, fields, children)


def python_value(spec: ColumnSpec, value: Any) -> Any:
    """A validated package value as the ORM attribute wants it."""
    if value is None:
        return None
    if spec.kind == "datetime":
        return datetime.fromisoformat(value)
    if spec.kind == "date":
        return date.fromisoformat(value)
    if spec.kind == "enum":
        assert spec.enum is not None
        return spec.enum(value)
    return value
