"""The compat build pins its own package list (installer/compat/requirements.txt): a runtime
dependency added to pyproject.toml and not pinned there is missing from the Kylin/UOS bundle,
whose self-test then fails at the first import."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_runtime_dependency_is_pinned_for_the_compat_build() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    lines = (ROOT / "installer" / "compat" / "requirements.txt").read_text(encoding="utf-8")
    pinned = {
        _name(line) for line in lines.splitlines() if line.strip() and not line.startswith("#")
    }
    assert wanted - pinned == set()
