"""The compat build pins its own package list (installer/compat/requirements.txt): a runtime
dependency added to pyproject.toml and not pinned there is missing from the Kylin/UOS bundle,
whose self-test then fails at the first import."""

from __future__ import annotations

import tomllib
from importlib.metadata import requires
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _runtime_dependencies() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["dependencies"]]


def _pins() -> dict[str, Requirement]:
    lines = (ROOT / "installer" / "compat" / "requirements.txt").read_text(encoding="utf-8")
    pins = [Requirement(line) for line in lines.splitlines() if line.strip() and line[0] != "#"]
    return {canonicalize_name(pin.name): pin for pin in pins}


def _pinned_version(pin: Requirement) -> str:
    (spec,) = pin.specifier
    assert spec.operator == "==", pin
    return spec.version


def test_every_runtime_dependency_is_pinned_for_the_compat_build() -> None:
    wanted = {canonicalize_name(r.name) for r in _runtime_dependencies()}
    assert wanted - set(_pins()) == set()


def test_the_pins_bring_everything_they_need_with_the_extras_asked_for() -> None:
    """What each pinned package requires on Linux (as installed here), with the extras
    pyproject.toml asks for: psycopg[binary] is psycopg *and* psycopg-binary, the compiled
    binding with libpq, without which the bundle could not reach the office server."""
    extras = {canonicalize_name(r.name): r.extras for r in _runtime_dependencies()}
    pins = _pins()
    missing = []
    for name in pins:
        for line in requires(name) or []:
            needed = Requirement(line)
            applies = needed.marker is None or any(
                needed.marker.evaluate({"extra": extra}) for extra in extras.get(name) or {""}
            )
            if applies and canonicalize_name(needed.name) not in pins:
                missing.append(f"{name} → {line}")
    assert missing == []


def test_the_office_server_driver_is_pinned_with_its_binary_part() -> None:
    pins = _pins()
    assert {"psycopg", "psycopg-binary"} <= set(pins)
    # psycopg[binary] requires psycopg-binary of exactly its own version
    assert _pinned_version(pins["psycopg"]) == _pinned_version(pins["psycopg-binary"])
