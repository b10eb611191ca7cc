"""Screenshots of a round's first days, which the demo store (a briefed field laptop) cannot show:
the office's 生成部署包 wizard (its choices and its result) and the dashboard of an enrolled field
laptop still waiting for its briefing (the first-run checklist). Built in a temporary folder with
the core: an office with keys and a round, two enrolled laptops."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.dialogs.briefing_wizard import BriefingWizard
from ui.main_window import MainWindow
from ui.screenshots import save, settle
from workbench.demo import DEMO_PASSPHRASE
from workbench.exchange import accept_certificate, init_office, make_request, sign_request
from workbench.models.enums import AttentionLevel, ForceType, MemberRole, RoundType
from workbench.services.rounds import MemberDraft, RoundDraft, add_member, create_round, create_team
from workbench.services.targets import TargetDraft, create_target
from workbench.store.vault import Vault
from workbench.workspace import Workspace

PASSPHRASE = DEMO_PASSPHRASE  # throw-away stores in a temporary folder
WINDOW = (1366, 768)
LAPTOPS = (("zu1", "李明", "第一巡察组"), ("zu2", "赵敏", "第二巡察组"))


def _stores(root: Path) -> None:
    office, _ = Vault.create(
        root / "office",
        user_name="ban",
        passphrase=PASSPHRASE,
        display_name="巡察办",
        store_role="office",
    )
    try:
        init_office(office)
        with office.session() as s:
            rnd = create_round(
                s, RoundDraft("2026年第一轮巡察", 2026, 1, RoundType.REGULAR, "sgjj", "2020")
            )
            for name in ("某某镇党委", "某某街道党工委"):
                create_target(s, rnd.id, TargetDraft(name, "township", AttentionLevel.KEY))
            for number, (_user, holder, team_name) in enumerate(LAPTOPS, 1):
                team = create_team(s, rnd.id, number, team_name)
                add_member(s, team.id, MemberDraft(holder, MemberRole.LEADER, ForceType.FULL_TIME))
        for user, holder, _team in LAPTOPS:
            laptop, _ = Vault.create(
                root / user,
                user_name=user,
                passphrase=PASSPHRASE,
                display_name=holder,
                store_role="field",
            )
            try:
                request, _ = make_request(laptop)
                certificate, _device = sign_request(office, request)
                accept_certificate(laptop, certificate)
            finally:
                laptop.lock()
    finally:
        office.lock()


def take_first_use_screenshots(app: QApplication, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wb-first-use-") as tmp:
        root = Path(tmp)
        _stores(root)
        _office(app, root, out_dir)
        _laptop(app, root, out_dir)


def _office(app: QApplication, root: Path, out_dir: Path) -> None:
    workspace = Workspace.open(root / "office", "ban", PASSPHRASE)
    window = MainWindow(workspace)
    window.resize(*WINDOW)
    window.show()
    settle(app, window)
    window.show_page("exchange")
    settle(app, window)
    wizard = window.pages["exchange"].open_briefing()  # type: ignore[attr-defined]
    assert isinstance(wizard, BriefingWizard)
    wizard.resize(820, 600)
    settle(app, window)
    setup = wizard.setup
    setup.folder.setText(str(root / "部署包"))
    (root / "部署包").mkdir()
    setup.set_checked([d.device_id for d in setup.recipients])
    settle(app, window)
    save(wizard, out_dir / "office-briefing.png")
    wizard.next()
    settle(app, window)
    while wizard.currentId() != BriefingWizard.RESULT:
        settle(app, window)
    save(wizard, out_dir / "office-briefing-result.png")
    wizard.close()
    window.close()
    workspace.lock()


def _laptop(app: QApplication, root: Path, out_dir: Path) -> None:
    user = LAPTOPS[0][0]
    workspace = Workspace.open(root / user, user, PASSPHRASE)
    window = MainWindow(workspace)
    window.resize(*WINDOW)
    window.show()
    window.show_page("dashboard")
    settle(app, window)
    save(window, out_dir / "field-first-run-checklist.png")
    window.close()
    workspace.lock()
