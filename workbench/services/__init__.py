"""Use cases: plain functions ``verb_noun(session, …)`` returning frozen DTOs.

Importing this package registers the search-index hook (``indexing``), so every write made
through the services keeps the index current in the same transaction.
"""

from workbench.services import indexing  # noqa: F401
