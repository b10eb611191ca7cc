"""The office server's address and CA as people type them on the 连接巡察办服务器 page or give
them to ``office connect``: anything that is not a ``postgresql://`` address is a validation
error saying what one looks like (it was an unexpected error, WB-INTERNAL), and the CA file's
refusals say what to do, in words for the page as for the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import ValidationError
from workbench.store.office import SLOT_CHANGED_ELSEWHERE, make_connection, read_ca
from workbench.store.pg import engine_url

LOOKS_LIKE = "postgresql://用户@主机:端口/数据库"
NOT_FOR_THE_PAGE = ("--ca", "workbench office", "办公室")


@pytest.mark.parametrize(
    "address",
    [
        "",
        "   ",
        "服务器",
        "192.168.1.10",
        "http://192.168.1.10",
        "mysql://wb@db.office/office",
        "postgresql://wb@db.office:端口/office",  # a port that is no number
        "postgresql://wb@[::1/office",
    ],
)
def test_an_address_that_is_not_postgresql_says_what_one_looks_like(address: str) -> None:
    with pytest.raises(ValidationError) as refused:
        engine_url(address)
    assert LOOKS_LIKE in refused.value.message and refused.value.details == {"field": "url"}
    with pytest.raises(ValidationError):  # the same on the way through the connection
        make_connection(address, ca_pem=None)


def test_a_postgresql_address_is_taken() -> None:
    assert engine_url("postgresql://wb@db.office:5432/office").port == 5432


def _refusal(call: object) -> str:
    assert callable(call)
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.message


def test_the_ca_refusals_say_what_to_do_in_words_for_the_page_too(tmp_path: Path) -> None:
    url = "postgresql://wb@db.office/office"
    missing = _refusal(lambda: read_ca(tmp_path / "nope.pem"))
    not_pem = _refusal(lambda: make_connection(url, ca_pem="hello"))
    needed = _refusal(lambda: make_connection(url))
    assert str(tmp_path / "nope.pem") in missing
    for message in (missing, not_pem):
        assert "核对文件，或向系统管理员索取" in message
    assert "CA 证书文件" in needed and "系统管理员" in needed
    for message in (missing, not_pem, needed, SLOT_CHANGED_ELSEWHERE):
        assert not any(word in message for word in NOT_FOR_THE_PAGE), message
    assert "重新连接巡察办服务器" in SLOT_CHANGED_ELSEWHERE
