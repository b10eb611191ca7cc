"""The few fragments of the rules' SQL each database spells its own way (SQLite in a field or
office store, PostgreSQL on an office hub, issue #20); everything else the rules say in SQL both
read alike. ``workbench.datacheck.matchers`` puts its statements together from these."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class Spelling:
    # Written before a column the statement must not look up by its index: SQLite's planner
    # takes a usable index, and the statements rely on the order they name (``+column``).
    # PostgreSQL's planner weighs its own statistics: it gets the plain column.
    no_index: str
    contains: str  # "{column} contains the bound ``:{name}``"
    month: str  # a date's "YYYY-MM" (SQLite keeps dates as ISO text)
    days_after: str  # the date ``{column}`` plus the bound whole days ``:{name}``

    def unindexed(self, column: str) -> str:
        return f"{self.no_index}{column}"


SQLITE = Spelling(
    no_index="+",
    contains="instr({column}, :{name}) > 0",
    month="substr({column}, 1, 7)",
    days_after="date({column}, '+' || :{name} || ' days')",
)
POSTGRESQL = Spelling(
    no_index="",
    contains="strpos({column}, :{name}) > 0",
    month="to_char({column}, 'YYYY-MM')",
    days_after="{column} + CAST(:{name} AS INTEGER)",
)


def spelling(conn: Connection) -> Spelling:
    return POSTGRESQL if conn.dialect.name == "postgresql" else SQLITE


def refresh_statistics(conn: Connection) -> None:
    """After a list's rows are stored: PostgreSQL plans the rules by its statistics of
    ``data_rows``, which a list just imported is not in until autovacuum's next pass; planned
    without them, a run right after an import took seconds where it takes milliseconds. The
    statement sees the import's own rows, before they are committed. SQLite's plans are fixed by
    the statements themselves."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ANALYZE data_rows")
