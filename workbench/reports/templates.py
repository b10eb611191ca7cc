"""User-editable document templates (docxtpl).

An office replaces a document's built-in layout by putting its own Word file at
``<data dir>/templates/<doc type>.docx`` (``install_template`` checks and copies it there). The
template's placeholders are the fields of the document's context dataclass: ``{{ title }}``,
``{{ secrecy }}`` …, loops over list fields such as ``{%tr for e in p.evidence %}`` and
``{{ e.title }}`` inside them. ``starter_template`` writes a GB/T 9704 page with every
placeholder, as a start to edit in Word or WPS.

A template is data, never code: it sees the context as plain text, lists and records, and
renders in the sandbox of ``sandbox.py`` (no calls, imports or private attributes). It is
checked before every use without running anything in it: every part docxtpl renders must parse,
hold only what ``sandbox.validate`` admits, use the document's required placeholders and no
unknown ones (attributes of loop variables included); only then is a sample rendered, in the
sandbox. A template with external links, macros, embedded objects or fields that include other
files is refused (``active_content``). A bad one is refused with ``TemplateInvalid`` naming
what is wrong. Before any of that, the file is bounded (``_open``) and so is what Jinja sees
(``TemplateEnvironment.admit``), and every part renders once, from the template's own text
(``_Template``).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import typing
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateError, nodes
from jinja2.meta import find_undeclared_variables
from lxml.etree import LxmlError

from workbench import paths
from workbench.reports.active_content import active_content
from workbench.reports.errors import TemplateInvalid
from workbench.reports.frame import framed_type
from workbench.reports.gbt9704 import HEITI, OfficialDocument
from workbench.reports.office_files import OfficeFileRefused, check_members, read_regular_file
from workbench.reports.registry import DocSpec, get_spec
from workbench.reports.sandbox import LOOP_ATTRS, TemplateEnvironment, validate

HEADER_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


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
    own: type = typing.get_type_hints(spec.context)["return"]
    return framed_type(own) if spec.frame is not None else own  # with the frame's placeholders


def sample(cls: type) -> Any:
    """An instance with every string set to its label and one item in every list."""
    values: dict[str, Any] = {}
    for name, ph in placeholders(cls).items():
        values[name] = (sample(ph.item),) if ph.item else f"〔{ph.label}〕"
    return cls(**values)


# -- opening -----------------------------------------------------------------------------------

MAX_TEMPLATE_BYTES = 64 << 20  # zipped and unpacked: a letterhead with a logo is a few MiB
_NOT_DOCX = (OSError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, LxmlError)


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl rendering each part once, from the template's own text. Its ``render_footnotes``
    renders the footnotes once per section, from the second on over its own output, which would
    run record text (a title ``{{ 6 * 7 }}``) as template code."""

    def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        for part in self.docx.part.package.parts:
            if part.content_type == FOOTNOTES_TYPE:
                xml = self.patch_xml(part.blob.decode("utf-8"))
                part._blob = self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")


def _open(path: Path) -> _Template:
    """The template, loaded; refused unless it is a regular file of at most
    ``MAX_TEMPLATE_BYTES``, a .docx packed as Word packs it, that unpacks to at most
    ``MAX_TEMPLATE_BYTES`` (``office_files``), and that reaches nothing outside itself
    (``active_content``: LibreOffice would fetch a linked image at every preview)."""
    try:
        data = read_regular_file(path, MAX_TEMPLATE_BYTES)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_members(zf.infolist(), MAX_TEMPLATE_BYTES)
            reaching_out = active_content(zf)
        if reaching_out is not None:
            raise TemplateInvalid(
                f"模板“{path.name}”{reaching_out}：模板中不能有外部链接、宏、嵌入对象或引用其他"
                "文件的域，请删去后再用",
                path=str(path),
            )
        tpl = _Template(io.BytesIO(data))
        tpl.init_docx()
    except OfficeFileRefused as refused:
        raise _refused_file(path, refused) from None
    except _NOT_DOCX as exc:
        raise _not_docx(path) from exc
    return tpl


def _refused_file(path: Path, refused: OfficeFileRefused) -> TemplateInvalid:
    if refused.why == "packed_oddly":
        return TemplateInvalid(f"模板“{path.name}”使用了 Word 文档不用的压缩方式", path=str(path))
    if refused.why == "too_large":
        return _too_large(path, "")
    if refused.why == "unpacks_too_large":
        return _too_large(path, "解压后")
    return _not_docx(path)


def _too_large(path: Path, when: str) -> TemplateInvalid:
    limit = MAX_TEMPLATE_BYTES >> 20
    return TemplateInvalid(f"模板“{path.name}”{when}超过 {limit} MiB", path=str(path))


def _not_docx(path: Path) -> TemplateInvalid:
    return TemplateInvalid(f"模板“{path.name}”不是有效的 Word 文档（.docx）", path=str(path))


# -- checking ----------------------------------------------------------------------------------

# the core properties docxtpl renders as templates too (``DocxTemplate.render_properties``)
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


def _sources(tpl: DocxTemplate) -> list[str]:
    """Every text docxtpl hands to Jinja: the body, headers, footers, footnotes and document
    properties, each patched as docxtpl patches it."""
    docx = tpl.get_docx()
    out = [tpl.patch_xml(tpl.get_xml())]
    for uri in (HEADER_URI, FOOTER_URI):
        out += [tpl.patch_xml(tpl.get_part_xml(part)) for _, part in tpl.get_headers_footers(uri)]
    for part in docx.part.package.parts:
        if part.content_type == FOOTNOTES_TYPE:
            out.append(tpl.patch_xml(part.blob.decode("utf-8")))
    out += [getattr(docx.core_properties, name) or "" for name in _PROPERTIES]
    return [str(source) for source in out]


# what an expression is: ("record", its class), ("list", the item class), ("loop" or "text", None)
Kind = tuple[str, type | None]
_TEXT: Kind = ("text", None)


class _Checker:
    """Walks the Jinja AST: every attribute or item taken must be a field of a record (the
    context or a loop item), an index into a list, or a counter of ``loop``. A loop inside a
    loop must go over a list of the outer loop's item (``{% for e in p.evidence %}``), so a
    render takes time in proportion to the data: ``{% for a in papers %}{% for b in papers %}``
    nested a few times would not end."""

    def __init__(self, root: type) -> None:
        self.root = root
        self.unknown: list[str] = []
        self.nested: list[str] = []  # inner loops over anything but the outer item's lists

    def _kind(self, node: nodes.Node, scope: dict[str, Kind]) -> Kind:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            ph = placeholders(self.root).get(node.name)
            return ("list", ph.item) if ph and ph.item else _TEXT
        if isinstance(node, nodes.Filter) and node.node:
            kind, cls = self._kind(node.node, scope)
            if kind == "list" and node.name in ("first", "last"):
                return ("record", cls)
            if kind == "list" and node.name in ("reverse", "sort", "unique", "list"):
                return (kind, cls)  # the same items, in another order
            return _TEXT
        if not isinstance(node, nodes.Getattr | nodes.Getitem):
            return _TEXT
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Slice):
            return self._kind(node.node, scope)  # part of a text or of a list
        key = node.attr if isinstance(node, nodes.Getattr) else _const(node.arg)
        kind, cls = self._kind(node.node, scope)
        if kind == "record" and cls is not None and isinstance(key, str):
            ph = placeholders(cls).get(key)
            if ph is not None:
                return ("list", ph.item) if ph.item else _TEXT
        elif kind == "list" and type(key) is int:
            return ("record", cls)
        elif kind == "loop" and key in LOOP_ATTRS:
            return _TEXT
        self.unknown.append(f"{_name(node.node)}.{key}")
        return _TEXT

    def visit(self, node: nodes.Node, scope: dict[str, Kind], outer: tuple[str, ...] = ()) -> None:
        """``outer``: the target names of the innermost loop around ``node``."""
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope, outer)
            kind, item = self._kind(node.iter, scope)
            if outer and not (kind == "list" and _base_name(node.iter) in outer):
                self.nested.append(_name(node.iter))
            inner: dict[str, Kind] = dict(scope, loop=("loop", None))
            target = node.target
            names = [target] if isinstance(target, nodes.Name) else target.find_all(nodes.Name)
            targets = tuple(n.name for n in names)
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = ("record", item) if kind == "list" else _TEXT
            else:  # tuple unpacking: the parts are not records
                inner.update(dict.fromkeys(targets, _TEXT))
            for child in (*node.body, *([node.test] if node.test else [])):
                self.visit(child, inner, targets)
            for child in node.else_:
                self.visit(child, scope, outer)
            return
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            self._kind(node, scope)  # checks the whole a.b.c chain once
            base: nodes.Node = node
            while isinstance(base, nodes.Getattr | nodes.Getitem):
                if isinstance(base, nodes.Getitem):
                    self.visit(base.arg, scope, outer)
                base = base.node
            if not isinstance(base, nodes.Name):
                self.visit(base, scope, outer)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope, outer)


def _base_name(node: nodes.Node) -> str | None:
    """``p`` of ``p.evidence[0].refs``."""
    while isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Filter):
        if node.node is None:
            return None
        node = node.node
    return node.name if isinstance(node, nodes.Name) else None


def _const(node: nodes.Node) -> str | int | None:
    value = node.value if isinstance(node, nodes.Const) else None
    return value if isinstance(value, str) or type(value) is int else None


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
    """Refuse a template that cannot render ``doc_type`` (``TemplateInvalid``): not a .docx, bad
    syntax, anything but data access (``sandbox.validate``), missing required or unknown
    placeholders, or a failing trial render. Nothing in the template runs before all the
    checks on its syntax tree pass; the trial render of a sample then runs in the sandbox."""
    spec = get_spec(doc_type)
    root = context_type(spec)
    name = Path(path).name
    tpl = _open(Path(path))
    try:
        sources = _sources(tpl)
    except _NOT_DOCX as exc:  # e.g. footnotes that are not UTF-8
        raise _not_docx(Path(path)) from exc
    env = TemplateEnvironment(name)
    used: set[str] = set()
    checker = _Checker(root)
    for source in sources:
        env.admit(source)
        with _refused(Path(path), "有语法错误"):
            ast = env.parse(source)
            validate(ast, name)  # before anything else recurses into a tree of any depth
            used |= find_undeclared_variables(ast)
            checker.visit(ast, {})
    known = placeholders(root)
    unknown = sorted(used - set(known)) + sorted(set(checker.unknown))
    missing = [r for r in spec.required if r not in used]
    if unknown or missing:
        raise TemplateInvalid(
            f"模板“{name}”不能用于{spec.title}", missing=missing, unknown=unknown, path=str(path)
        )
    if checker.nested:
        raise TemplateInvalid(
            f"模板“{name}”的循环里只能再遍历当前循环项的列表（如 {{% for e in p.evidence %}}），"
            f"不能遍历：{'、'.join(dict.fromkeys(checker.nested))}",
            path=str(path),
        )
    render_template(Path(path), sample(root), io.BytesIO())
    return TemplateCheck(spec.code, tuple(sorted(used)))


# -- rendering ---------------------------------------------------------------------------------

# what a template can still get wrong at render time: ``{{ title + 1 }}``, XML that ``{{r x }}``
# breaks, filter arguments Jinja checks with ``assert`` (``truncate(0)``), ``divisibleby(0)``;
# a ``SecurityError`` of the sandbox is a ``TemplateError``; and what Jinja's parser and compiler
# raise on syntax they cannot take: ``RecursionError`` (deep nesting), ``SyntaxError`` (Python's
# limits on the code Jinja generates), ``ValueError`` (an integer literal over 4,300 digits),
# ``NameError`` (Jinja writes an infinite constant, ``1e999|round``, as ``inf``)
RENDER_ERRORS = (
    TemplateError,
    TypeError,
    ValueError,
    LookupError,
    ArithmeticError,
    AssertionError,
    LxmlError,
    RecursionError,
    SyntaxError,
    NameError,
)


@contextmanager
def _refused(path: Path, failed: str) -> Iterator[None]:
    """Turn whatever the template makes Jinja or docxtpl raise into ``TemplateInvalid``."""
    try:
        yield
    except RENDER_ERRORS as exc:
        raise TemplateInvalid(f"模板“{path.name}”{failed}：{exc}", path=str(path)) from exc


def plain(value: Any) -> Any:
    """The context as plain data, all a template sees: text (line breaks become docxtpl's
    ``\\a`` paragraph marks, so multi-paragraph 概述 keep the template paragraph's format),
    tuples, records as dicts of their fields, and numbers and dates as they are."""
    if isinstance(value, str):
        return re.sub(r"\n+", "\a", value.strip("\n"))
    if isinstance(value, tuple | list):
        return tuple(plain(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if value is None or isinstance(value, int | Decimal | date):
        return value
    raise TypeError(f"not template data: {type(value).__name__}")  # a context field of ours


def render_template(path: Path, ctx: Any, target: str | Path | IO[bytes]) -> None:
    """Render a template with a document context, in the sandbox."""
    tpl, context = _open(path), plain(ctx)
    with _refused(path, "渲染失败"):
        tpl.render(context, jinja_env=TemplateEnvironment(path.name), autoescape=True)
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
