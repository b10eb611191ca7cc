"""The PySide6 desktop workbench. Never issues SQL; talks to ``workbench`` services only."""
