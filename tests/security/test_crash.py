"""SIGKILL in the middle of writes: the store still opens and passes its check."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE, with_kdf_floor_site
from workbench.errors import AuthenticationError
from workbench.store.check import check_store
from workbench.store.vault import Vault

REPO = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import io, os, sys
    from workbench.store.vault import Vault
    from workbench.store import audit
    vault = Vault.open(sys.argv[1], sys.argv[2], sys.argv[3])
    n = 0
    while True:
        with vault.session() as s:
            vault.attachments.add(s, io.BytesIO(os.urandom(300_000 + n)), name=f"扫描件{n}.pdf")
            audit.record(s, "test.write", "loop", str(n))
        n += 1
        if n == 3:
            print("ready", flush=True)
    """
)

PASSWD_KILLED_BEFORE_REPLACE = textwrap.dedent(
    """
    import os, signal, sys
    from workbench.store.vault import Vault
    vault = Vault.open(sys.argv[1], sys.argv[2], sys.argv[3])
    real_replace = os.replace
    def dying_replace(src, dst):
        if str(dst).endswith("keyfile.json"):
            os.kill(os.getpid(), signal.SIGKILL)  # power cut just before the atomic replace
        real_replace(src, dst)
    os.replace = dying_replace
    vault.change_passphrase(sys.argv[3], "the new passphrase never lands")
    """
)


def _spawn(script: str, store: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": with_kdf_floor_site(str(REPO))}
    return subprocess.Popen(
        [sys.executable, "-c", script, str(store), LEADER, PASSPHRASE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.05, 0.4, 1.1])
def test_kill_during_writes_leaves_a_sound_store(store_dir: Path, delay: float) -> None:
    proc = _spawn(WRITER, store_dir)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        report = check_store(vault)
        assert report.ok, report.problems
        assert report.facts["attachments"] >= 3  # what was committed is still there


@pytest.mark.slow
def test_kill_before_keyfile_replace_keeps_the_old_passphrase(store_dir: Path) -> None:
    proc = _spawn(PASSWD_KILLED_BEFORE_REPLACE, store_dir)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    Vault.open(store_dir, LEADER, PASSPHRASE).lock()
    with pytest.raises(AuthenticationError):
        Vault.open(store_dir, LEADER, "the new passphrase never lands")
