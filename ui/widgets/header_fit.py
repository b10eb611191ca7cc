"""Column widths that never cut a header: a section is at least as wide as Qt draws its title.

The title is measured as the header paints it — bold when its column is selected (a selected
row highlights every section), with room for the sort arrow — so an English title such as
"Person complained about" is never shown as "erson complained abou"."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView


def header_minimum(header: QHeaderView, section: int) -> int:
    """The narrowest width at which ``section``'s title is drawn whole."""
    return int(header.sectionSizeFromContents(section).width())


def fit_header(header: QHeaderView, section: int, width: int) -> None:
    """Set ``section`` to ``width``, widened to its title when that is narrower."""
    header.resizeSection(section, max(width, header_minimum(header, section)))
