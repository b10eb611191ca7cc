"""The baseline of the datacheck bench: the six shipped rules as SQL joins in DuckDB, in memory,
on the same plaintext lists (the bench scale writes them as plain UTF-8 CSV).

DuckDB is set never to spill: no temp directory, a temp size limit of 0, and no access to the
file system once the lists are loaded. It is a bench and test dependency only (the ``test``
extra); the workbench never imports it.
"""

from __future__ import annotations

import time
from typing import Any

from workbench.demo_data.list_files import LAYOUTS
from workbench.demo_data.lists import RULE_IDS, ListFile

NO_SPILL: dict[str, Any] = {
    "temp_directory": "",
    "max_temp_directory_size": "0KB",
    "external_file_cache_spill": False,
}

# The typed columns each table gets: (field key, SQL type); text unless named here.
_TYPES = {
    "amount": "DECIMAL(18,2)",
    "subsidy_area": "DECIMAL(12,2)",
    "contract_area": "DECIMAL(12,2)",
    "paid_on": "DATE",
    "since": "DATE",
    "until": "DATE",
    "died_on": "DATE",
    "awarded_on": "DATE",
    "signed_on": "DATE",
}

_ROLES = "('法定代表人', '法人', '股东')"
JOINS: dict[str, str] = {
    "DC01": """
        WITH listed AS (
            SELECT id_number FROM staff
            UNION SELECT id_number FROM cadres
            UNION SELECT r.id_number FROM relatives r JOIN cadres c ON r.related_id = c.id_number
        )
        SELECT DISTINCT a.id_number FROM assistance a JOIN listed USING (id_number)""",
    "DC02": """
        SELECT DISTINCT d.id_number FROM deaths d
        JOIN (SELECT id_number, paid_on FROM assistance
              UNION ALL SELECT id_number, paid_on FROM subsidy) p USING (id_number)
        WHERE p.paid_on > d.died_on""",
    "DC03": """
        SELECT id_number FROM assistance GROUP BY id_number HAVING count(DISTINCT place) > 1
        UNION
        SELECT id_number FROM assistance
        GROUP BY id_number, date_trunc('month', paid_on) HAVING count(*) > 1""",
    "DC04": f"""
        WITH kin AS (
            SELECT id_number AS cadre, id_number AS person, place FROM cadres
            UNION ALL
            SELECT c.id_number, r.id_number, c.place FROM relatives r JOIN cadres c
            ON r.related_id = c.id_number
        )
        SELECT DISTINCT k.cadre FROM kin k
        JOIN contracts t ON t.id_number = k.person AND t.place = k.place
        UNION
        SELECT DISTINCT k.cadre FROM kin k
        JOIN business b ON b.id_number = k.person AND b.category IN {_ROLES}
        JOIN projects p ON (p.org = b.org OR (p.org_code <> '' AND p.org_code = b.org_code))
            AND p.place = k.place""",
    "DC05": f"""
        SELECT DISTINCT s.id_number FROM staff s
        JOIN business b ON b.id_number = s.id_number AND b.category IN {_ROLES}""",
    "DC06": """
        SELECT DISTINCT id_number FROM subsidy WHERE subsidy_area > contract_area""",
}
assert tuple(JOINS) == RULE_IDS


def connect() -> Any:
    import duckdb

    return duckdb.connect(":memory:", config=NO_SPILL)


def load(con: Any, files: tuple[ListFile, ...]) -> int:
    """Each list into a typed table named after its kind; the rows loaded. Then the file system
    is shut off for the rest of the connection's life."""
    rows = 0
    for item in files:
        columns = []
        for key, index in item.mapping.items():
            header = LAYOUTS[item.kind].columns[index][0].replace('"', '""')
            sql_type = _TYPES.get(key, "VARCHAR")
            name = "category" if key in ("project", "contract") else key
            columns.append(f"CAST(nullif(\"{header}\", '') AS {sql_type}) AS {name}")
        path = str(item.path).replace("'", "''")
        con.execute(
            f"CREATE TABLE {item.kind.value} AS SELECT {', '.join(columns)} "
            f"FROM read_csv('{path}', header = true, all_varchar = true)"
        )
        rows += con.execute(f"SELECT count(*) FROM {item.kind.value}").fetchone()[0]
    con.execute("SET enable_external_access = false")
    return rows


def run_joins(con: Any) -> tuple[set[tuple[str, str]], dict[str, float]]:
    """(rule id, subject 身份证号) of every hit the six joins find, and each join's seconds."""
    found: set[tuple[str, str]] = set()
    seconds: dict[str, float] = {}
    for rule_id, sql in JOINS.items():
        start = time.perf_counter()
        found.update((rule_id, row[0]) for row in con.execute(sql).fetchall())
        seconds[rule_id] = time.perf_counter() - start
    return found, seconds
