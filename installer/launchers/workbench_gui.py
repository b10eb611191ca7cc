"""Frozen entry point of ``workbench-gui`` (the desktop workbench)."""

import sys

from ui.app import main

sys.exit(main())
