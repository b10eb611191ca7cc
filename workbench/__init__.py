"""巡察工作台 core: a headless library that the CLI, the tests and the Qt UI all drive.

This package never imports Qt (checked by import-linter).
"""

__version__ = "0.1.0"
