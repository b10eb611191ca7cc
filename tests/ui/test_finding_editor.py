"""问题底稿 editor: a new 底稿 with its responsible parties, classification and an evidence file;
a leading cadre's direct responsibility refused by its field; a signed-off 底稿 refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, press, record_page, save, settle
from ui.editors.finding_editor import FindingEditor
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.services.findings import get_finding
from workbench.services.findings_evidence import list_evidence
from workbench.vocab.enums import FindingStatus
from workbench.workspace import Workspace


def _select(page: RecordListPage, record_id: str) -> None:
    row = page.model.row_of(record_id)
    assert row is not None
    page.table.selectRow(row)


def _pick(qtbot: QtBot, window: MainWindow, page: RecordListPage, wanted: Any) -> Any:
    for row in range(page.model.rowCount()):
        page.model.view_at(row)
    settle(qtbot, window)
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    view = next(v for v in views if v is not None and wanted(v))
    _select(page, view.id)
    settle(qtbot, window)
    return view


def test_new_finding_with_parties_classification_and_an_evidence_file(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "findings")
    before = page.model.total
    editor = open_editor(qtbot, window, page, "new", FindingEditor)
    qtbot.waitUntil(
        lambda: editor.target.count() > 1 and editor.classification.count() > 1, timeout=10000
    )
    editor.texts["title"].setText("村务监督委员会未对集体资产出租进行监督")
    editor.target.setCurrentIndex(1)
    editor.method.setCurrentIndex(editor.method.findData("FS-05"))
    code = str(editor.classification.itemData(3))
    editor.classification.setCurrentIndex(3)
    editor.summary.setPlainText("2025年村集体厂房出租未经村务监督委员会审核，租金低于市场价。")
    editor.texts["amount"].setText("48000.50")
    editor.disciplines.boxes["JL-4"].setChecked(True)
    press(editor, "add_responsible")  # a row only when asked for
    unit = editor.responsible.table.item(0, 1)
    assert unit is not None
    unit.setText("红旗村村务监督委员会")
    editor.responsible.add_row({"type": "leading", "unit": "红旗村党支部", "name": "王某"})
    contract = tmp_path / "厂房租赁合同.pdf"
    contract.write_bytes(b"%PDF-1.4 contract")
    with qtbot.waitSignal(editor.files.attached, timeout=10000):
        editor.files.add_file(contract)
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_finding(s, saved.id))
    assert stored.title == "村务监督委员会未对集体资产出租进行监督"
    assert stored.taxonomy_code == code and stored.method_code == "FS-05"
    assert str(stored.amount) == "48000.50" and stored.disciplines == ("JL-4",)
    assert [(r.type.value, r.unit, r.name) for r in stored.responsible] == [
        ("main", "红旗村村务监督委员会", ""),
        ("leading", "红旗村党支部", "王某"),
    ]
    evidence = workspace.read(lambda s: list_evidence(s, saved.id))
    assert [(e.title, e.evidence_type.value) for e in evidence] == [
        ("厂房租赁合同.pdf", "document")
    ]
    assert evidence[0].attachment_sha256 == editor.files.shas()[0]
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    assert saved.number in page.detail.toPlainText()
    window.close()


def test_edit_a_draft_refused_for_a_leading_cadre_then_saved(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "findings")
    target = _pick(qtbot, window, page, lambda v: v.status is FindingStatus.DRAFT)
    editor = open_editor(qtbot, window, page, "edit", FindingEditor)
    parties = editor.responsible.rows()
    assert [(p["unit"], p["name"]) for p in parties] == [
        (r.unit, r.name) for r in target.responsible
    ]
    row = editor.responsible.add_row({"type": "direct", "name": "赵某", "level": "county"})
    editor.save_button.click()  # a 县管 cadre's own problem is a clue, not a 底稿
    error = editor.findChild(QLabel, "error_responsible")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-CLUE-REQUIRED" in error.text() and editor.isVisible()
    top = editor.findChild(QLabel, "editor_refusal")  # also at the top, never below the fold
    assert top is not None and top.isVisible() and "WB-CLUE-REQUIRED" in top.text()
    editor.responsible.table.selectRow(row)
    editor.responsible.remove_selected()
    editor.discovery.setPlainText("查阅2025年村级财务凭证发现。")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_finding(s, target.id))
    assert stored.discovery == "查阅2025年村级财务凭证发现。"
    kept = [(r.type, r.name, r.unit, r.person_id) for r in stored.responsible]
    assert kept == [(r.type, r.name, r.unit, r.person_id) for r in target.responsible]
    assert stored.meta.version == saved.meta.version > target.meta.version
    window.close()


def test_a_signed_off_finding_cannot_be_changed(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "findings")
    target = _pick(qtbot, window, page, lambda v: v.status is FindingStatus.APPROVED)
    editor = open_editor(qtbot, window, page, "edit", FindingEditor)
    # read-only from the start, the reason at the top (above the scrolled form)
    notice = editor.findChild(QLabel, "editor_locked")
    assert notice is not None and notice.isVisible() and "已审签" in notice.text()
    assert editor.layout().indexOf(notice) < editor.layout().indexOf(editor.scroll_area)
    assert editor.summary.isReadOnly() and editor.texts["title"].isReadOnly()
    assert not editor.save_button.isEnabled() and not editor.in_report.isEnabled()
    assert not editor.responsible.table.isEnabled()
    editor.save()  # not even a direct call saves
    settle(qtbot, window)
    assert workspace.read(lambda s: get_finding(s, target.id)).summary == target.summary
    editor.discard()
    editor.hide()
    settle(qtbot, window)
    window.close()


def test_a_new_finding_has_no_blank_party_and_asks_how_it_was_found(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """The editor used to open with an empty 责任主体 row that saving then refused, and with
    发现方式 silently set to FS-01."""
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "findings")
    editor = open_editor(qtbot, window, page, "new", FindingEditor)
    qtbot.waitUntil(lambda: editor.target.count() > 1, timeout=10000)
    assert editor.responsible.rows() == []
    assert editor.method.currentText() == "请选择" and editor.method.currentData() == ""
    editor.texts["title"].setText("食堂采购未执行询价制度")
    editor.target.setCurrentIndex(1)
    editor.save_button.click()
    error = editor.findChild(QLabel, "error_method_code")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "请选择发现方式" in error.text() and editor.isVisible()
    editor.method.setCurrentIndex(editor.method.findData("FS-02"))
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_finding(s, saved.id))
    assert stored.method_code == "FS-02" and stored.responsible == ()
    window.close()
