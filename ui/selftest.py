"""``workbench-gui --self-test``: the core self-test, then Qt itself on the same scratch stores.

After the core steps (``workbench/selftest.py``) it starts Qt (the real platform plugin when
there is a display, so a missing xcb library shows up here; offscreen otherwise), checks that
Qt's Chinese translation and a Chinese font are found, opens the main window on the scratch
office store, lets it load and paints it into an image. A Windows GUI build has no console:
there the report is shown in a message box instead of printed.
"""

from __future__ import annotations

import io
import os
import sys

from PySide6.QtCore import QEvent, QLibraryInfo, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.application import make_app
from ui.fonts import chinese_face, cjk_families
from ui.i18n import TRANSLATIONS
from ui.i18n import tr as _tr
from workbench import selftest
from workbench.workspace import Workspace

WINDOW_SIZE = (1280, 800)


def _choose_platform() -> None:
    """Without a display Qt would abort before we could report anything: draw offscreen."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def check_qt_environment(app: QApplication) -> str:
    """Qt's translation of its own dialogs, ours for English, and a font that has Chinese."""
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    missing = [
        path
        for path in (
            os.path.join(qt_dir, "qtbase_zh_CN.qm"),
            str(TRANSLATIONS / "workbench_en.qm"),
        )
        if not os.path.isfile(path)
    ]
    if missing:
        raise FileNotFoundError(_tr("缺少翻译文件：") + "、".join(missing))
    if not cjk_families():  # the system's, or the bundled one apply_ui_font loaded
        raise LookupError(_tr("没有找到中文字体（请安装文泉驿微米黑或思源黑体）"))
    face = chinese_face(app.font())  # the face that draws, not the first one installed
    return _tr("平台 %1，中文字体 %2").replace("%1", app.platformName()).replace("%2", face)


def paint_main_window(app: QApplication, scenario: selftest.Scenario) -> str:
    """The main window on the scratch office store: loads its round, then paints."""
    from ui.garbage import GuiThreadCollector
    from ui.main_window import MainWindow
    from ui.screenshots import settle

    workspace = Workspace.open(scenario.office_dir, selftest.OFFICE_USER, selftest.PASSPHRASE)
    window = MainWindow(workspace)
    collector = GuiThreadCollector(window.tasks)  # as the app: no collection mid-query
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        settle(app, window)
        if window.round_combo.findData(scenario.round_id) < 0:
            raise AssertionError(_tr("主窗口没有列出自检轮次"))
        image = window.grab().toImage()
        if image.isNull() or _is_blank(image):
            raise AssertionError(_tr("主窗口绘制结果为空白"))
        return (
            _tr("%1×%2 像素").replace("%1", str(image.width())).replace("%2", str(image.height()))
        )
    finally:
        window.close()  # its worker stops as it closes
        collector.stop()
        if not workspace.locked:
            workspace.lock()


def _is_blank(image: QImage, samples: int = 64) -> bool:
    """One colour at every sampled point means nothing was drawn."""
    colours = {
        image.pixel(image.width() * i // samples, image.height() * j // samples)
        for i in range(samples)
        for j in range(samples)
    }
    return len(colours) < 2


def _app(app: QApplication | None) -> QApplication:
    assert app is not None  # the checklist runs no step once an earlier one failed
    return app


def run_gui_selftest(language: str | None = None) -> int:
    """The whole GUI self-test. Returns the exit code (0 when every step passed)."""
    _choose_platform()
    console = sys.stdout is not None
    out = sys.stdout if console else io.StringIO()
    print(selftest.banner(), file=out, flush=True)
    checklist = selftest.Checklist(out)
    with selftest.scratch_home() as root:
        scenario = selftest.run_core_steps(checklist, root)
        if checklist.ok:
            platform = os.environ.get("QT_QPA_PLATFORM") or _tr("默认")
            # a platform plugin that cannot load aborts the process: say which one was tried
            print(_tr("正在启动 Qt（平台插件：%1）…").replace("%1", platform), file=out, flush=True)
        app = make_app(sys.argv[:1], language) if checklist.ok else None
        checklist.run(
            _tr("界面：Qt 平台、翻译文件和中文字体"), lambda: check_qt_environment(_app(app))
        )
        checklist.run(_tr("界面：打开主窗口并绘制"), lambda: paint_main_window(_app(app), scenario))
    code = checklist.finish()
    if not console:  # a Windows GUI build: nobody would see the printed report
        app = app or make_app(sys.argv[:1], language)
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            box = QMessageBox.information if code == 0 else QMessageBox.warning
            assert isinstance(out, io.StringIO)
            box(None, _tr("巡察工作台自检"), out.getvalue())
    return code


# -- start-up probe (bench/bench_bundle.py) ------------------------------------------------------

STARTUP_PROBE_LINE = "first-window-painted"


class _FirstWindowPainted(QObject):
    """Quits the process once the first top-level window has painted: the bench times the
    program from its start to that line, for the frozen build and for ``python -m ui.app``."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        painted = event.type() == QEvent.Type.Paint
        if painted and isinstance(watched, QWidget) and watched.isWindow():
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        print(STARTUP_PROBE_LINE, flush=True)
        os._exit(0)  # nothing is open yet: no store, no settings written


def arm_startup_probe(app: QApplication) -> None:
    probe = _FirstWindowPainted(app)
    app.installEventFilter(probe)
