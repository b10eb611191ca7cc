"""Lists put straight into a store, as an import would leave them: a ``DataSource`` and its
``DataRow``s with the typed columns filled and the cells as text (for the rule tests, which do
not need the file import)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from workbench.datacheck.kinds import FIELDS
from workbench.models.datalists import DataRow, DataSource
from workbench.vocab.enums import DataListKind


def add_list(
    session: Session,
    round_id: str,
    kind: DataListKind | str,
    label: str,
    rows: Sequence[Mapping[str, Any]],
    *,
    extra: Sequence[str] = ("备注",),
) -> str:
    """A list of ``kind`` with one row per mapping of field key → typed value (dates as
    ``date``, amounts in fen, areas in 亩 × 100); each row also gets ``extra`` columns, whose
    cells are ``备注-<row>`` (raw cells no rule matches on)."""
    kind = DataListKind.parse(str(kind))
    fields = FIELDS[kind]
    headers = [str(f.label) for f in fields] + list(extra)
    source = DataSource(
        round_id=round_id,
        kind=kind,
        label=label,
        file_name=f"{label}.xlsx",
        file_sha256=hashlib.sha256(label.encode()).hexdigest(),
        headers=headers,
        mapping={f.key: i for i, f in enumerate(fields)},
        row_count=len(rows),
    )
    session.add(source)
    session.flush()
    # With Core, as the import writes them: millions of rows are not audited one by one.
    records = []
    keys = {f.key for f in fields}
    for n, values in enumerate(rows, start=2):
        cells: list[str | None] = [_text(values.get(f.key)) for f in fields]
        cells += [f"{e}-{n}" for e in extra]
        assert set(values) <= keys, f"not fields of {kind.value}: {set(values) - keys}"
        columns = {f.column: values[f.key] for f in fields if f.key in values}
        records.append({"source_id": source.id, "row_no": n, "cells": cells, **columns})
    if records:
        session.execute(insert(DataRow), records)
    return source.id


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
