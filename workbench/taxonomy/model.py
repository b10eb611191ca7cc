"""Frozen value types for the taxonomy catalog.

Everything is immutable so the UI and services can share one catalog across threads without
copying. Codes are the stable identifiers that rounds, findings and focus-list statuses store;
titles are for people and may be reworded in a later version.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import ClassVar, Literal

RecordKind = Literal["interview", "letter", "activity", "other"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The header every taxonomy file carries, plus where it was loaded from."""

    schema: ClassVar[str] = ""
    id: str
    version: int
    title: str
    effective: date
    source: str
    path: Path
    shipped: bool  # False for files an office added through an extra directory

    @property
    def key(self) -> str:
        """``id@version``, the name rounds use to pin the version they were run under."""
        return f"{self.id}@{self.version}"


# --- supervision frameworks: framework → 方面 → 类 → 表现 ------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Manifestation:
    level: ClassVar[str] = "表现"
    code: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Category:
    level: ClassVar[str] = "类"
    code: str
    title: str
    description: str
    manifestations: tuple[Manifestation, ...]
    corresponds_to: tuple[str, ...]  # codes in other frameworks, for cross-year statistics


@dataclass(frozen=True, slots=True, kw_only=True)
class Aspect:
    level: ClassVar[str] = "方面"
    code: str
    title: str
    description: str
    categories: tuple[Category, ...]
    corresponds_to: tuple[str, ...]


FrameworkNode = Aspect | Category | Manifestation


@dataclass(frozen=True, slots=True, kw_only=True)
class Framework(Document):
    schema: ClassVar[str] = "framework"
    code: str  # root code, "<PREFIX>-<version>", so codes of two versions can never collide
    scope: str
    aspects: tuple[Aspect, ...]
    _index: Mapping[str, tuple[FrameworkNode, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Built once: classification labels are looked up for every finding row in the UI.
        index = {path[-1].code: path for path in self.walk()}
        object.__setattr__(self, "_index", MappingProxyType(index))

    def walk(self) -> Iterator[tuple[FrameworkNode, ...]]:
        """Every node with its path from the 方面 down, in file order."""
        for aspect in self.aspects:
            yield (aspect,)
            for category in aspect.categories:
                yield (aspect, category)
                for item in category.manifestations:
                    yield (aspect, category, item)

    def lookup(self, code: str) -> tuple[FrameworkNode, ...] | None:
        """The path from the 方面 down to ``code``, or None if this version has no such code."""
        return self._index.get(code)


# --- 六项纪律 and work methods ----------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Discipline:
    code: str
    title: str
    description: str
    basis: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DisciplineSet(Document):
    schema: ClassVar[str] = "disciplines"
    items: tuple[Discipline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkMethod:
    code: str
    title: str
    description: str
    record_kind: RecordKind  # which record usually captures what this method finds
    activity_type: str | None  # the Activity type, when record_kind is "activity"


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkMethodSet(Document):
    schema: ClassVar[str] = "work_methods"
    items: tuple[WorkMethod, ...]


# --- targets, attention levels and focus lists ----------------------------------------------

# people type 乡镇(街道) as often as 乡镇（街道）: a title matches with either width of bracket
_BRACKETS = str.maketrans("()", "（）")


def names_entry(text: str, code: str, title: str) -> bool:
    """Whether ``text`` (typed or from a spreadsheet) is this entry's code or its title."""
    clean = text.strip()
    return clean == code or clean.translate(_BRACKETS) == title.translate(_BRACKETS)


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetSubtype:
    code: str
    title: str
    description: str

    def named(self, text: str) -> bool:
        return names_entry(text, self.code, self.title)


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetKind:
    code: str
    title: str
    description: str
    subtypes: tuple[TargetSubtype, ...]

    def subtype(self, code: str) -> TargetSubtype | None:
        return next((s for s in self.subtypes if s.code == code), None)

    def named(self, text: str) -> bool:
        return names_entry(text, self.code, self.title)


@dataclass(frozen=True, slots=True, kw_only=True)
class AttentionLevel:
    code: str
    title: str
    rank: int  # 1 is the closest attention
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetTypes(Document):
    schema: ClassVar[str] = "targets"
    kinds: tuple[TargetKind, ...]
    attention_levels: tuple[AttentionLevel, ...]

    def kind(self, code: str) -> TargetKind | None:
        return next((k for k in self.kinds if k.code == code), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class FocusItem:
    code: str
    title: str
    description: str  # 说明: what the team checks


@dataclass(frozen=True, slots=True, kw_only=True)
class FocusList(Document):
    schema: ClassVar[str] = "focus_list"
    kind: str
    subtype: str | None
    code: str
    items: tuple[FocusItem, ...]


# --- 政治画像 ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Rating:
    code: str
    title: str
    score: int
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PortraitItem:
    code: str
    title: str
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PortraitDimension:
    code: str
    title: str
    items: tuple[PortraitItem, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PortraitTemplate(Document):
    schema: ClassVar[str] = "portrait"
    code: str
    subjects: tuple[str, ...]
    ratings: tuple[Rating, ...]
    dimensions: tuple[PortraitDimension, ...]

    @property
    def items(self) -> tuple[PortraitItem, ...]:
        return tuple(item for dim in self.dimensions for item in dim.items)
