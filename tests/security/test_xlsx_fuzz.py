"""Bounded fuzzing of the 整改台账 import in CI: a seeded mutation loop over genuine exported
ledgers (byte flips and cuts of the zip, and mutated XML inside well-formed zips). Whatever the
file, reading it ends in rows or in WB-LEDGER-INVALID, and a whole import in a coded error:
never a raw exception, never WB-INTERNAL. ``XLSX_FUZZ_CASES`` runs more cases by hand, and
``XLSX_FUZZ_FULL_EVERY`` how often a case goes through a whole (dry-run) import."""

from __future__ import annotations

import contextlib
import os
import random
import re
import traceback
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from tests.workbench import test_docs_data as docs_data
from tests.workbench.test_docs_data import Seeded
from workbench.errors import WorkbenchError
from workbench.reports import DocRequest, LedgerFileInvalid, write_document
from workbench.reports.xlsx_import import import_rectification_ledger
from workbench.reports.xlsx_rows import Cells, RowError, read_ledger
from workbench.store.vault import Vault

seeded, seeded_copy = docs_data.seeded, docs_data.seeded_copy
CASES = int(os.environ.get("XLSX_FUZZ_CASES", "200"))
FULL_IMPORT_EVERY = int(os.environ.get("XLSX_FUZZ_FULL_EVERY", "8"))  # also a dry-run import

SNIPPETS = (
    '<row r="0">', '<row r="2">', '<row r="1048577">', "</row>", "<row>",
    '<c r="A2" t="s"><v>7</v></c>', '<c t="d"><v>not-a-date</v></c>',
    '<c t="n"><v>1e400</v></c>', '<c t="b"><v>x</v></c>', '<c r="XFE1"/>',
    '<c s="999"><v>45000</v></c>', "<f>A1</f>", "<v></v>", "<v>-1</v>",
    "<is><t>文本</t></is>", "<is><t>²</t></is>", '<is><r><t>a</t></r><r><t>b</t></r></is>',
    '<dimension ref="A1:XFD1048576"/>', '<dimension ref="A0:A1"/>',
    '<sheet name="_meta" sheetId="9" r:id="rId99"/>', '<sheet name="x" sheetId="1"/>',
    "&amp;", "&#0;", "&#xD800;", "&undefined;", "]]>", "<![CDATA[x]]>", "<?pi x?>",
    "<!-- c -->", "\x00", "é", '<mergeCell ref="A1:A0"/>',
    '<Relationship Id="rId1" Target="../../../etc/passwd" Type="x"/>',
    '<Override PartName="/xl/none.xml" ContentType="application/xml"/>',
)  # fmt: skip
VALUES = (
    "", "0", "-1", "1048577", "A0", "ZZZZ1", "XFD1048576", "1e9", "NaN", "inf", "1.5",
    "s", "d", "e", "inlineStr", "str", "b", "n", "../../etc/passwd",
    "/xl/worksheets/sheet1.xml", "rId1", "999999999999999999999", "整改台账", "_meta",
)  # fmt: skip
TEXTS = (
    "", " ", "²", "9" * 40, "-1", "0", "1e309", "NaN", "2026-13-45", "2026-02-30", "0001-01-01",
    "20260230", "明年", "已完成", "长期坚持", "推进中", "未启动", "较好", "好", "城关镇党委",
    "不存在的单位", "=A1", "'", "措" * 5_000, "\t\r\n", "&lt;!DOCTYPE&gt;", "_x0000_",
)  # fmt: skip
ATTRIBUTE = re.compile(rb'="[^"]*"')
TEXT = re.compile(rb"<t>[^<]*</t>")


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    if rng.random() < 0.3:
        return bytes(out[: rng.randrange(len(out))])
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _mutate_xml(rng: random.Random, xml: bytes) -> bytes:
    out = xml
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(out) + 1)
        op = rng.choice(("flip", "delete", "duplicate", "insert", "attribute", "text", "text"))
        if op == "flip" and out:
            j = min(i, len(out) - 1)
            out = out[:j] + bytes([out[j] ^ (1 << rng.randrange(8))]) + out[j + 1 :]
        elif op == "delete":
            out = out[:i] + out[i + rng.randint(1, 64) :]
        elif op == "duplicate":
            out = out[:i] + out[i : i + rng.randint(1, 256)] * rng.randint(2, 4) + out[i:]
        elif op == "insert":
            out = out[:i] + rng.choice(SNIPPETS).encode() + out[i:]
        elif op == "text" and (texts := list(TEXT.finditer(out))):
            m = rng.choice(texts)
            out = out[: m.start()] + f"<t>{rng.choice(TEXTS)}</t>".encode() + out[m.end() :]
        elif op == "attribute" and (matches := list(ATTRIBUTE.finditer(out))):
            m = rng.choice(matches)
            value = rng.choice(VALUES).encode()
            out = out[: m.start()] + b'="' + value + b'"' + out[m.end() :]
    return out


def _mutate(rng: random.Random, seed: Path, path: Path) -> str:
    """Write a mutant of ``seed`` to ``path``; returns what was done, to name a failure."""
    if rng.random() < 0.25:
        path.write_bytes(_mutate_bytes(rng, seed.read_bytes()))
        return "bytes of the zip"
    with zipfile.ZipFile(seed) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    names = sorted(parts)
    weighted = [n for n in names if "sheet" in n or "workbook" in n] * 3 + names
    member = rng.choice(weighted)
    parts[member] = _mutate_xml(rng, parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return member


def _seeds(vault: Vault, seeded: Seeded, tmp_path: Path) -> list[Path]:
    plain = tmp_path / "seed-plain.xlsx"
    with vault.read() as s:
        write_document(s, DocRequest("rectification", round_id=seeded.round_id), plain, "xlsx")
    wb = load_workbook(plain)  # an edited one too: shared strings, dates, a formula, new rows
    ws = wb["整改台账"]
    cols = {c.value: c.column for c in ws[1]}
    ws.cell(2, cols["整改措施"]).value = "新的措施"
    ws.cell(3, cols["整改时限"]).value = "2026/6/30"
    ws.cell(ws.max_row + 1, cols["问题表现"]).value = "新增的问题"
    ws.cell(ws.max_row, cols["整改状态"]).value = "推进中"
    ws.cell(ws.max_row + 1, cols["问题表现"]).value = "=A1"
    edited = tmp_path / "seed-edited.xlsx"
    wb.save(edited)
    return [plain, edited]


def _read(path: Path) -> None:
    """Read the file as the import does, up to the parsed cells."""
    try:
        ledger = read_ledger(path)
    except LedgerFileInvalid:
        return
    for number, cells in ledger.rows:
        with contextlib.suppress(RowError):
            Cells.parse(number, cells)


def test_mutated_ledgers_end_in_rows_or_coded_errors(
    seeded_copy: Vault, seeded: Seeded, tmp_path: Path
) -> None:
    rng = random.Random(23)
    seeds = _seeds(seeded_copy, seeded, tmp_path)
    for seed in seeds:  # the seeds themselves read and import cleanly
        _read(seed)
        import_rectification_ledger(seeded_copy, seed, dry_run=True)
    failures: list[str] = []
    for case in range(CASES):
        path = tmp_path / f"case-{case}.xlsx"
        what = _mutate(rng, rng.choice(seeds), path)
        try:
            _read(path)
            if case % FULL_IMPORT_EVERY == 0:
                try:
                    import_rectification_ledger(seeded_copy, path, dry_run=True)
                except WorkbenchError as exc:
                    assert exc.code != "WB-INTERNAL", exc
        except Exception:
            failures.append(f"case {case} ({what}):\n{traceback.format_exc(limit=-3)}")
            path.rename(tmp_path / f"failed-{case}.xlsx")  # kept to reproduce
            continue
        path.unlink()
    assert not failures, f"{len(failures)} of {CASES} cases:\n" + "\n".join(failures[:5])
