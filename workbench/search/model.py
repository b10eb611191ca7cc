"""The value types that cross the search module's boundary."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# What a search is narrowed to: record types (None: all), round, target, first and last day.
Filters = tuple[
    list[str] | None, str | None, str | None, datetime.date | None, datetime.date | None
]


def iso_day(value: datetime.date) -> str:
    """``YYYY-MM-DD``; a ``datetime`` (a ``date`` subclass) must not add its time and sort after
    the plain day in the string comparisons of the date filters."""
    return value.isoformat()[:10]


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable record, as the domain layer hands it over.

    ``names`` holds the person/unit names of the record (space or 、 separated); they are searched
    by pinyin only, never shown.
    """

    record_type: str
    record_id: str
    title: str
    body: str
    round_id: str | None
    target_id: str | None
    date: datetime.date | None
    names: str = ""

    def __post_init__(self) -> None:
        if not self.record_type or not self.record_id:
            raise ValueError("SearchDoc needs a record_type and a record_id")

    @property
    def key(self) -> tuple[str, str]:
        return (self.record_type, self.record_id)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: ``snippet`` marks matches with HIGHLIGHT_START/END; higher score ranks first."""

    record_type: str
    record_id: str
    title: str
    snippet: str
    score: float
