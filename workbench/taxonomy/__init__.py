"""Versioned taxonomy data: supervision frameworks, 六项纪律, work methods, target kinds with
their focus lists, and political-portrait templates.

The data lives in ``resources/taxonomy`` as JSON (one ``<id>@<version>.json`` per document); an
office may add its own versions in further directories. Pure Python: no Qt, no database.
"""

from __future__ import annotations

from workbench.taxonomy.catalog import SHIPPED_DIR, Catalog, load_catalog
from workbench.taxonomy.errors import TaxonomyError, TaxonomyNotFound
from workbench.taxonomy.model import (
    Aspect,
    AttentionLevel,
    Category,
    Discipline,
    DisciplineSet,
    Document,
    FocusItem,
    FocusList,
    Framework,
    FrameworkNode,
    Manifestation,
    PortraitDimension,
    PortraitItem,
    PortraitTemplate,
    Rating,
    RecordKind,
    TargetKind,
    TargetSubtype,
    TargetTypes,
    WorkMethod,
    WorkMethodSet,
)
from workbench.taxonomy.parse import SCHEMA_PREFIX

__all__ = [
    "SCHEMA_PREFIX",
    "SHIPPED_DIR",
    "Aspect",
    "AttentionLevel",
    "Catalog",
    "Category",
    "Discipline",
    "DisciplineSet",
    "Document",
    "FocusItem",
    "FocusList",
    "Framework",
    "FrameworkNode",
    "Manifestation",
    "PortraitDimension",
    "PortraitItem",
    "PortraitTemplate",
    "Rating",
    "RecordKind",
    "TargetKind",
    "TargetSubtype",
    "TargetTypes",
    "TaxonomyError",
    "TaxonomyNotFound",
    "WorkMethod",
    "WorkMethodSet",
    "load_catalog",
]
