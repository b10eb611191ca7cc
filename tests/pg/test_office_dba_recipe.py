"""The DBA's recipe in README's "Office server", run as written on a real server: the group
role owns the database, each colleague's login acts as it, so the office made by one login is
worked in by another, and every table belongs to the group. A login outside the group is let in
but refused the tables (SQLSTATE 42501): ``WB-OFFICE-PRIVILEGE`` at create, connect and unlock,
never ``WB-INTERNAL``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from sqlalchemy import text

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from workbench.cli import main
from workbench.errors import OfficePrivilegeMissing
from workbench.roles import Role
from workbench.services.users import add_user
from workbench.store.anchors import prove
from workbench.store.office import OfficeVault, make_connection
from workbench.store.pg import make_pg_engine

README = Path(__file__).resolve().parents[2] / "README.md"
FIRST, COLLEAGUE = "liwei", "zhangm"  # the README's two logins, the same names as workbench users
COLLEAGUE_PASSPHRASE = "张明 的 工作台 口令"


def recipe_statements() -> list[str]:
    """The ``sql`` block of README's "Office server" section, statement by statement."""
    section = README.read_text(encoding="utf-8").split("\n## Office server\n", 1)[1]
    block = section.split("\n## ", 1)[0].split("```sql\n", 1)[1].split("\n```", 1)[0]
    lines = [line for line in block.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@dataclass(frozen=True)
class Office:
    """What the recipe made, under names of this test's own (roles are the cluster's, shared)."""

    cluster: pg.Cluster
    database: str
    group: str
    logins: dict[str, str]  # the README's login name → this test's login
    passwords: dict[str, str]  # this test's login → its password

    def url(self, readme_login: str) -> str:
        login = self.logins.get(readme_login, readme_login)
        return (
            f"postgresql://{login}:{self.passwords[login]}@localhost:{self.cluster.port}/"
            f"{self.database}?hostaddr=127.0.0.1&sslmode=verify-full"
            f"&sslrootcert={quote(str(self.cluster.ca))}"
        )

    def outsider(self) -> str:
        """A login the DBA made without the recipe's group: it may log in, nothing more."""
        login, password = f"outsider_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
        self.cluster.admin(f"CREATE ROLE {login} LOGIN PASSWORD '{password}'")
        self.passwords[login] = password
        return login


def run_recipe(cluster: pg.Cluster) -> Office:
    statements = recipe_statements()
    roles = [m for s in statements for m in re.findall(r"CREATE ROLE (\w+)", s)]
    (database,) = [m for s in statements for m in re.findall(r"CREATE DATABASE (\w+)", s)]
    suffix = uuid.uuid4().hex[:8]
    renamed = {name: f"{name}_{suffix}" for name in [*roles, database]}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, renamed)) + r")\b")
    passwords: dict[str, str] = {}
    for statement in statements:
        statement = pattern.sub(lambda m: renamed[m.group(1)], statement)
        if "'…'" in statement:  # the password the DBA chooses for this login
            login = re.findall(r"CREATE ROLE (\w+)", statement)[0]
            passwords[login] = uuid.uuid4().hex
            statement = statement.replace("'…'", f"'{passwords[login]}'")
        cluster.admin(statement)
    (group,) = [renamed[r] for r in roles if renamed[r] not in passwords]
    logins = {r: renamed[r] for r in roles if renamed[r] in passwords}
    return Office(cluster, renamed[database], group, logins, passwords)


@pytest.fixture
def office(pg_cluster: pg.Cluster) -> Iterator[Office]:
    made = run_recipe(pg_cluster)
    try:
        yield made
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {made.database} WITH (FORCE)")
        for login in made.passwords:
            pg_cluster.admin(f"DROP ROLE IF EXISTS {login}")
        pg_cluster.admin(f"DROP ROLE IF EXISTS {made.group}")


def _owners(office: Office) -> set[str]:
    with psycopg.connect(office.url(FIRST)) as conn:
        rows = conn.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")
        return {owner for (owner,) in rows}


def test_the_readme_recipe_is_what_the_test_runs() -> None:
    statements = recipe_statements()
    assert any(s.startswith("CREATE DATABASE") and "OWNER" in s for s in statements)
    assert sum("SET role" in s for s in statements) == 2


def test_one_login_makes_the_office_and_another_works_in_it(office: Office, tmp_path: Path) -> None:
    vault, _ = OfficeVault.create_on_server(
        tmp_path / "desk-liwei",
        make_connection(office.url(FIRST)),
        user_name=FIRST,
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )
    with vault:
        add_user(vault, COLLEAGUE, COLLEAGUE_PASSPHRASE, (Role.MEMBER,), display_name="张明")
    assert _owners(office) == {office.group}

    colleague = OfficeVault.connect(
        tmp_path / "desk-zhangm",
        make_connection(office.url(COLLEAGUE)),
        COLLEAGUE,
        COLLEAGUE_PASSPHRASE,
        kdf=TEST_KDF,
    )
    with colleague:
        colleague.set_passphrase(colleague.user.id, COLLEAGUE_PASSPHRASE + " 新")
        with colleague.read() as s:
            who = s.execute(text("SELECT session_user, current_user")).one()
            assert tuple(who) == (office.logins[COLLEAGUE], office.group)  # the log names him
            assert prove(s).signatures.ok

    # a table a later version's migration adds, made from the colleague's login: the group's
    engine = make_pg_engine(office.url(COLLEAGUE))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE added_later (x INTEGER)")
    finally:
        engine.dispose()
    assert _owners(office) == {office.group}
    desk = tmp_path / "desk-liwei"
    with OfficeVault.open_linked(desk, FIRST, PASSPHRASE, kdf=TEST_KDF) as again, again.read() as s:
        assert s.execute(text("SELECT count(*) FROM added_later")).scalar_one() == 0


def test_a_login_outside_the_group_is_told_what_the_dba_must_grant(
    office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    OfficeVault.create_on_server(
        tmp_path / "desk-liwei",
        make_connection(office.url(FIRST)),
        user_name=FIRST,
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )[0].lock()
    outsider = office.outsider()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "desk-outsider"
    argv = ["--store", str(folder), "--user", FIRST, "office", "connect", office.url(outsider)]
    assert main(argv) == OfficePrivilegeMissing.exit_code == 6
    err = capsys.readouterr().err
    assert "WB-OFFICE-PRIVILEGE" in err and "组角色" in err and "WB-INTERNAL" not in err
    assert not folder.exists()  # a refused first connection leaves nothing


def test_a_colleague_taken_out_of_the_group_is_refused_at_unlock(
    office: Office, tmp_path: Path
) -> None:
    vault, _ = OfficeVault.create_on_server(
        tmp_path / "desk-liwei",
        make_connection(office.url(FIRST)),
        user_name=FIRST,
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )
    with vault:
        add_user(vault, COLLEAGUE, COLLEAGUE_PASSPHRASE, (Role.MEMBER,), display_name="张明")
    desk = tmp_path / "desk-zhangm"
    connection = make_connection(office.url(COLLEAGUE))
    OfficeVault.connect(desk, connection, COLLEAGUE, COLLEAGUE_PASSPHRASE, kdf=TEST_KDF).lock()
    # the server then ignores his ALTER ROLE … SET role with a warning: he acts as himself
    office.cluster.admin(f"REVOKE {office.group} FROM {office.logins[COLLEAGUE]}")
    with pytest.raises(OfficePrivilegeMissing, match="组角色") as refused:
        OfficeVault.open_linked(desk, COLLEAGUE, COLLEAGUE_PASSPHRASE, kdf=TEST_KDF)
    assert "permission denied" in refused.value.details["reason"]


def test_a_login_outside_the_group_cannot_make_the_office(office: Office, tmp_path: Path) -> None:
    with psycopg.connect(office.cluster.admin_url) as conn:
        if conn.info.server_version < 150000:
            pytest.skip("PostgreSQL 14 lets every login create in public (README's extra step)")
    outsider = office.outsider()
    with pytest.raises(OfficePrivilegeMissing):
        OfficeVault.create_on_server(
            tmp_path / "desk-outsider",
            make_connection(office.url(outsider)),
            user_name=FIRST,
            passphrase=PASSPHRASE,
            kdf=TEST_KDF,
        )
    assert _owners(office) == set()  # nothing was made
    assert not (tmp_path / "desk-outsider").exists()
