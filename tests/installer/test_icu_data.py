"""installer/icu_data.py: Qt's ICU data cut down still sorts Chinese, converts GBK and names time
zones, in a real Qt process that loads the trimmed library instead of the wheel's."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF only")


def _icu_data() -> ModuleType:
    sys.path.insert(0, str(INSTALLER))  # icu_data imports linux_deps beside it
    try:
        spec = importlib.util.spec_from_file_location("icu_data", INSTALLER / "icu_data.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(INSTALLER))


icu = _icu_data()

PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone, QDateTime
collator = QCollator(QLocale("zh_CN"))
print(",".join(sorted(["张三", "阿力", "王五", "李四"], key=collator.sortKey)))
print(QStringDecoder("GBK").isValid())
zone = QTimeZone(b"Asia/Shanghai")
print(zone.displayName(QDateTime.currentDateTime(), QTimeZone.NameType.LongName, QLocale("zh_CN")))
"""


def _wheel_icu_data() -> Path:
    qt_lib = Path(pytest.importorskip("PySide6").__file__).parent / "Qt" / "lib"
    found = sorted(qt_lib.glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU of its own")
    return found[0]


def _probe(library: Path) -> list[str]:
    env = {**os.environ, "LD_PRELOAD": str(library), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_package_reads_and_writes_back_unchanged() -> None:
    data = _wheel_icu_data().read_bytes()
    _name, at, size = icu._symbol(data, "icudt")
    package = data[at : at + size]
    header, items = icu.read_package(package)
    assert len(items) > 1000 and items == sorted(items)
    assert icu.write_package(header, items) == package


def test_kept_items() -> None:
    for name in (
        "coll/zh.res",
        "coll/root.res",
        "coll/ucadata.icu",
        "zh_Hans_CN.res",
        "gb18030.cnv",
        "windows-936-2000.cnv",
        "zoneinfo64.res",
        "zone/zh.res",
    ):
        assert icu.kept(name), name
    for name in (
        "coll/de.res",
        "fr.res",
        "ibm-943_P15A-2003.cnv",
        "brkitr/cjdict.dict",
        "translit/root.res",
        "unames.icu",
        "lang/ja.res",
    ):
        assert not icu.kept(name), name


@pytest.mark.skipif(shutil.which("cc") is None, reason="linking the library needs cc")
def test_trimmed_library_still_sorts_chinese_and_converts_gbk(tmp_path: Path) -> None:
    original = _wheel_icu_data()
    trimmed = icu.trimmed_library(original, tmp_path / "trimmed")
    assert trimmed.stat().st_size < original.stat().st_size / 4
    pinyin, gbk, zone = _probe(trimmed)
    assert pinyin == "阿力,李四,王五,张三" and gbk == "True" and zone == "中国标准时间"
    # the probe can fail: with no collation data at all the names come back unsorted
    empty = tmp_path / "empty"
    icu_kept = icu.kept
    try:
        icu.kept = lambda name: name == "cnvalias.icu"
        bare = icu.trimmed_library(original, empty)
    finally:
        icu.kept = icu_kept
    assert _probe(bare)[:2] != [pinyin, gbk]
