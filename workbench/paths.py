"""Where user data, configuration, state and logs live.

Defaults follow platformdirs. A *portable* deployment (a ``portable.txt`` beside the program, e.g.
on a USB stick) keeps everything in a ``data`` folder beside it. ``WORKBENCH_HOME`` overrides both,
which tests use to stay out of the user's real folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "InspectionWorkbench"
APP_AUTHOR = "Inspection"


def _override_root() -> Path | None:
    home = os.environ.get("WORKBENCH_HOME")
    if home:
        return Path(home)
    program_dir = Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else None
    if program_dir and (program_dir / "portable.txt").exists():
        return program_dir / "data"
    return None


def data_dir() -> Path:
    root = _override_root()
    return root / "data" if root else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    root = _override_root()
    return root / "config" if root else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def state_dir() -> Path:
    """Machine-local state that must not live inside a store (e.g. failed-unlock counters)."""
    root = _override_root()
    return root / "state" if root else Path(platformdirs.user_state_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    root = _override_root()
    return root / "logs" if root else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_store_dir() -> Path:
    env = os.environ.get("WORKBENCH_STORE")
    return Path(env) if env else data_dir() / "store"
