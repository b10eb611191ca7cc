"""Every QSettings key declared once, with its type and default (Picard's options.py).

UI preferences only; never secrets. Data-bound preferences live in the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QSettings

from workbench import paths

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def get(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default)
        if isinstance(self.default, bool):
            return cast(T, value in (True, "true", "1", 1))
        if isinstance(self.default, int):
            try:
                return cast(T, int(value))  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return self.default
        return cast(T, value if value is not None else self.default)

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


LANGUAGE = Setting("ui/language", "zh_CN")
LAST_STORE = Setting("store/last_dir", "")
LAST_USER = Setting("store/last_user", "")
IDLE_LOCK_MINUTES = Setting("security/idle_lock_minutes", 10)
IDLE_LOCK_RANGE = (1, 120)  # minutes; the idle lock cannot be turned off
WINDOW_GEOMETRY = Setting("window/geometry", b"")
BACKUP_REMINDER_DAYS = Setting("backup/reminder_days", 7)
BACKUP_REMINDER_RANGE = (0, 365)  # days; 0 turns the reminder off


def filter_key(page: str) -> Setting[str]:
    """The remembered filter bar of one page."""
    return Setting(f"filters/{page}", "")


def sort_key(page: str) -> Setting[str]:
    """The remembered sort of one page's table: a list service ``order`` ("-key": descending)."""
    return Setting(f"sort/{page}", "")


def columns_key(page: str) -> Setting[str]:
    """The remembered columns of one page's table: JSON of their order and widths, by key."""
    return Setting(f"columns/{page}", "")


def idle_lock_minutes(settings: QSettings) -> int:
    """The idle lock's minutes, kept in range whatever a hand-edited file says."""
    low, high = IDLE_LOCK_RANGE
    return min(max(IDLE_LOCK_MINUTES.get(settings), low), high)


def backup_reminder_days(settings: QSettings) -> int:
    """The backup reminder's interval in days (0: off), kept in range."""
    low, high = BACKUP_REMINDER_RANGE
    return min(max(BACKUP_REMINDER_DAYS.get(settings), low), high)


def open_settings() -> QSettings:
    directory = paths.config_dir()
    directory.mkdir(parents=True, exist_ok=True)
    return QSettings(str(directory / "workbench.ini"), QSettings.Format.IniFormat)
