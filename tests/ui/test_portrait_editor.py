"""政治画像 editor: subject, every template item rated, overall rating — one transaction."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, save, settle
from ui.editors.portrait_editor import PortraitEditor
from workbench.services.portraits import get_portrait, list_portraits
from workbench.services.targets import list_targets
from workbench.vocab.enums import Grade, PortraitSubject
from workbench.workspace import Workspace


def test_new_portrait_rated_item_by_item_with_an_overall_rating(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "portraits")
    before = page.model.total
    editor = open_editor(qtbot, window, page, "new", PortraitEditor)
    qtbot.waitUntil(lambda: editor.target.count() > 1, timeout=10000)
    target = workspace.read(lambda s: list_targets(s, round_id=editor.round_id).items[0])
    editor.subject_type.set_value(PortraitSubject.LEADERSHIP)
    editor.target.set_value(target.id)
    assert len(editor.ratings) == editor.table.rowCount() > 30
    codes = list(editor.ratings)
    for code in codes:
        editor.ratings[code].set_value("B")  # the template's letter for 较好
    editor.ratings[codes[0]].set_value("A")
    editor.comments[codes[0]].setText("坚决贯彻上级部署，请示报告及时。")
    assert "38 / 38" in editor.progress.text()  # zzhx@2
    editor.overall.set_value("B")
    editor.conclusion.setPlainText("班子总体较好。")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_portrait(s, saved.id))
    assert stored.subject_type is PortraitSubject.LEADERSHIP and stored.target_id == target.id
    assert stored.subject_name == f"{target.name}领导班子"  # the core's default name
    assert stored.complete and stored.overall is Grade.FAIRLY_GOOD
    first = stored.items[0]
    assert first.item_code == codes[0] and first.rating is Grade.GOOD
    assert first.comment == "坚决贯彻上级部署，请示报告及时。"
    assert stored.conclusion == "班子总体较好。"
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    window.close()


def test_edit_ratings_and_a_refused_overall_rolls_back_everything(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "portraits")
    page.table.selectRow(0)
    target = page.current_view()
    assert target is not None and target.complete and target.overall is not None
    editor = open_editor(qtbot, window, page, "edit", PortraitEditor)
    assert not editor.template.isEnabled()
    first = target.items[0]
    second = next(i for i in target.items[1:] if i.evidence_refs)  # its evidence must survive
    # clearing an item while the overall rating stays is refused by the core, as a whole
    editor.ratings[first.item_code].set_value(None)
    editor.comments[second.item_code].setText("修改后的说明")
    editor.save_button.click()
    error = editor.findChild(QLabel, "error_overall")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-VALIDATION" in error.text() and "未评价" in error.text()
    unchanged = workspace.read(lambda s: get_portrait(s, target.id))
    assert unchanged.items == target.items and unchanged.overall is target.overall
    assert unchanged.meta.version == target.meta.version
    # rated again and changed: saved together with the comment
    new_rating = "A" if first.rating is not Grade.GOOD else "D"
    editor.ratings[first.item_code].set_value(new_rating)
    editor.conclusion.setPlainText("经复核，结论调整。")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_portrait(s, target.id))
    assert stored.items[0].rating is not first.rating and stored.items[0].rating is not None
    edited = next(i for i in stored.items if i.item_code == second.item_code)
    assert edited.comment == "修改后的说明" and edited.evidence_refs == second.evidence_refs
    assert stored.conclusion == "经复核，结论调整。" and stored.overall is target.overall
    assert stored.meta.version == saved.meta.version > target.meta.version
    window.close()


def test_an_overall_rating_the_items_contradict_is_refused_under_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "portraits")
    before = page.model.total
    editor = open_editor(qtbot, window, page, "new", PortraitEditor)
    qtbot.waitUntil(lambda: editor.target.count() > 1, timeout=10000)
    target = workspace.read(lambda s: list_targets(s, round_id=editor.round_id).items[0])
    editor.target.set_value(target.id)
    stored_before = workspace.read(lambda s: list_portraits(s, target_id=target.id).total)
    codes = list(editor.ratings)
    for code in codes:
        editor.ratings[code].set_value("A")
    editor.ratings[codes[-1]].set_value("D")  # one item 差: the overall cannot be 好
    editor.overall.set_value("A")
    editor.usage_advice.setPlainText("作为班子调整的参考。")
    editor.save_button.click()
    error = editor.findChild(QLabel, "error_overall")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-PORTRAIT-GRADE" in error.text() and "评为“差”" in error.text()
    stored_now = workspace.read(lambda s: list_portraits(s, target_id=target.id).total)
    assert stored_now == stored_before  # nothing saved, the new portrait neither
    editor.overall.set_value("B")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_portrait(s, saved.id))
    assert stored.overall is Grade.FAIRLY_GOOD and stored.usage_advice == "作为班子调整的参考。"
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    window.close()


def test_undo_and_a_recovered_draft_restore_the_item_table(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "portraits")
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    person = next(v for v in views if v is not None and v.person_id is not None)
    row = page.model.row_of(person.id)
    assert row is not None
    page.table.selectRow(row)
    editor = open_editor(qtbot, window, page, "edit", PortraitEditor)
    qtbot.waitUntil(lambda: editor.person.count() > 1, timeout=10000)
    original = editor.state()
    assert original["person_id"] == person.person_id == editor.person.value()
    code = next(iter(editor.ratings))
    editor.ratings[code].set_value("D")
    editor.comments[code].setText("草稿中的说明")
    editor.conclusion.setPlainText("草稿中的结论")
    editor.close_undo_step()  # what a typing pause does
    typed = editor.state()
    editor.undo()
    assert editor.state() == original
    editor.redo()
    assert editor.state() == typed
    again = PortraitEditor(window.tasks, round_id=editor.round_id, view=editor.view, parent=window)
    again.restore_draft(typed)  # before the people are loaded: the chosen person waits
    qtbot.waitUntil(lambda: again.person.count() > 1, timeout=10000)
    assert again.state() == typed
    for e in (editor, again):
        e.discard()
        e.hide()
    settle(qtbot, window)
    window.close()
