"""A no-op marker for translatable strings defined in core.

Core code wraps user-visible text (enum labels, report headings, error texts) in ``N_`` so the UI's
extraction step can find it; the UI translates at display time. Core itself never translates.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``text`` for translation and return it unchanged."""
    return text
