"""Alembic migrations, run at open on the keyed connection (see ``workbench.store.migrate``)."""
