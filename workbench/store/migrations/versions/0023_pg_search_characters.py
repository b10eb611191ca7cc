"""Search on PostgreSQL: every character of a run a token of its own, beside the bigrams.

A one-character term was a prefix lexeme (``'b卡':*``: any bigram starting with it, or the
run's last character), and GIN's partial match reads every matching key's posting list, ten
times slower than one exact lexeme (bench/NOTES.md, "全文搜索 at 1,000,000 letters"). From this
revision ``search.postgres`` indexes each character too and looks it up exactly.

The new tokens follow from the old ones, so no record is read again: every character of a run
but its last begins one of its bigrams, and the last is a token already, so a column's
characters are the first characters of its tagged tokens (``b巡察 b察组 b组`` give ``b巡``,
``b察``, ``b组``). The rows are rewritten here, with the
GIN index dropped and built again after (one build instead of a million index updates): once
the revision commits every document is in the new form, and a search never meets the old one.
The table is then written again in ``rowid`` order (``CLUSTER``): an UPDATE leaves some rows in
place and moves the rest to the end, and a search's sample, taken in the table's order, would
then see its candidates spread over many more rowids than they are and read a dense term's
every hit (2.5 s instead of 0.1 at 1,000,000 letters; bench/NOTES.md, "office").
Documents still waiting in ``search_pending`` (no tokens yet) get theirs from the catch-up.

Downgrade leaves the tokens: the old queries' prefix lexemes find the same candidates in them.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from workbench.store.migrations.dialects import is_sqlite

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

# A lexeme is the column's tag (t, b, p) and a bigram or one character: left(lexeme, 2) is the
# tag and the first character (array_to_tsvector drops the repeats).
_ADD_CHARACTERS = """
    UPDATE search_docs SET tokens = tokens || array_to_tsvector(ARRAY(
        SELECT left(lexeme, 2) FROM unnest(tsvector_to_array(tokens)) AS lexeme
    ))
    WHERE tokens <> ''::tsvector
"""
_UPGRADE = (
    "DROP INDEX IF EXISTS ix_search_docs_tokens",
    _ADD_CHARACTERS,
    "CLUSTER search_docs USING search_docs_pkey",
    "CREATE INDEX ix_search_docs_tokens ON search_docs USING gin (tokens)",
    "ANALYZE search_docs",
)


def upgrade() -> None:
    if is_sqlite():
        return
    for statement in _UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    pass
