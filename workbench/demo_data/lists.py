"""Synthetic lists for 大数据碰撞比对, with the hits a correct run must find.

``write_lists(folder)`` writes the nine kinds of list an office collects (as departments send
them: .xlsx with or without a title row, .csv in UTF-8 or GB18030) and returns them with the
truth: every planted hit as (rule id, subject's 身份证号), and the near misses planted beside
them, which no rule may report. The same seed writes the same files.

Everybody is made up: names from the demo's surname and given-name pools, 身份证号 unique and
valid (GB 11643 check digit), each noise row a person of its own, so that a hit exists only
where one was planted. ``messy`` lists (the default for the small scale) also carry what real
lists carry: 15-digit old numbers, full-width digits, a 繁体 name, spaces inside names, dates
and amounts in the forms Chinese spreadsheets use. The bench scale writes plain CSV in UTF-8 so
that a baseline engine reads the same values.

The parts: ``list_maker`` (people, firms, cell text from one seeded source), ``list_rows`` (one
row of each kind), ``list_planted`` (the hits and near misses, by rule), ``list_noise`` (the
rest) and ``list_files`` (the layouts and the files).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.demo_data import names
from workbench.demo_data.list_files import LAYOUTS, Row, write_list
from workbench.demo_data.list_maker import Maker, NearMiss, PlantedRows, Scale
from workbench.demo_data.list_noise import noise_rows
from workbench.demo_data.list_planted import (
    AREA_EXCEEDS,
    DUPLICATE_RECEIPT,
    PAID_AFTER_DEATH,
    PERSON_IN_LISTS,
    RELATIVE_CONTRACTS,
    RULE_IDS,
    STAFF_IN_BUSINESS,
    plant,
)
from workbench.vocab.enums import DataListKind as Kind

__all__ = [
    "AREA_EXCEEDS",
    "DUPLICATE_RECEIPT",
    "PAID_AFTER_DEATH",
    "PERSON_IN_LISTS",
    "RELATIVE_CONTRACTS",
    "RULE_IDS",
    "SCALES",
    "SOURCE_DATE",
    "STAFF_IN_BUSINESS",
    "ListFile",
    "NearMiss",
    "Scale",
    "SyntheticLists",
    "default_places",
    "write_lists",
]

SCALES: dict[str, Scale] = {
    "small": Scale(120, 60, 40, 16, 64, 24, 30, 10, 16, villages=8, planted=1),
    "bench": Scale(
        1_000_000, 100_000, 50_000, 40_000, 200_000, 50_000, 50_000, 5_000, 20_000, 2_000, 10
    ),
}


@dataclass(frozen=True)
class ListFile:
    kind: Kind
    path: Path
    label: str  # 数据来源
    source_date: date
    mapping: dict[str, int]  # field key → column index
    rows: int


@dataclass(frozen=True)
class SyntheticLists:
    files: tuple[ListFile, ...]
    truth: frozenset[tuple[str, str]]  # (rule id, subject 身份证号) of every planted hit
    near_misses: tuple[NearMiss, ...]

    def file(self, kind: Kind) -> ListFile:
        return next(f for f in self.files if f.kind is kind)


SOURCE_DATE = date(2026, 6, 30)  # 数据截止日期 of every list


def default_places(count: int) -> list[str]:
    """Village names: the demo's pool first, then made-up ones prefixed by a town."""
    places = list(names.VILLAGE_NAMES[:count])
    surnames = list(dict.fromkeys(names.SURNAMES))
    words = names.VILLAGE_PLACE_WORDS
    for i in range(count - len(places)):
        surname, word = surnames[i % len(surnames)], words[(i // len(surnames)) % len(words)]
        town = names.TOWNS[(i // len(surnames) // len(words)) % len(names.TOWNS)]
        places.append(f"{town}{surname}家{word}村")
    return places


def write_lists(
    folder: Path,
    *,
    scale: str | Scale = "small",
    seed: int = 2026,
    places: Sequence[str] = (),
    messy: bool | None = None,
    marker: str = "",
) -> SyntheticLists:
    """Write the nine lists into ``folder`` and return them with the truth.

    ``places``: the round's villages (at least three; made up when fewer). ``messy``: the forms
    of real lists (default: only at the small scale). ``marker``: the name of one planted
    person, who then appears in several lists and in a hit (the disk-scan test looks for it).
    """
    size = SCALES[scale] if isinstance(scale, str) else scale
    if messy is None:
        messy = size.assistance <= 10_000
    if len(set(places)) < 3:
        places = default_places(size.villages)
    maker = Maker(size, seed, list(dict.fromkeys(places)), messy)
    lists = PlantedRows()
    plant(maker, lists, marker)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for kind in Kind:
        layout = LAYOUTS[kind]
        planted = lists.rows[kind]
        total = max(getattr(size, kind.value), len(planted))
        rows = _mixed(planted, total, noise_rows(maker, kind, total - len(planted)))
        form = layout.form if messy else "csv-utf8"
        path = write_list(folder, layout, rows, form=form)
        files.append(ListFile(kind, path, layout.label, SOURCE_DATE, layout.mapping, total))
    return SyntheticLists(tuple(files), frozenset(lists.truth), tuple(lists.near))


def _mixed(planted: list[Row], total: int, noise: Iterator[Row]) -> Iterator[Row]:
    """The planted rows spread evenly among the noise."""
    step = max(1, total // (len(planted) + 1))
    queue = iter(planted)
    for position in range(1, total + 1):
        row = next(queue, None) if position % step == 0 else None
        yield row if row is not None else next(noise)
