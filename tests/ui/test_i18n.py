"""Every user-visible Chinese string in ui/ is wrapped for translation, and the core strings
lupdate sees are the ones core marks with N_."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.ui.english import english_ui
from tools.i18n import CORE_STRINGS, listed_strings, render_core_strings

UI = Path(__file__).resolve().parents[2] / "ui"
CJK = re.compile(r"[\u3400-\u9fff]")
TRANSLATORS = {"tr", "_tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "core_text"}


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def unwrapped_strings(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    allowed = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node) in TRANSLATORS:
            for arg in ast.walk(node):
                if isinstance(arg, ast.Constant):
                    allowed.add(id(arg))
        # command-line help is printed before Qt exists, like the core CLI's
        if isinstance(node, ast.keyword) and node.arg in ("help", "description"):
            allowed.add(id(node.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CJK.search(node.value)
        and id(node) not in allowed
    ]


def test_the_checker_catches_a_bare_string() -> None:
    sample = 'label = QLabel("未翻译")\nok = self.tr("已包裹")\nalso = _tr("也包裹")\n'
    assert unwrapped_strings(sample) == [(1, "未翻译")]


def test_every_chinese_string_in_ui_is_translatable() -> None:
    found = [
        f"{path.relative_to(UI.parent)}:{line}: {text}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "core_strings.py"
        for line, text in unwrapped_strings(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "wrap these in self.tr() / _tr():\n" + "\n".join(found)


def test_core_strings_are_current() -> None:
    expected = render_core_strings(listed_strings())
    assert CORE_STRINGS.read_text(encoding="utf-8") == expected, "run `make i18n`"


def test_english_translation_is_complete_and_current(tmp_path: Path) -> None:
    """Every source string of ui/ is in workbench_en.ts, and every entry is translated."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    from tools.i18n import TS, UI

    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [
            str(lupdate),
            *map(str, sorted(UI.rglob("*.py"))),
            "-tr-function-alias",
            "tr+=_tr",
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-silent",
            "-ts",
            str(fresh),
        ],
        check=True,
    )

    def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
        root = ET.parse(path).getroot()
        return {
            (ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")
            for ctx in root.iter("context")
            for m in ctx.iter("message")
        }

    committed = messages(TS)
    missing = sorted(set(messages(fresh)) - set(committed))
    assert missing == [], f"run `make i18n` and translate: {missing[:10]}"
    unfinished = [
        key
        for key, tr in committed.items()
        if tr is None
        or tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not ((tr.text or "").strip() or list(tr))
    ]
    assert unfinished == [], f"untranslated in workbench_en.ts: {unfinished[:10]}"


def test_the_english_ui_loads(qtbot: object) -> None:
    from PySide6.QtCore import QCoreApplication

    with english_ui():
        assert QCoreApplication.translate("", "信访件") == "Letters"
        assert QCoreApplication.translate("core", "小信封") == "Small envelope"


def test_the_record_count_is_english_for_any_count(qtbot: object) -> None:
    """共 N 条 under every list: Qt returns a plain (non-plural) translation only for n ≤ 1 when
    a count is passed, so "共 25 条" stayed Chinese in the English UI."""

    from ui.pages.record_list_page import count_text

    assert count_text(25) == "共 25 条"
    with english_ui():
        assert [count_text(n) for n in (0, 1, 25)] == ["Total: 0", "Total: 1", "Total: 25"]


def test_no_translation_call_inside_an_f_string() -> None:
    """lupdate does not look inside f-strings: ``f"{_tr('签批：')}"`` stayed Chinese in English."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                found += [
                    f"{path.relative_to(UI.parent)}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call)
                    and _called_name(call) in TRANSLATORS
                    and any(isinstance(a, ast.Constant) for a in call.args)  # not core_text(x)
                ]
    assert found == []


def test_a_core_template_keeps_its_named_fillers_in_english() -> None:
    """A ``Wording``'s template is filled after translation: a filler the translation drops or
    renames leaves the value out, or shows ``{name}`` to the user."""
    import xml.etree.ElementTree as ET

    from tools.i18n import TS

    filler = re.compile(r"\{[a-z_]+\}")
    root = ET.parse(TS).getroot()
    core = next(c for c in root.iter("context") if c.findtext("name") == "core")
    wrong = [
        source
        for m in core.iter("message")
        if filler.search(source := m.findtext("source") or "")
        and sorted(filler.findall(source))
        != sorted(filler.findall(m.findtext("translation") or ""))
    ]
    assert wrong == []


def test_a_wording_is_translated_then_filled_its_own_fillers_too(qtbot: object) -> None:
    from ui.i18n import core_text
    from workbench.i18n import N_, Wording

    empty = Wording(N_("“{field}”不能为空"), field=Wording(N_("姓名")))
    odd = Wording(N_("日期“{value}”不存在"), value="{value}年")  # braces typed in a cell
    assert (str(empty), core_text(empty), core_text(odd)) == (
        "“姓名”不能为空",
        "“姓名”不能为空",
        "日期“{value}年”不存在",
    )
    with english_ui():
        assert core_text(empty) == "“Name” must not be empty"
        assert core_text(odd) == "The date “{value}年” does not exist"
