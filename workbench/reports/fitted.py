"""A ledger table whose columns are as wide as their content needs (``typeset.fit_widths``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docx.table import Table

from workbench.reports import ooxml as x
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.typeset import fit_widths, fits, header_text

# a table too wide for its columns' least widths at the size asked is set a size smaller (五号 →
# 小五), as printed ledgers are, rather than crushing its text columns
SMALLER_SIZES_PT = (10.0, 9.0)


def fitted_table(
    doc: OfficialDocument,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    size_pt: float,
    align: Sequence[str] | None = None,
    keep_together: bool = False,
    weights: Sequence[float] | None = None,
) -> Table:
    """``doc.table`` with widths from the headers and values; ``|`` in a header marks where it
    may break between words when its column is narrow; ``weights`` let a main text column claim
    more of the room left (``typeset.fit_widths``); a table whose columns do not all get their
    least width at ``size_pt`` is set a size smaller (``SMALLER_SIZES_PT``)."""
    values = [list(row) for row in rows]
    total_pt = doc.text_width_twips / x.TWIPS_PER_PT
    for smaller in SMALLER_SIZES_PT:
        if fits(headers, values, total_pt, size_pt) or smaller >= size_pt:
            break
        size_pt = smaller
    widths = fit_widths(headers, values, total_pt, size_pt, weights)
    return doc.table(
        [header_text(h, w, size_pt) for h, w in zip(headers, widths, strict=True)],
        values,
        widths,
        size_pt=size_pt,
        align=align,
        keep_together=keep_together,
    )
