"""A search's filters, one set of rules for both engines: each engine gives its SQL as data.

Which filters exist, when each applies and the open ends of a date range live here;
``searcher`` (SQLite) and ``postgres`` each hand over a ``FilterSql`` of their conditions and
how they bind the list-valued ones (SQLite has no arrays: JSON text it reads with ``json_each``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.search.model import Filters, iso_day

# ISO days compare as text; an open end of a range is a bound no day reaches. NULL never matches.
FIRST_DAY, LAST_DAY = "0000-00-00", "9999-99-99"

Keys = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class FilterSql:
    """One engine's condition for each filter, with ``:types``, ``:round_id``, ``:target_id``,
    ``:date_from``/``:date_to`` and ``:hidden`` bound to what ``bind_types``/``bind_hidden``
    make of the record types and the hidden (record_type, record_id) keys."""

    types: str
    round_id: str
    target_id: str
    dates: str
    hidden: str
    bind_types: Callable[[list[str]], Any]
    bind_hidden: Callable[[Keys], Any]


def conditions(sql: FilterSql, params: dict[str, Any], filters: Filters, hidden: Keys) -> list[str]:
    """The conditions ``filters`` and ``hidden`` ask for, in ``sql``'s dialect; their values go
    into ``params``."""
    types, round_id, target_id, date_from, date_to = filters
    where: list[str] = []
    if types is not None:
        params["types"] = sql.bind_types(types)
        where.append(sql.types)
    if round_id is not None:
        params["round_id"] = round_id
        where.append(sql.round_id)
    if target_id is not None:
        params["target_id"] = target_id
        where.append(sql.target_id)
    if date_from is not None or date_to is not None:
        params["date_from"] = iso_day(date_from) if date_from is not None else FIRST_DAY
        params["date_to"] = iso_day(date_to) if date_to is not None else LAST_DAY
        where.append(sql.dates)
    if hidden:
        params["hidden"] = sql.bind_hidden(hidden)
        where.append(sql.hidden)
    return where
