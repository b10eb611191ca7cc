"""Use cases: plain functions ``verb_noun(session, …)`` returning frozen DTOs."""
