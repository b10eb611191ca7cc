"""关联组员 in 用户管理, through real widgets on a real store: the member whose name is the user's
is pre-selected, 关联 links it, a member already taken cannot be chosen (and says why),
取消关联 takes it back."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import LEADER, PASSPHRASE
from tests.ui.test_admin_ui import NEW_PASS, SLOW, _add_member, _users_dialog, _window
from tests.workbench.exchange_support import add_briefed_round
from ui.dialogs.member_link_dialog import LinkMemberDialog
from workbench.models import Member, Team
from workbench.roles import Role
from workbench.services import member_links, users
from workbench.store.vault import Vault
from workbench.vocab.enums import ForceType, MemberRole

LINK_COLUMN = 5


def _briefed_team(store_dir: Path) -> dict[str, str]:
    """A round and team as a briefing brings them: members named by the office, no local user."""
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault, vault.session() as s:
        round_id, _targets = add_briefed_round(s, ())
        team_id = s.scalars(select(Team.id).where(Team.round_id == round_id)).one()
        ids = {}
        for name, role in (("李副组长", MemberRole.DEPUTY), ("王组长", MemberRole.LEADER)):
            row = Member(
                round_id=round_id,
                team_id=team_id,
                name=name,
                role=role,
                force_type=ForceType.FULL_TIME,
                user_id=str(uuid.uuid4()),  # an office store's user
            )
            s.add(row)
            s.flush()
            ids[name] = row.id
        return ids


def _ok(dialog: LinkMemberDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_link_and_unlink_in_the_users_dialog(
    qtbot: QtBot, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _briefed_team(store_dir)
    _add_member(store_dir)  # zhang, 张伟
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        users.add_user(vault, "zhaoli", NEW_PASS, (Role.SECADMIN,), display_name="赵丽")
    window = _window(qtbot, store_dir)
    dialog = _users_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=SLOW)
    assert dialog.table.horizontalHeaderItem(LINK_COLUMN).text() == "对应组员"
    dialog.select_user("zhaoli")  # 三员 only: no case work, so no member
    assert not dialog.link_button.isEnabled() and "三员" in dialog.link_button.toolTip()
    dialog.select_user(LEADER)
    assert dialog.link_button.isEnabled() and not dialog.unlink_button.isEnabled()
    link = dialog.open_link()
    assert isinstance(link, LinkMemberDialog)
    qtbot.waitUntil(lambda: link.loaded, timeout=SLOW)
    # 王组长 is the fixture leader's 姓名: proposed, pre-selected, not yet linked
    assert link.round.currentText() == "2026年第六轮巡察"
    assert link.team.currentText() == "第一巡察组"
    assert link.member.currentText() == "王组长（组长）"
    assert "已预先选中" in link.note.text()
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault, vault.read() as s:
        assert member_links.list_links(s) == []
    _ok(link)
    qtbot.waitUntil(
        lambda: dialog.table.item(0, LINK_COLUMN).text() == "第一巡察组·王组长（组长）",
        timeout=SLOW,
    )
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault, vault.read() as s:
        uid = vault.user.id
        assert member_links.linked_member_ids(s, uid) == {ids["王组长"]}
    dialog.select_user("zhang")  # 王组长 is taken: the dialog says so, the core refuses
    other = dialog.open_link()
    assert other is not None
    qtbot.waitUntil(lambda: other.loaded, timeout=SLOW)
    other.member.setCurrentIndex(other.member.findData(ids["王组长"]))
    assert "已关联用户 王组长（leader）" in other.note.text()
    ok = other.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # the core would refuse it: one member, one user
    other.member.setCurrentIndex(other.member.findData(ids["李副组长"]))
    assert ok.isEnabled() and other.note.text() == ""
    other.reject()
    dialog.select_user(LEADER)
    assert dialog.unlink_button.isEnabled()
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.unlink_button.click()
    assert "第一巡察组·王组长（组长）" in asked[0]
    qtbot.waitUntil(lambda: dialog.table.item(0, LINK_COLUMN).text() == "", timeout=SLOW)
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault, vault.read() as s:
        assert member_links.linked_member_ids(s, uid) == set()
