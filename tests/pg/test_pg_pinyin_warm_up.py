"""A server-linked desktop loads pypinyin's dictionaries after its unlock, on a thread of its
own, so its first save of a searchable record does not load them under the store's write lock
(issue #20). A process of its own: nothing loaded them before."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import PASSPHRASE, with_kdf_floor_site
from tests.pg.long_writes import WAIT_S, Office, two_desktops
from tests.pg.stores import USER

REPO = Path(__file__).resolve().parents[2]

UNLOCK = textwrap.dedent(
    """
    import sys, threading
    from pathlib import Path
    from workbench.search import text
    from workbench.store.vault import Vault
    from workbench.store.warm_up import THREAD_NAME

    desk, user, passphrase = sys.argv[1:]
    assert text._engine.cache_info().currsize == 0  # not loaded at import
    vault = Vault.open(Path(desk), user, passphrase)
    [warming] = [t for t in threading.enumerate() if t.name == THREAD_NAME] or [None]
    if warming is not None:
        warming.join()
    print(text._engine.cache_info().currsize)
    vault.lock()
    """
)


def test_an_unlock_on_the_server_loads_pinyin_beside_it(pg_url: str, tmp_path: Path) -> None:
    office: Office
    for office in two_desktops(pg_url, tmp_path):
        desk = office.b.layout.root
        office.b.lock()
        env = {**os.environ, "PYTHONPATH": with_kdf_floor_site(str(REPO))}
        done = subprocess.run(
            [sys.executable, "-c", UNLOCK, str(desk), USER, PASSPHRASE],
            capture_output=True,
            text=True,
            timeout=WAIT_S,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["1"]
