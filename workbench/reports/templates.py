"""User-editable document templates (docxtpl).

An office replaces a document's built-in layout by putting its own Word file at
``<data dir>/templates/<doc type>.docx`` (``install_template`` checks and copies it there). The
template's placeholders are the fields of the document's context dataclass: ``{{ title }}``,
``{{ secrecy }}`` …, loops over list fields such as ``{%tr for e in p.evidence %}`` and
``{{ e.title }}`` inside them. ``starter_template`` writes a GB/T 9704 page with every
placeholder, as a start to edit in Word or WPS.

A template is checked before every use: it must parse, use the document's required
placeholders and no unknown ones (attributes of loop variables included), and render a sample.
A bad one is refused with ``TemplateInvalid`` naming the missing and unknown placeholders.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import typing
import zipfile
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import IO, Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateError, nodes
from jinja2.meta import find_undeclared_variables

from workbench import paths
from workbench.reports.errors import TemplateInvalid
from workbench.reports.gbt9704 import HEITI, OfficialDocument
from workbench.reports.registry import DocSpec, get_spec

HEADER_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


# -- the placeholder schema of a document -------------------------------------------------------


@dataclass(frozen=True)
class Placeholder:
    name: str
    label: str
    item: type | None = None  # for a list field: the dataclass of its items

    @property
    def is_list(self) -> bool:
        return self.item is not None


def placeholders(cls: type) -> dict[str, Placeholder]:
    """The fields of a context dataclass (or of a list item) as placeholders."""
    hints = typing.get_type_hints(cls)
    out: dict[str, Placeholder] = {}
    for f in fields(cls):
        item = None
        if typing.get_origin(hints[f.name]) is tuple:
            args = typing.get_args(hints[f.name])
            item = args[0] if args and isinstance(args[0], type) and is_dataclass(args[0]) else None
        out[f.name] = Placeholder(f.name, str(f.metadata.get("label", f.name)), item)
    return out


def context_type(spec: DocSpec) -> type:
    if spec.context is None:
        raise TemplateInvalid(f"{spec.title}只有 Excel 台账，没有 Word 模板")
    return typing.get_type_hints(spec.context)["return"]  # type: ignore[no-any-return]


def sample(cls: type) -> Any:
    """An instance with every string set to its label and one item in every list."""
    values: dict[str, Any] = {}
    for name, ph in placeholders(cls).items():
        values[name] = (sample(ph.item),) if ph.item else f"〔{ph.label}〕"
    return cls(**values)


# -- checking ----------------------------------------------------------------------------------


def _environment() -> Environment:
    return Environment(undefined=StrictUndefined, autoescape=True)


def _template_xml(tpl: DocxTemplate) -> str:
    """The body, headers and footers as docxtpl feeds them to Jinja."""
    tpl.init_docx()
    docx = tpl.get_docx()
    xml = tpl.patch_xml(tpl.xml_to_string(docx._element.body))
    for rel in docx._part.rels.values():
        if rel.reltype in (HEADER_URI, FOOTER_URI) and not rel.is_external:
            xml += tpl.patch_xml(rel.target_part.blob.decode("utf-8"))
    return str(xml)


class _Checker:
    """Walks the Jinja AST: every attribute taken of a context object or loop item must be a
    field of it."""

    def __init__(self, root: type) -> None:
        self.root = root
        self.unknown: list[str] = []

    def _kind(self, node: nodes.Node, scope: dict[str, type | None]) -> tuple[str, type | None]:
        """("object", cls) for a context object, ("list", item cls), or ("other", None)."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return ("object", scope[node.name]) if scope[node.name] else ("other", None)
            ph = placeholders(self.root).get(node.name)
            return ("list", ph.item) if ph and ph.item else ("other", None)
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            attr = node.attr if isinstance(node, nodes.Getattr) else _const(node.arg)
            kind, cls = self._kind(node.node, scope)
            if kind != "object" or cls is None or attr is None:
                return ("other", None)
            ph = placeholders(cls).get(attr)
            if ph is None:
                self.unknown.append(f"{_name(node.node)}.{attr}")
                return ("other", None)
            return ("list", ph.item) if ph.item else ("other", None)
        return ("other", None)

    def visit(self, node: nodes.Node, scope: dict[str, type | None]) -> None:
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            kind, item = self._kind(node.iter, scope)
            inner: dict[str, type | None] = dict(scope, loop=None)
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = item if kind == "list" else None
            else:  # tuple unpacking: nothing known about the parts
                inner.update({n.name: None for n in node.target.find_all(nodes.Name)})
            for child in (*node.body, *node.else_, *([node.test] if node.test else [])):
                self.visit(child, inner)
            return
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            self._kind(node, scope)  # checks the whole a.b.c chain once
            base: nodes.Node = node
            while isinstance(base, nodes.Getattr | nodes.Getitem):
                if isinstance(base, nodes.Getitem):
                    self.visit(base.arg, scope)
                base = base.node
            if not isinstance(base, nodes.Name):
                self.visit(base, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)


def _const(node: nodes.Node) -> str | None:
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else None


def _name(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_name(node.node)}.{node.attr}"
    return "…"


@dataclass(frozen=True)
class TemplateCheck:
    doc_type: str
    used: tuple[str, ...]  # top-level placeholders the template uses


def check_template(path: Path | str, doc_type: str) -> TemplateCheck:
    """Refuse a template that cannot render ``doc_type``: not a .docx, bad syntax, missing
    required or unknown placeholders, or a failing trial render (``TemplateInvalid``)."""
    spec = get_spec(doc_type)
    root = context_type(spec)
    name = Path(path).name
    try:
        tpl = DocxTemplate(str(path))
        xml = _template_xml(tpl)
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise TemplateInvalid(f"模板“{name}”不是有效的 Word 文档（.docx）", path=str(path)) from exc
    env = _environment()
    try:
        ast = env.parse(xml)
    except TemplateError as exc:
        raise TemplateInvalid(f"模板“{name}”有语法错误：{exc}", path=str(path)) from exc
    known = placeholders(root)
    used = find_undeclared_variables(ast) - set(env.globals)
    checker = _Checker(root)
    checker.visit(ast, {})
    unknown = sorted(used - set(known)) + sorted(set(checker.unknown))
    missing = [r for r in spec.required if r not in used]
    if unknown or missing:
        raise TemplateInvalid(
            f"模板“{name}”不能用于{spec.title}", missing=missing, unknown=unknown, path=str(path)
        )
    try:
        render_template(Path(path), sample(root), io.BytesIO())
    except (TemplateError, ValueError, TypeError, KeyError) as exc:
        raise TemplateInvalid(f"模板“{name}”试渲染失败：{exc}", path=str(path)) from exc
    return TemplateCheck(spec.code, tuple(sorted(used)))


# -- rendering ---------------------------------------------------------------------------------


def _paragraphs(value: Any) -> Any:
    """Line breaks in text become paragraphs (docxtpl's ``\\a``), each with the template's
    paragraph format, so multi-paragraph 概述 keep their first-line indent."""
    if isinstance(value, str):
        return re.sub(r"\n+", "\a", value.strip("\n"))
    if isinstance(value, tuple):
        return tuple(_paragraphs(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(
            value, **{f.name: _paragraphs(getattr(value, f.name)) for f in fields(value)}
        )
    return value


def render_template(path: Path, ctx: Any, target: str | Path | IO[bytes]) -> None:
    """Render an (already checked) template with a document context."""
    tpl = DocxTemplate(str(path))
    prepared = _paragraphs(ctx)
    values = {f.name: getattr(prepared, f.name) for f in fields(prepared)}
    tpl.render(values, jinja_env=_environment(), autoescape=True)
    tpl.save(target)


# -- where templates live ------------------------------------------------------------------------


def templates_dir() -> Path:
    return paths.data_dir() / "templates"


def template_for(doc_type: str) -> Path | None:
    """The office's template for ``doc_type``, if it installed one."""
    path = templates_dir() / f"{get_spec(doc_type).code}.docx"
    return path if path.is_file() else None


def install_template(source: Path, doc_type: str) -> Path:
    """Check ``source`` and copy it into place (atomically: a half-copied template is never
    picked up)."""
    spec = get_spec(doc_type)
    check_template(source, spec.code)
    folder = templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{spec.code}.docx"
    staging = folder / f".{spec.code}.docx.tmp"
    shutil.copyfile(source, staging)
    os.replace(staging, final)
    return final


def remove_template(doc_type: str) -> bool:
    """Back to the built-in layout; False if there was no template."""
    path = template_for(doc_type)
    if path is None:
        return False
    path.unlink()
    return True


# -- the starter template ----------------------------------------------------------------------

_BASE = ("title", "secrecy", "copy_no", "date")
TABLE_FIELDS = 7  # lists of items with more fields are laid out as paragraphs, not columns


def starter_template(doc_type: str, target: str | Path | IO[bytes]) -> None:
    """A GB/T 9704 page listing every placeholder of ``doc_type``: lists of short items as table
    rows (``{%tr for %}``), nested or long items as repeated paragraphs (``{%p for %}``)."""
    spec = get_spec(doc_type)
    root = context_type(spec)
    doc = OfficialDocument(title=spec.title)
    for mark in ("copy_no", "secrecy"):  # a mark the document lacks leaves no blank line
        doc.text(f"{{%p if {mark} %}}")
        doc.paragraph(f"{{{{ {mark} }}}}", style="Normal", font=HEITI)
        doc.text("{%p endif %}")
    doc.title("{{ title }}")
    _starter_fields(doc, root, "", 0)
    doc.paragraph("{{ date }}", style="Normal", align="right")
    doc.save(target)


def _starter_fields(doc: OfficialDocument, cls: type, prefix: str, depth: int) -> None:
    for name, ph in placeholders(cls).items():
        if not prefix and name in _BASE:
            continue
        ref = f"{prefix}{name}"
        if ph.item is None:
            doc.text(f"{ph.label}：{{{{ {ref} }}}}")
            continue
        var = f"v{depth + 1}"
        items = placeholders(ph.item)
        if len(items) > TABLE_FIELDS or any(p.is_list for p in items.values()):
            doc.text(f"{{%p for {var} in {ref} %}}")
            _starter_fields(doc, ph.item, f"{var}.", depth + 1)
            doc.text("{%p endfor %}")
            continue
        doc.text(f"{ph.label}：")
        doc.table(
            [p.label for p in items.values()],
            [
                [f"{{%tr for {var} in {ref} %}}"] + [""] * (len(items) - 1),
                [f"{{{{ {var}.{n} }}}}" for n in items],
                ["{%tr endfor %}"] + [""] * (len(items) - 1),
            ],
            [1] * len(items),
            size_pt=10.5,
        )
