"""Document types have an English name in the English UI, while the registry (and so every
document printed) keeps the Chinese one."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from tests.ui.english import english_ui
from ui.document_titles import CONTEXT, TITLES, document_title
from workbench.reports.registry import DOCUMENTS

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_registered_type_is_listed_for_translation() -> None:
    assert {spec.title for spec in DOCUMENTS} <= set(TITLES)


def test_the_english_ui_names_each_document_in_english(qapp: QCoreApplication) -> None:
    """Before: 谈话记录, 信访件台账… in the English 文书报表 list and menus."""
    assert document_title(DOCUMENTS[0]) == DOCUMENTS[0].title  # Chinese UI: as registered
    with english_ui():
        names = {spec.title: document_title(spec) for spec in DOCUMENTS}
    untranslated = [title for title, name in names.items() if CJK.search(name)]
    assert untranslated == []
    assert len(set(names.values())) == len(names)  # two types never share an English name
    assert QCoreApplication.translate(CONTEXT, "谈话记录") == "谈话记录"  # removed again
