"""Foreign, mismatched and hostile .xlsx files handed to the set-up import: each is refused with a
coded error before a row is tried, and the store stays as it was (audit log and records)."""

from __future__ import annotations

import os
import random
import traceback
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.security import test_xlsx_fuzz as fuzz
from tests.security.test_xlsx_hostile import MIB, rewrite, spaces
from tests.workbench.conftest import team, team_template
from tests.workbench.setup_files import OFFICE, TEN_TARGETS, fill, office_round, store_state
from tests.workbench.team import Team
from workbench.errors import WorkbenchError
from workbench.reports.errors import ImportTemplateMismatch, LedgerFileInvalid
from workbench.reports.setup_import import import_setup_file
from workbench.reports.setup_rows import RoundNames, plan_row
from workbench.reports.setup_sheet import read_setup_sheet
from workbench.reports.setup_templates import write_template
from workbench.reports.xlsx_guard import MAX_UNPACKED_BYTES
from workbench.store.vault import Vault

__all__ = ["team", "team_template"]  # fixtures used here
CASES = int(os.environ.get("XLSX_FUZZ_CASES", "120"))


@pytest.fixture
def office(team: Team) -> Vault:
    return team(OFFICE)


@pytest.fixture
def round_id(office: Vault) -> str:
    return office_round(office)


def refused(
    vault: Vault, round_id: str, path: Path, error: type[WorkbenchError], match: str
) -> WorkbenchError:
    before = store_state(vault)
    with pytest.raises(error, match=match) as err:
        import_setup_file(vault, path, "targets", round_id)
    assert err.value.exit_code == 8
    assert store_state(vault) == before
    return err.value


def test_a_foreign_workbook_is_refused_as_not_a_template(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    wb = Workbook()
    wb.active.append(["名称", "类型", "关注等级"])
    wb.active.append(["县教育局党组", "党政机关", "一般关注"])
    wb.save(tmp_path / "foreign.xlsx")
    error = refused(office, round_id, tmp_path / "foreign.xlsx", ImportTemplateMismatch, "不是")
    assert error.code == "WB-IMPORT-TEMPLATE" and error.details["why"] == "foreign"


def test_another_kinds_template_is_refused_by_name(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    path = fill("persons", tmp_path / "persons.xlsx", [{"姓名": "张三"}])
    error = refused(office, round_id, path, ImportTemplateMismatch, "是“干部/人员”模板")
    assert error.details["why"] == "kind"


@pytest.mark.parametrize(("version", "hint"), [("0", "已过时"), ("2", "升级"), ("", "已过时")])
def test_a_template_of_another_format_version_is_refused(
    office: Vault, round_id: str, tmp_path: Path, version: str, hint: str
) -> None:
    path = fill("targets", tmp_path / "targets.xlsx", TEN_TARGETS)
    wb = load_workbook(path)
    wb["_meta"]["B2"] = version or None
    wb.save(path)
    error = refused(office, round_id, path, ImportTemplateMismatch, hint)
    assert error.details["why"] == "version"


def test_a_template_with_a_column_removed_is_refused(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    path = fill("targets", tmp_path / "targets.xlsx", TEN_TARGETS)
    wb = load_workbook(path)
    wb["被巡察单位"].delete_cols(2)
    wb.save(path)
    refused(office, round_id, path, ImportTemplateMismatch, "缺少列：类型")


def test_a_zip_bomb_is_refused_before_openpyxl(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    template = write_template("targets", tmp_path / "blank.xlsx")
    member = "xl/worksheets/sheet1.xml"
    bomb = rewrite(
        template,
        tmp_path / "bomb.xlsx",
        lambda n, d: None if n == member else d,
        {member: spaces(member, MAX_UNPACKED_BYTES + MIB)},
    )
    assert bomb.stat().st_size < 200 * 1024
    refused(office, round_id, bomb, LedgerFileInvalid, "解压后超过 64 MB")


def test_malformed_and_non_xlsx_files_are_refused(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    (tmp_path / "noise.xlsx").write_bytes(b"PK\x03\x04 not really a zip" * 100)
    refused(office, round_id, tmp_path / "noise.xlsx", LedgerFileInvalid, "不是有效的 Excel")
    template = fill("targets", tmp_path / "t.xlsx", TEN_TARGETS)
    broken = rewrite(
        template,
        tmp_path / "broken.xlsx",
        lambda n, d: d[: len(d) // 2] if n == "xl/worksheets/sheet1.xml" else d,
    )
    refused(office, round_id, broken, LedgerFileInvalid, "无法读取")
    doctype = rewrite(
        template,
        tmp_path / "doctype.xlsx",
        lambda n, d: b'<!DOCTYPE x [<!ENTITY a "b">]>' + d if n == "xl/workbook.xml" else d,
    )
    refused(office, round_id, doctype, LedgerFileInvalid, "DOCTYPE")


def test_mutated_templates_end_in_rows_or_coded_errors(
    office: Vault, round_id: str, tmp_path: Path
) -> None:
    """The 整改台账 fuzzer's mutations of a filled-in template: reading and checking its rows
    end in refusals or a coded error, never a raw exception or WB-INTERNAL."""
    rng = random.Random(15)
    rows = [*TEN_TARGETS, {"名称": "=A1", "类型": 3.5, "关注等级": "2026-02-30"}]
    seed = fill("targets", tmp_path / "seed.xlsx", rows)
    names = RoundNames(round_id, targets={"县教育局党组": "t"}, teams={"第一巡察组": "g"})
    failures: list[str] = []
    for case in range(CASES):
        path = tmp_path / f"case-{case}.xlsx"
        what = fuzz._mutate(rng, seed, path)
        try:
            try:
                sheet = read_setup_sheet(path, "targets")
                seen: dict[object, int] = {}
                for number, cells in sheet.rows:
                    plan_row("targets", number, cells, names, seen)
            except (LedgerFileInvalid, ImportTemplateMismatch):
                pass
            if case % 10 == 0:
                try:
                    import_setup_file(office, path, "targets", round_id, dry_run=True)
                except WorkbenchError as exc:
                    assert exc.code != "WB-INTERNAL", exc
        except Exception:
            failures.append(f"case {case} ({what}):\n{traceback.format_exc(limit=-3)}")
            path.rename(tmp_path / f"failed-{case}.xlsx")
            continue
        path.unlink()
    assert not failures, f"{len(failures)} of {CASES} cases:\n" + "\n".join(failures[:5])
