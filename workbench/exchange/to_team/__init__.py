"""Office → team: briefings (with their taxonomy documents) and receipts."""
