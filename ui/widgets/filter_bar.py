"""A row of drop-down filters whose choices are remembered per page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ui import settings


@dataclass(frozen=True)
class FilterSpec:
    key: str  # keyword argument of the list service
    label: str  # translated
    options: tuple[tuple[str, Any], ...]  # (translated text, value); value None = all


class FilterBar(QWidget):
    changed = Signal(dict)

    def __init__(self, page_key: str, specs: list[FilterSpec], parent: QWidget | None = None):
        super().__init__(parent)
        self.page_key = page_key
        self.specs = specs
        self.combos: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            layout.addWidget(QLabel(spec.label))
            combo = QComboBox()
            combo.setObjectName(f"filter_{spec.key}")
            for text, value in spec.options:
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(self._emit)
            layout.addWidget(combo)
            self.combos[spec.key] = combo
        layout.addStretch(1)
        self._restore()

    def values(self) -> dict[str, Any]:
        return {
            key: combo.currentData()
            for key, combo in self.combos.items()
            if combo.currentData() is not None
        }

    def select(self, key: str, value: Any) -> None:
        """Choose the option of ``key`` whose value is ``value`` (as a person would)."""
        combo = self.combos[key]
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _emit(self) -> None:
        store = settings.open_settings()
        texts = {k: c.currentText() for k, c in self.combos.items()}
        settings.filter_key(self.page_key).set(store, json.dumps(texts, ensure_ascii=False))
        self.changed.emit(self.values())

    def _restore(self) -> None:
        raw = settings.filter_key(self.page_key).get(settings.open_settings())
        try:
            saved = json.loads(raw) if raw else {}
        except ValueError:
            saved = {}
        for key, combo in self.combos.items():
            index = combo.findText(str(saved.get(key, "")))
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
