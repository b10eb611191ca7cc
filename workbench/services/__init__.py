"""Use cases: plain functions ``verb_noun(session, …)`` returning frozen DTOs.

Importing this package registers the search-index hook (``indexing``), so every write made
through the services keeps the index current in the same transaction.
"""

from sqlalchemy.orm import Session

from workbench.services import indexing  # noqa: F401

# The argument of every unit of work, named here for the UI's ``Tasks.run`` signature: the UI
# may not import sqlalchemy itself (import-linter), and only passes the session through.
__all__ = ["Session"]
