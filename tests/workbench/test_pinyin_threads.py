"""pypinyin's first load from several threads at once: a server-linked desktop warms it on a
thread of its own while a save or the index catch-up may need it (issue #20). pypinyin's modules
import each other, and two threads importing them at once failed with "partially initialized
module" (seen in CI). A process of its own: nothing may have loaded them before."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

AT_ONCE = textwrap.dedent(
    """
    import sys, threading
    from workbench.search import text

    assert "pypinyin" not in sys.modules
    start, failures = threading.Barrier(6), []

    def first_use():
        start.wait()
        try:
            assert text.pinyin_full("巡察") == "xuncha"
        except BaseException as error:
            failures.append(repr(error))

    threads = [threading.Thread(target=first_use) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(failures)
    sys.exit(1 if failures else 0)
    """
)


def test_pinyin_loads_once_whichever_threads_first_need_it() -> None:
    for _ in range(3):  # a race: each run a fresh interpreter
        done = subprocess.run(
            [sys.executable, "-c", AT_ONCE],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
