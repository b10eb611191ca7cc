"""Refuse at the flush any record field a package could not carry (``models/fieldrules.py``).

Services check what their users type, each in its own words; this hook is the floor under all
of them, so no service (nor a demo or a script) can store a NUL, a year 0001 or a float in a
JSON column that the office's importer would then refuse. Only new records and the fields that
changed are checked: a value stored before these rules does not block other edits, and fixing
it through the normal edit path passes. The package importer, which validated every field
against the same rules, sets ``preserve_stamps`` and is not checked twice.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models import RECORD_MODELS, FindingSignoff, InterviewTurn, PortraitItem
from workbench.models.base import Base
from workbench.models.fieldrules import ColumnSpec, column_specs, record_title, value_fault
from workbench.store.engine import compact_json
from workbench.vocab.labels import field_label

GUARDED: frozenset[type[Base]] = frozenset(
    (*RECORD_MODELS, InterviewTurn, FindingSignoff, PortraitItem)
)


def _stored(spec: ColumnSpec, value: Any) -> Any:
    """A JSON column's value as it will be read back (tuples become lists, and so on)."""
    if spec.kind not in ("list", "dict") or value is None:
        return value
    try:
        return json.loads(compact_json(value))
    except (TypeError, ValueError):
        return float("nan")  # not JSON: refused as "not a list/object"


def check_record(obj: Base, *, changed_only: bool) -> None:
    """Raise ValidationError naming the record and the field of the first value that breaks
    its column's rule."""
    state = inspect(obj)
    values = state.dict  # what was set (an unset column takes its default at the insert)
    originals = state.committed_state  # the loaded value of every attribute set since the load
    for spec in column_specs(type(obj)):
        name = spec.name
        if name not in values:
            continue
        if changed_only and (name not in originals or originals[name] == values[name]):
            continue
        fault = value_fault(spec, _stored(spec, values[name]))
        if fault is not None:
            table = str(obj.__tablename__)
            label = field_label(name)
            raise ValidationError(
                f"{record_title(table, values)}的“{label}”{fault}，请修改后再保存",
                field=name,
                record_type=table,
            )


@event.listens_for(Session, "before_flush")
def _guard(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("preserve_stamps"):
        return
    for obj in session.new:
        if type(obj) in GUARDED:
            check_record(obj, changed_only=False)
    for obj in session.dirty:
        if type(obj) in GUARDED:
            check_record(obj, changed_only=True)
