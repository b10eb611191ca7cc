"""Nothing typed is lost: autosave survives a killed process, and the lock parks open editors."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, save, settle
from ui.dialogs.drafts_dialog import DraftsDialog
from ui.editors.interview_editor import InterviewEditor
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.services.drafts import list_drafts
from workbench.services.interviews import get_interview
from workbench.workspace import Workspace

# Types into a new interview, waits for the autosave timer, then dies without any cleanup.
CRASHING_SESSION = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPushButton
    app = QApplication([])
    from ui.editors.interview_editor import InterviewEditor
    from ui.main_window import MainWindow
    from workbench.workspace import Workspace

    def wait(condition, ms=60000):  # generous: the machine may be busy
        for _ in range(ms // 20):
            if condition():
                return
            QTest.qWait(20)
        sys.exit("timed out")

    window = MainWindow(Workspace.open(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
    window.show()
    wait(lambda: window.round_combo.count() > 1 and not window.tasks.busy)
    window.show_page("interviews")
    wait(lambda: not window.tasks.busy)
    window.pages["interviews"].findChild(QPushButton, "new").click()
    wait(lambda: any(e.isVisible() for e in window.findChildren(InterviewEditor)))
    editor = window.findChildren(InterviewEditor)[0]
    editor.texts["subject_name"].setText("孙某某")
    editor.turns.rows[0][1].setPlainText("崩溃前打的问题")
    wait(lambda: editor.status.text() == "草稿已自动保存")
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_typing_survives_a_killed_process_and_is_offered_back(qtbot: QtBot, demo_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_LANG": "zh_CN"}
    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_SESSION, str(demo_dir), DEMO_LEADER, DEMO_PASSPHRASE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert crashed.returncode == -9, crashed.stderr[-2000:]

    workspace = Workspace.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    try:
        window = open_window(qtbot, workspace)
        dialogs: list[DraftsDialog] = []

        def offered() -> bool:
            dialogs[:] = [d for d in window.findChildren(DraftsDialog) if d.isVisible()]
            return bool(dialogs)

        qtbot.waitUntil(offered, timeout=10000)
        assert dialogs[0].list.count() == 1
        dialogs[0].restore_button.click()
        editors: list[InterviewEditor] = []

        def restored() -> bool:
            editors[:] = [e for e in window.findChildren(InterviewEditor) if e.isVisible()]
            return bool(editors)

        qtbot.waitUntil(restored, timeout=10000)
        editor = editors[0]
        assert editor.texts["subject_name"].text() == "孙某某"
        assert editor.turns.pairs()[0][0] == "崩溃前打的问题"
        editor.texts["interviewers"].setText("王建国、李文")
        editor.texts["recorder"].setText("李文")
        saved = save(qtbot, window, editor)
        stored = workspace.read(lambda s: get_interview(s, saved.id))
        assert stored.subject_name == "孙某某"
        assert workspace.read(list_drafts) == []  # the draft went with the save
        window.close()
    finally:
        workspace.lock()


def test_lock_parks_an_open_editor_and_unlock_brings_it_back(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "interviews")
    editor = open_editor(qtbot, window, page, "new", InterviewEditor)
    editor.texts["subject_name"].setText("周某")
    editor.summary.setPlainText("锁屏前写的摘要")
    with qtbot.waitSignal(window.locked, timeout=10000):
        window.lock()
    QApplication.processEvents()
    assert not any(e.isVisible() for e in window.findChildren(InterviewEditor))
    window.lock_screen.passphrase.setText(DEMO_PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        window.lock_screen._submit()
    reopened: list[InterviewEditor] = []

    def back() -> bool:
        reopened[:] = [e for e in window.findChildren(InterviewEditor) if e.isVisible()]
        return bool(reopened)

    qtbot.waitUntil(back, timeout=10000)
    assert reopened[0].texts["subject_name"].text() == "周某"
    assert reopened[0].summary.toPlainText() == "锁屏前写的摘要"
    reopened[0].discard()
    reopened[0].hide()
    settle(qtbot, window)
    assert window.workspace.read(list_drafts) == []
    window.close()
    window.workspace.lock()
