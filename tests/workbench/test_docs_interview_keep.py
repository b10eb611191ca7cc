"""谈话记录: the 核对 and 签字 block keeps with the transcript's end, never alone on a page."""

from __future__ import annotations

from docx.oxml.ns import qn

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import build
from tests.workbench.test_docs_data import Seeded
from workbench.reports import DocRequest
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures


def test_the_signature_block_keeps_with_the_transcript(seeded_copy: Vault, seeded: Seeded) -> None:
    doc = build(seeded_copy, DocRequest("interview", record_id=seeded.interview))
    texts = [p.text for p in doc.paragraphs]
    check = texts.index("以上记录已经本人核对，与本人所谈一致。")
    # the transcript's last paragraph, the blank line, the 核对 line and the first 签字 line
    # each keep with the next, so the block's page always holds the transcript's last lines
    for paragraph in doc.paragraphs[check - 2 : check + 2]:
        assert paragraph._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, paragraph.text
    assert texts[check - 2]  # the transcript's text, not an empty line
    assert texts[check + 2].startswith("谈话人（签字）")
