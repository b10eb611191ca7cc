"""The offline wheelhouse recipe: the lock pins every wheel with its hash, and pip installs
from the folder alone with --require-hashes — and refuses a wheel that was swapped."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


def _wheelhouse() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wheelhouse", INSTALLER / "wheelhouse.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


wheelhouse = _wheelhouse()


def make_wheel(folder: Path, name: str, version: str, value: int) -> Path:
    """A minimal pure-Python wheel (PEP 427), as pip download would bring."""
    dist_info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": f"VALUE = {value}\n".encode(),
        f"{dist_info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {name.replace('_', '-')}\nVersion: {version}\n"
        ).encode(),
        f"{dist_info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
        b"Tag: py3-none-any\n",
    }
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for path, data in files.items():
            zf.writestr(path, data)
    return wheel


def _pip_install(house: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-index",
            "--find-links",
            str(house),
            "--require-hashes",
            "-r",
            str(house / wheelhouse.LOCK_NAME),
            "--target",
            str(target),
            "--quiet",
            "--disable-pip-version-check",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_lock_pins_every_wheel_and_pip_installs_offline(tmp_path: Path) -> None:
    house = tmp_path / "wheelhouse"
    house.mkdir()
    wheel = make_wheel(house, "xuncha_probe", "1.0", 1)
    lock = wheelhouse.write_lock(house).read_text("utf-8")
    assert f"xuncha-probe==1.0 --hash=sha256:{wheelhouse.sha256(wheel)}" in lock
    result = _pip_install(house, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "xuncha_probe" / "__init__.py").read_text() == "VALUE = 1\n"


def test_a_swapped_wheel_is_refused(tmp_path: Path) -> None:
    house = tmp_path / "wheelhouse"
    house.mkdir()
    make_wheel(house, "xuncha_probe", "1.0", 1)
    wheelhouse.write_lock(house)
    make_wheel(house, "xuncha_probe", "1.0", 666)  # same name and version, other content
    result = _pip_install(house, tmp_path / "site")
    assert result.returncode != 0
    assert "hash" in result.stderr.lower()
    assert not (tmp_path / "site" / "xuncha_probe").exists()


def test_requirements_cover_the_app_and_the_build_tools() -> None:
    wanted = " ".join(wheelhouse.requirements())
    for name in ("sqlcipher3", "PySide6-Essentials", "pyinstaller", "setuptools"):
        assert name in wanted


def test_a_manylinux_target_takes_wheels_for_an_older_glibc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pip takes --platform literally: for manylinux_2_28 alone it refuses a wheel tagged
    manylinux_2_17 (as psycopg-binary's is) that glibc 2.28 runs; the download asks for every
    older glibc too and gets it."""
    house = tmp_path / "house"
    house.mkdir()
    plain = make_wheel(house, "xuncha_probe", "1.0", 1)
    plain.rename(house / "xuncha_probe-1.0-cp311-cp311-manylinux_2_17_x86_64.whl")
    pins = tmp_path / "pins.txt"
    pins.write_text("xuncha-probe==1.0\n", "utf-8")
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(house))
    pip = [sys.executable, "-m", "pip", "download", "--only-binary=:all:", "--dest", "unused"]
    target = ["--platform", "manylinux_2_28_x86_64", "--python-version", "3.11"]
    literal = subprocess.run(
        [*pip, *target, "--implementation", "cp", "-r", str(pins)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert literal.returncode != 0 and "xuncha-probe" in literal.stderr
    lock = wheelhouse.download(tmp_path / "got", "manylinux_2_28_x86_64", "3.11", pins)
    assert lock.read_text("utf-8").splitlines()[1].startswith("xuncha-probe==1.0 --hash=sha256:")
    assert wheelhouse.platform_tags("win_amd64") == ["win_amd64"]
