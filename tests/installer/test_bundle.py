"""The frozen bundle and its .deb, built once per run as ``make installer`` builds them:
both programs pass ``--self-test`` offscreen, the bundle is trimmed and carries our resources,
and the package unpacks (``dpkg-deb -x``) into the layout a Debian/Kylin/UOS desktop expects.

Slow (about three minutes on two cores) but run by ``make test`` and CI like every slow test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE, without_kdf_floor_site
from tests.pg import cluster as pg
from tests.pg import conftest as pg_fixtures

REPO_ROOT = Path(__file__).resolve().parents[2]
NAME = "xuncha-workbench"
# tests/pg's fixtures, for the frozen program against a throwaway PostgreSQL server
pg_cluster, pg_template, pg_url = (
    pg_fixtures.pg_cluster,
    pg_fixtures.pg_template,
    pg_fixtures.pg_url,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle and .deb"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (package dpkg)"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    pytest.importorskip("PyInstaller", reason="pip install -e '.[test]' brings PyInstaller")
    root = tmp_path_factory.mktemp("installer")
    dist, work = root / "dist", root / "build"
    subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "installer" / "build.py"),
            "--dist",
            str(dist),
            "--work",
            str(work),
            "--fast",
        ],
        check=True,
        timeout=600,
        stdout=subprocess.DEVNULL,
        env=without_kdf_floor_site(),
    )
    shutil.rmtree(work)  # the PyInstaller cache and the staged package tree
    report = json.loads((dist / f"{NAME}.build.json").read_text("utf-8"))
    yield {**report, "dist": dist, "root": root}


def _run(
    program: Path, *args: str, home: Path, **workbench_env: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in without_kdf_floor_site().items() if not k.startswith("WORKBENCH_")},
        "WORKBENCH_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        **workbench_env,
    }
    return subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=180
    )


@pytest.fixture(scope="module")
def bundle(built: dict[str, object]) -> Path:
    return Path(str(built["bundle"]))


@pytest.fixture(scope="module")
def unpacked(built: dict[str, object]) -> Path:
    """The .deb unpacked into a scratch root, as dpkg would install it."""
    root = Path(str(built["root"])) / "scratch-root"
    subprocess.run(["dpkg-deb", "-x", str(built["deb"]), str(root)], check=True)
    return root


@pytest.mark.parametrize("program", ["workbench-gui", "workbench"])
def test_both_programs_pass_the_self_test(bundle: Path, program: str, tmp_path: Path) -> None:
    result = _run(bundle / program, "--self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "安装包" in result.stdout  # it ran frozen, not from the checkout
    assert result.stdout.rstrip().endswith("项全部正常")
    # the office server's driver loads frozen: psycopg's compiled binding and the bundled libpq
    assert "[OK     ] 加载巡察办服务器的数据库驱动（不连接服务器）" in result.stdout
    assert "libpq " in result.stdout
    if program == "workbench-gui":
        assert "[OK     ] 界面：打开主窗口并绘制" in result.stdout
    assert not (tmp_path / "data").exists()  # the scratch stores lived elsewhere


def test_cli_commands_work_frozen(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle / "workbench", "--version", home=tmp_path)
    assert result.returncode == 0 and "workbench 0." in result.stdout
    missing = _run(bundle / "workbench", "--store", str(tmp_path / "none"), "info", home=tmp_path)
    assert missing.returncode != 0 and "错误 [" in missing.stderr  # coded, no traceback
    assert "Traceback" not in missing.stderr


def test_the_frozen_program_makes_the_office_store_on_a_postgresql_server(
    bundle: Path, pg_cluster: pg.Cluster, pg_url: str, tmp_path: Path
) -> None:
    """What an office desktop installed from the bundle does first: ``office create`` on the
    office's server, TLS verified against the office's CA by the bundled libpq and OpenSSL,
    then ``info`` through the linked folder names the server's PostgreSQL."""
    database = make_url(pg_url).database
    url = f"postgresql://{pg.APP_ROLE}@localhost:{pg_cluster.port}/{database}?hostaddr=127.0.0.1"
    secrets = {
        "WORKBENCH_DB_PASSWORD": pg_cluster.app_password,
        "WORKBENCH_PASSPHRASE": PASSPHRASE,
        "WORKBENCH_NEW_PASSPHRASE": PASSPHRASE,
    }
    desk = str(tmp_path / "desk")
    create = ("--json", "office", "create", url, "--ca", str(pg_cluster.ca), "--store", desk)
    made = _run(bundle / "workbench", *create, "--user", "admin", home=tmp_path, **secrets)
    assert made.returncode == 0, made.stdout + made.stderr
    created = json.loads(made.stdout)
    assert created["server"] == f"localhost:{pg_cluster.port}/{database}"
    info = _run(
        bundle / "workbench", "--json", "info", "--store", desk, "--user", "admin",
        home=tmp_path, **secrets,
    )  # fmt: skip
    assert info.returncode == 0, info.stdout + info.stderr
    assert json.loads(info.stdout)["postgresql_version"].startswith(str(pg.find_binaries().version))


def test_bundle_is_trimmed_and_carries_our_resources(bundle: Path) -> None:
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for heavy in ("Qt6WebEngineCore", "Qt6Quick", "Qt6Qml", "Qt63DCore", "Qt6Multimedia"):
        assert not any(heavy in n for n in names), heavy
    assert "tkinter" not in names and "_tkinter" not in " ".join(names)
    qt = internal / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == [
        "qtbase_en.qm",
        "qtbase_zh_CN.qm",
    ]
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"} <= platforms
    assert platforms <= {"libqxcb.so", "libqoffscreen.so", "libqminimal.so", "libqwayland.so"}
    assert not (qt / "plugins" / "sqldrivers").exists()
    # QPrintDialog lists the system's printers through CUPS: without this plugin, PDF files only
    assert (qt / "plugins" / "printsupport" / "libcupsprintersupport.so").is_file()
    assert (internal / "resources" / "translations" / "workbench_en.qm").is_file()
    assert len(list((internal / "resources" / "taxonomy").rglob("*.json"))) >= 20
    # 帮助 → 使用手册 reads the guide and its screenshots offline, from docs/ in the bundle
    assert (internal / "docs" / "user-guide.md").is_file()
    assert (internal / "docs" / "screenshots" / "dialog-unlock.png").is_file()
    assert (internal / "workbench" / "store" / "migrations" / "versions").is_dir()
    assert list(internal.glob("sqlcipher3/_sqlite3*.so"))
    # the office server's driver: psycopg's compiled binding with its own libpq and TLS
    # libraries (renamed by the wheel, so never mistaken for the system's)
    assert list(internal.glob("psycopg_binary/pq.*.so"))
    assert list(internal.glob("psycopg_binary.libs/libpq-*.so*"))
    assert list(internal.glob("psycopg_binary.libs/libssl-*.so*"))
    # the desktop stack comes from the system's packages, never from the build machine
    assert not any(n.startswith(("libX11.so", "libfontconfig.so", "libstdc++.so")) for n in names)
    # nor printing's CUPS client and what it brings; no QtNetwork (nothing of ours uses it)
    assert not any(n.startswith(("libcups.so", "libgnutls.so", "libQt6Network")) for n in names)
    # Qt's ICU data cut to Chinese and English (installer/icu_data.py): 31 MB in the wheel
    icu_data = list(qt.glob("lib/libicudata.so.*"))
    assert all(p.stat().st_size < 8 * 2**20 for p in icu_data)
    # one executable, the CLI a symlink to it: the Python archive is in the bundle once
    assert (bundle / "workbench").is_symlink()
    assert os.readlink(bundle / "workbench") == "workbench-gui"
    assert not (bundle / "portable.txt").exists()


def test_bundle_carries_the_cjk_font_with_its_licence(built: dict[str, object]) -> None:
    """installer/cjk_font.py: Noto Sans CJK from fonts-noto-cjk (the build machine's or fetched
    with apt-get); a build that could have none says so in its report instead."""
    fonts = Path(str(built["bundle"])) / "_internal" / "resources" / "fonts"
    if built["cjk_font"] is None:
        assert not fonts.exists()
        pytest.skip("no CJK font could be had on this build machine")
    assert sorted(p.name for p in fonts.iterdir()) == built["cjk_font"]
    assert {"NotoSansCJK-Regular.ttc", "LICENSE-NotoSansCJK.txt"} <= set(built["cjk_font"])  # type: ignore[call-overload]
    assert "SIL OPEN FONT LICENSE" in (fonts / "LICENSE-NotoSansCJK.txt").read_text("utf-8")


def test_deb_unpacks_into_the_expected_layout(built: dict[str, object], unpacked: Path) -> None:
    deb = Path(str(built["deb"]))
    assert deb.name == f"{NAME}_{built['version']}_amd64.deb"
    opt = unpacked / "opt" / NAME
    for program in ("workbench-gui", "workbench"):
        assert os.access(opt / program, os.X_OK)
        link = unpacked / "usr" / "bin" / program
        assert link.is_symlink() and os.readlink(link) == f"/opt/{NAME}/{program}"
    desktop = (unpacked / "usr" / "share" / "applications" / f"{NAME}.desktop").read_text("utf-8")
    assert "Name[zh_CN]=巡察工作台" in desktop
    assert f"Exec=/opt/{NAME}/workbench-gui" in desktop and f"Icon={NAME}" in desktop
    icons = unpacked / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{NAME}.svg").is_file()
    assert (icons / "256x256" / "apps" / f"{NAME}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_deb_control_declares_the_system_libraries(built: dict[str, object]) -> None:
    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "-f", str(built["deb"]), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert field("Package") == NAME and field("Architecture") == "amd64"
    depends = field("Depends")
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libfreetype6"):
        assert package in depends
    assert f"libc6 (>= {built['glibc_floor']})" in depends
    assert "libcups2" in depends  # Qt's print support links it; the system provides it
    declared = built["declared_floor"]["glibc"]  # type: ignore[index]
    assert tuple(map(int, str(built["glibc_floor"]).split("."))) <= tuple(
        map(int, declared.split("."))
    )
    assert "fonts-" in field("Recommends")
    assert int(field("Installed-Size")) * 1024 >= int(str(built["bundle_bytes"]))


def test_installed_copy_runs_from_the_scratch_root(unpacked: Path, tmp_path: Path) -> None:
    result = _run(unpacked / "opt" / NAME / "workbench", "--self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
