"""The 巡察报告's （二）总体评价 from a team-written 巡察报告 record: only its 总体评价 part, never
the record's whole body with its own outline (which printed every heading twice)."""

from __future__ import annotations

import pytest

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import build, lines
from tests.workbench.test_docs_data import Seeded
from workbench.reports import DocRequest
from workbench.reports.doc_inspection import overall_part
from workbench.services import reports
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
seeded_vault = docs_data.seeded_vault

FULL = (
    "一、基本情况\n巡察组于3月进驻。\n"
    "二、主要成效和问题\n（一）工作开展情况\n开展谈话。\n（二）总体评价\n"
    "城关镇党委能够贯彻落实上级决策部署。\n班子总体团结。\n（三）发现的问题\n问题若干。\n"
    "三、意见建议\n建议整改。"
)


@pytest.mark.parametrize(
    ("body", "part"),
    [
        (FULL, "城关镇党委能够贯彻落实上级决策部署。\n班子总体团结。"),
        ("二、总体评价：工作扎实。\n三、问题\n有问题。", "工作扎实。"),
        ("城关镇党委总体表现较好。\n仍有不足。", "城关镇党委总体表现较好。\n仍有不足。"),
        ("一、基本情况\n略。\n二、问题\n有问题。", ""),
    ],
)
def test_the_overall_part_of_a_record_s_body(body: str, part: str) -> None:
    assert overall_part(body) == part


def test_a_full_report_record_gives_only_its_overall_part(
    seeded_copy: Vault, seeded: Seeded
) -> None:
    with seeded_copy.session() as s:
        reports.create_report(
            s, seeded.round_id, reports.ReportDraft("巡察报告", "巡察报告", body=FULL)
        )
    doc = build(seeded_copy, DocRequest("inspection-report", round_id=seeded.round_id))
    text = lines(doc)
    assert text.count("（二）总体评价") == 1 and "一、基本情况" not in text
    after = text[text.index("（二）总体评价") + 1]
    assert after.startswith("城关镇党委能够贯彻落实上级决策部署。")
    assert "问题若干。" not in "".join(text)
