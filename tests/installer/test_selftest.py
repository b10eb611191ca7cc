"""The install self-test: the core one (``workbench --self-test``) and the GUI one
(``workbench-gui --self-test``), on scratch stores that leave no trace."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import selftest
from workbench.cli import main as cli_main
from workbench.errors import NotFound


def test_core_self_test_passes_every_step_and_leaves_nothing(tmp_path: Path) -> None:
    home = Path(os.environ["WORKBENCH_HOME"])
    before = sorted(home.rglob("*"))
    out = io.StringIO()
    assert selftest.main(out) == 0
    lines = out.getvalue().splitlines()
    steps = [line for line in lines if line.startswith("[")]
    assert len(steps) == len(selftest.CORE_STEPS)
    assert all(line.startswith("[OK") for line in steps), lines
    assert "SQLCipher 4." in lines[1] and lines[-1].startswith("自检通过")
    # the office server's driver, loaded with no server: psycopg's and libpq's versions
    assert steps[-1].startswith("[OK     ] 加载巡察办服务器的数据库驱动（不连接服务器）")
    assert "psycopg 3." in steps[-1] and "libpq " in steps[-1]
    # the scratch home is gone and the user's own home is as it was (logs aside)
    assert os.environ["WORKBENCH_HOME"] == str(home)
    after = [p for p in sorted(home.rglob("*")) if "logs" not in p.parts]
    assert after == [p for p in before if "logs" not in p.parts]


def test_a_failing_step_is_reported_with_its_code_and_the_rest_skipped() -> None:
    out = io.StringIO()
    checklist = selftest.Checklist(out)
    ran: list[str] = []

    def fails() -> str:
        raise NotFound("未找到巡察轮次（x）")

    assert checklist.run("一", lambda: "好")
    assert not checklist.run("二", fails)
    assert not checklist.run("三", lambda: ran.append("三") or "")
    assert ran == [] and checklist.finish() == 1
    text = out.getvalue()
    assert "[OK     ] 一" in text and "[FAILED ] 二" in text and "[SKIPPED] 三" in text
    assert f"[{NotFound.code}] 未找到巡察轮次（x）" in text
    assert "自检未通过：1 项失败" in text


def test_a_broken_installation_fails_the_self_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the shipped taxonomy (as in a bundle that forgot resources/) it says so."""
    from workbench.services import catalog as catalog_module
    from workbench.taxonomy import catalog as taxonomy_catalog

    (tmp_path / "empty").mkdir()
    monkeypatch.setattr(taxonomy_catalog, "SHIPPED_DIR", tmp_path / "empty")
    catalog_module.catalog.cache_clear()
    out = io.StringIO()
    try:
        code = selftest.main(out)
    finally:
        catalog_module.catalog.cache_clear()
    assert code == 1
    failed = [line for line in out.getvalue().splitlines() if line.startswith("[FAILED")]
    assert len(failed) == 1 and "巡察办建轮次" in failed[0]
    assert "[SKIPPED] 生成公文" in out.getvalue()


def test_the_driver_step_fails_without_the_compiled_binding_and_its_libpq() -> None:
    """As in a bundle that lost psycopg_binary: psycopg on its pure-Python binding (which takes
    whatever libpq the system has, or fails to import without one) fails the step."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from workbench import selftest\n"
        "checklist = selftest.Checklist(sys.stdout)\n"
        "checklist.run('驱动', selftest.Scenario(Path('.')).load_office_driver)\n"
        "sys.exit(checklist.finish())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PSYCOPG_IMPL": "python"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("[FAILED ] 驱动")]
    assert len(failed) == 1, result.stdout
    # no system libpq: the import fails; one found: the step names the binding it refused
    assert "ImportError" in failed[0] or "当前实现：python" in failed[0]


def test_cli_flag_runs_it_without_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["--self-test"])
    assert exit_info.value.code == 0
    assert "自检通过" in capsys.readouterr().out


def test_gui_self_test_opens_and_paints_the_main_window() -> None:
    """In a process of its own, as installed: a crash anywhere, Qt's teardown at exit
    included, shows as the exit status."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "ui.app", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = done.stdout
    assert done.returncode == 0, (done.returncode, out, done.stderr[-3000:])
    assert "[OK     ] 界面：打开主窗口并绘制" in out
    assert "[OK     ] 界面：Qt 平台、翻译文件和中文字体" in out
    assert "[OK     ] 加载巡察办服务器的数据库驱动（不连接服务器）" in out
    assert out.rstrip().endswith("项全部正常")
