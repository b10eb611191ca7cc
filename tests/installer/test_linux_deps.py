"""The .deb's Depends come from the bundle's own ELF files: the reader and the mapping."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF/Debian only")


def _linux_deps() -> ModuleType:
    spec = importlib.util.spec_from_file_location("linux_deps", INSTALLER / "linux_deps.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


deps = _linux_deps()


def test_packages_of_the_desktop_stack() -> None:
    assert deps.debian_package("libc.so.6") == "libc6"
    assert deps.debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert deps.debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert deps.debian_package("libfontconfig.so.1") == "libfontconfig1"
    assert deps.debian_package("libsomething-new.so.3") is None
    assert deps.left_to_system("libX11.so.6") and deps.left_to_system("libstdc++.so.6")
    assert not deps.left_to_system("libQt6Core.so.6")
    assert not deps.left_to_system("libpython3.11.so.1.0")


def test_reads_needed_libraries_and_glibc_floor_of_a_real_extension() -> None:
    import sqlcipher3._sqlite3 as ext

    path = Path(ext.__file__)
    assert "libc.so.6" in deps.needed(path)
    major, minor = deps.glibc_floor([path])
    assert major == 2 and 17 <= minor <= 28  # a manylinux_2_28 wheel


def test_an_unknown_library_stops_the_build(tmp_path: Path) -> None:
    import sqlcipher3._sqlite3 as ext

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "ext.so").write_bytes(Path(ext.__file__).read_bytes())
    packages, floor = deps.depends(bundle)
    assert packages == [f"libc6 (>= {floor[0]}.{floor[1]})"]  # it links glibc only
    # pretend the extension needs a library nobody mapped: patch its NEEDED name in place
    data = (bundle / "ext.so").read_bytes()
    needed = [n for n in deps.needed(bundle / "ext.so") if n != "libc.so.6"]
    if not needed:
        pytest.skip("the extension links nothing but libc")
    old = needed[0].encode()
    (bundle / "ext.so").write_bytes(data.replace(old + b"\0", b"q" * len(old) + b"\0", 1))
    with pytest.raises(LookupError, match="qqq"):
        deps.depends(bundle)


def test_reads_the_symbol_versions_a_file_needs() -> None:
    import sqlcipher3._sqlite3 as ext

    path = Path(ext.__file__)
    versions = deps.required_versions(path)
    assert any(name.startswith("GLIBC_2.") for name in versions["libc.so.6"])
    highest = deps.highest_versions(path, "GLIBC")
    assert highest is not None and highest[:2] == deps.glibc_floor([path])
    assert deps.version_number("GLIBCXX_3.4.25", "GLIBCXX") == (3, 4, 25)
    assert deps.version_number("GLIBC_PRIVATE", "GLIBC") is None
    assert deps.version_number("GLIBCXX_3.4.25", "GLIBC") is None


def _glibc_floor() -> ModuleType:
    spec = importlib.util.spec_from_file_location("glibc_floor", INSTALLER / "glibc_floor.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_floor_check_fails_above_the_declared_floor(tmp_path: Path) -> None:
    """installer/glibc_floor.py on a bundle holding one real extension: at its own floor it
    passes, one minor version lower it fails and names the file."""
    import io

    import sqlcipher3._sqlite3 as ext

    floor = _glibc_floor()
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "ext.so").write_bytes(Path(ext.__file__).read_bytes())
    needed = deps.highest_versions(bundle / "_internal" / "ext.so", "GLIBC")
    assert needed is not None
    cxx = (3, 4, 25)
    report = io.StringIO()
    assert floor.check(bundle, {"GLIBC": needed, "GLIBCXX": cxx}, report)
    assert "ok" in report.getvalue()
    lower = (needed[0], needed[1] - 1)
    report = io.StringIO()
    assert not floor.check(bundle, {"GLIBC": lower, "GLIBCXX": cxx}, report)
    assert "ABOVE THE FLOOR" in report.getvalue() and "_internal/ext.so" in report.getvalue()
    assert floor.main([str(bundle), "--glibc", floor.show(lower), "--glibcxx", "3.4.25"]) == 1
