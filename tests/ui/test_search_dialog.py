"""Global search: results as you type, highlighted safely, Enter opens the record's page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from ui.dialogs.search_dialog import HTML_ROLE, SearchDialog, snippet_html
from ui.main_window import MainWindow
from workbench.search import HIGHLIGHT_END, HIGHLIGHT_START
from workbench.workspace import Workspace


def test_type_then_enter_opens_the_letter(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    dialog = window.open_search()
    dialog.query.setText("小信封")  # typed through an input method: QTest cannot key in CJK
    qtbot.waitUntil(lambda: dialog.hits != [], timeout=10000)
    letters = [h for h in dialog.hits if h.record_type == "letter"]
    assert letters, [h.record_type for h in dialog.hits]
    row = dialog.hits.index(letters[0])
    dialog.results.setCurrentRow(row)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    page = window.pages["letters"]
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: letters[0].title.split()[0] in page.detail.toPlainText(), timeout=10000)  # type: ignore[attr-defined]
    window.close()


def test_two_characters_and_pinyin_initials(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    dialog = window.open_search()
    dialog.query.setText("整改")
    qtbot.waitUntil(lambda: len(dialog.hits) > 0, timeout=10000)
    assert all("整改" in h.title + h.snippet for h in dialog.hits)
    dialog.query.setText("wjg")  # 王建国, the team leader, took part in activities
    qtbot.waitUntil(lambda: any(h.record_type == "activity" for h in dialog.hits), timeout=10000)
    window.close()


def _highlight_pixels(image: QImage) -> int:
    """Pixels in the highlight's dark red (#b71c1c, anti-aliased): the matches drawn bold red."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            count += colour.red() > 140 and colour.green() < 90 and colour.blue() < 90
    return count


def test_results_are_painted_with_their_highlights(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    dialog = window.open_search()
    dialog.resize(720, 520)
    dialog.query.setText("整改")
    qtbot.waitUntil(lambda: len(dialog.hits) > 0, timeout=10000)
    results = dialog.results
    assert results.count() == len(dialog.hits)
    first = results.item(0)
    assert "<b class='hit'>" in first.data(HTML_ROLE)
    assert HIGHLIGHT_START not in first.text() and dialog.hits[0].title in first.text()
    assert results.itemWidget(first) is None  # painted by the delegate, no widget per row
    qtbot.waitUntil(lambda: _highlight_pixels(results.viewport().grab().toImage()) > 20)
    # two lines at least (title, snippet); a narrower dialog wraps the snippets: rows grow
    wide = [results.visualItemRect(results.item(r)).height() for r in range(results.count())]
    line = results.fontMetrics().height()
    assert min(wide) >= 2 * line
    dialog.resize(360, 520)
    qtbot.waitUntil(
        lambda: (
            sum(results.visualItemRect(results.item(r)).height() for r in range(len(wide)))
            > sum(wide)
        ),
        timeout=10000,
    )
    window.close()


def test_snippets_show_stored_html_as_text() -> None:
    html = snippet_html(f"<script>x</script>{HIGHLIGHT_START}巡察{HIGHLIGHT_END}")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b class='hit'>巡察</b>" in html


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _tag_contrast(dialog: SearchDialog, row: int) -> float:
    """The strongest contrast between the row's background and the pixels of its type tag
    (``[信访件]`` at the start of the first line), as painted."""
    results = dialog.results
    rect = results.visualItemRect(results.item(row))
    image = results.viewport().grab().toImage()
    ratio = image.width() / results.viewport().width()  # device pixels
    label = "[" + dialog.hits[row].type_label + "]"
    width = results.fontMetrics().horizontalAdvance(label)
    height = results.fontMetrics().height()
    background = image.pixelColor(int((rect.right() - 3) * ratio), int((rect.top() + 2) * ratio))
    pixels = [
        image.pixelColor(int(x * ratio), int(y * ratio))
        for x in range(rect.left() + 2, rect.left() + width)
        for y in range(rect.top() + 2, rect.top() + height)
    ]
    return max(_contrast(p, background) for p in pixels)


def test_the_type_tag_is_readable_on_a_selected_row(qtbot: QtBot, workspace: Workspace) -> None:
    """Before: the tag was a fixed grey #666, about 1.6:1 on the blue selection."""
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    dialog = window.open_search()
    dialog.resize(720, 520)
    dialog.query.setText("整改")
    qtbot.waitUntil(lambda: dialog.results.count() > 1, timeout=10000)
    dialog.results.setCurrentRow(0)
    qtbot.wait(50)
    assert dialog.results.item(0).isSelected() and not dialog.results.item(1).isSelected()
    assert _tag_contrast(dialog, 1) >= 4.5  # unselected: muted text on the base colour
    assert _tag_contrast(dialog, 0) >= 3.0  # selected: as the selection's own text
    window.close()
