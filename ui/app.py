"""Composition root: QApplication, fonts, translators, unlock, main window.

workbench-gui [--store DIR] [--user NAME] [--lang zh_CN|en]
workbench-gui --screenshots DIR     render every page of the demo store offscreen to PNG
workbench-gui --self-test           install check on scratch stores (ui/selftest.py), exit 0 or 1
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
from pathlib import Path

from ui import settings
from ui.application import make_app
from ui.fonts import cjk_families, no_cjk_font_box
from workbench import paths
from workbench.logs import setup_logging


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="workbench-gui", description="巡察工作台")
    parser.add_argument("--store", type=Path, help="数据库文件夹")
    parser.add_argument("--user", default="", help="默认用户名")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认中文）")
    parser.add_argument("--screenshots", type=Path, help="把每个页面渲染成 PNG 存到此文件夹")
    parser.add_argument(
        "--self-test", action="store_true", help="安装自检：在临时数据库上试一遍后退出"
    )
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    if sys.stderr is not None:  # a crash names its Python frames (a GUI build has no stderr)
        faulthandler.enable()
    if args.self_test:
        from ui.selftest import run_gui_selftest

        return run_gui_selftest(args.lang)
    if args.screenshots:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from ui.screenshots import take_screenshots

        app = make_app(sys.argv[:1], args.lang)
        return take_screenshots(app, args.screenshots, args.store)
    app = make_app(sys.argv[:1], args.lang)
    if not cjk_families():  # neither the system's nor the bundled font: say why it is boxes
        no_cjk_font_box().exec()
    if args.startup_probe:  # bench/bench_bundle.py: exit once the first window has painted
        from ui.selftest import arm_startup_probe

        arm_startup_probe(app)
    from ui.dialogs.first_run_wizard import FirstRunWizard
    from ui.dialogs.unlock_dialog import UnlockDialog
    from ui.garbage import GuiThreadCollector
    from ui.lock import IdleLock
    from ui.main_window import MainWindow
    from workbench.workspace import store_exists

    store_dir = args.store or Path(
        settings.LAST_STORE.get(settings.open_settings()) or paths.default_store_dir()
    )
    workspace = None
    if not store_exists(store_dir):  # first run: create a store, or point at one
        wizard = FirstRunWizard(store_dir)
        if wizard.exec() != wizard.DialogCode.Accepted:
            return 1
        store_dir = wizard.directory()
        workspace = wizard.workspace
    if workspace is None:
        dialog = UnlockDialog(
            store_dir, args.user or settings.LAST_USER.get(settings.open_settings())
        )
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.workspace is None:
            return 1
        workspace = dialog.workspace
    window = MainWindow(workspace)
    collector = GuiThreadCollector(window.tasks, app)
    idle = IdleLock(settings.idle_lock_minutes(settings.open_settings()), app)
    window.idle_lock = idle  # the settings dialog changes its minutes
    idle.idle.connect(window.lock)
    window.unlocked.connect(idle.rearm)
    idle.start(app)
    window.show()
    code = app.exec()
    idle.stop(app)
    collector.stop()
    if not window.workspace.locked:
        window.workspace.lock()
    store = settings.open_settings()
    settings.LAST_STORE.set(store, str(store_dir))
    settings.LAST_USER.set(store, workspace.user.name)
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
