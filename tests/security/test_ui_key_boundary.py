"""No UI code holds an object that carries key material: the vault, its attachment store (the
data key) and a co-signer's key stay behind ``Workspace``, which runs core jobs through
``Workspace.call`` and ``write_with_attachments``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workbench.workspace import Workspace

UI = Path(__file__).resolve().parents[2] / "ui"

# attributes that reach key material: the workspace's vault (its attachment store holds the data
# key), a vault's key unlocks
KEY_ATTRIBUTES = frozenset({"vault", "_vault", "cosigner", "dek", "_dek"})


def key_reaches(source: str) -> list[str]:
    """Where ``source`` reads a key-carrying attribute or takes a ``vault`` parameter."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in KEY_ATTRIBUTES:
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.arg) and node.arg.lstrip("_") == "vault":
            found.append(f"{node.lineno}: parameter {node.arg}")
    return found


def test_the_check_sees_the_old_ways_in() -> None:
    assert key_reaches("def f(worker):\n    return catch_up(worker.workspace.vault)\n")
    assert key_reaches("run(lambda vault: list_devices(vault))\n")
    assert key_reaches("work(session, ws._vault.attachments)\n")
    assert not key_reaches("run(lambda ws: ws.call(list_devices))\n")


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_no_ui_module_reaches_key_material(path: Path) -> None:
    assert key_reaches(path.read_text(encoding="utf-8")) == []


def test_the_workspace_does_not_offer_its_vault() -> None:
    public = {name for name in dir(Workspace) if not name.startswith("_")}
    assert "vault" not in public
