"""Group ``workbench/exchange/`` into the subpackages of its protocol and rewrite every reference.

Re-runnable on any tree, before or after other work on exchange/ lands:

    python -m tools.relayout_exchange            # move and rewrite, then print what it did
    python -m tools.relayout_exchange --check    # change nothing; exit 1 if anything is left

``MODULES`` is the one table. A module it names that no longer exists is skipped; a module
present in exchange/ that it does not name stops the run (listed), to be added to the table. Each
move is a ``git mv``; each subpackage gets an ``__init__.py`` holding its one-line docstring.
References are rewritten in the tree's code, tests, docs and config:

- ``from workbench.exchange import a, b`` where a name is a module: that name moves to a
  ``from workbench.exchange.<sub> import …`` line of its own (public API names stay);
- dotted names, in code or strings: ``workbench.exchange.X`` (imports, mock targets, lazy
  imports) and ``exchange.X`` in prose become ``…exchange.<sub>.X``;
- paths: ``exchange/X.py`` and ``workbench/exchange/X.py`` become ``exchange/<sub>/X.py``;
- relative imports in exchange/ itself become absolute, before anything moves.

A second run changes nothing. Changed Python files get ruff's import sorting and format.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import shutil
import subprocess
import sys
import tokenize
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXCHANGE = ROOT / "workbench" / "exchange"
TOP = ""  # stays in workbench/exchange/ itself

# Bottom to top: records and enrolment import only the shared top modules, the package format
# imports them, intake imports the format, each direction imports intake, and the importer
# (every kind of package in) imports both directions. pyproject.toml's import-linter contract
# "Exchange subpackages" holds this order.
SUBPACKAGES: dict[str, str] = {
    "records": "Records as they travel: the codec of a record line, its checks, and its rows.",
    "enrolment": "Who is who: key material, certificates, the keys a store holds, enrolment.",
    "package": "The sealed file: the age envelope, our framing, the signed manifest, the blobs.",
    "intake": "A package arriving: read in one pass; its sender, chain, anchors and scope checked.",
    "to_office": "Team → office: the export, its merge at the office, conflicts, then the wipe.",
    "to_team": "Office → team: briefings (with their taxonomy documents) and receipts.",
}

MODULES: dict[str, str] = {
    # shared by every layer, and the one import pipeline on top
    "errors": TOP,
    "canonical": TOP,
    "strict": TOP,
    "importer": TOP,
    "verify": TOP,
    # what travels
    "recordio": "records",
    "fieldcheck": "records",
    "columns": "records",
    "linecheck": "records",
    "apply": "records",
    "bulk": "records",
    "rowdump": "records",
    "sqllines": "records",
    # who
    "keys": "enrolment",
    "certs": "enrolment",
    "identity": "enrolment",
    "enrol": "enrolment",
    # the file
    "framing": "package",
    "age_header": "package",
    "container": "package",
    "manifest": "package",
    "audit_anchor": "package",
    "root_claim": "package",
    "payload": "package",
    "spool": "package",
    "writer": "package",
    # arriving
    "reader": "intake",
    "trust": "intake",
    "ledger": "intake",
    "anchors": "intake",
    "root_anchor": "intake",
    "device_scope": "intake",
    "rejected": "intake",
    # team → office
    "export": "to_office",
    "export_mark": "to_office",
    "team": "to_office",
    "team_sink": "to_office",
    "office_merge": "to_office",
    "merge": "to_office",
    "conflicts": "to_office",
    "conflict_text": "to_office",
    "wipe": "to_office",
    # office → team
    "briefing": "to_team",
    "receipts": "to_team",
    "taxonomy_docs": "to_team",
}

SCAN_DIRS = ("workbench", "ui", "tests", "bench", "tools", "docs", "installer")
SCAN_FILES = ("ARCHITECTURE.md", "README.md", "pyproject.toml", "Makefile")
SUFFIXES = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".sh", ".spec", ".yml", ".yaml"}
SKIP_PARTS = {"__pycache__", ".venv", "build", "dist"}
# this script and its test hold the old names on purpose
SKIP_FILES = {Path(__file__).resolve(), ROOT / "tests" / "tools" / "test_relayout_exchange.py"}
LINE_LENGTH = 100  # pyproject.toml's ruff line-length


class Unmapped(Exception):
    pass


def _where(module: str) -> str | None:
    """The subpackage (or TOP) a module lies in now, None if it is nowhere."""
    if (EXCHANGE / f"{module}.py").is_file():
        return TOP
    for sub in _subpackages():
        if (EXCHANGE / sub / f"{module}.py").is_file():
            return sub
    return None


def _subpackages() -> list[str]:
    present = [p.name for p in EXCHANGE.iterdir() if (p / "__init__.py").is_file()]
    return sorted(set(SUBPACKAGES) | set(present))


def _file(sub: str, module: str) -> Path:
    return EXCHANGE / sub / f"{module}.py" if sub else EXCHANGE / f"{module}.py"


def unmapped() -> list[str]:
    return sorted(
        p.stem for p in EXCHANGE.glob("*.py") if p.stem != "__init__" and p.stem not in MODULES
    )


def pending_moves() -> list[tuple[str, str, str]]:
    """(module, from, to) for every mapped module not yet where the table puts it."""
    moves = []
    for module, target in MODULES.items():
        now = _where(module)
        if now is not None and now != target:
            moves.append((module, now, target))
    return moves


def targets() -> dict[str, str]:
    """Module → subpackage for the modules that exist (or will, once moved) in a subpackage."""
    return {m: t for m, t in MODULES.items() if t != TOP and _where(m) is not None}


# --- rewriting -------------------------------------------------------------------------------


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))


class Rewriter:
    def __init__(self, where: dict[str, str], subs: list[str]) -> None:
        self.where = where
        mods = _alternation(where)
        subs_alt = _alternation(subs)
        self.dotted = re.compile(
            rf"(?<![\w.])(?P<pre>(?:workbench\.)?exchange\.)(?:(?P<sub>{subs_alt})\.)?"
            rf"(?P<mod>{mods})(?![\w])"
        )
        self.path = re.compile(
            rf"(?<![\w.-])exchange/(?:(?P<sub>{subs_alt})/)?(?P<mod>{mods})\.py(?![\w])"
        )
        self.from_pkg = re.compile(
            r"^(?P<indent>[ \t]*)from workbench\.exchange import "
            r"(?:\((?P<paren>[^)]*)\)|(?P<plain>[^\n(]*?))[ \t]*(?P<comment>#[^\n]*)?$",
            re.MULTILINE,
        )

    def _dotted(self, m: re.Match[str]) -> str:
        module = m["mod"]
        return f"{m['pre']}{self.where[module]}.{module}"

    def _path(self, m: re.Match[str]) -> str:
        module = m["mod"]
        return f"exchange/{self.where[module]}/{module}.py"

    def _from_pkg(self, m: re.Match[str]) -> str:
        body = m["paren"] if m["paren"] is not None else m["plain"]
        body = re.sub(r"#[^\n]*", "", body)
        names = [n.strip() for n in body.replace("\n", " ").split(",") if n.strip()]
        stay: list[str] = []
        moved: dict[str, list[str]] = {}
        for name in names:
            module = name.split()[0]
            if module in self.where:
                moved.setdefault(self.where[module], []).append(name)
            else:
                stay.append(name)
        if not moved:
            return m[0]
        indent = m["indent"]
        comment = f"  {m['comment']}" if m["comment"] else ""
        lines = []
        if stay:
            lines.append(f"{indent}from workbench.exchange import {', '.join(stay)}{comment}")
            comment = ""
        for sub in sorted(moved):
            lines.append(f"{indent}from workbench.exchange.{sub} import {', '.join(moved[sub])}")
        lines[-1] += comment
        return "\n".join(lines)

    def rewrite(self, text: str, python: bool) -> str:
        if python:
            text = self.from_pkg.sub(self._from_pkg, text)
        text = self.dotted.sub(self._dotted, text)
        return self.path.sub(self._path, text)


def absolute_relative_imports(text: str) -> str:
    """``from .x import`` / ``from . import x`` in exchange/ itself, before x or the file moves."""
    text = re.sub(
        r"^(\s*)from \.(\w+) import", r"\1from workbench.exchange.\2 import", text, flags=re.M
    )
    return re.sub(r"^(\s*)from \. import", r"\1from workbench.exchange import", text, flags=re.M)


def scanned_files() -> list[Path]:
    found: list[Path] = []
    for name in SCAN_DIRS:
        for path in sorted((ROOT / name).rglob("*")):
            rel = path.relative_to(ROOT)
            if SKIP_PARTS & set(rel.parts) or not path.is_file():
                continue
            if path.suffix in SUFFIXES and path.resolve() not in SKIP_FILES:
                found.append(path)
    found.extend(ROOT / name for name in SCAN_FILES if (ROOT / name).is_file())
    return found


def _prose_rows(text: str) -> set[int]:
    """Rows (0-based) that hold only prose: inside a triple-quoted string, or a comment line."""
    rows: set[int] = set()
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.STRING and tok.start[0] != tok.end[0]:
            rows.update(range(tok.start[0] - 1, tok.end[0]))
        elif tok.type == tokenize.COMMENT and tok.line.lstrip().startswith("#"):
            rows.add(tok.start[0] - 1)
    return rows


def reflow_long_prose(text: str) -> str:
    """Rewrap the docstring and comment lines a longer path pushed past the line length: the
    words past it go to the start of the next line of the same paragraph (or a new line)."""
    lines = text.split("\n")
    try:
        prose = _prose_rows(text)
    except (tokenize.TokenError, SyntaxError):
        return text
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line) <= LINE_LENGTH or i not in prose:
            i += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        prefix = indent + "# " if line.lstrip().startswith("# ") else indent
        cut = line.rfind(" ", len(prefix) + 1, LINE_LENGTH + 1)
        if cut <= len(prefix):
            i += 1
            continue
        head, tail = line[:cut].rstrip(), line[cut + 1 :]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        same_paragraph = (
            i + 1 in prose
            and '"""' not in tail
            and nxt.startswith(prefix)
            and nxt[len(prefix) :].strip()
            and not nxt[len(prefix) :].startswith((" ", "-", "*", '"""', "#"))
            and (prefix.endswith("# ") or not nxt.lstrip().startswith("#"))
        )
        lines[i] = head
        if same_paragraph:
            lines[i + 1] = f"{prefix}{tail} {nxt[len(prefix) :]}"
            prose.add(i + 1)
        else:
            lines.insert(i + 1, prefix + tail)
            prose = {r + 1 if r > i else r for r in prose} | {i + 1}
        i += 1
    new = "\n".join(lines)
    try:
        ast.parse(new)
    except SyntaxError:
        return text
    return new


# --- the run ---------------------------------------------------------------------------------


def _git(*args: str) -> None:
    subprocess.run(["git", *args], cwd=ROOT, check=True)  # noqa: S603, S607 - git on our paths


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _ruff() -> str | None:
    beside = Path(sys.executable).parent / "ruff"
    return str(beside) if beside.exists() else shutil.which("ruff")


def plan_rewrites() -> dict[Path, str]:
    """Every scanned file whose text changes, with its new text (paths as they are now)."""
    rewriter = Rewriter(targets(), _subpackages())
    changed: dict[Path, str] = {}
    for path in scanned_files():
        old = path.read_text(encoding="utf-8")
        new = old
        if path.parent == EXCHANGE:
            new = absolute_relative_imports(new)
        new = rewriter.rewrite(new, python=path.suffix == ".py")
        if new != old:
            changed[path] = new
    return changed


def check() -> int:
    missing = unmapped()
    moves = pending_moves()
    rewrites = plan_rewrites()
    for name in missing:
        print(f"unmapped: workbench/exchange/{name}.py (add it to MODULES)")
    for module, now, target in moves:
        print(f"to move: {_rel(_file(now, module))} → {_rel(_file(target, module))}")
    for sub in SUBPACKAGES:
        if _needs_init(sub, moves):
            print(f"to create: workbench/exchange/{sub}/__init__.py")
    for path in rewrites:
        print(f"to rewrite: {_rel(path)}")
    if missing or moves or rewrites or any(_needs_init(s, moves) for s in SUBPACKAGES):
        return 1
    print("exchange/ is laid out as the table says; nothing to do")
    return 0


def _needs_init(sub: str, moves: list[tuple[str, str, str]]) -> bool:
    filled = any(t == sub for _, _, t in moves) or any(
        (EXCHANGE / sub / f"{m}.py").is_file() for m, t in MODULES.items() if t == sub
    )
    return filled and not (EXCHANGE / sub / "__init__.py").is_file()


def run(format_code: bool) -> int:
    missing = unmapped()
    if missing:
        print("refused: modules in workbench/exchange/ that MODULES does not name:")
        for name in missing:
            print(f"  {name}.py")
        print("add each to MODULES (a subpackage, or TOP to keep it here) and run again")
        return 2
    gone = sorted(m for m in MODULES if _where(m) is None)
    if gone:
        print(f"not present, skipped: {', '.join(gone)}")
    moves = pending_moves()
    # rewrite first (relative imports are resolved where the module still lies), then move
    rewrites = plan_rewrites()
    for path, text in rewrites.items():
        path.write_text(text, encoding="utf-8")
    for sub, doc in SUBPACKAGES.items():
        if _needs_init(sub, moves):
            init = EXCHANGE / sub / "__init__.py"
            init.parent.mkdir(exist_ok=True)
            init.write_text(f'"""{doc}"""\n', encoding="utf-8")
            _git("add", _rel(init))
            print(f"created {_rel(init)}")
    moved_paths: dict[Path, Path] = {}
    for module, now, target in moves:
        src, dst = _file(now, module), _file(target, module)
        _git("mv", _rel(src), _rel(dst))
        moved_paths[src] = dst
        print(f"moved {_rel(src)} → {_rel(dst)}")
    touched = [moved_paths.get(p, p) for p in rewrites]
    for path in touched:
        print(f"rewrote {_rel(path)}")
    python = [_rel(p) for p in touched if p.suffix == ".py"]
    ruff = _ruff()
    if format_code and python and ruff:
        sort = [ruff, "check", "--quiet", "--select", "I", "--fix", *python]
        subprocess.run(sort, cwd=ROOT)  # noqa: S603 - our own ruff, on paths we changed
        subprocess.run([ruff, "format", "--quiet", *python], cwd=ROOT, check=True)  # noqa: S603
        print(f"sorted imports and formatted {len(python)} Python files with ruff")
    for path in touched:
        if path.suffix == ".py":
            old = path.read_text(encoding="utf-8")
            new = reflow_long_prose(old)
            if new != old:
                path.write_text(new, encoding="utf-8")
                print(f"rewrapped prose past {LINE_LENGTH} columns in {_rel(path)}")
    if not (moves or rewrites):
        print("exchange/ is laid out as the table says; nothing to do")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if any is due")
    parser.add_argument("--no-format", action="store_true", help="skip ruff on changed files")
    args = parser.parse_args(argv)
    return check() if args.check else run(format_code=not args.no_format)


if __name__ == "__main__":
    sys.exit(main())
