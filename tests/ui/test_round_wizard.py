"""新建巡察轮次 and 编辑本轮 on a fresh office store, through the wizard's real widgets: a 交叉
round with phase dates, a 专项 round with its topic, a bad date range refused on its page, a
refusal from the core shown at the top, and no wizard for anyone but 巡察办."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QWizard,
)
from pytestqt.qtbot import QtBot

from tests.ui.office_store import (
    LEADER,
    TIMEOUT,
    office_dir,
    office_template,
    open_window,
    opened,
    settle,
)
from ui.dialogs.round_wizard import RoundWizard
from ui.main_window import MainWindow
from workbench.errors import PermissionDenied
from workbench.services.office_setup import DEFAULT_FRAMEWORK, RoundChanges, add_round, edit_round
from workbench.services.rounds import RoundDraft, get_round, list_rounds
from workbench.vocab.enums import PlanStatus, RoundPhase, RoundType
from workbench.workspace import Workspace

__all__ = ["office_dir", "office_template", "opened"]  # fixtures

YEAR = date.today().year


def _type(edit: QLineEdit | None, text: str) -> None:
    """As typed (QTest's key clicks know only ASCII): the field's own insert, marked modified."""
    assert edit is not None
    edit.setFocus()
    edit.insert(text)


def _menu_action(window: MainWindow, name: str) -> None:
    button = window.toolbar.findChild(QToolButton, "round_menu")
    assert button is not None
    menu = button.menu()
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.objectName() == name)
    assert action.isEnabled()
    action.trigger()


def _wizard(qtbot: QtBot, window: MainWindow) -> RoundWizard:
    qtbot.waitUntil(lambda: window.findChild(RoundWizard) is not None, timeout=TIMEOUT)
    wizard = window.findChild(RoundWizard)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.loaded, timeout=TIMEOUT)
    return wizard


def _next(wizard: RoundWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    button.click()


def _set_dates(wizard: RoundWizard, phase: RoundPhase, start: date, end: date) -> None:
    box = wizard.findChild(QCheckBox, f"dates_{phase.value}")
    assert box is not None
    if not box.isChecked():
        box.click()
    for name, value in (("start", start), ("end", end)):
        edit = wizard.findChild(QDateEdit, f"{name}_{phase.value}")
        assert edit is not None and edit.isEnabled()
        edit.setDate(QDate(value.year, value.month, value.day))


def _finish(qtbot: QtBot, wizard: RoundWizard) -> None:
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.button(QWizard.WizardButton.FinishButton).click()


def test_a_cross_round_with_phase_dates_and_a_bad_range_refused_inline(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    window = open_window(qtbot, office_dir, opened)
    _menu_action(window, "new_round")
    wizard = _wizard(qtbot, window)
    basics = wizard.currentPage()
    name = basics.findChild(QLineEdit, "name")
    assert name is not None and name.text() == f"{YEAR}年第一轮巡察"
    _type(basics.findChild(QLineEdit, "term"), "十五届市委")
    _type(basics.findChild(QLineEdit, "authorization_no"), "市巡办〔2026〕3号")
    _next(wizard)
    wizard.currentPage().findChild(QRadioButton, "type_cross").click()
    assert name.text() == f"{YEAR}年第一轮交叉巡察"  # the suggestion follows the type
    _next(wizard)
    dates = wizard.currentPage()
    _set_dates(wizard, RoundPhase.PREPARATION, date(2026, 3, 1), date(2026, 3, 10))
    _set_dates(wizard, RoundPhase.STATIONING, date(2026, 3, 20), date(2026, 3, 11))
    error = dates.findChild(QLabel, "error_stationing")
    assert error is not None and error.text() == "结束日期早于开始日期"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _set_dates(wizard, RoundPhase.STATIONING, date(2026, 3, 11), date(2026, 5, 10))
    assert error.text() == ""
    _next(wizard)
    summary = wizard.currentPage().findChild(QLabel, "summary")
    assert summary is not None and "交叉巡察" in summary.text() and "2026-03-11" in summary.text()
    _finish(qtbot, wizard)
    qtbot.waitUntil(
        lambda: window.round_combo.currentText() == f"{YEAR}年第一轮交叉巡察", timeout=TIMEOUT
    )
    settle(qtbot, window)
    view = opened[0].read(lambda s: get_round(s, window.round_combo.currentData()))
    assert (view.round_type, view.term, view.authorization_no) == (
        RoundType.CROSS,
        "十五届市委",
        "市巡办〔2026〕3号",
    )
    assert view.phase_dates == {
        RoundPhase.PREPARATION: (date(2026, 3, 1), date(2026, 3, 10)),
        RoundPhase.STATIONING: (date(2026, 3, 11), date(2026, 5, 10)),
    }
    assert (view.start_date, view.end_date) == (date(2026, 3, 1), date(2026, 5, 10))
    assert (view.framework_id, int(view.framework_version)) == DEFAULT_FRAMEWORK
    header = window.pages["dashboard"].header  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: header.title.text() == view.name, timeout=TIMEOUT)
    window.close()


def test_a_special_round_needs_its_topic(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    window = open_window(qtbot, office_dir, opened)
    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.checklist.isVisible(), timeout=TIMEOUT)  # type: ignore[attr-defined]
    assert not dashboard.header.isVisible()  # type: ignore[attr-defined]  # one offer, not two
    new = dashboard.findChild(QPushButton, "step_new_round_button")
    assert new is not None and new.isVisible()  # no round yet: the checklist's step offers it
    new.click()
    wizard = _wizard(qtbot, window)
    _next(wizard)
    page = wizard.currentPage()
    page.findChild(QRadioButton, "type_special").click()
    topic = page.findChild(QLineEdit, "topic")
    assert topic is not None and topic.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.findChild(QLabel, "type_message").text() == "专项巡察请填写专项主题"
    _type(topic, "乡村振兴")
    _next(wizard)
    _next(wizard)
    _finish(qtbot, wizard)
    qtbot.waitUntil(lambda: window.round_combo.currentData() is not None, timeout=TIMEOUT)
    settle(qtbot, window)
    view = opened[0].read(lambda s: get_round(s, window.round_combo.currentData()))
    assert (view.name, view.round_type, view.topic) == (
        f"{YEAR}年第一轮专项巡察",
        RoundType.SPECIAL,
        "乡村振兴",
    )
    assert view.phase_dates == {} and view.plan_status in {PlanStatus.NONE, PlanStatus.DRAFT}
    window.close()


def test_a_refused_save_is_shown_at_the_top_and_the_wizard_stays(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    window = open_window(qtbot, office_dir, opened)
    taken = RoundDraft("第一轮", YEAR, 1, RoundType.REGULAR, *DEFAULT_FRAMEWORK)
    opened[0].write(lambda s: add_round(s, taken))
    _menu_action(window, "new_round")
    wizard = _wizard(qtbot, window)
    number = wizard.currentPage().findChild(QSpinBox, "number")
    assert number is not None and number.value() == 2  # the year's next 轮次
    name = wizard.currentPage().findChild(QLineEdit, "name")
    name.clear()
    _type(name, "第一轮")
    _next(wizard)
    _next(wizard)
    _next(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    banner = wizard.currentPage().findChild(QLabel, "wizard_error")
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=TIMEOUT)
    assert "已有名为“第一轮”的巡察轮次" in banner.text() and "WB-CONFLICT" in banner.text()
    assert wizard.isVisible() and wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert len(opened[0].read(lambda s: list_rounds(s).items)) == 1
    wizard.reject()
    window.close()


def test_editing_the_chosen_round_keeps_what_is_not_changed(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    window = open_window(qtbot, office_dir, opened)
    march = {RoundPhase.PREPARATION: (date(2026, 3, 1), date(2026, 3, 10))}
    draft = RoundDraft(
        "乡村振兴专项巡察",
        2026,
        4,
        RoundType.SPECIAL,
        *DEFAULT_FRAMEWORK,
        topic="乡村振兴",
        phase_dates=march,
    )
    made = opened[0].write(lambda s: add_round(s, draft))
    window.reload_rounds(select=made.id)
    settle(qtbot, window)
    _menu_action(window, "edit_round")
    wizard = _wizard(qtbot, window)
    assert wizard.windowTitle() == "编辑本轮"
    name = wizard.currentPage().findChild(QLineEdit, "name")
    assert name.text() == "乡村振兴专项巡察"
    _next(wizard)
    topic = wizard.currentPage().findChild(QLineEdit, "topic")
    assert topic.text() == "乡村振兴"
    topic.selectAll()
    _type(topic, "乡村振兴领域")
    _next(wizard)
    box = wizard.currentPage().findChild(QCheckBox, "dates_preparation")
    assert box.isChecked()
    _set_dates(wizard, RoundPhase.STATIONING, date(2026, 3, 11), date(2026, 4, 30))
    _next(wizard)
    _finish(qtbot, wizard)
    settle(qtbot, window)
    view = opened[0].read(lambda s: get_round(s, made.id))
    assert (view.name, view.topic, view.number) == ("乡村振兴专项巡察", "乡村振兴领域", 4)
    assert view.phase_dates == {
        **march,
        RoundPhase.STATIONING: (date(2026, 3, 11), date(2026, 4, 30)),
    }
    assert window.round_combo.currentData() == made.id
    window.close()


def test_only_the_office_gets_the_wizard_and_the_core_refuses_others(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    window = open_window(qtbot, office_dir, opened, LEADER)
    assert window.toolbar.findChild(QToolButton, "round_menu") is None
    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.checklist.isVisible(), timeout=TIMEOUT)  # type: ignore[attr-defined]
    assert "还没有巡察轮次" in dashboard.checklist.heading.text()  # type: ignore[attr-defined]
    assert not dashboard.header.isVisible()  # type: ignore[attr-defined]
    draft = RoundDraft("第一轮", YEAR, 1, RoundType.REGULAR, *DEFAULT_FRAMEWORK)
    with pytest.raises(PermissionDenied, match="巡察办"):
        opened[0].write(lambda s: add_round(s, draft))
    window.close()


def test_an_edit_by_someone_else_meanwhile_is_refused(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    window = open_window(qtbot, office_dir, opened)
    draft = RoundDraft("第一轮", YEAR, 1, RoundType.REGULAR, *DEFAULT_FRAMEWORK)
    made = opened[0].write(lambda s: add_round(s, draft))
    window.reload_rounds(select=made.id)
    settle(qtbot, window)
    _menu_action(window, "edit_round")
    wizard = _wizard(qtbot, window)
    opened[0].write(lambda s: edit_round(s, made.id, RoundChanges(term="十五届")))
    for _ in range(3):
        _next(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    banner = wizard.currentPage().findChild(QLabel, "wizard_error")
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=TIMEOUT)
    assert "已被他人修改" in banner.text()
    assert opened[0].read(lambda s: get_round(s, made.id)).term == "十五届"
    wizard.reject()
    window.close()


def test_elevated_is_dispatched_by_the_city_and_revisit_names_its_earlier_round(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    window = open_window(qtbot, office_dir, opened)
    _menu_action(window, "new_round")
    wizard = _wizard(qtbot, window)
    _next(wizard)
    page = wizard.currentPage()
    level = page.findChild(QComboBox, "dispatch_level")
    assert level is not None
    level.setCurrentIndex(level.findData("county"))
    page.findChild(QRadioButton, "type_elevated").click()
    assert not level.isEnabled() and level.currentData() == "city"
    page.findChild(QRadioButton, "type_revisit").click()
    assert level.isEnabled()
    message = page.findChild(QLabel, "type_message")
    assert message.text() == "还没有可以“回头看”的轮次，请先建立原轮次"  # a fresh store
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()
    earlier = RoundDraft("第一轮", YEAR, 1, RoundType.REGULAR, *DEFAULT_FRAMEWORK)
    first = opened[0].write(lambda s: add_round(s, earlier))
    window.reload_rounds()
    settle(qtbot, window)
    _menu_action(window, "new_round")
    qtbot.waitUntil(lambda: len(window.findChildren(RoundWizard)) == 1, timeout=TIMEOUT)
    wizard = _wizard(qtbot, window)
    _next(wizard)
    wizard.currentPage().findChild(QRadioButton, "type_revisit").click()
    revisit = wizard.currentPage().findChild(QComboBox, "revisit_of")
    assert revisit is not None and revisit.currentData() == first.id
    _next(wizard)
    _next(wizard)
    _finish(qtbot, wizard)
    settle(qtbot, window)
    view = opened[0].read(lambda s: get_round(s, window.round_combo.currentData()))
    assert (view.name, view.round_type, view.revisit_of) == (
        f"{YEAR}年第二轮巡察“回头看”",
        RoundType.REVISIT,
        first.id,
    )
    window.close()
