"""Two desktops on one office store, the main window on one (issue #20): a colleague registers a
letter from their own desktop, and 刷新 (F5) shows it here, in the 信访件 list and in the
概览's figures, without unlocking again. The demo on the server, a copy for the test
(tests/pg/demo_env.py); Qt offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.kdf import TEST_KDF
from tests.pg.demo_env import demo_dir, pg_demo  # noqa: F401 - the server's
from tests.ui.conftest import collect_only_between_tests  # noqa: F401 - as for every window
from tests.ui.test_menu_bar import _key
from ui.main_window import MainWindow
from ui.pages.letters_page import LettersPage
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.services.letters import LetterDraft, list_letters, register_letter
from workbench.store.office import OfficeVault
from workbench.store.office_link import OfficeLink
from workbench.vocab.enums import LetterChannel
from workbench.workspace import Workspace

SLOW = 60_000  # ms: a server on a loaded machine
COLLEAGUE = "zhangw"  # 张伟, 组员, at their own desktop


@pytest.fixture
def window(qtbot: QtBot, demo_dir: Path) -> Iterator[MainWindow]:  # noqa: F811
    window = MainWindow(Workspace.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=SLOW)
    yield window
    window.close()


@pytest.fixture
def colleague(demo_dir: Path, tmp_path: Path) -> Iterator[OfficeVault]:  # noqa: F811
    """张伟's desktop: a folder of its own, linked to the same database."""
    connection = OfficeLink.read(demo_dir).open(COLLEAGUE, DEMO_PASSPHRASE)
    with OfficeVault.connect(
        tmp_path / "colleague", connection, COLLEAGUE, DEMO_PASSPHRASE, kdf=TEST_KDF
    ) as vault:
        yield vault


def _f5(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)  # what the page showed is in
    _key(qtbot, window, Qt.Key.Key_F5)


def _register(colleague: OfficeVault, round_id: str, summary: str) -> str:
    with colleague.session() as s:
        draft = LetterDraft(
            round_id, LetterChannel.SMALL_ENVELOPE, datetime(2026, 4, 1, 9, 30), summary=summary
        )
        return register_letter(s, draft).id


def test_f5_shows_a_letter_a_colleague_registered_on_another_desktop(
    qtbot: QtBot, window: MainWindow, colleague: OfficeVault
) -> None:
    round_id = window.round_combo.currentData()
    dashboard = window.pages["dashboard"]
    assert window.stack.currentWidget() is dashboard  # 概览 is the page first shown
    letters = dashboard.figures["letters"].value  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: letters.text() not in ("", "—"), timeout=SLOW)
    before = window.workspace.read(lambda s: list_letters(s, round_id, limit=1).total)
    assert before is not None and letters.text() == str(before)

    _register(colleague, round_id, "反映某某镇低保评审中优亲厚友")
    _f5(qtbot, window)
    qtbot.waitUntil(lambda: letters.text() == str(before + 1), timeout=SLOW)

    window.show_page("letters")
    page = window.pages["letters"]
    assert isinstance(page, LettersPage)
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=SLOW)
    second = _register(colleague, round_id, "反映某某村集体资金使用不规范")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    assert page.model.row_of(second) is None  # nothing told this desktop yet
    _f5(qtbot, window)
    qtbot.waitUntil(lambda: page.model.row_of(second) is not None, timeout=SLOW)
    assert page.model.total == before + 2
    view = page.model.view_at(page.model.row_of(second))  # type: ignore[arg-type]
    assert view is not None and view.summary == "反映某某村集体资金使用不规范"
    assert window.round_combo.currentData() == round_id  # the round chosen is kept
