"""Office templates are data, never code: the payloads of the attack on issue 23 and the classic
Jinja sandbox escapes are refused by ``check_template`` before anything in them runs, by the
sandbox when a template is rendered without the check, and by ``workbench report
--check-template``; none runs a command, reads a file or reaches the open store's key. What real
templates need (loops as table rows and paragraphs, ``loop`` counters, filters, ``{% hm %}``)
still works."""

from __future__ import annotations

import io
import itertools
import os
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from docx import Document
from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from tests.workbench.test_docs_templates import body, make_template
from workbench.cli import main
from workbench.reports import DocRequest, TemplateInvalid, check_template, write_document
from workbench.reports.doc_finding import FindingDoc
from workbench.reports.sandbox import (
    FILTERS,
    MAX_DEPTH,
    MAX_SOURCE_BYTES,
    MAX_TAGS,
    TESTS,
    TemplateEnvironment,
)
from workbench.reports.templates import (
    MAX_TEMPLATE_BYTES,
    RENDER_ERRORS,
    plain,
    render_template,
    sample,
    templates_dir,
)
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy  # the shared fixtures

# ``{marker}`` is a file the payload would create if it ran
PAYLOADS = [
    "{{ cycler.__init__.__globals__.os.popen('id > {marker}').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('id > {marker}').read() }}",
    "{{ namespace.__init__.__globals__.os.system('id > {marker}') }}",
    "{{ lipsum.__globals__['os'].popen('id > {marker}').read() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ title.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__init__.__globals__ }}",
    "{{ request.application.__globals__ }}",
    "{{ config.items() }}",
    "{{ title|attr('__class__') }}",
    "{{ '{0.__class__}'.format(title) }}",
    "{{ '%s'|format(title) }}",
    "{{ ''|format }}",
    "{{ range(10**9)|length }}",
    "{% for i in range(999999999) %}x{% endfor %}",
    "{{ 'x' * 999999999 }}",
    "{{ 10**10**10 }}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
    "{% from 'os' import popen %}",
    "{% extends '/etc/passwd' %}",
    "{% macro m() %}{% endmacro %}",
    "{% set x = cycler %}",
    "{% autoescape false %}{{ title }}{% endautoescape %}",
    "{{ title.upper() }}",
    "{{ papers|map('upper')|list }}",
    "{{ papers|sum(attribute='__class__') }}",
    "{{ papers|join('', '__class__') }}",
    "{{ title[cycler] }}",
    "{{ title|safe }}",
]


def _payload(payload: str, marker: Path) -> str:
    return payload.replace("{marker}", str(marker))


def _template(tmp_path: Path, payload: str, marker: Path) -> Path:
    """A finding template that is fine but for the payload."""
    return make_template(
        tmp_path / "t.docx", "{{ title }}", "{{ papers }}", _payload(payload, marker)
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_check_refuses_the_payload_without_running_it(payload: str, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    with pytest.raises(TemplateInvalid) as err:
        check_template(_template(tmp_path, payload, marker), "finding")
    assert err.value.code == "WB-TEMPLATE-INVALID"
    assert not marker.exists()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendering_without_the_check_is_refused_with_a_code(payload: str, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    with pytest.raises(TemplateInvalid) as err:
        render_template(_template(tmp_path, payload, marker), sample(FindingDoc), io.BytesIO())
    assert err.value.code == "WB-TEMPLATE-INVALID"
    assert not marker.exists()


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if "{%" not in p])
def test_the_sandbox_alone_holds_when_the_syntax_check_is_skipped(
    payload: str, tmp_path: Path
) -> None:
    """The second lock: compiled past ``validate``, the sandbox still refuses at run time."""
    marker = tmp_path / "ran"
    env = TemplateEnvironment()
    with pytest.raises(TemplateError):  # refused when compiled (unknown filter) or run
        template = ImmutableSandboxedEnvironment.from_string(env, _payload(payload, marker))
        template.render(plain(sample(FindingDoc)))
    assert not marker.exists()


def test_payloads_in_headers_and_document_properties_are_checked(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    payload = _payload(PAYLOADS[0], marker)
    doc = Document()
    doc.add_paragraph("{{ papers }}")
    doc.sections[0].header.paragraphs[0].text = payload
    doc.save(str(tmp_path / "header.docx"))
    doc = Document()
    doc.add_paragraph("{{ papers }}")
    doc.core_properties.subject = payload  # docxtpl renders the properties as templates too
    doc.save(str(tmp_path / "properties.docx"))
    for name in ("header.docx", "properties.docx"):
        with pytest.raises(TemplateInvalid, match="不允许"):
            check_template(tmp_path / name, "finding")
        with pytest.raises(TemplateInvalid):
            render_template(tmp_path / name, sample(FindingDoc), io.BytesIO())
    assert not marker.exists()


def test_a_template_cannot_reach_the_key_of_the_open_store(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    """The attack on issue 23: a template walking ``gc`` to the open vault wrote its data key
    when a 组员 rendered a 底稿. Here it is put in place without ``install_template``."""
    loot = tmp_path / "key.txt"
    builtins = "cycler.__init__.__globals__.__builtins__"
    thief = (
        f"{{% for o in {builtins}.__import__('gc').get_objects() "
        "if o.__class__.__name__ == 'Vault' %}"
        f"{{{{ {builtins}.open('{loot}', 'w').write(o._dek.hex()) }}}}"
        "{% endfor %}"
    )
    templates_dir().mkdir(parents=True, exist_ok=True)
    make_template(templates_dir() / "finding.docx", "{{ title }}", "{{ papers }}", thief)
    with seeded_copy.read() as s, pytest.raises(TemplateInvalid):
        write_document(s, DocRequest("finding", record_id=seeded.f1), io.BytesIO())
    with pytest.raises(TemplateInvalid):  # and rendered directly, while the store is open
        render_template(templates_dir() / "finding.docx", sample(FindingDoc), io.BytesIO())
    assert not loot.exists()


def test_cli_check_template_refuses_and_runs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "ran"
    path = _template(tmp_path, PAYLOADS[0], marker)
    assert main(["report", "finding", "--check-template", str(path)]) == 8
    err = capsys.readouterr().err
    assert "WB-TEMPLATE-INVALID" in err and "不允许" in err
    assert main(["report", "finding", "--install-template", str(path)]) == 8
    assert not marker.exists()
    assert not (templates_dir() / "finding.docx").exists()


def test_what_real_templates_need_still_works(tmp_path: Path) -> None:
    """Fields by attribute and by literal name, an index, ``first``, tests and comparisons,
    ``~``, filters with arguments, ``loop`` counters and docxtpl's ``N * loop.length``."""
    path = make_template(
        tmp_path / "ok.docx",
        "{{ title ~ '（附件）' }} {{ title|truncate(5, true, '…', 0)|default('无', true) }}",
        "{%p for p in papers %}",
        "{{ loop.index }}/{{ loop.length }} {{ p['title'] }} {{ p.evidence[0].title }}"
        " {{ 2 * loop.length }}",
        "{%p if p.evidence|length > 0 and p.evidence is sequence %}",
        "有材料",
        "{%p endif %}",
        "{%p endfor %}",
        "{{ (papers|first).title|upper }} {{ papers|length }} {{ date[:4] }}",
    )
    assert check_template(path, "finding").used == ("date", "papers", "title")
    out = io.BytesIO()
    render_template(path, sample(FindingDoc), out)
    text = body(out.getvalue())
    assert "〔标题〕（附件）" in text and "1/1 〔" in text and " 2" in text and "有材料" in text


def test_attributes_outside_the_placeholders_are_unknown(tmp_path: Path) -> None:
    path = make_template(
        tmp_path / "t.docx",
        "{{ title.upper }} {{ papers.pop }}",
        "{%p for p in papers %}",
        "{{ loop.cycle }} {{ p.evidence.title }}",
        "{%p endfor %}",
    )
    with pytest.raises(TemplateInvalid) as err:
        check_template(path, "finding")
    assert set(err.value.unknown) == {"title.upper", "papers.pop", "loop.cycle", "p.evidence.title"}


def test_a_template_that_unpacks_too_large_is_refused_unread(tmp_path: Path) -> None:
    """A zip bomb: a small .docx whose parts unpack to more than the cap."""
    path = make_template(tmp_path / "bomb.docx", "{{ title }}", "{{ papers }}")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/padding.bin", bytes(MAX_TEMPLATE_BYTES + 1))
    assert path.stat().st_size < MAX_TEMPLATE_BYTES // 100
    with pytest.raises(TemplateInvalid, match="解压后超过"):
        check_template(path, "finding")
    with pytest.raises(TemplateInvalid, match="解压后超过"):
        render_template(path, sample(FindingDoc), io.BytesIO())


def test_a_damaged_template_is_refused_with_a_code(tmp_path: Path) -> None:
    path = make_template(tmp_path / "t.docx", "{{ title }}", "{{ papers }}")
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<w:document" if item.filename == "word/document.xml" else data)
    for fn in (
        lambda: check_template(damaged, "finding"),
        lambda: render_template(damaged, sample(FindingDoc), io.BytesIO()),
    ):
        with pytest.raises(TemplateInvalid, match="不是有效的 Word 文档"):
            fn()


def test_whatever_the_allowed_syntax_does_the_error_is_coded() -> None:
    """Every allowed filter and test, and the allowed operators, over values of every kind and
    awkward arguments (``truncate(0)``, ``divisibleby(0)``, ``int('x', 'y')``): each renders or
    fails with an error ``render_template`` turns into ``TemplateInvalid``."""
    values = ["title", "papers", "papers[0]", "papers[0].evidence", "1", "-2.5", "none", "[]"]
    args = ["0", "-1", "10000000", "''", "'x'", "none", "true", "[1, 'a']", "papers", "title"]
    cases = [
        f"{a} {op} {b}"
        for op in ("+", "-", "~", "<", "==", "in", "and")
        for a in values
        for b in values
    ]
    cases += [f"-{v}" for v in values] + [f"2 * {v}" for v in ("1", "loop")]
    for name, arity in FILTERS.items():
        for n in range(arity + 1):
            for combo in itertools.product(args, repeat=min(n, 2)):
                call = ", ".join([*combo, *(["0"] * (n - len(combo)))])
                cases += [f"{v}|{name}({call})" for v in values]
    for name, arity in TESTS.items():
        cases += [f"{v} is {name}" + ("(0)" if arity else "") for v in values]
        cases += [f"{v} is {name}({a})" for v in values for a in args if arity]
    context = plain(sample(FindingDoc))
    uncoded = []
    for expr in cases:
        try:
            TemplateEnvironment().from_string("{{ " + expr + " }}").render(context)
        except TemplateInvalid:
            pass
        except RENDER_ERRORS:
            pass
        except Exception as exc:  # the point: nothing else may escape
            uncoded.append(f"{expr}: {type(exc).__name__}: {exc}")
    assert len(cases) > 2000 and not uncoded, uncoded[:10]


def test_an_inner_loop_goes_over_the_outer_item_only(tmp_path: Path) -> None:
    """Loops over the same list nested a few times would render for ever; nested data is
    walked in time proportional to its size."""
    endless = make_template(
        tmp_path / "endless.docx",
        "{% for a in papers %}{% for b in papers %}{% for c in papers %}",
        "{{ c.title }}",
        "{% endfor %}{% endfor %}{% endfor %}",
    )
    with pytest.raises(TemplateInvalid, match="循环里只能再遍历当前循环项的列表") as err:
        check_template(endless, "finding")
    assert err.value.message.endswith("不能遍历：papers")
    nested = make_template(
        tmp_path / "nested.docx",
        "{% for p in papers %}{% for e in p.evidence|reverse %}{{ e.title }}{% endfor %}"
        "{% for r in p.responsible %}{{ r.name }}{% endfor %}{% endfor %}"
        "{% for p in papers %}{{ p.title }}{% endfor %}",
    )
    assert check_template(nested, "finding").used == ("papers",)


def test_a_template_sees_plain_data_only(seeded_copy: Vault) -> None:
    """Text, tuples and dicts of them: nothing with a way back to the program or the store."""

    def leaves(value: object) -> list[object]:
        if isinstance(value, dict):
            return [x for v in value.values() for x in leaves(v)]
        if isinstance(value, tuple):
            return [x for v in value for x in leaves(v)]
        return [value]

    context = plain(sample(FindingDoc))
    assert isinstance(context, dict) and {type(v) for v in leaves(context)} == {str}

    @dataclass(frozen=True)
    class Leaky:
        title: str
        store: object

    with pytest.raises(TypeError, match="not template data"):
        plain(Leaky("x", seeded_copy))


# -- what the attack review of the sandbox found ---------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _with_footnote(path: Path, text: str) -> Path:
    """Add a footnotes part holding ``text`` to the .docx at ``path``."""
    footnotes_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    buf = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":
                override = (
                    f'<Override PartName="/word/footnotes.xml" ContentType="{footnotes_type}"/>'
                )
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            if item.filename == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rId99" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            dst.writestr(item, data)
        dst.writestr(
            "word/footnotes.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
            f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
            "</w:footnotes>",
        )
    return path


def test_record_text_is_never_run_as_template_code_in_any_part(tmp_path: Path) -> None:
    """docxtpl renders the footnotes once per section, from the second on over its own output:
    a title ``{{ 6 * 7 }}`` came out as 42, and nested loops in a title ran for minutes. Every
    part of a two-section template renders once, from the template's own text."""
    doc = Document()
    doc.add_paragraph("[{{ title }}]")
    doc.add_paragraph("{{ papers }}")
    doc.sections[0].header.paragraphs[0].text = "[{{ title }}]"
    doc.sections[0].footer.paragraphs[0].text = "[{{ title }}]"
    second = doc.add_section()
    for part in (second.header, second.footer):  # parts of its own, not the first section's
        part.is_linked_to_previous = False
        part.paragraphs[0].text = "[{{ title }}]"
    doc.save(str(tmp_path / "sections.docx"))
    path = _with_footnote(tmp_path / "sections.docx", "[{{ title }}]")
    assert check_template(path, "finding").used == ("papers", "title")

    title = "{{ 6 * 7 }}{% for x in [1] %}x{% endfor %}"
    out = io.BytesIO()
    render_template(path, replace(sample(FindingDoc), title=title), out)
    with zipfile.ZipFile(out) as zf:
        parts = {
            name: zf.read(name).decode()
            for name in zf.namelist()
            if re.fullmatch(r"word/(document|header\d+|footer\d+|footnotes)\.xml", name)
        }
    assert len([n for n in parts if "header" in n]) == 2
    assert len([n for n in parts if "footer" in n]) == 2
    assert "word/footnotes.xml" in parts
    for name, xml in parts.items():
        assert f"[{title}]" in xml, name
        assert "42" not in xml, name


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_template_compressed_other_than_deflate_is_refused_unread(
    method: int, tmp_path: Path
) -> None:
    """zipfile bounds only what it inflates: a bzip2 or LZMA member claiming 100 bytes unpacked
    to 4.3 GB in one read. Word writes neither, so a member so compressed is refused."""
    path = make_template(tmp_path / "t.docx", "{{ title }}", "{{ papers }}")
    packed = tmp_path / "packed.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            kind = method if item.filename == "word/document.xml" else zipfile.ZIP_DEFLATED
            dst.writestr(item.filename, src.read(item), compress_type=kind)
    for fn in (
        lambda: check_template(packed, "finding"),
        lambda: render_template(packed, sample(FindingDoc), io.BytesIO()),
    ):
        with pytest.raises(TemplateInvalid, match="压缩方式"):
            fn()


def test_round_precision_is_bounded(tmp_path: Path) -> None:
    """``round`` computes 10 ** precision: a literal out of range is refused by the check, any
    other by the sandbox when it runs."""
    path = make_template(
        tmp_path / "t.docx", "{{ title }}", "{{ papers }}", "{{ 1|round(10000000, 'ceil') }}"
    )
    with pytest.raises(TemplateInvalid, match="round 的精度"):
        check_template(path, "finding")
    ok = make_template(tmp_path / "ok.docx", "{{ title }}{{ papers }}{{ 2.345|round(2) }}")
    check_template(ok, "finding")
    template = TemplateEnvironment().from_string("{{ 1|round(loop_size, 'ceil') }}")
    assert template.render(loop_size=10) == "1.0"
    with pytest.raises(TemplateError, match="round 的精度"):
        template.render(loop_size=11)


def test_what_jinja_sees_is_capped_before_it_parses(tmp_path: Path) -> None:
    """A 41 KB template of 200,000 tags took 33 s and 1.9 GB to check."""
    tags = make_template(tmp_path / "tags.docx", "{{ papers }}", "{{ title }}" * MAX_TAGS)
    text = make_template(
        tmp_path / "text.docx", "{{ papers }}{{ title }}", "字" * (MAX_SOURCE_BYTES // 3 + 1)
    )
    for path, limit in ((tags, f"超过 {MAX_TAGS} 个"), (text, "超过 2 MiB")):
        with pytest.raises(TemplateInvalid, match=limit):
            check_template(path, "finding")
        with pytest.raises(TemplateInvalid, match=limit):
            render_template(path, sample(FindingDoc), io.BytesIO())


DEEP = 400
UNPARSABLE = [
    "{{ " + "(" * DEEP + "title" + ")" * DEEP + " }}",
    "{{ " + "not " * DEEP + "title }}",
    "{% if title %}" * DEEP + "x" + "{% endif %}" * DEEP,
    "{{ title" + " + 'x'" * 200 + " }}",
    "{{ 1" + "1" * 5000 + " }}",
    "{{ 1e999|round(2, 'ceil') }}",
    "{{ '1e999'|float|int }}",
]


@pytest.mark.parametrize(
    "payload", UNPARSABLE, ids=["parens", "not", "if", "sum", "digits", "inf-round", "inf-int"]
)
def test_syntax_jinja_cannot_take_is_refused_with_a_code(payload: str, tmp_path: Path) -> None:
    """Deep nesting, long sums, huge and infinite numbers ended in WB-INTERNAL (RecursionError,
    SyntaxError, ValueError, NameError from Jinja's parser and compiler)."""
    path = make_template(tmp_path / "t.docx", "{{ title }}", "{{ papers }}", payload)
    with pytest.raises(TemplateInvalid):
        check_template(path, "finding")
    with pytest.raises(TemplateInvalid):
        render_template(path, sample(FindingDoc), io.BytesIO())


def test_nesting_is_bounded_before_anything_recurses(tmp_path: Path) -> None:
    path = make_template(
        tmp_path / "t.docx", "{{ title }}", "{{ papers }}", "{{ " + "not " * 60 + "title }}"
    )
    with pytest.raises(TemplateInvalid, match=f"嵌套超过 {MAX_DEPTH} 层"):
        check_template(path, "finding")


def test_only_a_regular_file_of_bounded_size_is_opened(tmp_path: Path) -> None:
    """``--check-template /dev/zero`` read for ever; a pipe would wait for a writer."""
    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    huge = tmp_path / "huge.docx"
    with huge.open("wb") as f:
        f.truncate(MAX_TEMPLATE_BYTES + 1)  # sparse: nothing is written
    for path, message in (
        (Path("/dev/zero"), "不是有效的 Word 文档"),
        (pipe, "不是有效的 Word 文档"),
        (tmp_path, "不是有效的 Word 文档"),
        (huge, f"超过 {MAX_TEMPLATE_BYTES >> 20} MiB"),
    ):
        with pytest.raises(TemplateInvalid, match=message):
            check_template(path, "finding")
