"""Lists are personal data: importing them, running every rule and turning a hit into a clue
(the matched rows as an .xlsx attachment) writes no plaintext anywhere, nor does sending them
with a briefing, on the office's side or the team's. A marker name planted in
the lists is looked for, in UTF-8, GB18030 and UTF-16-LE, in the store, the workbench home, the
temp folder, the home folders and the working folder; the source files are deleted first (they
are the only plaintext copy, brought by the user)."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest

from tests.workbench.conftest import team, team_template
from tests.workbench.exchange_support import WorldTemplate, world_in
from tests.workbench.setup_files import OFFICE, office_round
from tests.workbench.team import Team
from workbench import exchange as ex
from workbench.demo_data.lists import PERSON_IN_LISTS, write_lists
from workbench.services.datahits import list_hits, run_rules
from workbench.services.datalists import import_list
from workbench.services.hit_review import hit_to_clue
from workbench.vocab.enums import CadreLevel

pytestmark = pytest.mark.slow
__all__ = ["team", "team_template"]  # fixtures used here

MARKER = "甄士隐贾雨村"


def _needles() -> list[bytes]:
    """The marker in each encoding, and as XML character references (openpyxl writes text
    that way inside an .xlsx)."""
    encoded = [MARKER.encode(encoding) for encoding in ("utf-8", "gb18030", "utf-16-le")]
    references = "".join(f"&#{ord(c)};" for c in MARKER).encode("ascii")
    return [*encoded, references]


def _holds_marker(data: bytes) -> bool:
    """The marker in the bytes, or in any member of a zip (.xlsx: its text is deflated)."""
    if any(needle in data for needle in _needles()):
        return True
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(_holds_marker(archive.read(member)) for member in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _files_with_marker(roots: list[Path]) -> list[str]:
    found = []
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = Path(folder) / name
                try:
                    if path.is_symlink() or not path.is_file():
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                if _holds_marker(data):
                    found.append(str(path))
    return found


@pytest.fixture
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Temp, home and working folders of this test only, so scanning them is exhaustive."""
    names = ("tmp", "userhome", "cache", "config", "data", "work")
    dirs = {name: tmp_path / name for name in names}
    for directory in dirs.values():
        directory.mkdir()
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    monkeypatch.setattr(tempfile, "tempdir", str(dirs["tmp"]))
    monkeypatch.setenv("HOME", str(dirs["userhome"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs["cache"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs["config"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs["data"]))
    monkeypatch.chdir(dirs["work"])
    return dirs


def test_the_scan_finds_the_marker_in_every_encoding(tmp_path: Path) -> None:
    """The check below can fail: the marker is found in each encoding and inside an .xlsx."""
    lists = write_lists(tmp_path / "lists", marker=MARKER)
    for encoding in ("utf-8", "gb18030", "utf-16-le"):
        (tmp_path / f"{encoding}.txt").write_text(f"姓名：{MARKER}", encoding)
    found = sorted(Path(p).name for p in _files_with_marker([tmp_path]))
    marked = sorted(f.path.name for f in lists.files if f.path.suffix == ".xlsx")
    assert set(found) >= {"utf-8.txt", "gb18030.txt", "utf-16-le.txt"}
    assert {name for name in found if name.endswith(".xlsx")} <= set(marked)
    assert any(name.endswith(".xlsx") for name in found)


def test_import_run_and_clue_leave_no_plaintext(
    team: Team, private_dirs: dict[str, Path], tmp_path: Path
) -> None:
    source = tmp_path / "source"
    lists = write_lists(source, marker=MARKER)
    assert _files_with_marker([source])  # the marker is in the lists as written
    round_id = office_round(team(OFFICE))
    with team(OFFICE).session() as s:
        for item in lists.files:
            import_list(
                s,
                item.path,
                kind=item.kind,
                round_id=round_id,
                label=item.label,
                mapping=item.mapping,
            )
    with team(OFFICE).session() as s:
        run_rules(s, round_id)
    with team().read() as s:
        marked = [h for h in list_hits(s, round_id) if h.subject_name == MARKER]
    assert [h.rule_id for h in marked] == [PERSON_IN_LISTS]
    with team().session() as s:
        hit_to_clue(s, marked[0].id, attachments=team().attachments, subject_level=CadreLevel.OTHER)
    team.close()
    shutil.rmtree(source)
    roots = [team.directory, Path(os.environ["WORKBENCH_HOME"]), *private_dirs.values()]
    assert _files_with_marker(roots) == []


def test_a_list_sent_with_a_briefing_leaves_no_plaintext_on_either_side(
    exchange_world_template: WorldTemplate, private_dirs: dict[str, Path], tmp_path: Path
) -> None:
    """The office reads the lists into the package as it seals it (no spool, no temp file); the
    team writes them into its store as it decrypts them, then runs the rules on site."""
    source = tmp_path / "source"
    lists = write_lists(source, marker=MARKER)
    with world_in(exchange_world_template, tmp_path / "w") as w:
        with w.office.session() as s:
            sent = [
                import_list(
                    s,
                    item.path,
                    kind=item.kind,
                    round_id=w.round_id,
                    label=item.label,
                    mapping=item.mapping,
                ).source_id
                for item in lists.files
            ]
        package = w.dir / "brief.wbp"
        ex.build_briefing(w.office, w.round_id, [w.template.device_a], package, lists=sent)
        assert ex.import_package(w.a, package).outcome["lists_added"] == len(sent)
        with w.a.session() as s:
            run_rules(s, w.round_id)
        with w.a.read() as s:
            marked = [h for h in list_hits(s, w.round_id) if h.subject_name == MARKER]
        assert [h.rule_id for h in marked] == [PERSON_IN_LISTS]  # the rows arrived readable
    shutil.rmtree(source)
    roots = [tmp_path, Path(os.environ["WORKBENCH_HOME"]), *private_dirs.values()]
    assert _files_with_marker(roots) == []
