"""What an office template may do: print fields, loop over lists, test values. Nothing else.

A template is a Word file anyone can hand the office, and the process that renders it holds the
open store, so a template is treated as data, never as code. Two locks, each enough alone:

- ``validate`` walks the parsed template before it is compiled. It admits output, ``for`` and
  ``if``; names, attributes and items by literal name, index or slice; literals; comparisons,
  ``and``/``or``/``not``, ``+``, ``-``, ``~`` and ``N * loop.length`` (docxtpl's ``{% hm %}``);
  the filters and tests of ``FILTERS`` and ``TESTS``. It refuses calls, ``include``, ``import``,
  ``extends``, macros, ``set``, blocks, and any name or attribute starting with ``_``.
- ``TemplateEnvironment`` is Jinja's immutable sandbox with no globals, no loader, only those
  filters and tests, every call refused, and attribute access only to the fields of a record (a
  dict of the plain context) and to the counters of ``loop``. It runs ``validate`` on every
  source docxtpl hands it, so no path compiles an unchecked template, and before parsing keeps
  the sources of one render within ``MAX_SOURCE_BYTES`` and ``MAX_TAGS`` (Jinja's parser and
  compiler take seconds and hundreds of MiB per 10,000 tags).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import do_round
from jinja2.runtime import Context, LoopContext, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from workbench.reports.errors import TemplateInvalid

# filter → the most positional arguments it may take, always short of one that would name an
# attribute to read (the next argument of ``join``, ``sort``, ``unique``, ``min``, ``max``)
FILTERS: dict[str, int] = {
    "abs": 0,
    "capitalize": 0,
    "count": 0,
    "d": 2,
    "default": 2,
    "e": 0,
    "escape": 0,
    "first": 0,
    "float": 1,
    "int": 2,
    "join": 1,
    "last": 0,
    "length": 0,
    "list": 0,
    "lower": 0,
    "max": 1,
    "min": 1,
    "reverse": 0,
    "round": 2,
    "sort": 2,
    "string": 0,
    "striptags": 0,
    "title": 0,
    "trim": 1,
    "truncate": 4,
    "unique": 1,
    "upper": 0,
    "wordcount": 0,
}
_COMPARISONS = ("divisibleby", "eq", "equalto", "ne", "lt", "le", "gt", "ge", "in")
_KINDS = ("defined", "undefined", "none", "number", "string", "sequence", "odd", "even", "true")
TESTS: dict[str, int] = {
    **dict.fromkeys(_COMPARISONS, 1),
    **dict.fromkeys((*_KINDS, "false", "lower", "upper"), 0),
}
LOOP_ATTRS = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0"}
)
# names Jinja gives a template by itself: a way back to its context and machinery
_SPECIAL_NAMES = frozenset({"self", "caller", "varargs", "kwargs"})
MAX_MULTIPLIER = 1000
MAX_DEPTH = 50  # of the syntax tree; Jinja's compiler recurses, a real template needs ~20
ROUND_PRECISION = range(0, 11)  # ``round`` computes 10 ** precision
# what one render hands Jinja, all parts together: a real office template is a few hundred KiB
# of XML with tens to a few hundred tags
MAX_SOURCE_BYTES = 2 << 20
MAX_TAGS = 5000

_PLAIN_NODES = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.If,
    nodes.Const,
    nodes.Compare,
    nodes.Operand,
    nodes.And,
    nodes.Or,
    nodes.Not,
    nodes.Neg,
    nodes.Pos,
    nodes.Concat,
    nodes.Add,
    nodes.Sub,
    nodes.CondExpr,
    nodes.Tuple,
    nodes.List,
    nodes.Slice,
)
_WHAT: dict[type[nodes.Node], str] = {
    nodes.Call: "函数或方法调用",
    nodes.Include: "引用其他文件（include）",
    nodes.Import: "导入（import）",
    nodes.FromImport: "导入（import）",
    nodes.Extends: "继承其他模板（extends）",
    nodes.Macro: "宏（macro）",
    nodes.CallBlock: "宏调用（call）",
    nodes.Assign: "赋值（set）",
    nodes.AssignBlock: "赋值（set）",
    nodes.Block: "块（block）",
    nodes.FilterBlock: "过滤块（filter）",
    nodes.With: "with 块",
    nodes.ScopedEvalContextModifier: "改变转义（autoescape）",
    nodes.Dict: "字典字面量",
    nodes.Mul: "乘法",
    nodes.Div: "除法",
    nodes.FloorDiv: "除法",
    nodes.Mod: "取模或格式化（%）",
    nodes.Pow: "乘方",
}


def validate(ast: nodes.Template, name: str = "") -> None:
    """Refuse (``TemplateInvalid``) a parsed template that holds anything but data access."""
    problems = list(dict.fromkeys(_problems(ast)))
    if problems:
        of = f"模板“{name}”" if name else "模板"
        raise TemplateInvalid(
            f"{of}含不允许的内容：{'、'.join(problems[:5])}"
            "（模板只能使用占位符、for 循环、if 条件和常用过滤器）",
            refused=problems,
        )


def _problems(node: nodes.Node, depth: int = 0) -> Iterator[str]:
    if depth > MAX_DEPTH:
        yield f"嵌套超过 {MAX_DEPTH} 层"
        return
    yield from _own_problems(node)
    for child in node.iter_child_nodes():
        yield from _problems(child, depth + 1)


def _own_problems(node: nodes.Node) -> Iterator[str]:
    if isinstance(node, _PLAIN_NODES):
        return
    if isinstance(node, nodes.For):
        if node.recursive:
            yield "递归循环（recursive）"
    elif isinstance(node, nodes.Name):
        if node.name.startswith("_") or node.name in _SPECIAL_NAMES:
            yield f"名称“{node.name}”"
    elif isinstance(node, nodes.Getattr):
        if node.attr.startswith("_"):
            yield f"属性“{node.attr}”"
    elif isinstance(node, nodes.Getitem):
        key = node.arg.value if isinstance(node.arg, nodes.Const) else None
        if isinstance(node.arg, nodes.Slice):
            pass  # a slice of a text or a list; Jinja slices without ``getitem``
        elif not (isinstance(key, str) and not key.startswith("_")) and type(key) is not int:
            yield "按表达式或以下划线开头的名称取值"
    elif isinstance(node, nodes.Filter | nodes.Test):
        allowed = FILTERS if isinstance(node, nodes.Filter) else TESTS
        kind = "过滤器" if isinstance(node, nodes.Filter) else "测试"
        extra = node.kwargs or node.dyn_args or node.dyn_kwargs
        if node.name not in allowed or extra or len(node.args) > allowed[node.name]:
            yield f"{kind}“{node.name}”"
        elif node.name == "round" and node.args and not _is_precision(node.args[0]):
            yield f"round 的精度（只能是 {ROUND_PRECISION[0]}–{ROUND_PRECISION[-1]}）"
    elif isinstance(node, nodes.Mul):
        if not _is_count(node.left, node.right) and not _is_count(node.right, node.left):
            yield _WHAT[nodes.Mul]
    else:
        yield _WHAT.get(type(node), f"“{type(node).__name__}”结构")


def _is_count(factor: nodes.Node, other: nodes.Node) -> bool:
    """``3 * loop.length``: a small whole number times a loop counter or a whole number."""
    if not (_is_int(factor) and abs(factor.value) <= MAX_MULTIPLIER):  # type: ignore[attr-defined]
        return False
    if _is_int(other):
        return True
    return (
        isinstance(other, nodes.Getattr)
        and isinstance(other.node, nodes.Name)
        and other.node.name == "loop"
        and other.attr in LOOP_ATTRS
    )


def _is_int(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Const) and type(node.value) is int


def _is_precision(node: nodes.Node) -> bool:
    """A literal precision of ``round`` in range; any other expression is checked when run."""
    return not isinstance(node, nodes.Const) or (_is_int(node) and node.value in ROUND_PRECISION)


def _bounded_round(value: Any, precision: Any = 0, method: Any = "common") -> Any:
    if type(precision) is not int or precision not in ROUND_PRECISION:
        raise SecurityError(f"round 的精度只能是 {ROUND_PRECISION[0]}–{ROUND_PRECISION[-1]}")
    return do_round(value, precision, method)


class TemplateEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox every office template renders in (see the module docstring)."""

    intercepted_binops = frozenset({"*", "/", "//", "%", "**"})

    def __init__(self, name: str = "") -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True)
        self.name = name  # of the template file, for messages
        self.globals.clear()  # no range, cycler, joiner, namespace, lipsum, dict
        self.filters = {n: f for n, f in self.filters.items() if n in FILTERS}
        self.tests = {n: t for n, t in self.tests.items() if n in TESTS}
        self.filters["round"] = _bounded_round
        self.source_bytes = self.tags = 0  # of the sources admitted so far

    def admit(self, source: str) -> None:
        """Count ``source`` towards the render's caps, before it is parsed."""
        self.source_bytes += len(source.encode("utf-8", "surrogatepass"))
        self.tags += source.count("{{") + source.count("{%")
        of = f"模板“{self.name}”" if self.name else "模板"
        if self.source_bytes > MAX_SOURCE_BYTES:
            raise TemplateInvalid(f"{of}的文字内容超过 {MAX_SOURCE_BYTES >> 20} MiB")
        if self.tags > MAX_TAGS:
            raise TemplateInvalid(f"{of}的占位符和标签超过 {MAX_TAGS} 个")

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: Any = None,
    ) -> Any:
        if isinstance(source, str):
            self.admit(source)
        ast = self.parse(source) if isinstance(source, str) else source
        validate(ast, self.name)
        return super().from_string(ast, globals, template_class)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        raise SecurityError("模板中不允许调用函数或方法")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*" and type(left) is int and type(right) is int:
            return left * right
        raise SecurityError(f"模板中不允许运算“{operator}”")

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict):  # a record: its fields, never the dict's methods
            return obj[attribute] if attribute in obj else self.undefined(obj=obj, name=attribute)
        if isinstance(obj, LoopContext) and attribute in LOOP_ATTRS:
            return super().getattr(obj, attribute)
        if isinstance(obj, Undefined):
            return super().getattr(obj, attribute)
        return self.unsafe_undefined(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, dict):
            if isinstance(argument, str) and argument in obj:
                return obj[argument]
            return self.undefined(obj=obj, name=str(argument))
        if isinstance(obj, list | tuple | str) and type(argument) is int:
            return super().getitem(obj, argument)
        if isinstance(obj, Undefined):
            return super().getitem(obj, argument)
        return self.unsafe_undefined(obj, str(argument))
