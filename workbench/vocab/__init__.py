"""The words the core and the UI share: the closed vocabularies (``enums``) and the names of
record types and fields (``labels``). Plain data with no SQLAlchemy, so the UI may import it
while ``workbench.models`` stays behind the services."""
