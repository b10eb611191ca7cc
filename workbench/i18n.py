"""A no-op marker for translatable strings defined in core, and sentences that carry values.

Core code wraps user-visible text (enum labels, report headings, error texts) in ``N_`` so the UI's
extraction step can find it; the UI translates at display time. Core itself never translates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_FILLER = re.compile(r"\{([a-z_]+)\}")


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``text`` for translation and return it unchanged."""
    return text


def fill(template: str, fillers: Mapping[str, str]) -> str:
    """``template`` with each ``{name}`` replaced by its filler, in one pass: a filler's own
    braces are never taken for a name."""
    return _FILLER.sub(lambda m: fillers.get(m[1], m[0]), template)


class Wording(str):
    """A sentence with values: the Chinese text (as a ``str``: what the CLI prints, the tests
    and the records read) that keeps its ``N_``-marked template and named fillers, so that the
    UI can translate the template and fill it again (``ui.i18n.core_text``). A filler that is
    itself a ``Wording`` (a field's label: ``Wording(field.label)``) is translated as well;
    the others (a cell's text, a number) stay as typed."""

    template: str
    fillers: dict[str, str]

    def __new__(cls, template: str, /, **fillers: str) -> Wording:
        made = super().__new__(cls, fill(template, fillers))
        made.template, made.fillers = template, fillers
        return made


def wording_nodes(text: str) -> list[dict[str, object]]:
    """``text`` as a flat list of ``{"template", "fillers"}`` nodes, the first the whole (a
    filler that is itself a ``Wording``: the index of its node), for a JSON column: a sentence
    built of many parts stays within the stored nesting bound. A plain ``str``: its one node."""
    nodes: list[dict[str, object]] = []

    def add(part: str) -> int:
        node: dict[str, object] = {"template": getattr(part, "template", str(part)), "fillers": {}}
        index = len(nodes)
        nodes.append(node)
        fillers = getattr(part, "fillers", {})
        node["fillers"] = {
            k: add(v) if isinstance(v, Wording) else str(v) for k, v in fillers.items()
        }
        return index

    add(text)
    return nodes


def wording_of(nodes: list[dict[str, object]]) -> Wording:
    """The ``Wording`` that ``wording_nodes`` stored."""

    def build(index: int) -> Wording:
        node = nodes[index]
        fillers = node["fillers"]
        assert isinstance(fillers, dict)
        made = {k: build(v) if isinstance(v, int) else str(v) for k, v in fillers.items()}
        return Wording(str(node["template"]), **made)

    return build(0)
