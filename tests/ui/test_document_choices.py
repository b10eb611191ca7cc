"""The request's choices in the document dialog and the menus of the new types: the 公文要素 of a
framed type reach the DocRequest, a 发文字号 drawn from the dialog is in the register (and printed
again by the next export), every registry type is on its page's menu, a "record or target" type
takes the selected record or else the toolbar's target, a voided record offers no document, and
a 提醒函 record is chosen from the round's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QInputDialog, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_documents_ui import click, document_dialog, save_as, warning_box
from tests.workbench.test_docs_data import as_office_store
from ui.dialogs import document_export
from ui.dialogs.document_dialog import DocumentDialog
from ui.dialogs.rectification_followup_dialog import FollowThroughDialog
from ui.main_window import MainWindow
from ui.pages.document_menu import DOCUMENT_PAGES, documents_for
from ui.pages.reports_page import ReportsPage
from workbench.errors import WorkbenchError
from workbench.reports import DOCUMENTS, DocRequest, get_spec
from workbench.reports.numbers import list_numbers
from workbench.services import rectification_followup as followup
from workbench.services.findings import list_findings
from workbench.services.reports import ReportDraft, create_report
from workbench.services.rounds import list_rounds
from workbench.services.voiding import void
from workbench.vocab.enums import FindingStatus, ReportType
from workbench.workspace import Workspace


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    w = MainWindow(workspace)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.round_combo.count() > 1 and not w.tasks.busy, timeout=10000)
    yield w
    w.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(document_export, "open_url", urls.append)
    return urls


def entries(page: QWidget) -> dict[str, tuple[bool, str]]:
    menu = page.findChild(QMenu, "documents_menu")
    assert menu is not None
    menu.aboutToShow.emit()
    return {a.data(): (a.isEnabled(), a.toolTip()) for a in menu.actions()}


def findings_page(qtbot: QtBot, window: MainWindow) -> Any:
    window.show_page("findings")
    page = window.pages["findings"]
    qtbot.waitUntil(lambda: page.current_view() is not None, timeout=10000)
    return page


def choose_target(qtbot: QtBot, window: MainWindow, index: int = 1) -> str:
    qtbot.waitUntil(lambda: window.target_combo.count() > index, timeout=10000)
    window.target_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    return str(window.target_combo.currentData())


def frame_loaded(qtbot: QtBot, dialog: DocumentDialog) -> None:
    qtbot.waitUntil(lambda: dialog.signer.placeholderText() != "", timeout=10000)


def test_every_registry_type_is_on_its_page_menu(qtbot: QtBot, window: MainWindow) -> None:
    listed: list[str] = []
    for key in sorted(set(DOCUMENT_PAGES.values())):
        page = window.pages[key]
        codes = list(entries(page))
        assert codes == [d.code for d in documents_for(key)], key
        listed += codes
    assert sorted(listed) == sorted(d.code for d in DOCUMENTS)


def test_the_frame_choices_reach_the_request(qtbot: QtBot, window: MainWindow) -> None:
    window.workspace.write(as_office_store)  # where 编发新文号 is offered
    page = findings_page(qtbot, window)
    dialog = document_dialog(qtbot, page, "inspection-report")
    assert dialog.frame_toggle is not None and not dialog.frame_box.isVisible()
    dialog.show_frame(True)
    assert dialog.frame_box.isVisible()
    frame_loaded(qtbot, dialog)
    assert dialog.current_request().cc is None  # the defaults, as the office set them
    assert dialog.signer.isVisibleTo(dialog)  # a 上行文: the 签发人 is asked for

    dialog.urgency.setCurrentIndex(dialog.urgency.findData("特急"))
    dialog.signer.setText("李明")
    dialog.recipient.setText("县委巡察工作领导小组")
    dialog.cc.setText("县纪委监委、县审计局")
    dialog.attachments.addItem("问题底稿清单")
    dialog.attachments.addItem("谈话名单")
    dialog.note.setText("此件发至乡镇")
    request = dialog.current_request()
    assert request.urgency == "特急"
    assert request.signer == "李明"
    assert request.recipient == "县委巡察工作领导小组"
    assert request.cc == ("县纪委监委", "县审计局")
    assert request.attachments == ("问题底稿清单", "谈话名单")
    assert request.note == "此件发至乡镇"
    assert not request.issue and request.number == ""

    dialog.new_number.setChecked(True)
    assert dialog.current_request().issue
    assert dialog.number_warning.isVisibleTo(dialog)
    dialog.draft.setChecked(True)  # a 征求意见稿 is never numbered
    assert dialog.no_number.isChecked() and not dialog.new_number.isEnabled()
    assert not dialog.current_request().issue
    dialog.close()


def test_a_field_store_offers_no_new_number_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    page = findings_page(qtbot, window)
    dialog = document_dialog(qtbot, page, "inspection-report")
    dialog.show_frame(True)
    frame_loaded(qtbot, dialog)
    assert not dialog.new_number.isEnabled()
    assert "巡察办数据库" in dialog.new_number.toolTip()
    assert dialog.no_number.isChecked() and not dialog.current_request().issue
    dialog.close()


def test_names_and_appendix_reach_the_request(qtbot: QtBot, window: MainWindow) -> None:
    page = findings_page(qtbot, window)
    choose_target(qtbot, window)
    dialog = document_dialog(qtbot, page, "feedback")
    assert dialog.names.isVisibleTo(dialog) and not dialog.appendix.isVisibleTo(dialog)
    assert not dialog.current_request().names
    dialog.names.setChecked(True)
    assert dialog.current_request().names
    # its 抄送 defaults are shown; cleared, it has none
    frame_loaded(qtbot, dialog)
    assert not dialog.signer.isVisibleTo(dialog)  # not a 上行文
    assert "纪委监委" in dialog.cc.text() and "组织部" in dialog.cc.text()
    assert dialog.current_request().cc is None
    dialog.cc.clear()
    assert dialog.current_request().cc == ()
    dialog.close()

    window.show_page("portraits")
    portraits = window.pages["portraits"]
    qtbot.waitUntil(lambda: portraits.current_view() is not None, timeout=10000)  # type: ignore[attr-defined]
    dialog = document_dialog(qtbot, portraits, "portrait")
    assert dialog.appendix.isVisibleTo(dialog) and not dialog.names.isVisibleTo(dialog)
    assert dialog.frame_toggle is not None  # the 专题报告 is a 上行文 with its 公文要素
    dialog.appendix.setChecked(True)
    assert dialog.current_request().appendix
    dialog.close()


def test_a_number_drawn_from_the_dialog_is_in_the_register(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    window.workspace.write(as_office_store)  # only the office's store draws numbers
    page = findings_page(qtbot, window)
    dialog = document_dialog(qtbot, page, "inspection-report")
    dialog.show_frame(True)
    frame_loaded(qtbot, dialog)
    assert dialog.issued.count() == 0 and not dialog.old_number.isEnabled()
    dialog.new_number.setChecked(True)
    save_as(monkeypatch, tmp_path / "report.docx")
    click(dialog, "export")
    click(warning_box(qtbot, window), "close")
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=30000)
    assert dialog.exported is not None
    drawn = dialog.exported.number
    assert drawn.endswith("〔" + str(date.today().year) + "〕1号")
    register = window.workspace.read(lambda s: list_numbers(s))
    assert [(n.text, n.doc_type) for n in register] == [(drawn, "inspection-report")]

    # the number is this document's now: the next export prints it again, drawing none
    qtbot.waitUntil(lambda: dialog.issued.count() == 1, timeout=10000)
    assert dialog.old_number.isChecked() and dialog.issued.currentText() == drawn
    request = dialog.current_request()
    assert request.number == drawn and not request.issue
    dialog.close()


def test_record_or_target_takes_the_record_else_the_target(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = findings_page(qtbot, window)
    view = page.current_view()
    dialog = document_dialog(qtbot, page, "immediate-fix-notice")
    assert dialog.request.record_id == view.id and dialog.request.target_id is None
    dialog.close()

    page.table.clearSelection()
    assert entries(page)["immediate-fix-notice"] == (
        False,
        "请先在列表中选择一条记录，或在工具栏选择被巡察对象。",
    )
    target_id = choose_target(qtbot, window)
    page.table.clearSelection()
    assert entries(page)["immediate-fix-notice"][0]
    dialog = document_dialog(qtbot, page, "immediate-fix-notice")
    assert dialog.request.record_id is None and dialog.request.target_id == target_id
    dialog.close()


def voidable(workspace: Workspace, finding: Any) -> bool:
    """Voids ``finding`` if the core lets it go (a 底稿 a letter points at stays)."""
    try:
        workspace.write(lambda s: void(s, "findings", finding.id, "重复登记"))
    except WorkbenchError:
        return False
    return True


def test_a_voided_record_offers_none_of_its_documents(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = findings_page(qtbot, window)
    every = workspace.read(lambda s: list_findings(s, limit=500).items)
    finding = next(f for f in every if f.status is FindingStatus.DRAFT and voidable(workspace, f))
    page.show_voided.setChecked(True)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    for row in range(page.model.rowCount()):
        page.model.view_at(row)
    qtbot.waitUntil(lambda: page.model.row_of(finding.id) is not None, timeout=10000)
    page.table.selectRow(page.model.row_of(finding.id))
    qtbot.waitUntil(lambda: page.current_view().meta.deleted, timeout=10000)
    shown = entries(page)
    voided = "所选记录已作废，不能生成文书。"
    assert shown["finding"] == (False, voided)
    assert shown["immediate-fix-notice"] == (False, voided)
    assert shown["finding-ledger"][0]  # the round's ledger is not the record's


def test_a_reminder_letter_is_made_from_a_chosen_reminder(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    round_id = workspace.read(lambda s: list_rounds(s).items[0].id)
    target_id = workspace.read(lambda s: list_findings(s, round_id=round_id).items[0].target_id)
    draft = followup.ReminderDraft(target_id, "张旧", "李新", date(2026, 5, 1))
    reminder = workspace.write(lambda s: followup.create_reminder(s, round_id, draft))
    offered: list[list[str]] = []

    def pick(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> Any:
        offered.append(items)
        return next(i for i in items if "张旧" in i), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    window.show_page("rectification")
    page = window.pages["rectification"]
    assert entries(page)["reminder-letter"][0]
    menu = page.findChild(QMenu, "documents_menu")
    next(a for a in menu.actions() if a.data() == "reminder-letter").trigger()
    qtbot.waitUntil(lambda: page.findChild(DocumentDialog) is not None, timeout=10000)
    dialog = page.findChild(DocumentDialog)
    assert len(offered) == 1
    (ours,) = [i for i in offered[0] if "张旧" in i]
    assert ours.endswith("　2026-05-01　张旧 → 李新")  # after its number and unit
    assert dialog.request.record_id == reminder.id
    assert dialog.spec is get_spec("reminder-letter")
    dialog.close()
    assert page.findChild(QPushButton, "documents") is not None


def test_a_suggestion_letter_is_made_from_a_chosen_report_record(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """巡察建议书 report records are listed on no page: the 文书报表 page asks which one."""
    round_id = workspace.read(lambda s: list_rounds(s).items[0].id)
    draft = ReportDraft(
        ReportType.SUGGESTION, "关于加强农村集体“三资”管理的建议", body="县农业农村局：\n建议……"
    )
    report = workspace.write(lambda s: create_report(s, round_id, draft))
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        staticmethod(lambda _p, _t, _l, items, *_a: (next(i for i in items if "三资" in i), True)),
    )
    window.show_page("reports")
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage)
    page.select("suggestion-letter")
    qtbot.waitUntil(lambda: page.preview_button.isEnabled(), timeout=10000)
    assert not page.hint.isVisible()
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.findChild(DocumentDialog) is not None, timeout=10000)
    dialog = page.findChild(DocumentDialog)
    assert dialog.request.record_id == report.id
    dialog.close()


def test_the_follow_through_dialog_makes_the_selected_reminders_letter(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.show_page("rectification")
    page = window.pages["rectification"]
    qtbot.waitUntil(lambda: page.current_view() is not None, timeout=10000)  # type: ignore[attr-defined]
    item = page.current_view()  # type: ignore[attr-defined]
    draft = followup.ReminderDraft(item.target_id, "张旧", "李新", date(2026, 5, 1))
    workspace.write(lambda s: followup.create_reminder(s, item.round_id, draft))
    followup_dialog = FollowThroughDialog(window.tasks, item, page)
    qtbot.addWidget(followup_dialog)
    tab = followup_dialog.reminders
    followup_dialog.letter_rem.click()  # nothing selected: says so
    assert followup_dialog.banner.text() == "请先在表格中选择一条提醒函"
    qtbot.waitUntil(lambda: tab.table.rowCount() > 0, timeout=10000)
    tab.table.selectRow(0)
    followup_dialog.letter_rem.click()
    dialog = followup_dialog.findChild(DocumentDialog)
    assert dialog is not None and dialog.request == DocRequest(
        "reminder-letter", record_id=tab.ids[0]
    )
    dialog.close()
    followup_dialog.close()


def test_a_round_s_transfer_letter_asks_for_its_receiving_unit(
    qtbot: QtBot, window: MainWindow
) -> None:
    """One 移交函 a receiving unit: with the round's clues sent to several, the dialog offers
    them and the request names the one chosen (the core refuses a letter without one)."""
    round_id = str(window.scope()["round_id"])
    request = DocRequest("clue-letter", round_id=round_id)
    dialog = DocumentDialog(window.tasks, request, "", "移交函", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.unit.count() > 1, timeout=10000)
    assert dialog.unit.isVisibleTo(dialog)
    dialog.unit.setCurrentIndex(1)
    assert dialog.current_request().unit == dialog.unit.itemText(1)
    record = DocumentDialog(window.tasks, DocRequest("clue-letter", record_id="x"), "", "", window)
    qtbot.addWidget(record)
    assert not record.unit.isVisibleTo(record)  # one clue: its own units
    dialog.close()
    record.close()
