"""Office templates (docxtpl): the starter template of every document passes its own check and
renders real records; bad templates are refused naming the missing and unknown placeholders;
an installed template replaces the built-in layout on export."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from tests.workbench.test_docs_layout import PUBLIC, request_for
from workbench.reports import (
    DOCUMENTS,
    DocRequest,
    TemplateInvalid,
    check_template,
    export_document,
    install_template,
    remove_template,
    starter_template,
    template_for,
    templates_dir,
    write_document,
)
from workbench.reports.doc_letters import LetterDoc
from workbench.reports.frame import FRAME_FIELDS
from workbench.reports.registry import get_spec
from workbench.reports.templates import context_type, placeholders, render_template, sample
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures
DOCX_TYPES = [d.code for d in DOCUMENTS if d.render]


def make_template(path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def body(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.mark.parametrize("code", DOCX_TYPES)
def test_starter_template_passes_its_check_and_renders_records(
    code: str,
    seeded_copy: Vault,
    seeded: Seeded,
    tmp_path: Path,
) -> None:
    path = tmp_path / f"{code}.docx"
    starter_template(code, path)
    check = check_template(path, code)
    assert set(check.used) == set(placeholders(context_type(get_spec(code))))
    install_template(path, code)
    assert template_for(code) == templates_dir() / f"{code}.docx"
    buf = io.BytesIO()
    with seeded_copy.read() as s:
        written = write_document(s, request_for(code, seeded), buf)
    assert written.template == template_for(code)
    text = body(buf.getvalue())
    assert "{{" not in text and "{%" not in text
    assert ("工作秘密" in text) is (code not in PUBLIC)


def test_starter_rendering_carries_nested_lists(
    seeded_copy: Vault,
    seeded: Seeded,
    tmp_path: Path,
) -> None:
    install_template(starter_template_path(tmp_path, "finding"), "finding")
    install_template(starter_template_path(tmp_path, "inspection-report"), "inspection-report")
    with seeded_copy.read() as s:
        paper, report = io.BytesIO(), io.BytesIO()
        write_document(s, DocRequest("finding", record_id=seeded.f1), paper)
        write_document(s, DocRequest("inspection-report", round_id=seeded.round_id), report)
    text = body(paper.getvalue())
    assert "补贴发放台账" in text and "中国共产党纪律处分条例" in text and "李副组长" in text
    # multi-line text becomes separate paragraphs, not line breaks in one
    paragraphs = [p.text for p in Document(io.BytesIO(paper.getvalue())).paragraphs]
    assert "资金已追回1.5万元。" in paragraphs
    assert "城关镇惠农补贴虚报冒领" in body(report.getvalue())


def starter_template_path(tmp_path: Path, code: str) -> Path:
    path = tmp_path / f"starter-{code}.docx"
    starter_template(code, path)
    return path


def test_unknown_and_missing_placeholders_are_named(tmp_path: Path) -> None:
    bad = make_template(
        tmp_path / "bad.docx",
        "{{ title }} {{ letterhead }}",
        "{%p for p in papers %}",
        "{{ p.number }} {{ p.nope }} {% for e in p.evidence %}{{ e.titel }}{% endfor %}",
        "{%p endfor %}",
    )
    with pytest.raises(TemplateInvalid) as err:
        check_template(bad, "finding")
    assert err.value.code == "WB-TEMPLATE-INVALID"
    assert err.value.unknown == ("letterhead", "e.titel", "p.nope")
    assert err.value.missing == ()
    assert "letterhead" in err.value.message and "p.nope" in err.value.message
    missing = make_template(tmp_path / "missing.docx", "{{ title }}", "{{ secrecy }}")
    with pytest.raises(TemplateInvalid) as err:
        check_template(missing, "inspection-report")
    assert err.value.missing == ("groups",)
    assert "缺少必需的占位符：groups" in err.value.message


def test_syntax_errors_and_non_documents_are_refused(tmp_path: Path) -> None:
    broken = make_template(tmp_path / "broken.docx", "{{ title ", "{{ papers }}")
    with pytest.raises(TemplateInvalid, match="语法错误"):
        check_template(broken, "finding")
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(TemplateInvalid, match="不是有效的 Word 文档"):
        check_template(junk, "finding")
    with pytest.raises(TemplateInvalid, match="只有 Excel"):
        check_template(broken, "letter-ledger")


def test_loop_helpers_and_filters_are_allowed(tmp_path: Path) -> None:
    ok = make_template(
        tmp_path / "ok.docx",
        "{{ title|upper }}",
        "{%p for p in papers %}",
        "{{ loop.index }}. {{ p.title }}（{{ p.evidence|length }}份材料）",
        "{%p endfor %}",
    )
    assert check_template(ok, "finding").used == ("papers", "title")


def test_install_refuses_a_bad_template_and_keeps_the_old(tmp_path: Path) -> None:
    good = starter_template_path(tmp_path, "feedback")
    install_template(good, "feedback")
    before = template_for("feedback")
    assert before is not None
    content = before.read_bytes()
    bad = make_template(tmp_path / "bad.docx", "{{ title }} {{ whatever }}")
    with pytest.raises(TemplateInvalid):
        install_template(bad, "feedback")
    assert before.read_bytes() == content
    assert remove_template("feedback") and template_for("feedback") is None
    assert not remove_template("feedback")


def test_values_are_escaped(tmp_path: Path) -> None:
    path = make_template(tmp_path / "t.docx", "{{ title }}：{{ summary }}", "{{ number }}")
    ctx = sample(LetterDoc)
    ctx = type(ctx)(**{**ctx.__dict__, "summary": "甲<乙>&丙\n第二段", "number": "X&1"})
    out = io.BytesIO()
    render_template(path, ctx, out)
    paragraphs = [p.text for p in Document(io.BytesIO(out.getvalue())).paragraphs]
    assert paragraphs[0].endswith("甲<乙>&丙") and paragraphs[1] == "第二段"
    assert paragraphs[2] == "X&1"


def test_export_with_an_office_template(
    seeded_copy: Vault,
    seeded: Seeded,
    tmp_path: Path,
) -> None:
    letterhead = make_template(
        tmp_path / "our.docx",
        "中共某某县委巡察办",
        "{{ title }}",
        "{{ number }}：{{ summary }}",
        "{{ proposal }}",
    )
    install_template(letterhead, "letter-handling")
    out = tmp_path / "处理单.docx"
    result = export_document(
        seeded_copy, DocRequest("letter-handling", record_id=seeded.letter_named), out
    )
    assert Path(result.template).name == "letter-handling.docx"
    text = body(out.read_bytes())
    assert text.startswith("中共某某县委巡察办\n信访件处理单")
    assert "反映李明在低保评定中优亲厚友。" in text
    builtin = tmp_path / "内置.docx"
    export_document(
        seeded_copy,
        DocRequest("letter-handling", record_id=seeded.letter_named),
        builtin,
        use_template=False,
    )
    assert "中共某某县委巡察办" not in body(builtin.read_bytes())
    # a template broken after installation is refused at use, not rendered half
    (templates_dir() / "letter-handling.docx").write_bytes(b"broken")
    with pytest.raises(TemplateInvalid):
        export_document(
            seeded_copy,
            DocRequest("letter-handling", record_id=seeded.letter_named),
            tmp_path / "again.docx",
        )
    assert not (tmp_path / "again.docx").exists()


def _names(cls: type) -> set[str]:
    out: set[str] = set()
    for name, ph in placeholders(cls).items():
        out.add(name)
        if ph.item is not None:
            out |= _names(ph.item)
    return out


def test_documents_md_lists_every_placeholder() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "documents.md").read_text("utf-8")
    sections = {part.split("`", 1)[0]: part for part in text.split("#### `")[1:]}
    for code in DOCX_TYPES:
        names = _names(context_type(get_spec(code))) - {"title", "secrecy", "copy_no", "date"}
        names -= set(FRAME_FIELDS)  # listed once, under "The 公文 frame"
        missing = [n for n in sorted(names) if f"`{n}`" not in sections[code]]
        assert not missing, f"docs/documents.md, {code}: {missing}"
    frame = text.split("## The 公文 frame", 1)[1].split("\n## ", 1)[0]
    assert not [n for n in FRAME_FIELDS if f"`{n}`" not in frame]
