"""The office's frame settings refuse invisible characters: a VT in the 发文机关标志 made every
framed export fail (WB-INTERNAL, after drawing a number), ESC reached the terminal, and a
zero-width space in a 机关代字 started a look-alike second counter (a second 巡办〔2026〕1号)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import PASSPHRASE
from tests.workbench import test_docs_data as docs_data
from workbench.errors import ValidationError
from workbench.reports.frame_settings import frame_settings, set_frame_setting
from workbench.roles import Role
from workbench.services import users
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures


@pytest.fixture
def office(seeded_copy: Vault) -> Iterator[Vault]:
    users.add_user(seeded_copy, "office", PASSPHRASE, (Role.OFFICE,), display_name="巡察办")
    with Vault.open(seeded_copy.layout.root, "office", PASSPHRASE) as vault:
        yield vault


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("office_mark", "\x1b[31mEVIL\x0bX"),  # ESC and VT
        ("office_mark", "巡察办\u202e件文"),  # right-to-left override
        ("printer", "县委\u200b巡察办"),  # zero-width space
        ("office_code", "巡\u200b办"),  # a look-alike 代字
        ("office_code", "巡\ufeff办"),  # zero-width no-break space (BOM)
        ("team_code", "巡\u2028办"),  # line separator
        ("team_code", "巡\u3000办"),  # ideographic space inside a 代字
        ("cc", "县纪委\x7f监委"),
    ],
)
def test_invisible_characters_are_refused_and_nothing_is_stored(
    office: Vault, field: str, value: str
) -> None:
    with office.read() as s:
        before = frame_settings(s)
    with pytest.raises(ValidationError) as refused, office.session() as s:
        set_frame_setting(s, field, value)
    assert refused.value.details["field"] == field
    assert "字符" in refused.value.message or "空白" in refused.value.message
    with office.read() as s:
        assert frame_settings(s) == before


def test_plain_settings_are_still_stored(office: Vault) -> None:
    with office.session() as s:
        set_frame_setting(s, "office_code", "云巡办")
        set_frame_setting(s, "office_mark", "中共云县县委巡察工作领导小组办公室")
    with office.read() as s:
        stored = frame_settings(s)
    assert stored.office_code == "云巡办"
    assert stored.office_mark == "中共云县县委巡察工作领导小组办公室"
