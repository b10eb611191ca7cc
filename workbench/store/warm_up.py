"""pypinyin's dictionaries (~55 MB, seconds to load) loaded once on a server-linked desktop,
after its unlock, on a thread of their own: the first save of a searchable record converts
names to pinyin at flush (the search index's hook), under the store's write lock, and without
this it would load them there while the colleagues' writes wait (issue #20)."""

from __future__ import annotations

import contextlib
import threading

THREAD_NAME = "pinyin-warm-up"
_once = threading.Lock()
_started = False


def warm_pinyin_in_background() -> None:
    """Start the load, once per process; returns at once (the unlock does not wait for it). A
    save that comes first waits for the import under way instead of starting its own."""
    global _started
    with _once:
        if _started:
            return
        _started = True
    threading.Thread(target=_warm, name=THREAD_NAME, daemon=True).start()


def _warm() -> None:
    from workbench.search.text import pinyin_full

    with contextlib.suppress(Exception):  # a failure here shows at the save that needs it
        pinyin_full("巡察")
