"""Growing delay after failed unlocks, kept outside the store.

The counter lives in the machine's state folder, never in the store folder, so a wrong passphrase
leaves every file of the store byte-identical. It is per store (by store id), not per user, so
guessing across users is throttled too.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from workbench import paths
from workbench.errors import UnlockThrottled
from workbench.store.fsutil import write_atomic

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300.0


def delay_after(failures: int) -> float:
    """0 s for the first few failures, then 1, 2, 4, … seconds, capped at five minutes."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS)


class UnlockThrottle:
    def __init__(
        self, state_file: Path | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.state_file = state_file or paths.state_dir() / "unlock-failures.json"
        self.clock = clock

    def _load(self) -> dict[str, dict[str, float]]:
        try:
            data = json.loads(self.state_file.read_text("utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save(self, data: dict[str, dict[str, float]]) -> None:
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.state_file, json.dumps(data).encode())

    def failures(self, store_id: str) -> int:
        return int(self._load().get(store_id, {}).get("count", 0))

    def seconds_to_wait(self, store_id: str) -> float:
        entry = self._load().get(store_id)
        if not entry:
            return 0.0
        ready_at = entry.get("last", 0.0) + delay_after(int(entry.get("count", 0)))
        return max(0.0, ready_at - self.clock())

    def check(self, store_id: str) -> None:
        wait = self.seconds_to_wait(store_id)
        if wait > 0:
            raise UnlockThrottled(
                f"口令错误次数过多，请 {int(wait) + 1} 秒后再试", wait_seconds=wait
            )

    def record_failure(self, store_id: str) -> None:
        data = self._load()
        entry = data.get(store_id, {})
        data[store_id] = {"count": entry.get("count", 0) + 1, "last": self.clock()}
        self._save(data)

    def record_success(self, store_id: str) -> None:
        data = self._load()
        if data.pop(store_id, None) is not None:
            self._save(data)
