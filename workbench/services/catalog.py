"""The taxonomy catalog the services validate against: shipped data plus the office's own."""

from __future__ import annotations

from functools import lru_cache

from workbench import paths
from workbench.taxonomy import Catalog, load_catalog


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """Loaded once per process; ``<data dir>/taxonomy`` holds versions an office added."""
    extra = paths.data_dir() / "taxonomy"
    return load_catalog([extra] if extra.is_dir() else [])
