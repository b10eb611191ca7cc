"""Who a document says issued it: the 署名 and title of a team's document are the team's full
name as its 发文机关标志 prints it, without 中共 (so the two agree once the office set its
county's prefix); the demo store carries the 云川县 office's frame settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import PASSPHRASE
from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.demo_data import populate_demo
from workbench.reports import DocRequest, export_document
from workbench.reports.frame_settings import frame_settings, set_frame_setting
from workbench.roles import Role
from workbench.services import users
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
seeded_vault = docs_data.seeded_vault


@pytest.fixture
def prefixed(seeded_copy: Vault) -> Iterator[Vault]:
    users.add_user(seeded_copy, "office", PASSPHRASE, (Role.OFFICE,), display_name="巡察办")
    with (
        Vault.open(seeded_copy.layout.root, "office", PASSPHRASE) as office,
        office.session() as s,
    ):
        set_frame_setting(s, "team_prefix", "中共云川县委")
    yield seeded_copy


def _texts(vault: Vault, request: DocRequest, out: Path) -> list[str]:
    export_document(vault, request, out)
    return [p.text for p in Document(str(out)).paragraphs if p.text]


def test_a_team_signs_with_the_name_its_mark_prints(
    prefixed: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    feedback = DocRequest("feedback", target_id=seeded.t1)
    texts = _texts(prefixed, feedback, tmp_path / "f.docx")
    assert "中共云川县委第一巡察组" in texts  # the 发文机关标志
    assert "云川县委第一巡察组关于巡察城关镇党委的反馈意见" in "".join(texts[:6])  # the title
    assert texts[-2:] == ["云川县委第一巡察组", "2025年6月10日"]  # the 署名
    notice = DocRequest("announcement", round_id=seeded.round_id, target_id=seeded.t1)
    texts = _texts(prefixed, notice, tmp_path / "a.docx")
    assert "云川县委第一巡察组巡察公告" in texts and texts[-2] == "云川县委第一巡察组"
    portrait = DocRequest("portrait", record_id=seeded.portrait)
    assert _texts(prefixed, portrait, tmp_path / "p.docx")[-2] == "云川县委第一巡察组"


def test_without_a_prefix_the_round_s_body(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    texts = _texts(seeded_copy, DocRequest("feedback", target_id=seeded.t1), tmp_path / "f.docx")
    assert "中共县委第一巡察组" in texts and texts[-2] == "县委第一巡察组"


def test_the_demo_office_set_its_frame(vault: Vault) -> None:
    populate_demo(vault)
    with vault.read() as s:
        settings = frame_settings(s)
    assert settings.office_mark == "中共云川县委巡察工作领导小组办公室"
    assert (settings.team_prefix, settings.office_code, settings.team_code) == (
        "中共云川县委",
        "云巡办",
        "云巡",
    )
    assert settings.printer == "中共云川县委巡察工作领导小组办公室"
