"""Turning what a user typed into FTS5 MATCH expressions.

Terms are separated by whitespace and must all match. Each term is folded (NFKC + lower case) and
routed by its length in characters:

- ≥ 3 characters: a phrase on the trigram table — an exact substring, punctuation included
  (``xc-2026-001``);
- 2 characters: a bigram token on the bigram table;
- 1 character: a prefix query on the bigram table (any bigram starting with it, or the closing
  single character of a run — see ``text.bigram_text``).

A term of only ASCII letters (≥ 2) may also match the ``pinyin`` column (``wjg`` → 王建国).
User text only ever reaches FTS5 inside a double-quoted string with ``"`` doubled, so operators,
column filters, ``*``, ``^``, parentheses and quotes are all plain text; terms with nothing
searchable left (``--``, ``;``) are dropped. The whole query is capped so a pasted page cannot
build an enormous expression.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workbench.search.text import bigram_phrase, fold, runs

MAX_QUERY_CHARS = 256
MAX_TERMS = 16
_TEXT_COLUMNS = "{title body}"


@dataclass(frozen=True, slots=True)
class Term:
    """One term as PostgreSQL's search takes it (``search.postgres``): ``needle`` is what must
    occur (the whole term of ≥ 3 characters, else its run), ``trigram`` its routing, ``pinyin``
    whether it may match the pinyin instead, ``runs`` its letter/digit runs (the tokens)."""

    needle: str
    trigram: bool
    pinyin: bool
    runs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """MATCH expressions per table (None: table not needed), the needles to highlight, and the
    same terms for PostgreSQL (``titles_only``: ``in_titles``)."""

    trigram: str | None
    bigram: str | None
    needles: tuple[str, ...]
    pinyin: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    titles_only: bool = False

    @property
    def empty(self) -> bool:
        return self.trigram is None and self.bigram is None

    @property
    def single_term(self) -> bool:
        return len(self.needles) == 1

    def in_titles(self) -> ParsedQuery:
        """The same terms matched in titles (and pinyin) only: see ``searcher.search``."""

        def narrow(expr: str | None) -> str | None:
            return None if expr is None else expr.replace(_TEXT_COLUMNS, "{title}")

        return replace(
            self, trigram=narrow(self.trigram), bigram=narrow(self.bigram), titles_only=True
        )


def quote(text: str) -> str:
    """An FTS5 string literal: everything inside is data, ``"`` is escaped by doubling."""
    return '"' + text.replace('"', '""') + '"'


def _is_pinyin(term: str) -> bool:
    return len(term) >= 2 and term.isascii() and term.isalpha()


def _with_pinyin(term: str, text_expr: str) -> str:
    expr = f"{_TEXT_COLUMNS} : ({text_expr})"
    if _is_pinyin(term):
        expr = f"({expr} OR pinyin : ({quote(term)}))"
    return expr


def _bigram_expr(term: str) -> tuple[str, str] | None:
    """Expression and highlight needle for a 1–2 character term, or None if nothing is left."""
    found = runs(term)
    if not found:
        return None
    run = found[0]  # a 1–2 character term holds at most one letter/digit run
    text_expr = f"{quote(run)} *" if len(run) == 1 else quote(bigram_phrase(run))
    return _with_pinyin(term, text_expr), run


def parse_query(query: str) -> ParsedQuery:
    """Split, fold and route the terms of ``query``; see the module docstring."""
    terms = fold(query.strip()[:MAX_QUERY_CHARS]).split()
    trigram: list[str] = []
    bigram: list[str] = []
    needles: list[str] = []
    parsed: list[Term] = []
    for term in dict.fromkeys(terms):  # drop repeated terms, keep order
        if len(trigram) + len(bigram) >= MAX_TERMS:
            break
        if len(term) >= 3:
            trigram.append(_with_pinyin(term, quote(term)))
            needles.append(term)
            parsed.append(Term(term, True, _is_pinyin(term), tuple(runs(term))))
        elif routed := _bigram_expr(term):
            bigram.append(routed[0])
            needles.append(routed[1])
            parsed.append(Term(routed[1], False, _is_pinyin(term), (routed[1],)))
    return ParsedQuery(
        trigram=" AND ".join(trigram) or None,
        bigram=" AND ".join(bigram) or None,
        needles=tuple(needles),
        pinyin=tuple(term for term in needles if _is_pinyin(term)),
        terms=tuple(parsed),
    )
