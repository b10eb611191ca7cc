"""A failed connection to the office's server, as a ``WB-OFFICE-*`` error, whatever language
the server speaks (``store/pg_errors.py``): a real cluster for each case (a wrong password, a
database that is not there, no password, a server certificate from another CA or for another
name, a closed port), and servers whose messages are in Chinese (``lc_messages``, a Kylin
office's) and in Japanese (no words of ours: the attempt's facts decide)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from tests.pg import cluster as pg
from workbench.errors import (
    OfficeDatabaseMissing,
    OfficeLoginRefused,
    OfficeTlsRefused,
    OfficeUnreachable,
    WorkbenchError,
)
from workbench.store.pg import make_pg_engine


def _refusal(url: URL) -> WorkbenchError:
    engine = make_pg_engine(url, pool_size=1)
    try:
        with pytest.raises(WorkbenchError) as refused, engine.connect():
            pass
    finally:
        engine.dispose()
    return refused.value


def _other_ca(folder: Path) -> Path:
    folder.mkdir()
    ca, _, _ = pg.make_tls(folder, pg.RunAs.choose(), "not the office's CA")
    return ca


def test_each_failed_connection_has_its_code(pg_cluster: pg.Cluster, tmp_path: Path) -> None:
    office = make_url(pg_cluster.url)
    other_ca = _other_ca(tmp_path / "other-ca")
    cases: list[tuple[URL, type[WorkbenchError], str]] = [
        (office.set(password="not-the-password"), OfficeLoginRefused, "password"),
        (office._replace(password=None), OfficeLoginRefused, "no password supplied"),
        (office.set(database="no_such_office"), OfficeDatabaseMissing, "no_such_office"),
        (
            office.update_query_dict({"sslrootcert": str(other_ca)}),
            OfficeTlsRefused,
            "certificate verify failed",
        ),
        (office.set(host="db.office.invalid"), OfficeTlsRefused, "does not match host name"),
        (office.set(port=pg._free_port()), OfficeUnreachable, "refused"),
    ]
    for url, expected, reason in cases:
        refused = _refusal(url)
        assert type(refused) is expected, (url, refused)
        assert reason in refused.details["reason"], refused.details
        assert "not-the-password" not in refused.message


def test_a_server_name_that_does_not_resolve_is_unreachable(pg_cluster: pg.Cluster) -> None:
    office = make_url(pg_cluster.url)
    query = {k: v for k, v in office.query.items() if k != "hostaddr"}
    refused = _refusal(office.set(host="db.office.invalid", query=query))
    assert isinstance(refused, OfficeUnreachable), refused


def _speaking(language: str) -> Iterator[pg.Cluster]:
    if pg.skip_reason() is not None:
        pytest.skip(f"no PostgreSQL here: {pg.skip_reason()}")
    if pg.message_catalog(pg.find_binaries(), language) is None:
        pytest.skip(f"PostgreSQL's {language} messages are not installed here")
    with pg.running(language=language) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def chinese_server() -> Iterator[pg.Cluster]:
    yield from _speaking("zh_CN")


@pytest.fixture(scope="module")
def japanese_server() -> Iterator[pg.Cluster]:
    yield from _speaking("ja")


def test_a_server_speaking_chinese_refuses_in_chinese_and_is_understood(
    chinese_server: pg.Cluster,
) -> None:
    office = make_url(chinese_server.url)
    login = _refusal(office.set(password="not-the-password"))
    assert isinstance(login, OfficeLoginRefused), login
    assert "认证失败" in login.details["reason"]  # the server's own words, in Chinese
    missing = _refusal(office.set(database="no_such_office"))
    assert isinstance(missing, OfficeDatabaseMissing), missing
    assert "不存在" in missing.details["reason"]
    assert isinstance(_refusal(office.set(port=pg._free_port())), OfficeUnreachable)


def test_a_refused_password_is_known_by_the_attempt_not_the_words(
    japanese_server: pg.Cluster,
) -> None:
    """None of our words are Japanese: libpq's fact that the server asked for the password and
    had it makes the refusal a login's."""
    office = make_url(japanese_server.url)
    login = _refusal(office.set(password="not-the-password"))
    assert isinstance(login, OfficeLoginRefused), login
    assert "パスワード認証" in login.details["reason"]
