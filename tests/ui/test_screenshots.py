"""``--screenshots``: one PNG per page, per editor and per main dialog, none of them blank."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.editors.registry import EDITORS
from ui.screenshots import take_screenshots
from workbench.reports.preview import find_office


def _distinct_colours(path: Path) -> int:
    image = QImage(str(path))
    step = max(1, image.width() // 60)
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def _snapshot(store: Path) -> dict[str, bytes]:
    return {str(p.relative_to(store)): p.read_bytes() for p in store.rglob("*") if p.is_file()}


def test_every_page_editor_and_dialog_is_rendered(
    qapp: QApplication, demo_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "shots"
    before = _snapshot(demo_dir)
    assert take_screenshots(qapp, out, demo_dir) == 0
    # the run works on a scratch copy: the editors it shows left their drafts in the store it
    # was given, and a later real launch offered an English-titled draft back
    after = _snapshot(demo_dir)
    assert after.keys() == before.keys()
    assert [name for name in before if after[name] != before[name]] == []
    names = {p.name for p in out.glob("*.png")}
    pages = [n for n in names if n[:2].isdigit()]
    assert len(pages) >= 12  # 概览 … 附件, plus the exchange and reports pages
    administration = ["users", "add-user", "add-user-refused", "enable-user", "edit-roles"]
    administration += ["link-member"]
    administration += ["backup", "restore", "settings"]
    assert {f"dialog-{shot}.png" for shot in administration} <= names
    assert "main-backup-reminder.png" in names  # the demo store was never backed up
    assert {f"editor-{kind}.png" for kind in EDITORS} <= names
    assert {
        "dialog-search.png",
        "dialog-unlock.png",
        "dialog-recovery.png",
        "dialog-change-passphrase.png",
        "dialog-first-run.png",
        *(f"office-round-wizard-{n}.png" for n in range(1, 5)),
        "office-dashboard-empty.png",
        "office-dashboard-round.png",
        "dialog-setup-import.png",
        "office-briefing.png",
        "office-briefing-result.png",
        "field-first-run-checklist.png",
        "field-datacheck-sent-list.png",  # a list the briefing brought, 下发
        "main-voided.png",  # 显示已作废 on 信访件
        "dialog-follow-through.png",  # 整改台账's 整改跟踪
        *(f"datacheck-{shot}.png" for shot in ("sources", "import-mapping", "import-refused")),
        "datacheck-rules.png",  # after 运行全部规则
        "datacheck-hit.png",  # a hit's matched rows side by side
        "datacheck-to-clue.png",
    } <= names
    office = ["teams", "targets", "persons", "lists", "focus", "dialog-team", "dialog-member"]
    office += ["dialog-team-targets", "dialog-target", "dialog-person", "dialog-list-entry"]
    for shot in office:  # 轮次配置 on an office store, in Chinese and in English
        assert {f"office-setup-{shot}.png", f"office-setup-{shot}-en.png"} <= names, shot
    if find_office() is not None:  # the 生成文书 menu and a document's pages, both languages
        shots = ("menu-documents", "dialog-document-preview", "dialog-document-preview-2")
        for shot in (*shots, "dialog-document-frame"):
            assert {f"{shot}.png", f"{shot}-en.png"} <= names, shot
    for name in names:
        assert _distinct_colours(out / name) > 8, f"{name} looks empty"
