"""An office address whose ``sslmode`` does not verify the server (disable … require) is refused
unless the user asks for it in so many words (``--insecure-tls``; the GUI never does, it tells
them to ask for the CA), and every unlock on such a link logs a warning."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from ui.dialogs.first_run_wizard import FirstRunWizard
from workbench.cli import main
from workbench.errors import OfficeTlsUnverified
from workbench.store.office import OfficeVault, make_connection
from workbench.workspace import store_exists

WARNING = "does not verify the server's certificate"


def _unverified(url: str) -> str:
    """``url`` with TLS but no check of the server: no CA, ``sslmode=require``."""
    parsed = make_url(url).difference_update_query(["sslrootcert", "sslmode"])
    return parsed.update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)


def test_every_unlock_on_an_unverified_link_logs_a_warning(
    pg_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = _unverified(pg_url)
    with pytest.raises(OfficeTlsUnverified):
        make_connection(url)
    desk = tmp_path / "desk"
    with caplog.at_level(logging.WARNING, logger="workbench.store.office"):
        vault, _ = OfficeVault.create_on_server(
            desk,
            make_connection(url, insecure_tls=True),
            user_name="office1",
            passphrase=PASSPHRASE,
            kdf=TEST_KDF,
        )
        vault.lock()
        assert sum(WARNING in r.getMessage() for r in caplog.records) == 1
        for expected in (2, 3):
            OfficeVault.open_linked(desk, "office1", PASSPHRASE, kdf=TEST_KDF).lock()
            assert sum(WARNING in r.getMessage() for r in caplog.records) == expected
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="workbench.store.office"):
        OfficeVault.connect(tmp_path / "verified", make_connection(pg_url), "office1", PASSPHRASE)
        assert not any(WARNING in r.getMessage() for r in caplog.records)


def test_the_cli_takes_an_unverified_address_only_with_insecure_tls(
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    OfficeVault.create_on_server(
        tmp_path / "admin",
        make_connection(pg_url),
        user_name="office1",
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )[0].lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "desk"
    argv = ["--store", str(folder), "--user", "office1", "office", "connect", _unverified(pg_url)]
    assert main(argv) == OfficeTlsUnverified.exit_code == 8
    err = capsys.readouterr().err
    assert "WB-OFFICE-TLS-UNVERIFIED" in err and "CA 证书" in err
    assert not folder.exists()
    assert main([*argv, "--insecure-tls"]) == 0
    assert store_exists(folder)


def test_the_wizard_refuses_it_and_says_to_ask_for_the_ca(qtbot: QtBot, tmp_path: Path) -> None:
    """No server is asked: the address alone is refused, in Chinese, before any connection."""
    target = tmp_path / "本机"
    wizard = FirstRunWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choice.connect_server.setChecked(True)
    wizard.next()
    page = wizard.currentPage()
    page.url.setText("postgresql://zhangm@127.0.0.1:1/workbench?sslmode=prefer")  # type: ignore[attr-defined]
    page.user.setText("zhangm")  # type: ignore[attr-defined]
    page.passphrase.setText(PASSPHRASE)  # type: ignore[attr-defined]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=60000)  # type: ignore[attr-defined]
    shown = page.message.text()  # type: ignore[attr-defined]
    assert "WB-OFFICE-TLS-UNVERIFIED" in shown and "向系统管理员索取巡察办的 CA 证书" in shown
    assert wizard.isVisible() and not store_exists(target)
    wizard.close()


def test_a_verifying_address_still_needs_no_flag(pg_cluster: pg.Cluster) -> None:
    for mode in ("verify-full", "verify-ca"):
        url = pg_cluster.url.replace("sslmode=verify-full", f"sslmode={mode}")
        assert make_connection(url).ca_pem == pg_cluster.ca.read_text()
