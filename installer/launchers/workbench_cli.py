"""Frozen entry point of ``workbench`` (the command line)."""

import sys

from workbench.cli import main

sys.exit(main())
