"""A conflict's versions as people read them: each field by its Chinese label, each value as it
would be written by hand (dates, enum labels, money with separators, 是/否), each reference by
the name of what it points to, each device by its enrolled name and team. The conflicts page and
``conflicts list``/``show`` print these texts; nothing here writes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.exchange.records.recordio import CHILDREN, MODELS
from workbench.i18n import N_
from workbench.models import Team
from workbench.models.exchange import DeviceScope, ExchangeDevice
from workbench.models.system import User
from workbench.vocab.labels import RECORD_LABELS, field_label

EMPTY = N_("（空）")
YES, NO = N_("是"), N_("否")
THIS_STORE = N_("本机（巡察办）")
UNKNOWN_DEVICE = N_("未登记的设备")
_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_NAME_FIELDS = ("name", "number", "title", "subject_name")
_MONEY_FIELDS = frozenset({"amount_fen"})


class Namer:
    """Names of the records, users and devices a conflict refers to, looked up once each."""

    def __init__(self, session: Session, office_device: str | None) -> None:
        self.session = session
        self.office_device = office_device
        self._names: dict[str, str] = {}

    def record(self, record_id: str) -> str:
        """What a person calls the record (or user) with this id: ``第一轮巡察``, ``XS-2026-0001``;
        the id's first characters only when nothing here holds it (a record not received yet)."""
        if record_id not in self._names:
            self._names[record_id] = self._lookup(record_id) or f"（未收到的记录 {record_id[:8]}）"
        return self._names[record_id]

    def _lookup(self, record_id: str) -> str | None:
        models: list[Any] = [*MODELS.values(), User]
        for model in models:
            row: Any = self.session.get(model, record_id)
            if row is None:
                continue
            fields = ("display_name",) if model is User else _NAME_FIELDS  # a user by name
            name = next((getattr(row, f) for f in fields if getattr(row, f, None)), None)
            return None if name is None else str(name)
        return None

    def device(self, device_id: str) -> str:
        """``本机（巡察办）`` or ``“张三的笔记本”（张三，第一巡察组）``: the enrolled name, its user
        and the teams its briefings named."""
        if device_id == self.office_device:
            return THIS_STORE
        key = f"device:{device_id}"
        if key not in self._names:
            row = self.session.get(ExchangeDevice, device_id)
            if row is None:
                self._names[key] = f"{UNKNOWN_DEVICE}（{device_id[:8]}）"
            else:
                teams = self.session.scalars(
                    select(Team.name)
                    .join(DeviceScope, DeviceScope.team_id == Team.id)
                    .where(DeviceScope.device_id == device_id)
                    .distinct()
                    .order_by(Team.name)
                ).all()
                who = "，".join([row.user_name, *teams])
                self._names[key] = f"“{row.display_name}”（{who}）"
        return self._names[key]


def field_name(record_type: str, name: str) -> str:
    return str(field_label(name, record_type))


def _moment(text: str) -> str | None:
    try:
        if "T" in text:
            return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")
        return date.fromisoformat(text).isoformat() if len(text) == 10 else None
    except ValueError:
        return None


def _plain(value: Any, namer: Namer) -> str:
    """A value as a person reads it: ids named, moments shortened, the rest as written."""
    if isinstance(value, str) and _UUID_RE.fullmatch(value):
        return namer.record(value)
    if isinstance(value, str):
        return _moment(value) or value
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list):
        return "、".join(_plain(v, namer) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{field_label(k)}：{_plain(v, namer)}" for k, v in value.items())
    return str(value)


def value_text(
    record_type: str, name: str, value: Any, fields: Mapping[str, Any], namer: Namer
) -> str:
    """One field's value of one version, as a person reads it."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if record_type == "data_hits" and name == "rows" and isinstance(value, list):
        return hit_rows_text(value)
    label = value_label(record_type, name, value, fields)
    if label is not None:
        return label
    if name in _MONEY_FIELDS and isinstance(value, int):  # never a bool: the int check refuses
        return f"{value / 100:,.2f} 元"
    return _plain(value, namer)


def value_label(
    record_type: str, field: str, value: Any, fields: Mapping[str, Any] | None = None
) -> str | None:
    """The Chinese label of a coded value (``township`` → 乡镇（街道）), so that a person
    comparing two versions reads words, not codes; None where the field holds no code. Enum
    columns are labelled by their enum, the secrecy by ``Secrecy``, a target's kind and sub-type
    by the taxonomy catalog (plain text columns: the codes are checked elsewhere). A sub-type
    code means something only under its kind, which ``fields`` (the same version's) gives."""
    from workbench.models.base import EnumCode
    from workbench.services.catalog import catalog
    from workbench.vocab.enums import Secrecy

    model = MODELS.get(record_type)
    column = model.__table__.columns.get(field) if model is not None else None
    if column is None or not isinstance(value, str) or not value:
        return None
    if record_type == "targets" and field in ("kind", "subtype"):
        kind_code = value if field == "kind" else str((fields or {}).get("kind") or "")
        kind = catalog().target_types().kind(kind_code)
        if kind is None:
            return None
        if field == "kind":
            return kind.title
        sub = kind.subtype(value)
        return sub.title if sub else None
    if field == "secrecy":
        enum_cls: Any = Secrecy
    elif isinstance(column.type, EnumCode):
        enum_cls = column.type.enum_cls
    else:
        return None
    try:
        return str(enum_cls(value).label)
    except ValueError:
        return None


def hit_rows_text(rows: list[Any]) -> str:
    """A hit's matched rows: each list and row with the fields the rule matched on
    (``低保/特困/临时救助名单·县民政局·第12行（姓名：李四，身份证号：…）``); the lists' other
    columns are left out, as they are for everyone not allowed to see raw rows."""
    from workbench.datacheck.evidence import row_heading, text

    parts = []
    for row in rows:
        if not isinstance(row, dict):
            parts.append(str(row))
            continue
        keys = row.get("key_fields") or {}
        pairs = (
            "，".join(f"{k}：{text(v)}" for k, v in keys.items()) if isinstance(keys, dict) else ""
        )
        parts.append(f"{row_heading(row)}（{pairs}）" if pairs else row_heading(row))
    return "；".join(parts)


def children_text(children: Mapping[str, list[Any]]) -> str:
    """A version's child rows (an interview's turns, a finding's sign-offs), counted by kind."""
    parts = []
    for rel, child, _fk in CHILDREN.values():
        items = children.get(rel)
        if items:
            table = child.__tablename__
            parts.append(f"{RECORD_LABELS.get(table, table)} {len(items)} 条")
    return "，".join(parts) or EMPTY
