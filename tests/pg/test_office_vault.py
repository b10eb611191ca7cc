"""The office store on a real PostgreSQL server, as desktops reach it (issue #20): the first
系统管理员 makes an empty database the office store; each staff member links their own desktop
(another folder, their own database login) and unlocks as themselves, with their own roles; the
connection is on no desktop's disk in clear; a server that cannot be reached, or trusted, or
logged into, and a database that is missing or not an office store, are refused with their own
``WB-`` error, and nothing is written."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from workbench.errors import (
    AuthenticationError,
    NotAnOfficeStore,
    OfficeDatabaseMissing,
    OfficeLoginRefused,
    OfficeTlsRefused,
    OfficeTlsUnverified,
    OfficeUnreachable,
    StoreExists,
)
from workbench.roles import Role
from workbench.services.users import add_user
from workbench.store.anchors import prove
from workbench.store.office import KEYFILE_META, OfficeVault, make_connection
from workbench.store.office_link import FILE_NAME, Connection
from workbench.store.pg import make_pg_engine
from workbench.store.throttle import UnlockThrottle
from workbench.store.vault import Vault

ADMIN = "office1"
STAFF = "staff2"
STAFF_PASSPHRASE = "另一位 工作人员 的口令"


@dataclass(frozen=True)
class Office:
    cluster: pg.Cluster
    url: str  # the app login's URL (the first 系统管理员's desktop)
    desktop: Path
    store_id: str


def _new_database(cluster: pg.Cluster) -> str:
    name = f"e_{uuid.uuid4().hex[:16]}"
    cluster.admin(f"CREATE DATABASE {name} OWNER {pg.APP_ROLE}")
    return name


def _login(cluster: pg.Cluster, database: str) -> tuple[str, str, str]:
    """A staff member's own database login: a member of the app role that acts as it (the
    objects are the app role's), as an office DBA sets one up. Returns login, password, URL."""
    login, password = f"staff_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    cluster.admin(
        f"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE {pg.APP_ROLE}",
        f"ALTER ROLE {login} SET role = '{pg.APP_ROLE}'",
    )
    url = (
        f"postgresql://{login}:{password}@localhost:{cluster.port}/{database}"
        f"?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert={quote(str(cluster.ca))}"
    )
    return login, password, url


@pytest.fixture
def office(pg_cluster: pg.Cluster, pg_url: str, tmp_path: Path) -> Iterator[Office]:
    """An office store made by its first 系统管理员 (巡察办) from their desktop, locked."""
    vault, _ = OfficeVault.create_on_server(
        tmp_path / "desktop1",
        make_connection(pg_url),
        user_name=ADMIN,
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )
    with vault:
        store_id = vault.store_id
    yield Office(pg_cluster, pg_url, tmp_path / "desktop1", store_id)


def _with_staff(office: Office, roles: tuple[Role, ...] = (Role.MEMBER,)) -> None:
    with Vault.open(office.desktop, ADMIN, PASSPHRASE) as admin:
        add_user(admin, STAFF, STAFF_PASSPHRASE, roles, display_name="王干事")


def test_the_first_administrator_makes_an_empty_database_the_office_store(
    pg_cluster: pg.Cluster, tmp_path: Path
) -> None:
    database = _new_database(pg_cluster)
    try:
        url = pg_cluster.database_url(database)
        vault, code = OfficeVault.create_on_server(
            tmp_path / "desktop",
            make_connection(url),
            user_name=ADMIN,
            passphrase=PASSPHRASE,
            kdf=TEST_KDF,
        )
        with vault:
            assert vault.engine.dialect.name == "postgresql"
            assert vault.store_role == "office"
            assert set(vault.user.roles) == {Role.OFFICE, Role.SYSADMIN}
            assert vault.signing_key is not None
            with vault.read() as s:
                keyfile = s.execute(
                    text("SELECT value FROM store_meta WHERE key = :k"), {"k": KEYFILE_META}
                ).scalar_one()
                signatures = prove(s).signatures
            assert signatures.ok and signatures.unsigned == ()
            assert vault.keyfile.recovery_slot() is not None
        assert len(code.split("-")) == 8
        assert vault.store_id in keyfile and ADMIN not in keyfile  # names are hints only
        assert PASSPHRASE not in keyfile
        # the desktop holds its link, no database: the next unlock goes to the server
        assert sorted(p.name for p in (tmp_path / "desktop").iterdir()) == [
            "office-ca.pem",
            FILE_NAME,
        ]
        with Vault.open(tmp_path / "desktop", ADMIN, PASSPHRASE) as again:
            assert isinstance(again, OfficeVault)
            assert again.store_id == vault.store_id
            assert Role.SYSADMIN in again.user.roles
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def test_a_second_desktop_unlocks_as_another_user_with_their_own_roles(
    office: Office, tmp_path: Path
) -> None:
    _with_staff(office, (Role.TEAM_LEADER,))
    database = make_url(office.url).database
    assert database is not None
    login, _, staff_url = _login(office.cluster, database)
    desktop2 = tmp_path / "desktop2"
    with OfficeVault.connect(
        desktop2, make_connection(staff_url), STAFF, STAFF_PASSPHRASE, kdf=TEST_KDF
    ) as staff:
        assert staff.store_id == office.store_id
        assert staff.user.name == STAFF
        assert staff.user.roles == (Role.TEAM_LEADER,)
        with staff.read() as s:  # their own database account
            assert s.execute(text("SELECT session_user")).scalar_one() == login
    # the link works from then on, through the folder as any store
    with Vault.open(desktop2, STAFF, STAFF_PASSPHRASE) as again:
        assert again.user.roles == (Role.TEAM_LEADER,)
        assert again.signing_key is not None
        with again.read() as s:
            actors = s.execute(
                text("SELECT actor_name FROM audit_log WHERE action = 'unlock' ORDER BY seq")
            ).scalars()
            assert list(actors)[-2:] == [STAFF, STAFF]
            proof = prove(s)  # every entry signed by its writer's key, on one chain
        assert proof.signatures.ok and proof.signatures.valid == proof.entries
    # the first desktop's link is the administrator's, not theirs
    with pytest.raises(AuthenticationError):
        Vault.open(office.desktop, STAFF, STAFF_PASSPHRASE)


def test_a_wrong_passphrase_is_refused_at_the_desktop_and_counted(office: Office) -> None:
    throttle = UnlockThrottle()
    before = (office.desktop / FILE_NAME).read_bytes()
    with pytest.raises(AuthenticationError):
        Vault.open(office.desktop, ADMIN, "not the passphrase", throttle=throttle)
    assert throttle.failures(office.store_id) == 1
    assert (office.desktop / FILE_NAME).read_bytes() == before


def test_connecting_with_a_wrong_passphrase_writes_no_link(office: Office, tmp_path: Path) -> None:
    _with_staff(office)
    desktop2 = tmp_path / "desktop2"
    with pytest.raises(AuthenticationError):
        OfficeVault.connect(desktop2, make_connection(office.url), STAFF, "wrong passphrase")
    assert not (desktop2 / FILE_NAME).exists()


def test_a_server_signed_by_another_ca_is_refused(office: Office, tmp_path: Path) -> None:
    other = tmp_path / "other-ca"
    other.mkdir()
    other_ca, _, _ = pg.make_tls(other, pg.RunAs.choose(), "not the office's CA")
    connection = make_connection(office.url, ca_pem=other_ca.read_text())
    with pytest.raises(OfficeTlsRefused) as refused:
        OfficeVault.connect(tmp_path / "desktop2", connection, ADMIN, PASSPHRASE)
    assert "certificate verify failed" in refused.value.details["reason"]
    assert not (tmp_path / "desktop2").exists()  # the folder as it was: a retry may use it


def _secrets_of(url: str, ca_pem: str) -> list[bytes]:
    parsed = make_url(url)
    assert parsed.password is not None and parsed.database is not None
    body = "".join(line for line in ca_pem.splitlines() if not line.startswith("-----"))
    return [
        str(parsed.password).encode(),
        str(parsed.username).encode(),
        f"{parsed.host}:{parsed.port}".encode(),
        f"/{parsed.database}".encode(),
        b"postgresql",
        base64.b64decode(body)[:48],  # the certificate's own bytes
        body[:48].encode(),
    ]


def test_the_desktops_keyfile_holds_no_connection_in_clear(office: Office, tmp_path: Path) -> None:
    _with_staff(office)
    database = make_url(office.url).database
    assert database is not None
    _, _, staff_url = _login(office.cluster, database)
    desktop2 = tmp_path / "desktop2"
    OfficeVault.connect(
        desktop2, make_connection(staff_url), STAFF, STAFF_PASSPHRASE, kdf=TEST_KDF
    ).lock()
    ca_pem = office.cluster.ca.read_text()
    for desktop, url in ((office.desktop, office.url), (desktop2, staff_url)):
        keyfile = (desktop / FILE_NAME).read_bytes()
        for secret in _secrets_of(url, ca_pem):
            assert secret not in keyfile, secret
        # the rest of the folder is the public CA certificate libpq reads, nothing else
        for path in desktop.rglob("*"):
            if path.is_file():
                for secret in _secrets_of(url, ca_pem)[:5]:
                    assert secret not in path.read_bytes(), (path, secret)


def test_a_slot_added_on_one_desktop_survives_a_change_made_on_another(
    office: Office, tmp_path: Path
) -> None:
    """Each desktop rewrites the keyfile from the server's latest copy, under the write lock."""
    first = Vault.open(office.desktop, ADMIN, PASSPHRASE)
    second_desktop = tmp_path / "desktop-b"
    second = OfficeVault.connect(
        second_desktop, make_connection(office.url), ADMIN, PASSPHRASE, kdf=TEST_KDF
    )
    try:
        add_user(first, STAFF, STAFF_PASSPHRASE, (Role.MEMBER,))
        second.change_passphrase(PASSPHRASE, "新的 管理员 口令 2026")  # its copy predates STAFF
    finally:
        first.lock()
        second.lock()
    with OfficeVault.connect(
        tmp_path / "desktop-c", make_connection(office.url), STAFF, STAFF_PASSPHRASE
    ) as staff:
        assert staff.user.name == STAFF
    # the change of passphrase resealed desktop B's link; desktop A's still has the old one
    Vault.open(second_desktop, ADMIN, "新的 管理员 口令 2026").lock()
    with pytest.raises(AuthenticationError, match="其他电脑上修改"):
        Vault.open(office.desktop, ADMIN, PASSPHRASE)


def test_a_wrong_database_password_is_a_refused_login(office: Office, tmp_path: Path) -> None:
    wrong = make_url(office.url).set(password="not-the-password")
    connection = make_connection(wrong.render_as_string(hide_password=False))
    with pytest.raises(OfficeLoginRefused) as refused:
        OfficeVault.connect(tmp_path / "d", connection, ADMIN, PASSPHRASE)
    assert refused.value.exit_code == 3
    assert "not-the-password" not in refused.value.message


def test_a_missing_database_is_named(office: Office, tmp_path: Path) -> None:
    missing = make_url(office.url).set(database="no_such_office")
    connection = make_connection(missing.render_as_string(hide_password=False))
    with pytest.raises(OfficeDatabaseMissing) as refused:
        OfficeVault.connect(tmp_path / "d", connection, ADMIN, PASSPHRASE)
    assert refused.value.exit_code == 5


def test_a_server_that_is_down_is_unreachable(office: Office, tmp_path: Path) -> None:
    down = make_url(office.url).set(port=pg._free_port())
    connection = make_connection(down.render_as_string(hide_password=False))
    with pytest.raises(OfficeUnreachable) as refused:
        OfficeVault.connect(tmp_path / "d", connection, ADMIN, PASSPHRASE)
    assert refused.value.exit_code == 13
    assert not (tmp_path / "d").exists()


def test_a_database_that_is_not_an_office_store_is_refused(
    pg_cluster: pg.Cluster, tmp_path: Path
) -> None:
    database = _new_database(pg_cluster)
    try:
        connection = make_connection(pg_cluster.database_url(database))
        with pytest.raises(NotAnOfficeStore):
            OfficeVault.connect(tmp_path / "d", connection, ADMIN, PASSPHRASE)
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def test_an_office_store_is_not_made_twice(office: Office, tmp_path: Path) -> None:
    with pytest.raises(StoreExists, match="office connect"):
        OfficeVault.create_on_server(
            tmp_path / "again",
            make_connection(office.url),
            user_name="someone",
            passphrase=PASSPHRASE,
            kdf=TEST_KDF,
        )


def test_a_connection_lost_mid_transaction_is_unreachable(office: Office) -> None:
    with Vault.open(office.desktop, ADMIN, PASSPHRASE) as vault:
        with pytest.raises(OfficeUnreachable), vault.read() as s:
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
            office.cluster.admin(f"SELECT pg_terminate_backend({int(pid)})")
            s.execute(text("SELECT count(*) FROM users"))
        with vault.read() as s:  # the pool reconnects: the next unit of work goes through
            assert s.execute(text("SELECT count(*) FROM users")).scalar_one() == 1


def test_a_verifying_mode_needs_the_offices_ca() -> None:
    from workbench.errors import ValidationError

    with pytest.raises(ValidationError, match="CA"):
        make_connection("postgresql://u:p@office.example:5432/workbench")
    for not_a_certificate in ("hello", "证书\n-----BEGIN CERTIFICATE-----\nAAAA\n"):
        with pytest.raises(ValidationError, match="PEM"):
            make_connection("postgresql://u:p@office.example/w", ca_pem=not_a_certificate)


def test_a_mode_that_does_not_verify_the_server_is_refused_unless_asked_for(
    pg_cluster: pg.Cluster,
) -> None:
    office_ca = pg_cluster.ca.read_text()
    for mode in ("disable", "allow", "prefer", "require"):
        url = f"postgresql://u:p@office.example/workbench?sslmode={mode}"
        with pytest.raises(OfficeTlsUnverified, match="CA 证书") as refused:
            make_connection(url)
        assert refused.value.details["sslmode"] == mode
        # a CA does not make it verify the server's name: still refused
        with pytest.raises(OfficeTlsUnverified):
            make_connection(url, ca_pem=office_ca)
        assert make_connection(url, insecure_tls=True) == Connection(
            f"postgresql+psycopg://u:p@office.example/workbench?sslmode={mode}", None
        )


def test_jobs_on_the_stores_files_are_refused_on_the_server(office: Office, tmp_path: Path) -> None:
    """Backup, key rotation and the recovery code work on a SQLCipher store's files: asked of
    the office store they are refused before anything runs, and nothing lands in the desktop's
    folder. (Attachments are kept on the server: test_office_attachments.py; ``check`` runs
    there, the pages' step named the DBA's: test_pg_check.py.)"""
    from workbench.errors import NotOnOfficeServer
    from workbench.services.backups import backup_store
    from workbench.services.keys import rekey_store

    with Vault.open(office.desktop, ADMIN, PASSPHRASE) as vault:
        with pytest.raises(NotOnOfficeServer, match="备份"):
            backup_store(vault, tmp_path / "office.wbk")
        with pytest.raises(NotOnOfficeServer, match="更换数据密钥"):
            rekey_store(vault)
    with pytest.raises(NotOnOfficeServer, match="服务器地址"):  # office_accounts: with it
        Vault.open_with_recovery_code(office.desktop, "0" * 48, ADMIN, "a new passphrase")
    assert not (tmp_path / "office.wbk").exists()
    assert sorted(p.name for p in office.desktop.iterdir()) == ["office-ca.pem", FILE_NAME]


def test_two_users_share_a_desktop_and_a_folder_keeps_its_store(
    office: Office, pg_cluster: pg.Cluster, tmp_path: Path
) -> None:
    """A colleague connecting in a folder already linked adds their own sealed copy; a folder
    linked to one office store is not relinked to another."""
    _with_staff(office)
    OfficeVault.connect(
        office.desktop, make_connection(office.url), STAFF, STAFF_PASSPHRASE, kdf=TEST_KDF
    ).lock()
    with Vault.open(office.desktop, STAFF, STAFF_PASSPHRASE) as staff:
        assert staff.user.name == STAFF
    with Vault.open(office.desktop, ADMIN, PASSPHRASE) as admin:
        assert admin.user.name == ADMIN
    other = _new_database(pg_cluster)
    try:
        made, _ = OfficeVault.create_on_server(
            tmp_path / "other-office",
            make_connection(pg_cluster.database_url(other)),
            user_name=ADMIN,
            passphrase=PASSPHRASE,
            kdf=TEST_KDF,
        )
        made.lock()
        before = (office.desktop / FILE_NAME).read_bytes()
        with pytest.raises(StoreExists, match="另一个巡察办数据库"):
            OfficeVault.connect(
                office.desktop,
                make_connection(pg_cluster.database_url(other)),
                ADMIN,
                PASSPHRASE,
            )
        assert (office.desktop / FILE_NAME).read_bytes() == before
        engine = make_pg_engine(pg_cluster.database_url(other))
        try:
            with engine.connect() as conn:
                unlocks = "SELECT count(*) FROM audit_log WHERE action = 'unlock'"
                assert conn.execute(text(unlocks)).scalar_one() == 0  # refused before any slot
        finally:
            engine.dispose()
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {other} WITH (FORCE)")


def test_a_server_not_named_by_its_certificate_is_refused(office: Office, tmp_path: Path) -> None:
    """The same server (``hostaddr``) asked for under a name its certificate does not carry."""
    by_address = make_url(office.url).set(host="office-db.example")
    connection = make_connection(by_address.render_as_string(hide_password=False))
    with pytest.raises(OfficeTlsRefused) as refused:
        OfficeVault.connect(tmp_path / "d", connection, ADMIN, PASSPHRASE)
    assert "does not match host name" in refused.value.details["reason"]


def test_two_desktops_adding_users_at_once_keep_both_slots(office: Office, tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    first = Vault.open(office.desktop, ADMIN, PASSPHRASE, kdf=TEST_KDF)
    second = OfficeVault.connect(
        tmp_path / "desktop-b", make_connection(office.url), ADMIN, PASSPHRASE, kdf=TEST_KDF
    )
    try:
        with ThreadPoolExecutor(2) as pool:
            added = list(
                pool.map(
                    lambda job: add_user(job[0], job[1], STAFF_PASSPHRASE, (Role.MEMBER,)),
                    [(first, "zhao"), (second, "qian")],
                )
            )
        assert {u.name for u in added} == {"zhao", "qian"}
    finally:
        first.lock()
        second.lock()
    for name in ("zhao", "qian"):
        with OfficeVault.connect(
            tmp_path / name, make_connection(office.url), name, STAFF_PASSPHRASE
        ) as vault:
            assert vault.user.roles == (Role.MEMBER,)
