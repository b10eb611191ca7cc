"""Chinese full-text search over records of any type (pure Python + SQLite FTS5, no Qt).

The domain layer feeds :class:`SearchDoc` values to :func:`index_documents` in the same transaction
as the records they describe and asks :func:`search` for :class:`SearchHit` values. See ``schema``
for the tables, ``query`` for how typed text becomes FTS5 expressions.
"""

from workbench.search.bench import bench_search
from workbench.search.indexer import clear, index_documents, optimize, rebuild, remove_documents
from workbench.search.model import SearchDoc, SearchHit
from workbench.search.schema import create_search_schema, drop_search_schema
from workbench.search.searcher import search
from workbench.search.text import HIGHLIGHT_END, HIGHLIGHT_START

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "SearchDoc",
    "SearchHit",
    "bench_search",
    "clear",
    "create_search_schema",
    "drop_search_schema",
    "index_documents",
    "optimize",
    "rebuild",
    "remove_documents",
    "search",
]
