"""What a desktop's connection shows of itself: a ``Connection`` printed in a log line, a
traceback's locals or a debugger names the server, the login and the database, never the
database password (the review of issue #20). Needs no server."""

from __future__ import annotations

from workbench.store.office import make_connection
from workbench.store.office_link import Connection

CA = "-----BEGIN CERTIFICATE-----\nnot parsed by repr\n-----END CERTIFICATE-----\n"


def test_a_connections_repr_hides_the_password() -> None:
    connection = make_connection(
        "postgresql://zhang@db.xuncha.lan:5433/office?sslmode=require",
        password="s3cret-口令",
        insecure_tls=True,
    )
    assert "s3cret" in connection.url  # the password is there, sealed in the link
    for shown in (repr(connection), str(connection), f"{connection!r}", repr([connection])):
        assert "s3cret" not in shown
        assert "%E5%8F%A3" not in shown  # nor its URL-quoted tail
        assert "zhang:***@db.xuncha.lan:5433/office" in shown


def test_a_connections_repr_shows_neither_the_pem_nor_a_broken_url() -> None:
    assert "not parsed" not in repr(Connection("postgresql://u:pw@h/d", CA))
    assert "pw" not in repr(Connection("postgresql://u:pw@h:notaport/d", None))
