"""Build the installable bundle: ``make installer`` (Linux) or ``python installer/build.py``.

    dist/xuncha-workbench/                     the PyInstaller one-dir bundle (both programs)
    dist/xuncha-workbench_<version>_<arch>.deb  Linux: the Debian package (/opt, /usr/bin, menu)
    dist/xuncha-workbench.build.json           what was built: sizes, glibc floor, Depends

Reproducible: SOURCE_DATE_EPOCH (default: the last commit's time) dates every file, and
PYTHONHASHSEED=0 fixes the order of anything built from sets. Run it with the Python of the
environment to freeze (the project's .venv): that environment's packages go into the bundle.
On Windows it builds the bundle only; installer/windows/workbench.iss packs it (docs/installing.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
NAME = "xuncha-workbench"
PROGRAMS = ("workbench-gui", "workbench")
PREFIX = Path("opt") / NAME
MAINTAINER = "巡察工作台开发组 <xuncha-workbench@localhost>"

sys.path.insert(0, str(INSTALLER))
import cjk_font  # noqa: E402 - installer/ is not a package
import glibc_floor  # noqa: E402
from linux_deps import FONT_PACKAGES, depends  # noqa: E402

# Release packages use xz's default level; tests pass --fast (level 1: 5x quicker, 10% larger).
# xz, not zstd: the dpkg of UOS 20 (Debian 10) cannot read zstd-compressed packages.
XZ_LEVEL, XZ_LEVEL_FAST = "6", "1"

# The oldest system a Linux bundle may need (installer/glibc_floor.py fails the build above it):
# by default Ubuntu 22.04 / Debian 12 (glibc 2.35, GCC 12's libstdc++); the compat build
# (installer/compat/compat.sh) declares UOS 20's 2.28 and GCC 8's 3.4.25 through the environment.
GLIBC_FLOOR = os.environ.get("WORKBENCH_GLIBC_FLOOR", "2.35")
GLIBCXX_FLOOR = os.environ.get("WORKBENCH_GLIBCXX_FLOOR", "3.4.30")


def version() -> str:
    """The version in workbench/__init__.py (the one pyproject.toml carries too)."""
    for line in (ROOT / "workbench" / "__init__.py").read_text("utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("no __version__ in workbench/__init__.py")


def source_date_epoch() -> int:
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env:
        return int(env)
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],  # noqa: S607 - git from PATH, if any
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if out.returncode == 0 and out.stdout.strip():
            return int(out.stdout.strip())
    except OSError:
        pass
    return int((ROOT / "pyproject.toml").stat().st_mtime)


def build_env(epoch: int) -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": "0"}


def compile_translations(env: dict[str, str]) -> None:
    """The English .qm is build output (``make qm``); the bundle must carry it."""
    ts = ROOT / "resources" / "translations" / "workbench_en.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return
    scripts = Path(sys.executable).parent
    lrelease = next(
        (p for p in (scripts / "pyside6-lrelease", scripts / "pyside6-lrelease.exe") if p.exists()),
        None,
    )
    if lrelease is None:
        raise SystemExit("pyside6-lrelease not found beside this Python: run `make qm` first")
    subprocess.run(  # noqa: S603 - our own arguments
        [str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, env=env
    )


def build_bundle(dist: Path, work: Path, env: dict[str, str]) -> Path:
    subprocess.run(  # noqa: S603 - our own arguments
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            str(INSTALLER / "workbench.spec"),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    bundle = dist / NAME
    suffix = ".exe" if sys.platform == "win32" else ""
    missing = [p for p in PROGRAMS if not (bundle / f"{p}{suffix}").is_file()]
    if missing:
        raise SystemExit(f"bundle is missing {missing}")
    # portable.txt beside the program would put user data in the program's folder
    if (bundle / "portable.txt").exists():
        raise SystemExit("portable.txt must not be in an installed bundle")
    return bundle


def check_floor(bundle: Path, glibc: str, glibcxx: str) -> None:
    floors = {
        "GLIBC": glibc_floor.parse_version(glibc),
        "GLIBCXX": glibc_floor.parse_version(glibcxx),
    }
    if not glibc_floor.check(bundle, floors):
        raise SystemExit("the bundle needs a newer glibc/libstdc++ than declared (see above)")


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def deb_arch() -> str:
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def _clamp_times(root: Path, epoch: int) -> None:
    for path in [root, *root.rglob("*")]:
        os.utime(path, (epoch, epoch), follow_symlinks=False)


def stage_deb(bundle: Path, root: Path, ver: str, epoch: int) -> dict[str, object]:
    """The package tree in ``root``: returns what the control file says."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for program in PROGRAMS:
        (bin_dir / program).symlink_to(Path("/") / PREFIX / program)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(INSTALLER / "deb" / f"{NAME}.desktop", share / "applications")
    icons = share / "icons" / "hicolor"
    for size, suffix in (("scalable", "svg"), ("256x256", "png")):
        target = icons / size / "apps"
        target.mkdir(parents=True)
        shutil.copy2(INSTALLER / "icons" / f"{NAME}.{suffix}", target / f"{NAME}.{suffix}")
    doc = share / "doc" / NAME
    doc.mkdir(parents=True)
    shutil.copy2(INSTALLER / "deb" / "copyright", doc / "copyright")

    packages, floor = depends(bundle)
    glibc = f"{floor[0]}.{floor[1]}"
    installed_kib = (tree_size(root) + 1023) // 1024
    control = (
        (INSTALLER / "deb" / "control.in")
        .read_text("utf-8")
        .replace("@VERSION@", ver)
        .replace("@ARCH@", deb_arch())
        .replace("@MAINTAINER@", MAINTAINER)
        .replace("@INSTALLED_SIZE@", str(installed_kib))
        .replace("@DEPENDS@", ", ".join(packages))
        .replace("@RECOMMENDS@", FONT_PACKAGES)
        .replace("@GLIBC@", glibc)
    )
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control, "utf-8")
    for path in [root, *root.rglob("*")]:  # dpkg wants 0755 folders; no group/world writes
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & 0o755 | (0o755 if path.is_dir() else 0))
    _clamp_times(root, epoch)
    return {"depends": packages, "glibc_floor": glibc, "installed_size_kib": installed_kib}


def build_deb(
    bundle: Path, dist: Path, work: Path, ver: str, env: dict[str, str], *, fast: bool = False
) -> tuple[Path, dict[str, object]]:
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb not found (Debian package dpkg)")
    root = work / "deb-root"
    info = stage_deb(bundle, root, ver, int(env["SOURCE_DATE_EPOCH"]))
    out = dist / f"{NAME}_{ver}_{deb_arch()}.deb"
    level = XZ_LEVEL_FAST if fast else XZ_LEVEL
    command = ["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{level}", "--build", str(root)]
    subprocess.run(  # noqa: S603 - our own arguments
        [*command, str(out)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return out, info


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument("--no-deb", action="store_true", help="build the bundle only")
    parser.add_argument("--fast", action="store_true", help="quicker, larger .deb (for tests)")
    parser.add_argument("--glibc-floor", default=GLIBC_FLOOR, help="highest GLIBC_x.y allowed")
    parser.add_argument("--glibcxx-floor", default=GLIBCXX_FLOOR, help="highest GLIBCXX allowed")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    ver, epoch = version(), source_date_epoch()
    env = build_env(epoch)
    started = time.perf_counter()
    compile_translations(env)
    font = cjk_font.provide(work) if sys.platform.startswith("linux") else None
    if font is not None:  # the spec puts it in resources/fonts
        env["WORKBENCH_CJK_FONT_DIR"] = str(font)
    elif sys.platform.startswith("linux"):
        print("warning: no CJK font to bundle (install fonts-noto-cjk or set WORKBENCH_CJK_FONT)")
    bundle = build_bundle(dist, work, env)
    if sys.platform.startswith("linux"):
        check_floor(bundle, args.glibc_floor, args.glibcxx_floor)
    report: dict[str, object] = {
        "name": NAME,
        "version": ver,
        "source_date_epoch": epoch,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "bundle": str(bundle),
        "bundle_bytes": tree_size(bundle),
        "cjk_font": sorted(p.name for p in font.iterdir()) if font else None,
        "declared_floor": {"glibc": args.glibc_floor, "glibcxx": args.glibcxx_floor},
    }
    if sys.platform.startswith("linux") and not args.no_deb:
        deb, info = build_deb(bundle, dist, work, ver, env, fast=args.fast)
        report.update(info, deb=str(deb), deb_bytes=deb.stat().st_size)
    report["build_seconds"] = round(time.perf_counter() - started, 1)
    (dist / f"{NAME}.build.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
