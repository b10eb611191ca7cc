"""信访件登记表/处理单: the label columns hold their longest label on one line."""

from __future__ import annotations

import pytest

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import build
from tests.workbench.test_docs_data import Seeded
from workbench.reports import DocRequest
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.typeset import CELL_PAD_PT, text_width_pt
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures


@pytest.mark.parametrize(
    ("doc_type", "longest"), [("letter-register", "被反映单位"), ("letter-handling", "组务会日期")]
)
def test_letter_form_labels_stay_on_one_line(
    seeded_copy: Vault, seeded: Seeded, doc_type: str, longest: str
) -> None:
    doc = build(seeded_copy, DocRequest(doc_type, record_id=seeded.letter_named))
    table = doc.tables[0]
    grid = [c.w for c in table._tbl.tblGrid.gridCol_lst]
    total_pt = OfficialDocument(title="x").text_width_twips / 20
    label_pt = [w * total_pt / sum(grid) for w in grid][0::2]
    assert longest in [c.text for r in table.rows for c in r.cells]
    for width in label_pt:
        assert width >= text_width_pt(longest, 14) + CELL_PAD_PT - 0.5
