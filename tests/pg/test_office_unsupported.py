"""Jobs that work on a SQLCipher store's files, asked of the office store on its server: the
refusal names the job, in Chinese for the CLI and in the UI's language on screen (the sentence
and the job's name both translated, ``Wording``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.ui.english import english_ui
from ui.errors import error_text
from workbench.errors import NotOnOfficeServer
from workbench.services.backups import backup_store
from workbench.services.keys import rekey_store
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault

CJK = re.compile(r"[\u4e00-\u9fff]")
ADMIN = "office1"


def test_a_job_refused_on_the_server_is_named_in_either_language(
    qtbot: QtBot, pg_url: str, tmp_path: Path
) -> None:
    desktop = tmp_path / "desktop"
    OfficeVault.create_on_server(
        desktop, make_connection(pg_url), user_name=ADMIN, passphrase=PASSPHRASE, kdf=TEST_KDF
    )[0].lock()
    jobs: list[tuple[Callable[[Vault], object], str, str]] = [
        (lambda v: backup_store(v, tmp_path / "office.wbk"), "本机备份", "local backup"),
        (rekey_store, "更换数据密钥", "data key"),
    ]
    with Vault.open(desktop, ADMIN, PASSPHRASE) as vault:
        for job, chinese, english in jobs:
            with pytest.raises(NotOnOfficeServer) as refused:
                job(vault)
            message = refused.value.message
            assert chinese in message and "巡察办服务器上的数据库不支持" in message
            assert chinese in error_text(refused.value)
            with english_ui():
                shown = error_text(refused.value)
            assert english in shown and "office server" in shown, shown
            assert not CJK.search(shown), shown
            assert "WB-OFFICE-UNSUPPORTED" in shown
    assert not (tmp_path / "office.wbk").exists()
