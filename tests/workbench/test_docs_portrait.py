"""The 政治画像 专题报告: a narrative from a rated portrait of the seeded store, the 附件 table
only when asked, and the refusal of a stored portrait whose overall grade its items contradict."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from sqlalchemy import update

from tests.workbench import test_docs_cli as docs_cli
from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_content import after_title, headings, text, title
from tests.workbench.test_docs_data import Seeded
from workbench.cli import main
from workbench.errors import GradeContradiction
from workbench.models import Portrait
from workbench.reports import DocRequest, write_document
from workbench.services import portraits, targets
from workbench.store.vault import Vault
from workbench.vocab.enums import Grade

seeded, seeded_copy, store = docs_data.seeded, docs_data.seeded_copy, docs_cli.store

# 政治担当's second item is 一般 and its third 较好 (the 方面 较好); the seeded first item stays
# 较好, the rest are 好
WEAK_ITEM, FAIR_COMMENT = 10, "落实乡村振兴部署推进缓慢，对上级督办事项跟进不及时。"
ADVICE = (
    "建议将画像结果提供县委组织部，作为班子调整和干部选拔任用的参考。\n建议对班子开展集体提醒谈话。"
)


def rate_all(vault: Vault, portrait_id: str) -> portraits.PortraitView:
    """Every item rated (mostly 好), then a consistent overall grade with its advice."""
    with vault.session() as s:
        view = portraits.get_portrait(s, portrait_id)
        for n, item in enumerate(view.items):
            if n == 0:
                continue  # seeded: 较好, with a comment and a 底稿 as evidence
            if n == WEAK_ITEM:
                portraits.rate_item(s, portrait_id, item.item_code, "一般", FAIR_COMMENT)
            elif n == WEAK_ITEM + 1:
                portraits.rate_item(s, portrait_id, item.item_code, "较好", "")
            else:
                portraits.rate_item(s, portrait_id, item.item_code, "好", "")
        return portraits.set_overall(
            s, portrait_id, "较好", "班子政治站位较高，但担当作为有短板。", usage_advice=ADVICE
        )


def build(vault: Vault, request: DocRequest) -> Any:
    buf = io.BytesIO()
    with vault.read() as session:
        write_document(session, request, buf, "docx", use_template=False)
    return Document(io.BytesIO(buf.getvalue()))


def test_narrative_report_from_a_rated_portrait(seeded: Seeded, seeded_copy: Vault) -> None:
    view = rate_all(seeded_copy, seeded.portrait)
    first, weak = view.items[0], view.items[WEAK_ITEM]
    doc = build(seeded_copy, DocRequest("portrait", record_id=seeded.portrait))
    body = text(doc)
    assert title(doc) == "关于城关镇党委领导班子政治画像的专题报告"
    assert after_title(doc) == "县委巡察工作领导小组："
    intro = next(p.text for p in doc.paragraphs if p.text.startswith("根据"))
    assert "云巡办〔2025〕12号" in intro and "县委第一巡察组" in intro
    assert "从8个方面38项内容对城关镇党委领导班子进行了政治画像" in intro
    assert "个别谈话1人次" in intro and intro.endswith("现将有关情况报告如下。")
    assert headings(doc, 1) == ["一、总体评价", "二、分方面画像", "三、主要问题", "四、运用建议"]
    assert (
        "政治画像总体评价为“较好”。分方面看，政治忠诚、政治定力等7个方面为“好”；"
        f"{weak.dimension}方面为“较好”。"
    ) in body
    assert "班子政治站位较高" in body
    dims = [p.text for p in doc.paragraphs if p.text.startswith("（")]
    assert len(dims) == 8 and dims[0].startswith("（一）政治忠诚方面。该方面5项条目中")
    # the strongest and the weakest item of a 方面 are named, with their notes and evidence
    assert (
        f"相对薄弱的是“{first.title}”（评为较好）：总体较好，个别成员学习不深（佐证：问题底稿 "
        in dims[0]
    )
    assert "城关镇惠农补贴虚报冒领”）。" in dims[0]
    duty = next(d for d in dims if d.startswith(f"（三）{weak.dimension}方面"))
    assert f"相对薄弱的是“{weak.title}”（评为一般）：{FAIR_COMMENT}" in duty
    assert dims[1].endswith("该方面4项条目中，评为好4项，总体好。")
    # the 主要问题 are the items rated 一般 or 差; the advice is the portrait's own
    problems = [p.text for p in doc.paragraphs if p.text.startswith("1.")]
    assert problems == [f"1.{weak.dimension}方面，“{weak.title}”（评为一般）：{FAIR_COMMENT}"]
    advice = [p.text for p in doc.paragraphs if p.text.startswith("建议")]
    assert advice == ADVICE.split("\n")
    assert doc.tables == [] and "附件" not in body  # the item table only when asked
    assert "未评价" not in body and "good" not in body


def test_the_item_table_is_an_appendix_when_asked(seeded: Seeded, seeded_copy: Vault) -> None:
    view = rate_all(seeded_copy, seeded.portrait)
    request = DocRequest("portrait", record_id=seeded.portrait, appendix=True)
    doc = build(seeded_copy, request)
    assert "附件：城关镇党委领导班子政治画像评价明细表" in text(doc)
    [table] = doc.tables
    assert [c.text for c in table.rows[0].cells] == ["方面", "评价条目", "评价", "评价说明及佐证"]
    assert len(table.rows) == 1 + view.total
    weak = view.items[WEAK_ITEM]
    assert [c.text for c in table.rows[1 + WEAK_ITEM].cells] == [
        weak.dimension,
        weak.title,
        "一般",
        FAIR_COMMENT,
    ]


def test_without_advice_the_report_says_what_the_grades_imply(
    seeded: Seeded, seeded_copy: Vault
) -> None:
    view = rate_all(seeded_copy, seeded.portrait)
    poor = view.items[-1]
    with seeded_copy.session() as s:
        portraits.set_overall(s, seeded.portrait, None)
        portraits.rate_item(s, seeded.portrait, poor.item_code, "差", "")
        portraits.set_overall(s, seeded.portrait, "较好", usage_advice="")
    doc = build(seeded_copy, DocRequest("portrait", record_id=seeded.portrait))
    advice = [p.text for p in doc.paragraphs if p.text.startswith(("建议", "对评为"))]
    assert advice == [
        "建议将本画像作为城关镇党委领导班子干部选拔任用、考察考核和日常管理监督的重要参考，"
        "经县委书记专题会议研究后按程序运用。",
        f"对评为“差”的“{poor.title}”，建议县纪委监委、县委组织部在日常监督中重点关注。",
    ]


def test_a_person_portrait(seeded: Seeded, seeded_copy: Vault) -> None:
    with seeded_copy.session() as s:
        person = targets.list_persons(s, target_id=seeded.t1, name_contains="李明").items[0]
        draft = portraits.PortraitDraft("个人", seeded.t1, person_id=person.id)
        pid = portraits.create_portrait(s, seeded.round_id, draft).id
        for item in portraits.get_portrait(s, pid).items:
            portraits.rate_item(s, pid, item.item_code, "较好")
        portraits.set_overall(s, pid, "较好")
    doc = build(seeded_copy, DocRequest("portrait", record_id=pid))
    assert title(doc) == "关于李明同志政治画像的专题报告"
    body = text(doc)
    assert "对李明同志（副镇长）进行了政治画像" in body
    assert "分方面看，8个方面均为“较好”。" in body
    assert "建议将本画像作为李明同志干部选拔任用、考察考核和日常管理监督的重要参考" in body


def test_an_unrated_portrait_says_so(seeded: Seeded, seeded_copy: Vault) -> None:
    doc = build(seeded_copy, DocRequest("portrait", record_id=seeded.portrait))
    body = text(doc)
    assert "尚未给出总体评价（共38项，已评价1项）" in body
    assert "该方面5项条目中，评为较好1项，总体较好。" in body
    assert "该方面4项条目均未评价。" in body


def _store_contradiction(vault: Vault, portrait_id: str) -> None:
    """As a portrait saved before the rule was: overall 好 while an item is 差."""
    with vault.session() as s:
        view = portraits.get_portrait(s, portrait_id)
        for item in view.items:
            portraits.rate_item(s, portrait_id, item.item_code, "好", "")
        portraits.set_overall(s, portrait_id, "好")
        portraits.set_overall(s, portrait_id, None)
        portraits.rate_item(s, portrait_id, view.items[3].item_code, "差", "")
        s.execute(update(Portrait).where(Portrait.id == portrait_id).values(overall=Grade.GOOD))


def test_a_stored_contradiction_is_refused_on_export(seeded: Seeded, seeded_copy: Vault) -> None:
    _store_contradiction(seeded_copy, seeded.portrait)
    with pytest.raises(GradeContradiction) as err:
        build(seeded_copy, DocRequest("portrait", record_id=seeded.portrait))
    assert err.value.code == "WB-PORTRAIT-GRADE" and err.value.exit_code == 8
    assert "总体评价“好”与各方面评价相矛盾" in err.value.message
    assert "评为“差”" in err.value.message and "请在政治画像中调整" in err.value.message


def test_the_command_line_refuses_it_with_exit_8(
    seeded: Seeded, store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import LEADER, PASSPHRASE

    with Vault.open(store, LEADER, PASSPHRASE) as vault:
        _store_contradiction(vault, seeded.portrait)
    out = tmp_path / "画像.docx"
    assert main(["report", "portrait", "--id", seeded.portrait, "--out", str(out)]) == 8
    assert "WB-PORTRAIT-GRADE" in capsys.readouterr().err
    assert not out.exists()
