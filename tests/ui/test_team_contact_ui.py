"""The team's 信访渠道 in the team dialog: the 巡察办 sets it with the team (a bad 邮编 refused
with its reason, nothing saved), the store keeps it for the 公告 and 小信封; a user without the
role sees the fields read-only with the core's reason, and the core refuses the change too."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_setup_page import (
    _idle,
    _open,
    _page,
    _save,
    admin,
    office,
    office_dir,
    office_template,
)
from ui.dialogs.team_dialog import TeamDialog
from ui.main_window import MainWindow
from workbench.errors import PermissionDenied
from workbench.services.rounds import TeamContact, list_teams, set_team_contact

__all__ = ["admin", "office", "office_dir", "office_template"]  # fixtures


def _teams(window: MainWindow) -> list[object]:
    round_id = window.round_combo.currentData()
    return window.workspace.read(lambda s: list_teams(s, round_id))


def test_the_office_sets_the_contact_with_the_team(qtbot: QtBot, office: MainWindow) -> None:
    page = _page(office)
    page.tabs.setCurrentWidget(page.teams)
    dialog = _open(qtbot, page, "new_team")
    assert isinstance(dialog, TeamDialog)
    _idle(qtbot, office)
    assert not dialog.contact["phone"].isReadOnly() and not dialog.hint.isVisible()
    dialog.name.setText("第一巡察组")
    dialog.contact["phone"].setText("0871-12345678")
    dialog.contact["mailbox"].setText("云川县邮政局第18号信箱")
    dialog.contact["postcode"].setText("6501")  # not six digits
    _save(qtbot, office, dialog, ok=False)
    assert "邮编应为 6 位数字" in dialog.banner.text()
    assert "邮编应为 6 位数字" in dialog.form.errors["postcode"].text()
    assert _teams(office) == []  # the team was not added without its contact
    dialog.contact["postcode"].setText("650100")
    _save(qtbot, office, dialog)
    (team,) = _teams(office)
    assert team.contact == TeamContact(  # type: ignore[attr-defined]
        phone="0871-12345678", mailbox="云川县邮政局第18号信箱", postcode="650100"
    )

    page.teams.table.selectRow(0)
    dialog = _open(qtbot, page, "edit_team")
    assert isinstance(dialog, TeamDialog)
    assert dialog.contact["mailbox"].text() == "云川县邮政局第18号信箱"
    dialog.contact["hours"].setText("每天 8:00—18:00")
    _save(qtbot, office, dialog)
    (team,) = _teams(office)
    assert team.contact.hours == "每天 8:00—18:00"  # type: ignore[attr-defined]
    assert team.contact.phone == "0871-12345678"  # type: ignore[attr-defined]


def test_the_contact_is_read_only_for_anyone_else(
    qtbot: QtBot, office: MainWindow, admin: MainWindow
) -> None:
    page = _page(office)
    page.tabs.setCurrentWidget(page.teams)
    dialog = _open(qtbot, page, "new_team")
    dialog.name.setText("第一巡察组")
    _save(qtbot, office, dialog)
    (team,) = _teams(admin)

    dialog = TeamDialog(admin.tasks, admin.round_combo.currentData(), [team], [], team, admin)
    qtbot.addWidget(dialog)
    _idle(qtbot, admin)
    assert all(edit.isReadOnly() for edit in dialog.contact.values())
    assert dialog.hint.text().startswith("信访渠道只读：")
    assert "巡察办" in dialog.contact["phone"].toolTip()
    assert dialog.contact_changed() is None  # the save does not touch it

    with pytest.raises(PermissionDenied, match="设置巡察组信访渠道"):
        admin.workspace.write(
            lambda s: set_team_contact(s, team.id, TeamContact(phone="110"))  # type: ignore[attr-defined]
        )
