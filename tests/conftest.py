"""Shared fixtures: every test gets its own WORKBENCH_HOME and a fresh encrypted store."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.kdf import PRODUCTION_FLOOR, TEST_FLOOR, TEST_KDF
from tests.workbench.exchange_support import exchange_world_template  # noqa: F401 - the fixture
from workbench.store.keyfile import KdfParams

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LEADER = "leader"
PASSPHRASE = "correct horse 巡察 battery"

KDF_FLOOR_SITE = Path(__file__).parent / "kdf_floor_site"

# Property tests check what holds, never how fast: Hypothesis's default 200 ms deadline per
# example and its "too slow" health check fail them when a CPU-bound job runs beside the suite.
settings.register_profile("workbench", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("workbench")


@pytest.fixture(scope="session", autouse=True)
def _test_kdf_floor() -> Iterator[None]:
    """Let the keyfile accept ``TEST_KDF`` in this test process and the Python processes it
    spawns (``kdf_floor_site/sitecustomize.py``); production code has no switch for it."""
    with pytest.MonkeyPatch.context() as mp:
        for name, value in TEST_FLOOR.items():
            mp.setattr(KdfParams, name, value)
        mp.setenv("PYTHONPATH", with_kdf_floor_site(os.environ.get("PYTHONPATH")))
        yield


def with_kdf_floor_site(pythonpath: str | None) -> str:
    """``pythonpath`` with the test floor's site directory in front (for spawned processes)."""
    return os.pathsep.join(p for p in (str(KDF_FLOOR_SITE), pythonpath) if p)


def without_kdf_floor_site() -> dict[str, str]:
    """This process's environment without the test floor's site directory: for building the
    installer, which must not find (and bundle) that ``sitecustomize``."""
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    kept = os.pathsep.join(p for p in paths if p and p != str(KDF_FLOOR_SITE))
    return {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "PYTHONPATH": kept}


@pytest.fixture
def production_kdf_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The keyfile's real floor, for the tests whose subject is the KDF."""
    for name, value in PRODUCTION_FLOOR.items():
        monkeypatch.setattr(KdfParams, name, value)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    for var in (
        "WORKBENCH_STORE",
        "WORKBENCH_USER",
        "WORKBENCH_PASSPHRASE",
        "WORKBENCH_NEW_PASSPHRASE",
        "WORKBENCH_RECOVERY_CODE",
    ):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One store made per session; tests copy it. Its slots use ``TEST_KDF``."""
    from workbench.store.vault import Vault

    root = tmp_path_factory.mktemp("template") / "store"
    vault, code = Vault.create(
        root, user_name=LEADER, passphrase=PASSPHRASE, display_name="王组长", kdf=TEST_KDF
    )
    vault.lock()
    return root, code


@pytest.fixture
def store_dir(template_store: tuple[Path, str], tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(template_store[0], target)
    return target


@pytest.fixture
def cli_store(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh store that the ``workbench`` command opens as its leader (environment only)."""
    monkeypatch.setenv("WORKBENCH_STORE", str(store_dir))
    monkeypatch.setenv("WORKBENCH_USER", LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    return store_dir


@pytest.fixture
def recovery_code(template_store: tuple[Path, str]) -> str:
    return template_store[1]


@pytest.fixture
def vault(store_dir: Path) -> Iterator[object]:
    from workbench.store.vault import Vault

    v = Vault.open(store_dir, LEADER, PASSPHRASE)
    yield v
    v.lock()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo store (slots with ``TEST_KDF``), made once per session."""
    from workbench.demo import create_demo_store

    directory = tmp_path_factory.mktemp("demo") / "store"
    vault, _ = create_demo_store(directory, kdf=TEST_KDF)
    vault.lock()
    return directory


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(demo_template, target)
    return target
